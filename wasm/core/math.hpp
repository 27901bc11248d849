// exp and tanh written out in plain arithmetic, so that they round the same
// way natively and in every wasm engine (libm implementations differ in the
// last bit, glibc's even between CPUs), cost no library call, and have no
// branches, so loops over them vectorize.
#pragma once

#include <cstdint>
#include <cstring>
#include <limits>

namespace nnfit {

// Within [-708, 708] 2^k stays a normal number; beyond it exp is taken as 0 or
// infinity. That bound is applied to the result, with selects: clamping the
// argument instead compiles to wasm's NaN-aware f64x2.min/max, which cost V8
// several instructions each (measured: the tutorial's run 6.1 -> 5.8 ms).
inline constexpr double kExpLimit = 708.0;

// exp(x) = 2^k exp(r), with k = round(x / ln 2) and r = x - k ln 2, |r| <= ln2 / 2;
// exp(r) = sum r^i / i! for i <= 13 (truncation < 1e-17 relative), evaluated in
// Estrin's scheme (short dependency chains). Within 2 ulp of exp for |x| <= 708;
// 0 below, infinity above; NaN stays NaN (both comparisons are false).
inline double exactExp(double x) {
    const double ln2Hi = 6.93147180369123816490e-01;  // ln 2 with its low bits zero, so k ln2Hi is exact
    const double ln2Lo = 1.90821492927058770002e-10;  // ln 2 - ln2Hi
    const double shifter = 0x1.8p52;                  // x / ln2 + shifter holds round(x / ln2) in its low bits
    const double shifted = x * 1.4426950408889634 + shifter;
    const double k = shifted - shifter;
    const double r = (x - k * ln2Hi) - k * ln2Lo;
    const double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    const double q0 = 1.0 + r, q1 = 1.0 / 2 + r * (1.0 / 6), q2 = 1.0 / 24 + r * (1.0 / 120),
                 q3 = 1.0 / 720 + r * (1.0 / 5040), q4 = 1.0 / 40320 + r * (1.0 / 362880),
                 q5 = 1.0 / 3628800 + r * (1.0 / 39916800), q6 = 1.0 / 479001600 + r * (1.0 / 6227020800);
    const double p = (q0 + q1 * r2 + (q2 + q3 * r2) * r4) + ((q4 + q5 * r2) + q6 * r4) * r8;
    std::uint64_t bits;
    std::memcpy(&bits, &shifted, sizeof bits);
    bits = (bits + 1023) << 52;  // 2^k: k + 1023 in the exponent field
    double scale;
    std::memcpy(&scale, &bits, sizeof scale);
    const double e = p * scale;
    return x < -kExpLimit ? 0.0 : (x > kExpLimit ? std::numeric_limits<double>::infinity() : e);
}

// expm1(x) = exp(x) - 1 without cancellation: sum x^i / i! for i <= 14 when |x| < 0.35.
inline double exactExpm1(double x) {
    const double x2 = x * x, x4 = x2 * x2, x8 = x4 * x4;
    const double q0 = 1.0 + x * (1.0 / 2), q1 = 1.0 / 6 + x * (1.0 / 24), q2 = 1.0 / 120 + x * (1.0 / 720),
                 q3 = 1.0 / 5040 + x * (1.0 / 40320), q4 = 1.0 / 362880 + x * (1.0 / 3628800),
                 q5 = 1.0 / 39916800 + x * (1.0 / 479001600), q6 = 1.0 / 6227020800 + x * (1.0 / 87178291200);
    const double series = x * ((q0 + q1 * x2 + (q2 + q3 * x2) * x4) + ((q4 + q5 * x2) + q6 * x4) * x8);
    const double viaExp = exactExp(x) - 1.0;
    return (x < 0.35 && x > -0.35) ? series : viaExp;
}

// tanh(z) = sign(z) (-m / (2 + m)), m = expm1(-2|z|)
inline double exactTanh(double z) {
    const double magnitude = z < 0 ? -z : z;
    const double m = exactExpm1(-2.0 * magnitude);
    const double t = -m / (2.0 + m);
    return z < 0 ? -t : t;
}

// a = 1 / (1 + exp(-z))
inline double sigmoid(double z) { return 1.0 / (1.0 + exactExp(-z)); }

}  // namespace nnfit
