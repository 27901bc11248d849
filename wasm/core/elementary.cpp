#include "elementary.hpp"

#include <cmath>  // std::sqrt, std::floor, std::fabs: exactly rounded (exact) on every platform
#include <cstdint>
#include <cstring>
#include <limits>

namespace nnfit::elementary {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---------------------------------------------------------------------------
// Double-double arithmetic: a value hi + lo with hi = round(hi + lo).
// ---------------------------------------------------------------------------

struct DD {
    double hi, lo;
};

// s + e = a + b exactly (Knuth's two-sum).
DD twoSum(double a, double b) {
    const double s = a + b, bb = s - a;
    return {s, (a - (s - bb)) + (b - bb)};
}

// s + e = a + b exactly, given |a| >= |b| or a = 0 (Dekker's fast two-sum).
DD fastTwoSum(double a, double b) {
    const double s = a + b;
    return {s, b - (s - a)};
}

// a = hi + lo, each with at most 26 significant bits (Veltkamp's split), for |a| < 2^995.
void split(double a, double& hi, double& lo) {
    const double c = 134217729.0 * a;  // 2^27 + 1
    hi = c - (c - a);
    lo = a - hi;
}

// p + e = a * b exactly (Dekker's product, no fused multiply-add), unless it underflows.
DD twoProd(double a, double b) {
    double ah, al, bh, bl;
    split(a, ah, al);
    split(b, bh, bl);
    const double p = a * b;
    return {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
}

DD neg(DD a) { return {-a.hi, -a.lo}; }

// a + b, relative error ~2^-104 even under cancellation.
DD add(DD a, DD b) {
    DD s = twoSum(a.hi, b.hi);
    const DD t = twoSum(a.lo, b.lo);
    s = fastTwoSum(s.hi, s.lo + t.hi);
    return fastTwoSum(s.hi, s.lo + t.lo);
}

DD add(DD a, double b) {
    const DD s = twoSum(a.hi, b);
    return fastTwoSum(s.hi, s.lo + a.lo);
}

DD mul(DD a, DD b) {
    const DD p = twoProd(a.hi, b.hi);
    return fastTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

DD mul(DD a, double b) {
    const DD p = twoProd(a.hi, b);
    return fastTwoSum(p.hi, p.lo + a.lo * b);
}

// a / b: three quotient digits, each from the exact remainder.
DD div(DD a, DD b) {
    const double q1 = a.hi / b.hi;
    DD r = add(a, neg(mul(b, q1)));
    const double q2 = r.hi / b.hi;
    r = add(r, neg(mul(b, q2)));
    const double q3 = r.hi / b.hi;
    return add(fastTwoSum(q1, q2), q3);
}

DD div(DD a, double b) {
    const double q1 = a.hi / b;
    const DD p = twoProd(q1, b);
    const DD s = twoSum(a.hi, -p.hi);
    const double q2 = (s.hi + ((s.lo - p.lo) + a.lo)) / b;
    return fastTwoSum(q1, q2);
}

// sqrt(a) = s + (a - s^2) / (2 s), s = sqrt(a.hi): one Newton step on the exact residual.
DD sqrtDD(DD a) {
    if (!(a.hi > 0)) return {0.0, 0.0};
    const double s = std::sqrt(a.hi);
    const DD p = twoProd(s, s);
    return fastTwoSum(s, (((a.hi - p.hi) - p.lo) + a.lo) / (s + s));
}

DD oneOver(double n) { return div(DD{1.0, 0.0}, n); }

// ---------------------------------------------------------------------------
// Bits and powers of two.
// ---------------------------------------------------------------------------

std::uint64_t bitsOf(double x) {
    std::uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    return bits;
}

double fromBits(std::uint64_t bits) {
    double x;
    std::memcpy(&x, &bits, sizeof x);
    return x;
}

// 2^k for -1022 <= k <= 1023
double pow2(int k) { return fromBits(static_cast<std::uint64_t>(k + 1023) << 52); }

// floor(log2 |x|) for a normal x
int exponentOf(double x) { return static_cast<int>((bitsOf(x) >> 52) & 0x7ff) - 1023; }

// x rounded to the nearest integer (ties to even), for |x| < 2^51
double nearest(double x) {
    const double shifter = 0x1.8p52;
    return (x + shifter) - shifter;
}

// x 2^k, exact when every step stays normal, for |k| <= 2044
double scale(double x, int k) {
    const int half = k / 2;
    return x * pow2(half) * pow2(k - half);
}

DD scale(DD a, int k) { return {scale(a.hi, k), scale(a.lo, k)}; }

// (v.hi + v.lo) 2^k rounded to the nearest double, for a normal v.hi with |exponent| <= 200 and any k:
// +-inf on overflow, correctly rounded subnormals, +-0 on underflow.
double scaleToDouble(DD v, long k) {
    const long e = exponentOf(v.hi) + k;  // the exponent of the result
    if (e > 1023) return v.hi > 0 ? kInf : -kInf;
    if (e >= -1022) return scale(v.hi, static_cast<int>(k));  // normal: v.hi is already rounded
    if (e < -1075) return v.hi > 0 ? 0.0 : -0.0;              // below 2^-1075: rounds to zero
    // A subnormal: round |v| 2^(k + 1074), a number below 2^52, to an integer n, and return n 2^-1074.
    const int s = static_cast<int>(k + 1074);
    const double th = std::fabs(scale(v.hi, s));
    const double tl = scale(v.hi > 0 ? v.lo : -v.lo, s);
    double n = (th + 0x1p52) - 0x1p52;  // nearest integer to th, ties to even
    const double d = (th - n) + tl;     // th - n is exact
    if (d > 0.5) n += 1.0;
    if (d < -0.5) n -= 1.0;
    const double result = n * 0x1p-1074;  // exact: a multiple of 2^-1074 no larger than 2^-1022
    return v.hi > 0 ? result : -result;
}

// ---------------------------------------------------------------------------
// Constants: {hi, lo} = the double nearest the constant, then the double nearest the rest.
// ---------------------------------------------------------------------------

constexpr DD kLn2 = {0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56};
constexpr DD kInvLn10 = {0x1.bcb7b1526e50ep-2, 0x1.95355baaafad3p-57};
constexpr DD kPiOver2 = {0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54};
constexpr DD kPi = {0x1.921fb54442d18p+1, 0x1.1a62633145c07p-53};
constexpr double kInvLn2 = 0x1.71547652b82fep+0;    // 1 / ln 2, rounded
constexpr double kTwoOverPi = 0x1.45f306dc9c883p-1;  // 2 / pi, rounded
constexpr double kPiOver4 = 0x1.921fb54442d18p-1;    // pi / 4, rounded
// pi/2 = kPio2[0] + kPio2[1] + kPio2[2] + kPio2[3] + O(2^-160); the first three have at most 33
// significant bits, so k kPio2[i] is exact for k < 2^20 (Cody and Waite).
constexpr double kPio2[4] = {0x1.921fb544p+0, 0x1.0b4611a6p-34, 0x1.3198a2ep-69, 0x1.b839a252049c1p-104};

// 2/pi = sum b_i 2^-i: bits b_1 .. b_1408, 32 to a word, most significant first.
constexpr std::uint32_t kTwoOverPiBits[44] = {
    0xA2F9836E, 0x4E441529, 0xFC2757D1, 0xF534DDC0, 0xDB629599, 0x3C439041, 0xFE5163AB, 0xDEBBC561,
    0xB7246E3A, 0x424DD2E0, 0x06492EEA, 0x09D1921C, 0xFE1DEB1C, 0xB129A73E, 0xE88235F5, 0x2EBB4484,
    0xE99C7026, 0xB45F7E41, 0x3991D639, 0x835339F4, 0x9C845F8B, 0xBDF9283B, 0x1FF897FF, 0xDE05980F,
    0xEF2F118B, 0x5A0A6D1F, 0x6D367ECF, 0x27CB09B7, 0x4F463F66, 0x9E5FEA2D, 0x7527BAC7, 0xEBE5F17B,
    0x3D0739F7, 0x8A5292EA, 0x6BFB5FB1, 0x1F8D5D08, 0x56033046, 0xFC7B6BAB, 0xF0CFBC20, 0x9AF4361D,
    0xA9E39161, 0x5EE61B08, 0x6599855F, 0x14A06840};

// ---------------------------------------------------------------------------
// exp and log in double-double.
// ---------------------------------------------------------------------------

// p 2^k, p a double-double near 1
struct Scaled {
    DD p;
    int k;
};

// exp(a) = p 2^k: k = round(a / ln 2), r = a - k ln 2, p = exp(r) = 1 + r (1 + r/2 (1 + r/3 (... (1 + r/17))))
// (|r| <= 0.347: the first omitted term is below 2^-79 relative). For |a.hi| <= 750.
Scaled expCore(DD a) {
    const double k = nearest(a.hi * kInvLn2);
    const DD r = add(a, neg(mul(kLn2, k)));
    DD p = {1.0, 0.0};
    for (int i = 17; i >= 1; --i) p = add(div(mul(p, r), static_cast<double>(i)), 1.0);
    return {p, static_cast<int>(k)};
}

// exp(a) rounded to a double: +inf above ln(DBL_MAX), 0 below ln(2^-1075).
double expOf(DD a) {
    if (a.hi != a.hi) return a.hi;
    if (a.hi > 709.79) return kInf;
    if (a.hi < -745.2) return 0.0;
    const Scaled e = expCore(a);
    return scaleToDouble(e.p, e.k);
}

// expm1(a) = a (1 + a/2 (1 + a/3 (... (1 + a/18)))) for 0 <= a < 0.35, else exp(a) - 1; for 0 <= a <= 40.
DD expm1Core(double a) {
    if (a < 0.35) {
        DD q = {1.0, 0.0};
        for (int i = 18; i >= 2; --i) q = add(div(mul(q, a), static_cast<double>(i)), 1.0);
        return mul(q, a);
    }
    const Scaled e = expCore(DD{a, 0.0});
    return add(scale(e.p, e.k), -1.0);
}

// log(x) = k ln 2 + 2 s (1 + s^2/3 + s^4/5 + ... + s^30/31), x = 2^k m, m in [sqrt2/2, sqrt2],
// s = (m - 1) / (m + 1), |s| <= 0.1716 (the first omitted term is below 2^-86). For finite x > 0.
DD logCore(double x) {
    int k = 0;
    if (x < 0x1p-1022) {  // subnormal: make it normal first
        x *= 0x1p54;
        k = -54;
    }
    const std::uint64_t bits = bitsOf(x);
    k += static_cast<int>(bits >> 52) - 1023;
    double m = fromBits((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);  // in [1, 2)
    if (m > 0x1.6a09e667f3bcdp+0) {                                                 // sqrt 2
        m *= 0.5;
        ++k;
    }
    const double f = m - 1.0;  // exact (Sterbenz)
    const DD s = div(DD{f, 0.0}, twoSum(2.0, f));
    const DD t = mul(s, s);
    DD q = oneOver(31.0);
    for (int j = 14; j >= 0; --j) q = add(mul(q, t), oneOver(2.0 * j + 1.0));
    return add(mul(kLn2, static_cast<double>(k)), mul(mul(s, q), 2.0));
}

// ---------------------------------------------------------------------------
// Trigonometric argument reduction and kernels.
// ---------------------------------------------------------------------------

// 32 bits of 2/pi, b_i .. b_(i+31), b_i the most significant; b_j = 0 for j <= 0.
std::uint32_t twoOverPiBitsFrom(int i) {
    const auto word = [](int n) -> std::uint64_t { return n >= 0 && n < 44 ? kTwoOverPiBits[n] : 0; };
    const int position = i - 1;  // b_1 is bit 0 of the table
    const int n = position >= 0 ? position / 32 : -((31 - position) / 32);
    const int offset = position - 32 * n;  // 0 .. 31
    const std::uint64_t pair = (word(n) << 32) | word(n + 1);
    return static_cast<std::uint32_t>((pair << offset) >> 32);
}

// Payne-Hanek, for 2^20 <= ax < inf: ax 2/pi = M 2^E 2/pi with M < 2^53 an integer, where the bits b_i
// of 2/pi with i < E - 1 only add multiples of 4. So take 192 bits of 2/pi from b_(E-1): the 256-bit
// integer product P = M W (exact) is ax 2/pi mod 4 in units of 2^-190, error below 2^-137.
// Returns k mod 4 and r = ax - k pi/2 in [-pi/4, pi/4].
int reduceLarge(double ax, DD& r) {
    const std::uint64_t bits = bitsOf(ax);
    const int e = static_cast<int>(bits >> 52) - 1023 - 52;
    const std::uint64_t mant = (bits & 0x000fffffffffffffULL) | (1ULL << 52);
    std::uint64_t w[6];  // least significant word first
    for (int j = 0; j < 6; ++j) w[5 - j] = twoOverPiBitsFrom(e - 1 + 32 * j);
    std::uint32_t p[8] = {};
    for (int i = 0; i < 2; ++i) {
        const std::uint64_t m = i == 0 ? (mant & 0xffffffffULL) : (mant >> 32);
        std::uint64_t carry = 0;
        for (int j = 0; j < 6; ++j) {
            const std::uint64_t t = m * w[j] + p[i + j] + carry;  // < 2^64
            p[i + j] = static_cast<std::uint32_t>(t);
            carry = t >> 32;
        }
        p[i + 6] = static_cast<std::uint32_t>(carry);
    }
    int quadrant = static_cast<int>(p[5] >> 30);  // bits 190, 191: the integer part mod 4
    p[5] &= 0x3fffffffU;                          // the fraction, bits 0 .. 189
    const bool negative = (p[5] & 0x20000000U) != 0;
    if (negative) {  // fraction >= 1/2: use fraction - 1, and k + 1
        ++quadrant;
        std::uint64_t carry = 1;  // 2^190 - fraction = (~fraction + 1) over 190 bits
        for (int j = 0; j < 6; ++j) {
            const std::uint64_t t = static_cast<std::uint64_t>(static_cast<std::uint32_t>(~p[j])) + carry;
            p[j] = static_cast<std::uint32_t>(t);
            carry = t >> 32;
        }
        p[5] &= 0x3fffffffU;
    }
    DD f = {0.0, 0.0};  // |fraction| as double-double; the terms are exact and decreasing
    for (int j = 5; j >= 0; --j) f = add(f, static_cast<double>(p[j]) * pow2(32 * j - 190));
    r = mul(f, kPiOver2);
    if (negative) r = neg(r);
    return quadrant & 3;
}

// k mod 4 and r = ax - k pi/2, |r| <= pi/4 (+ a rounding), for finite ax >= 0.
int reduce(double ax, DD& r) {
    if (ax <= kPiOver4) {
        r = {ax, 0.0};
        return 0;
    }
    if (ax >= 0x1p20) return reduceLarge(ax, r);
    const double k = nearest(ax * kTwoOverPi);  // < 2^20: k kPio2[i] is exact for i < 3
    r = twoSum(ax - k * kPio2[0], -k * kPio2[1]);  // ax - k kPio2[0] is exact (Sterbenz)
    r = add(r, -k * kPio2[2]);
    r = add(r, -k * kPio2[3]);
    return static_cast<int>(static_cast<std::int64_t>(k) & 3);
}

// sin r = r (1 - r^2/(2 3) (1 - r^2/(4 5) (... (1 - r^2/(22 23))))), |r| <= pi/4: next term below 2^-88
DD sinKernel(DD r) {
    const DD t = mul(r, r);
    DD p = {1.0, 0.0};
    for (int j = 11; j >= 1; --j) p = add(neg(div(mul(p, t), (2.0 * j) * (2.0 * j + 1.0))), 1.0);
    return mul(r, p);
}

// cos r = 1 - r^2/(1 2) (1 - r^2/(3 4) (... (1 - r^2/(23 24)))), |r| <= pi/4: next term below 2^-88
DD cosKernel(DD r) {
    const DD t = mul(r, r);
    DD p = {1.0, 0.0};
    for (int j = 12; j >= 1; --j) p = add(neg(div(mul(p, t), (2.0 * j - 1.0) * (2.0 * j))), 1.0);
    return p;
}

// atan(a) for a >= 0: pi/2 - atan(1/a) above 1; atan(a) = 2 atan(a / (1 + sqrt(1 + a^2))) until
// a <= 0.1 (at most 3 times); then a (1 - a^2/3 + a^4/5 - ... + a^24/25): next term below 2^-87.
DD atanCore(DD a) {
    bool inverted = false;
    if (a.hi > 1.0) {
        if (a.hi > 0x1p60) return kPiOver2;  // pi/2 - 1/a rounds to pi/2
        a = div(DD{1.0, 0.0}, a);
        inverted = true;
    }
    double doubling = 1.0;
    while (a.hi > 0.1) {
        a = div(a, add(sqrtDD(add(mul(a, a), 1.0)), 1.0));
        doubling *= 2.0;
    }
    const DD t = mul(a, a);
    DD q = oneOver(25.0);
    for (int j = 11; j >= 0; --j) q = add(oneOver(2.0 * j + 1.0), neg(mul(q, t)));
    const DD v = mul(mul(a, q), doubling);
    return inverted ? add(kPiOver2, neg(v)) : v;
}

}  // namespace

double exp(double x) { return expOf(DD{x, 0.0}); }

double log(double x) {
    if (x != x) return x;
    if (x < 0) return kNaN;
    if (x == 0) return -kInf;
    if (x == kInf) return x;
    return logCore(x).hi;
}

double log10(double x) {
    if (x != x) return x;
    if (x < 0) return kNaN;
    if (x == 0) return -kInf;
    if (x == kInf) return x;
    return mul(logCore(x), kInvLn10).hi;
}

namespace {

// x^n for finite x > 0 and 1 <= n <= 64, or x^-n: x = m 2^e, m^n in double-double by repeated
// squaring (a dozen products, each with relative error ~2^-104), then scaled by 2^(e n) and rounded once.
double powInteger(double x, int n, bool reciprocal) {
    long e = 0;
    if (x < 0x1p-1022) {
        x *= 0x1p54;
        e = -54;
    }
    const std::uint64_t bits = bitsOf(x);
    e += static_cast<long>(bits >> 52) - 1023;
    DD base = {fromBits((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL), 0.0};  // m in [1, 2)
    DD power = {1.0, 0.0};
    long exponent = e * n;
    for (;;) {
        if (n & 1) power = mul(power, base);
        n >>= 1;
        if (n == 0) break;
        base = mul(base, base);
    }
    if (reciprocal) {
        power = div(DD{1.0, 0.0}, power);
        exponent = -exponent;
    }
    return scaleToDouble(power, exponent);
}

}  // namespace

double pow(double x, double y) {
    if (y == 0) return 1.0;  // even for x = NaN (C99)
    if (x == 1.0) return 1.0;  // even for y = NaN (C99)
    if (x != x || y != y) return x + y;
    const double ax = std::fabs(x), ay = std::fabs(y);
    if (ay == kInf) {
        if (ax == 1.0) return 1.0;
        return (ax < 1.0) == (y < 0) ? kInf : 0.0;
    }
    const bool integer = std::floor(y) == y;
    const bool odd = integer && ay < 0x1p53 && std::floor(y * 0.5) != y * 0.5;
    if (x == 0) {  // +-0
        if (y < 0) return odd ? 1.0 / x : kInf;
        return odd ? x : 0.0;
    }
    if (ax == kInf) {
        const double magnitude = y < 0 ? 0.0 : kInf;
        return x < 0 && odd ? -magnitude : magnitude;
    }
    if (x < 0 && !integer) return kNaN;
    double result;
    if (integer && ay <= 64) {
        result = powInteger(ax, static_cast<int>(ay), y < 0);
    } else {
        const DD logX = logCore(ax);
        const double estimate = y * logX.hi;  // within 2^-50 relative of y log|x|
        if (estimate > 710.0) result = kInf;
        else if (estimate < -746.0) result = 0.0;
        else result = expOf(mul(logX, y));
    }
    return x < 0 && odd ? -result : result;
}

double sin(double x) {
    const double ax = std::fabs(x);
    if (ax == 0 || x != x) return x;
    if (ax == kInf) return kNaN;
    DD r;
    const int quadrant = reduce(ax, r);
    double s = (quadrant & 1 ? cosKernel(r) : sinKernel(r)).hi;
    if (quadrant & 2) s = -s;
    return x < 0 ? -s : s;
}

double cos(double x) {
    const double ax = std::fabs(x);
    if (x != x) return x;
    if (ax == kInf) return kNaN;
    DD r;
    const int quadrant = reduce(ax, r);
    const double c = (quadrant & 1 ? sinKernel(r) : cosKernel(r)).hi;
    return quadrant == 1 || quadrant == 2 ? -c : c;
}

double tan(double x) {
    const double ax = std::fabs(x);
    if (ax == 0 || x != x) return x;
    if (ax == kInf) return kNaN;
    DD r;
    const int quadrant = reduce(ax, r);
    const DD s = sinKernel(r), c = cosKernel(r);
    const double t = quadrant & 1 ? -div(c, s).hi : div(s, c).hi;
    return x < 0 ? -t : t;
}

double asin(double x) {
    const double ax = std::fabs(x);
    if (ax == 0 || x != x) return x;
    if (ax > 1.0) return kNaN;
    const DD root = sqrtDD(mul(twoSum(1.0, -ax), twoSum(1.0, ax)));  // 1 - x^2 without cancellation
    // atan(x / sqrt(1 - x^2)) while that ratio is at most 0.58; the half angle keeps it finite near 1
    const double a = ax <= 0.5 ? atanCore(div(DD{ax, 0.0}, root)).hi
                               : mul(atanCore(div(DD{ax, 0.0}, add(root, 1.0))), 2.0).hi;
    return x < 0 ? -a : a;
}

double acos(double x) {
    if (x != x) return x;
    if (std::fabs(x) > 1.0) return kNaN;
    if (x == -1.0) return kPi.hi;
    return mul(atanCore(sqrtDD(div(twoSum(1.0, -x), twoSum(1.0, x)))), 2.0).hi;
}

double atan(double x) {
    const double ax = std::fabs(x);
    if (ax == 0 || x != x) return x;
    const double a = ax == kInf ? kPiOver2.hi : atanCore(DD{ax, 0.0}).hi;
    return x < 0 ? -a : a;
}

double sinh(double x) {
    const double ax = std::fabs(x);
    if (ax == 0 || x != x || ax == kInf) return x;
    double s;
    if (ax > 40.0) {
        s = expOf(add(DD{ax, 0.0}, neg(kLn2)));  // e^-|x| is below 2^-115 e^|x|
    } else {
        const DD e = expm1Core(ax);
        s = mul(add(e, div(e, add(e, 1.0))), 0.5).hi;
    }
    return x < 0 ? -s : s;
}

double cosh(double x) {
    const double ax = std::fabs(x);
    if (x != x) return x;
    if (ax == kInf) return kInf;
    if (ax > 40.0) return expOf(add(DD{ax, 0.0}, neg(kLn2)));
    const Scaled scaled = expCore(DD{ax, 0.0});
    const DD e = scale(scaled.p, scaled.k);
    return mul(add(e, div(DD{1.0, 0.0}, e)), 0.5).hi;
}

double tanh(double x) {
    const double ax = std::fabs(x);
    if (ax == 0 || x != x) return x;
    double t = 1.0;  // above 20, 1 - tanh|x| = 2 / (e^2|x| + 1) < 2^-55: rounds to 1
    if (ax <= 20.0) {
        const DD e = expm1Core(2.0 * ax);
        t = div(e, add(e, 2.0)).hi;
    }
    return x < 0 ? -t : t;
}

}  // namespace nnfit::elementary
