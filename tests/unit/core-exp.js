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
  const q0 = 1 + r, q1 = 1 / 2 + r * (1 / 6), q2 = 1 / 24 + r * (1 / 120),
    q3 = 1 / 720 + r * (1 / 5040), q4 = 1 / 40320 + r * (1 / 362880),
    q5 = 1 / 3628800 + r * (1 / 39916800), q6 = 1 / 479001600 + r * (1 / 6227020800);
  const p = (q0 + q1 * r2 + (q2 + q3 * r2) * r4) + ((q4 + q5 * r2) + q6 * r4) * r8;
  // 2^k as a double: exponent field k + 1023, as the core builds it from the bits of `shifted`.
  view.setUint32(0, (k + 1023) << 20 >>> 0);
  view.setUint32(4, 0);
  return p * view.getFloat64(0);
}
