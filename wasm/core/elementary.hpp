// The elementary functions of the target expression f(x), written in plain
// IEEE-754 arithmetic so that the native build (glibc) and the wasm build
// (musl) give the same bits: only + - * /, sqrt, comparisons, rounding to an
// integer and bit copies, no libm transcendental, no fused multiply-add
// (-ffp-contract=off), no long double. Each result is computed in
// double-double (a pair hi + lo carrying ~106 bits) and rounded once, so it is
// the correctly rounded value except when the exact value lies within ~2^-100
// (relative) of a rounding boundary. So they differ from glibc only by glibc's
// own error: at most 1 ulp, 2 for log10, sinh, cosh and tanh.
// Special values follow C99 Annex F (NaN in, NaN out; signed zeros kept by the
// odd functions).
#pragma once

namespace nnfit::elementary {

// exp(x) = 2^k exp(r), k = round(x / ln 2), r = x - k ln 2 (|r| <= ln2 / 2), exp(r) by its Taylor series;
// +inf above ln(DBL_MAX) ~ 709.78, 0 below ln(2^-1075) ~ -745.13, subnormal results correctly rounded.
double exp(double x);

// log(x) = k ln 2 + 2 atanh(s), x = 2^k m with m in [sqrt2/2, sqrt2], s = (m - 1) / (m + 1), |s| <= 0.172;
// log(0) = -inf, log(x < 0) = NaN.
double log(double x);

// log10(x) = log(x) / ln 10, with log(x) in double-double: log10(10^n) = n for every power of ten.
double log10(double x);

// pow(x, y) = x^n by repeated squaring for integer y = n, |n| <= 64 (x^2 = x * x exactly, x^-1 = 1 / x),
// otherwise exp(y log|x|), negated for x < 0 and odd y; x < 0 with non-integer y is NaN; C99's special cases.
double pow(double x, double y);

// sin, cos, tan(x): x = k pi/2 + r, |r| <= pi/4, by Cody-Waite (pi/2 in three 33-bit parts and a tail)
// for |x| < 2^20 and by Payne-Hanek (the bits of 2/pi) above, so exact at every finite x; then the
// Taylor series of sin r and cos r, chosen and signed by k mod 4. inf gives NaN.
double sin(double x);
double cos(double x);
double tan(double x);

// asin(x) = atan(x / sqrt((1 - x)(1 + x))) for |x| <= 1/2, 2 atan(x / (1 + sqrt((1 - x)(1 + x)))) above;
// NaN outside [-1, 1].
double asin(double x);

// acos(x) = 2 atan(sqrt((1 - x) / (1 + x))), no cancellation near +-1; NaN outside [-1, 1].
double acos(double x);

// atan(x) = pi/2 - atan(1/x) for x > 1, atan(x) = 2 atan(x / (1 + sqrt(1 + x^2))) until x <= 0.1,
// then its Taylor series; atan(+-inf) = +-pi/2.
double atan(double x);

// sinh(x) = (E + E / (E + 1)) / 2, E = expm1(|x|): no cancellation near 0; e^|x| / 2 for |x| > 40.
double sinh(double x);

// cosh(x) = (e^|x| + e^-|x|) / 2; e^|x| / 2 for |x| > 40.
double cosh(double x);

// tanh(x) = sign(x) E / (E + 2), E = expm1(2|x|): no cancellation near 0; +-1 for |x| > 20.
// (math.hpp's exactTanh, the activation's, is up to ~7 ulp off near |x| = 0.23.)
double tanh(double x);

}  // namespace nnfit::elementary
