// exp and tanh written out in plain arithmetic, so that they round the same
// way natively and in every wasm engine (libm implementations differ in the
// last bit, glibc even between CPUs) and cost no library call in the epoch loop.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>

namespace nnfit {

// exp(x) = 2^k exp(r), with k = round(x / ln 2) and r = x - k ln 2, |r| <= ln2 / 2;
// exp(r) = sum r^i / i! for i <= 13 (truncation < 1e-17 relative), evaluated
// in Estrin's scheme (short dependency chains). Error within 2 ulp of exp.
inline double exactExp(double x) {
    if (!(x <= 709.782712893384)) return x != x ? x : std::numeric_limits<double>::infinity();
    if (x < -745.1332191019412) return 0.0;
    const double ln2Hi = 6.93147180369123816490e-01;  // ln 2 with its low bits zero, so k ln2Hi is exact
    const double ln2Lo = 1.90821492927058770002e-10;  // ln 2 - ln2Hi
    const double shifter = 0x1.8p52;                  // adding it rounds to an integer, in round-to-nearest
    const double k = (x * 1.4426950408889634 + shifter) - shifter;
    const double r = (x - k * ln2Hi) - k * ln2Lo;
    const double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    const double q0 = 1.0 + r, q1 = 1.0 / 2 + r * (1.0 / 6), q2 = 1.0 / 24 + r * (1.0 / 120),
                 q3 = 1.0 / 720 + r * (1.0 / 5040), q4 = 1.0 / 40320 + r * (1.0 / 362880),
                 q5 = 1.0 / 3628800 + r * (1.0 / 39916800), q6 = 1.0 / 479001600 + r * (1.0 / 6227020800);
    const double p = (q0 + q1 * r2 + (q2 + q3 * r2) * r4) + ((q4 + q5 * r2) + q6 * r4) * r8;
    const int exponent = static_cast<int>(k);
    if (exponent < -1020 || exponent > 1023) return std::ldexp(p, exponent);  // subnormal or near overflow
    const std::uint64_t bits = static_cast<std::uint64_t>(exponent + 1023) << 52;  // 2^k
    double scale;
    std::memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}

// expm1(x) = exp(x) - 1 without cancellation: Taylor series to x^14 for |x| < 0.35.
inline double exactExpm1(double x) {
    if (std::fabs(x) >= 0.35) return exactExp(x) - 1.0;
    double p = 1.0 / 87178291200.0;  // 1/14!
    for (const double c : {1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0,
                           1.0 / 362880.0, 1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0,
                           1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0})
        p = p * x + c;
    return p * x;
}

// tanh(z) = sign(z) (-m / (2 + m)), m = expm1(-2|z|)
inline double exactTanh(double z) {
    if (z != z) return z;
    const double m = exactExpm1(-2.0 * std::fabs(z));
    const double t = -m / (2.0 + m);
    return z < 0 ? -t : t;
}

// a = 1 / (1 + exp(-z))
inline double sigmoid(double z) { return 1.0 / (1.0 + exactExp(-z)); }

}  // namespace nnfit
