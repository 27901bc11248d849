// The core's exp (wasm/core/math.hpp), the same arithmetic in JavaScript. The
// core defines exp by this formula so that every build rounds alike; libm's and
// V8's exp differ from it in the last bit. A run that amplifies last bits (see
// reference.test.js) can only be compared to the reference with this primitive.
const view = new DataView(new ArrayBuffer(8));

export function coreExp(unbounded) {
  const ln2Hi = 6.93147180369123816490e-01;
  const ln2Lo = 1.90821492927058770002e-10;
  const shifter = 6755399441055744; // 0x1.8p52
  const x = Math.min(Math.max(unbounded, -708), 708); // the core saturates beyond +-708
  const shifted = x * 1.4426950408889634 + shifter;
  const k = shifted - shifter;
  const r = (x - k * ln2Hi) - k * ln2Lo;
  const r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  const p01 = 1 + r, p23 = 0.5000000000000001 + r * 0.16666666666666669,
    p45 = 0.04166666666662413 + r * 0.008333333333330062,
    p67 = 0.0013888888917213717 + r * 0.00019841269863053618,
    p89 = 2.4801521295954376e-05 + r * 2.7557268459997064e-06,
    p1011 = 2.7620088445409746e-07 + r * 2.510038549551032e-08;
  const p = (p01 + p23 * r2 + (p45 + p67 * r2) * r4) + (p89 + p1011 * r2) * r8;
  // 2^k as a double: exponent field k + 1023, as the core builds it from the bits of `shifted`.
  view.setUint32(0, (k + 1023) << 20 >>> 0);
  view.setUint32(4, 0);
  return p * view.getFloat64(0);
}
