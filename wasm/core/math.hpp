// exp and tanh written out in plain arithmetic, so that they round the same
// way natively and in every wasm engine (libm implementations differ in the
// last bit, glibc's even between CPUs), cost no library call, and have no
// branches. Each is a template over the value type: a double, or a
// DoublePair, two doubles computed together (one wasm f64x2 or SSE2 register)
// with every lane rounded exactly as the double would be.
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace nnfit {

using DoublePair = double __attribute__((vector_size(16)));
using BitsPair = std::uint64_t __attribute__((vector_size(16)));

template <typename T>
struct BitsOf;
template <>
struct BitsOf<double> {
    using type = std::uint64_t;
};
template <>
struct BitsOf<DoublePair> {
    using type = BitsPair;
};

template <typename T>
typename BitsOf<T>::type toBits(T value) {
    typename BitsOf<T>::type bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

template <typename T>
T fromBits(typename BitsOf<T>::type bits) {
    T value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

// A T read from / written to consecutive doubles (any alignment).
template <typename T>
T load(const double* p) {
    T value;
    std::memcpy(&value, p, sizeof value);
    return value;
}
template <typename T>
void store(double* p, T value) {
    std::memcpy(p, &value, sizeof value);
}

// The value v in every lane of a T.
template <typename T>
T splat(double v) {
    if constexpr (std::is_same_v<T, DoublePair>)
        return DoublePair{v, v};
    else
        return v;
}

// x held to [low, high] by two selects of the form wasm names pmax
// (a < b ? b : a) and pmin (b < a ? b : a): one instruction each in V8. A
// plain clamp compiles to wasm's NaN-propagating f64x2.min/max instead, which
// V8 expands to seven instructions (measured: 0.4 ms of the tutorial's 4.2 ms
// run), and clang 14 does not turn the selects into pmin/pmax by itself, hence
// the builtins. NaN stays NaN.
inline double clampTo(double x, double low, double high) {
    const double above = x < low ? low : x;
    return high < above ? high : above;
}
inline DoublePair clampTo(DoublePair x, double low, double high) {
#if defined(__wasm_simd128__)
    return __builtin_wasm_pmin_f64x2(__builtin_wasm_pmax_f64x2(x, splat<DoublePair>(low)), splat<DoublePair>(high));
#else
    const DoublePair above = x < low ? splat<DoublePair>(low) : x;
    return high < above ? splat<DoublePair>(high) : above;
#endif
}

// Within [-708, 708] 2^k stays a normal number; exp saturates there:
// exp(x) = exp(708) for x > 708 and exp(-708) for x < -708.
inline constexpr double kExpLimit = 708.0;

// exp(x) = 2^k exp(r), with k = round(x / ln 2) and r = x - k ln 2, |r| <= ln2 / 2;
// exp(r) = 1 + r + sum c_i r^i for i = 2..11, the c_i a Chebyshev fit of
// (exp(r) - 1 - r) / r^2 on |r| <= ln2 / 2 (scripts/fit-exp-polynomial.py;
// that fit is within 1.1e-16, so exp(r) within 2e-17 relative), evaluated in
// Estrin's scheme (short dependency chains). Within 2 ulp of glibc's exp for
// |x| <= 708 (up to 2.2 ulp from the exact value).
template <typename T>
T exactExp(T unbounded) {
    const double ln2Hi = 6.93147180369123816490e-01;  // ln 2 with its low bits zero, so k ln2Hi is exact
    const double ln2Lo = 1.90821492927058770002e-10;  // ln 2 - ln2Hi
    const double shifter = 0x1.8p52;                  // x / ln2 + shifter holds round(x / ln2) in its low bits
    const T x = clampTo(unbounded, -kExpLimit, kExpLimit);
    const T shifted = x * 1.4426950408889634 + shifter;
    const T k = shifted - shifter;
    const T r = (x - k * ln2Hi) - k * ln2Lo;
    const T r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    const T p01 = 1.0 + r, p23 = 0.5000000000000001 + r * 0.16666666666666669,
            p45 = 0.04166666666662413 + r * 0.008333333333330062,
            p67 = 0.0013888888917213717 + r * 0.00019841269863053618,
            p89 = 2.4801521295954376e-05 + r * 2.7557268459997064e-06,
            p1011 = 2.7620088445409746e-07 + r * 2.510038549551032e-08;
    const T p = (p01 + p23 * r2 + (p45 + p67 * r2) * r4) + (p89 + p1011 * r2) * r8;
    const T scale = fromBits<T>((toBits(shifted) + 1023) << 52);  // 2^k: k + 1023 in the exponent field
    return p * scale;
}

// expm1(x) = exp(x) - 1 without cancellation: sum x^i / i! for i <= 14 when |x| < 0.35.
template <typename T>
T exactExpm1(T x) {
    const T x2 = x * x, x4 = x2 * x2, x8 = x4 * x4;
    const T q0 = 1.0 + x * (1.0 / 2), q1 = 1.0 / 6 + x * (1.0 / 24), q2 = 1.0 / 120 + x * (1.0 / 720),
            q3 = 1.0 / 5040 + x * (1.0 / 40320), q4 = 1.0 / 362880 + x * (1.0 / 3628800),
            q5 = 1.0 / 39916800 + x * (1.0 / 479001600), q6 = 1.0 / 6227020800 + x * (1.0 / 87178291200);
    const T series = x * ((q0 + q1 * x2 + (q2 + q3 * x2) * x4) + ((q4 + q5 * x2) + q6 * x4) * x8);
    const T viaExp = exactExp(x) - 1.0;
    return ((x < 0.35) & (x > -0.35)) ? series : viaExp;
}

// tanh(z) = sign(z) (-m / (2 + m)), m = expm1(-2|z|)
template <typename T>
T exactTanh(T z) {
    const T magnitude = z < 0.0 ? -z : z;
    const T m = exactExpm1(-2.0 * magnitude);
    const T t = -m / (2.0 + m);
    return z < 0.0 ? -t : t;
}

// a = 1 / (1 + exp(-z))
template <typename T>
T sigmoid(T z) {
    return 1.0 / (1.0 + exactExp(-z));
}

}  // namespace nnfit
