#include "elementary.hpp"

#include "bits.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace nnfit {
namespace {

namespace el = elementary;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using bits::sameBits;
using bits::ulps;

// The worst distance between f and the C library's g over n + 1 evenly spaced points of [low, high]
// (or geometrically spaced, for 0 < low < high), printed as a line of the test's output unless name is null.
template <class F, class G>
std::uint64_t worstUlps(const char* name, F f, G g, double low, double high, int n, bool geometric = false) {
    std::uint64_t worst = 0;
    double at = low;
    int differ = 0;
    for (int i = 0; i <= n; ++i) {
        const double t = static_cast<double>(i) / n;
        const double x = geometric ? low * std::pow(high / low, t) : low + (high - low) * t;
        const std::uint64_t d = ulps(f(x), g(x));
        differ += d != 0;
        if (d > worst) worst = d, at = x;
    }
    if (name)
        std::printf("[ worst    ] %-7s on [%g, %g]%s: %llu ulp vs glibc (at %.17g; %d of %d points differ)\n", name,
                    low, high, geometric ? " (log-spaced)" : "", static_cast<unsigned long long>(worst), at, differ,
                    n + 1);
    return worst;
}

// Each function is computed in double-double and rounded once: nearly always the correctly rounded
// result. glibc's is within 1 ulp of that for exp, log, log10, pow, sin, cos, tan, asin, acos, atan,
// and within 2 for log10, sinh, cosh, tanh (its manual's "known maximum errors"; measured here too).

TEST(Elementary, ExpAgainstTheLibrary) {
    const auto f = [](double x) { return el::exp(x); };
    const auto g = [](double x) { return std::exp(x); };
    EXPECT_LE(worstUlps("exp", f, g, -745.2, 709.8, 300000), 1u);
    EXPECT_LE(worstUlps("exp", f, g, -1.0, 1.0, 200000), 1u);
    EXPECT_LE(worstUlps("exp", f, g, -1e-6, 1e-6, 20000), 1u);
    EXPECT_LE(worstUlps("exp", f, g, -745.14, -708.3, 100000), 1u);  // subnormal results
}

TEST(Elementary, LogAndLog10AgainstTheLibrary) {
    const auto f = [](double x) { return el::log(x); };
    const auto g = [](double x) { return std::log(x); };
    EXPECT_LE(worstUlps("log", f, g, 1e-300, 1e300, 200000, true), 1u);
    EXPECT_LE(worstUlps("log", f, g, 0.5, 2.0, 200000), 1u);
    EXPECT_LE(worstUlps("log", f, g, 0.99999, 1.00001, 20000), 1u);
    EXPECT_LE(worstUlps("log", f, g, 4.9e-324, 2.2e-308, 20000, true), 1u);  // subnormal arguments
    const auto f10 = [](double x) { return el::log10(x); };
    const auto g10 = [](double x) { return std::log10(x); };
    EXPECT_LE(worstUlps("log10", f10, g10, 1e-300, 1e300, 200000, true), 2u);
    EXPECT_LE(worstUlps("log10", f10, g10, 0.5, 2.0, 200000), 2u);
}

TEST(Elementary, PowAgainstTheLibrary) {
    const auto check = [](const char* name, double x, double y, double from, double to, int n, bool overY) {
        return overY ? worstUlps(name, [x](double t) { return el::pow(x, t); },
                                 [x](double t) { return std::pow(x, t); }, from, to, n)
                     : worstUlps(name, [y](double t) { return el::pow(t, y); },
                                 [y](double t) { return std::pow(t, y); }, from, to, n);
    };
    std::uint64_t real = 0, integer = 0, large = 0;
    for (double y : {0.5, 2.5, -1.5, 1.0 / 3, 7.25, -30.1, 123.456})
        real = std::max(real, check(nullptr, 0, y, 0.0, 20.0, 20000, false));
    for (double y = -64; y <= 64; y += 1)  // integer exponents: repeated squaring, also for x < 0
        integer = std::max(integer, check(nullptr, 0, y, -3.0, 3.0, 2000, false));
    for (double y : {65.0, 99.0, 100.0, 601.0, -333.0}) integer = std::max(integer, check(nullptr, 0, y, -3.0, 3.0, 20000, false));
    for (double x : {1.0001, 0.9999, 2.0, 10.0, 1e-5}) {  // |y log x| up to 700: needs log x to ~2^-65
        const double range = 700 / std::fabs(std::log(x));
        large = std::max(large, check(nullptr, x, 0, -range, range, 20000, true));
    }
    std::printf("[ worst    ] pow x^y, x in [0, 20], 7 real y: %llu ulp vs glibc\n", static_cast<unsigned long long>(real));
    std::printf("[ worst    ] pow x^n, x in [-3, 3], n in -64..64 and 5 larger: %llu ulp vs glibc\n",
                static_cast<unsigned long long>(integer));
    std::printf("[ worst    ] pow b^y, |y log b| <= 700, 5 bases: %llu ulp vs glibc\n", static_cast<unsigned long long>(large));
    EXPECT_LE(std::max({real, integer, large}), 1u);
}

TEST(Elementary, TrigonometricAgainstTheLibrary) {
    const auto s = [](double x) { return el::sin(x); };
    const auto gs = [](double x) { return std::sin(x); };
    const auto c = [](double x) { return el::cos(x); };
    const auto gc = [](double x) { return std::cos(x); };
    const auto t = [](double x) { return el::tan(x); };
    const auto gt = [](double x) { return std::tan(x); };
    EXPECT_LE(worstUlps("sin", s, gs, -10.0, 10.0, 200000), 1u);
    EXPECT_LE(worstUlps("sin", s, gs, -1e5, 1e5, 300000), 1u);
    EXPECT_LE(worstUlps("sin", s, gs, 1e5, 1e300, 100000, true), 1u);  // Payne-Hanek above 2^20
    EXPECT_LE(worstUlps("sin", s, gs, 1e-300, 1.0, 20000, true), 1u);
    EXPECT_LE(worstUlps("cos", c, gc, -10.0, 10.0, 200000), 1u);
    EXPECT_LE(worstUlps("cos", c, gc, -1e5, 1e5, 300000), 1u);
    EXPECT_LE(worstUlps("cos", c, gc, 1e5, 1e300, 100000, true), 1u);
    EXPECT_LE(worstUlps("tan", t, gt, -10.0, 10.0, 200000), 1u);
    EXPECT_LE(worstUlps("tan", t, gt, -1e5, 1e5, 300000), 1u);
    EXPECT_LE(worstUlps("tan", t, gt, 1e5, 1e300, 100000, true), 1u);
    // Near multiples of pi/2 the reduction cancels ~60 bits; the result keeps full relative accuracy.
    std::uint64_t worst = 0;
    for (double k = 1; k < 200000; k = std::floor(k * 1.37) + 1) {
        double x = k * 1.5707963267948966;
        for (int i = 0; i < 4; ++i, x = std::nextafter(x, kInf))
            worst = std::max({worst, ulps(el::sin(x), std::sin(x)), ulps(el::cos(x), std::cos(x)),
                              ulps(el::tan(x), std::tan(x))});
    }
    std::printf("[ worst    ] sin/cos/tan next to k pi/2: %llu ulp vs glibc\n", static_cast<unsigned long long>(worst));
    EXPECT_LE(worst, 1u);
}

TEST(Elementary, InverseTrigonometricAgainstTheLibrary) {
    const auto as = [](double x) { return el::asin(x); };
    const auto gas = [](double x) { return std::asin(x); };
    const auto ac = [](double x) { return el::acos(x); };
    const auto gac = [](double x) { return std::acos(x); };
    const auto at = [](double x) { return el::atan(x); };
    const auto gat = [](double x) { return std::atan(x); };
    EXPECT_LE(worstUlps("asin", as, gas, -1.0, 1.0, 200000), 1u);
    EXPECT_LE(worstUlps("asin", as, gas, 0.9999, 1.0, 20000), 1u);
    EXPECT_LE(worstUlps("asin", as, gas, 1e-300, 1.0, 20000, true), 1u);
    EXPECT_LE(worstUlps("acos", ac, gac, -1.0, 1.0, 200000), 1u);
    EXPECT_LE(worstUlps("acos", ac, gac, 0.9999, 1.0, 20000), 1u);   // small results, no cancellation
    EXPECT_LE(worstUlps("acos", ac, gac, -1.0, -0.9999, 20000), 1u);
    EXPECT_LE(worstUlps("atan", at, gat, -10.0, 10.0, 200000), 1u);
    EXPECT_LE(worstUlps("atan", at, gat, 1e-300, 1e300, 100000, true), 1u);
}

TEST(Elementary, HyperbolicAgainstTheLibrary) {
    const auto sh = [](double x) { return el::sinh(x); };
    const auto gsh = [](double x) { return std::sinh(x); };
    const auto ch = [](double x) { return el::cosh(x); };
    const auto gch = [](double x) { return std::cosh(x); };
    const auto th = [](double x) { return el::tanh(x); };
    const auto gth = [](double x) { return std::tanh(x); };
    EXPECT_LE(worstUlps("sinh", sh, gsh, -710.47, 710.47, 200000), 2u);
    EXPECT_LE(worstUlps("sinh", sh, gsh, -1.0, 1.0, 200000), 2u);
    EXPECT_LE(worstUlps("sinh", sh, gsh, 1e-300, 1.0, 20000, true), 2u);
    EXPECT_LE(worstUlps("cosh", ch, gch, -710.47, 710.47, 200000), 2u);
    EXPECT_LE(worstUlps("cosh", ch, gch, -1.0, 1.0, 200000), 2u);
    EXPECT_LE(worstUlps("tanh", th, gth, -25.0, 25.0, 200000), 2u);
    EXPECT_LE(worstUlps("tanh", th, gth, 1e-300, 1.0, 20000, true), 2u);
}

TEST(Elementary, ValuesPeopleType) {
    EXPECT_TRUE(sameBits(el::sin(0.0), 0.0));
    EXPECT_TRUE(sameBits(el::sin(-0.0), -0.0));
    EXPECT_EQ(el::cos(0.0), 1.0);
    EXPECT_TRUE(sameBits(el::tan(0.0), 0.0));
    EXPECT_EQ(el::exp(0.0), 1.0);
    EXPECT_EQ(el::exp(1.0), 2.718281828459045);  // the constant e, rounded
    EXPECT_TRUE(sameBits(el::log(1.0), 0.0));
    EXPECT_TRUE(sameBits(el::log10(1.0), 0.0));
    EXPECT_EQ(el::log(2.718281828459045), 1.0);
    double power = 1.0;
    for (int n = 0; n <= 22; ++n, power *= 10) {  // 10^0 .. 10^22 are exact doubles
        EXPECT_EQ(el::log10(power), n) << power;
        EXPECT_EQ(el::log10(1 / power), -n) << power;  // the double nearest 10^-n
        EXPECT_EQ(el::pow(10.0, n), power);
    }
    EXPECT_EQ(el::log10(1e-300), -300.0);
    EXPECT_EQ(el::log10(1e300), 300.0);
    EXPECT_EQ(el::sin(3.141592653589793), 1.2246467991473532e-16);
    EXPECT_EQ(el::cos(1.5707963267948966), 6.123233995736766e-17);
    EXPECT_EQ(el::sin(1.5707963267948966), 1.0);
    EXPECT_EQ(el::cos(3.141592653589793), -1.0);
    EXPECT_EQ(el::tan(0.7853981633974483), 0.9999999999999999);  // pi/4 rounded down: just below 1
    EXPECT_EQ(el::atan(1.0), 0.7853981633974483);
    EXPECT_EQ(el::asin(1.0), 1.5707963267948966);
    EXPECT_EQ(el::asin(-1.0), -1.5707963267948966);
    EXPECT_EQ(el::acos(-1.0), 3.141592653589793);
    EXPECT_EQ(el::acos(0.0), 1.5707963267948966);
    EXPECT_TRUE(sameBits(el::acos(1.0), 0.0));
    EXPECT_EQ(el::asin(0.5), 0.5235987755982989);  // pi/6
    EXPECT_EQ(el::cosh(0.0), 1.0);
    EXPECT_TRUE(sameBits(el::sinh(-0.0), -0.0));
    EXPECT_TRUE(sameBits(el::tanh(-0.0), -0.0));
    EXPECT_EQ(el::tanh(30.0), 1.0);
    EXPECT_EQ(el::tanh(-30.0), -1.0);
    // The examples that differed between glibc and musl: the correctly rounded values.
    EXPECT_EQ(el::sin(2.0258064516129033), 0x1.cbe849497e603p-1);
    EXPECT_EQ(el::pow(2.5000000000000004, 2.0), 6.250000000000003);
}

TEST(Elementary, IntegerPowersAreExactWhereArithmeticIs) {
    for (double x = -40.0; x <= 40.0; x += 0.013) {
        EXPECT_TRUE(sameBits(el::pow(x, 2.0), x * x)) << x;  // one rounding, as x * x
        EXPECT_TRUE(sameBits(el::pow(x, 1.0), x)) << x;
        EXPECT_TRUE(sameBits(el::pow(x, -1.0), 1.0 / x)) << x;
        EXPECT_EQ(el::pow(x, 0.0), 1.0);
        if (x >= 0) {
            EXPECT_LE(ulps(el::pow(x, 0.5), std::sqrt(x)), 1u) << x;
        } else {
            EXPECT_TRUE(std::isnan(el::pow(x, 0.5))) << x;
        }
    }
    for (double x : {1e-160, 3e-200, 1e160, 1.7e200, 2.2250738585072014e-308, 4.9e-324, 1.7976931348623157e308})
        EXPECT_TRUE(sameBits(el::pow(x, 2.0), x * x)) << x;  // x * x underflowing or overflowing too
    for (int n = -64; n <= 64; ++n) {  // small integers to integer powers: exact when representable
        double exact = 1.0;
        for (int i = 0; i < std::abs(n); ++i) exact *= 3.0;
        if (std::abs(n) <= 33) {
            EXPECT_EQ(el::pow(3.0, n), n >= 0 ? exact : 1.0 / exact) << n;
        }
        EXPECT_EQ(el::pow(2.0, n), std::ldexp(1.0, n)) << n;
        EXPECT_EQ(el::pow(-2.0, n), (n % 2 ? -1.0 : 1.0) * std::ldexp(1.0, n)) << n;
    }
    EXPECT_EQ(el::pow(-3.0, 3.0), -27.0);
    EXPECT_EQ(el::pow(2.0, -1074.0), 4.9406564584124654e-324);
    EXPECT_EQ(el::pow(2.0, 1023.0), 8.98846567431158e307);
    EXPECT_EQ(el::pow(2.0, 1024.0), kInf);
}

TEST(Elementary, PowSpecialCases) {
    // y = 0 gives 1, and so does x = 1, even for NaN (C99)
    for (double x : {0.0, -0.0, 1.0, -1.0, 2.5, kInf, -kInf, kNaN}) EXPECT_EQ(el::pow(x, 0.0), 1.0) << x;
    for (double y : {0.0, 2.5, -2.5, kInf, -kInf, kNaN}) EXPECT_EQ(el::pow(1.0, y), 1.0) << y;
    EXPECT_TRUE(std::isnan(el::pow(kNaN, 2.0)));
    EXPECT_TRUE(std::isnan(el::pow(2.0, kNaN)));
    // a negative base with a non-integer exponent
    EXPECT_TRUE(std::isnan(el::pow(-2.0, 0.5)));
    EXPECT_TRUE(std::isnan(el::pow(-8.0, 1.0 / 3)));
    EXPECT_EQ(el::pow(-2.0, 100.0), std::ldexp(1.0, 100));
    EXPECT_EQ(el::pow(-2.0, 101.0), -std::ldexp(1.0, 101));
    EXPECT_EQ(el::pow(-1.5, 1e300), kInf);  // every double above 2^53 is an even integer
    // zeros
    EXPECT_TRUE(sameBits(el::pow(0.0, 3.0), 0.0));
    EXPECT_TRUE(sameBits(el::pow(-0.0, 3.0), -0.0));
    EXPECT_TRUE(sameBits(el::pow(-0.0, 2.0), 0.0));
    EXPECT_TRUE(sameBits(el::pow(-0.0, 0.5), 0.0));
    EXPECT_EQ(el::pow(0.0, -1.0), kInf);
    EXPECT_EQ(el::pow(-0.0, -1.0), -kInf);
    EXPECT_EQ(el::pow(-0.0, -2.0), kInf);
    EXPECT_EQ(el::pow(0.0, -0.5), kInf);
    // infinities
    EXPECT_EQ(el::pow(kInf, 0.5), kInf);
    EXPECT_TRUE(sameBits(el::pow(kInf, -0.5), 0.0));
    EXPECT_EQ(el::pow(-kInf, 3.0), -kInf);
    EXPECT_EQ(el::pow(-kInf, 2.0), kInf);
    EXPECT_TRUE(sameBits(el::pow(-kInf, -3.0), -0.0));
    EXPECT_EQ(el::pow(0.5, -kInf), kInf);
    EXPECT_EQ(el::pow(0.5, kInf), 0.0);
    EXPECT_EQ(el::pow(2.0, kInf), kInf);
    EXPECT_EQ(el::pow(2.0, -kInf), 0.0);
    EXPECT_EQ(el::pow(-1.0, kInf), 1.0);
    // overflow and underflow
    EXPECT_EQ(el::pow(10.0, 309.0), kInf);
    EXPECT_EQ(el::pow(-10.0, 309.0), -kInf);
    EXPECT_EQ(el::pow(10.0, -400.0), 0.0);
    EXPECT_EQ(el::pow(1.0000001, 1e300), kInf);
    EXPECT_EQ(el::pow(0.9999999, 1e300), 0.0);
    // every special case as glibc has it
    const double values[] = {0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 2.5, -2.5, 1e300, -1e300,
                             kInf, -kInf, kNaN};
    for (double x : values)
        for (double y : values) EXPECT_EQ(ulps(el::pow(x, y), std::pow(x, y)), 0u) << x << " ^ " << y;
}

TEST(Elementary, NaNAndInfinities) {
    double (*const unary[])(double) = {el::exp,  el::log,  el::log10, el::sin,  el::cos,  el::tan,
                                       el::asin, el::acos, el::atan,  el::sinh, el::cosh, el::tanh};
    for (auto f : unary) EXPECT_TRUE(std::isnan(f(kNaN)));
    EXPECT_EQ(el::exp(kInf), kInf);
    EXPECT_TRUE(sameBits(el::exp(-kInf), 0.0));
    EXPECT_EQ(el::exp(709.78), std::exp(709.78));
    EXPECT_EQ(el::exp(709.8), kInf);
    EXPECT_EQ(el::exp(1e300), kInf);
    EXPECT_EQ(el::exp(-745.1332191019411), 4.9406564584124654e-324);  // the smallest subnormal
    EXPECT_TRUE(sameBits(el::exp(-745.1332191019412), 0.0));
    EXPECT_TRUE(sameBits(el::exp(-1e300), 0.0));
    EXPECT_EQ(el::log(kInf), kInf);
    EXPECT_EQ(el::log(0.0), -kInf);
    EXPECT_EQ(el::log(-0.0), -kInf);
    EXPECT_TRUE(std::isnan(el::log(-1.0)));
    EXPECT_TRUE(std::isnan(el::log(-kInf)));
    EXPECT_EQ(el::log(4.9406564584124654e-324), std::log(4.9406564584124654e-324));
    EXPECT_EQ(el::log10(kInf), kInf);
    EXPECT_EQ(el::log10(0.0), -kInf);
    EXPECT_TRUE(std::isnan(el::log10(-1e-300)));
    for (auto f : {el::sin, el::cos, el::tan}) {
        EXPECT_TRUE(std::isnan(f(kInf)));
        EXPECT_TRUE(std::isnan(f(-kInf)));
    }
    EXPECT_TRUE(std::isnan(el::asin(1.0000000000000002)));
    EXPECT_TRUE(std::isnan(el::acos(-1.0000000000000002)));
    EXPECT_TRUE(std::isnan(el::asin(kInf)));
    EXPECT_EQ(el::atan(kInf), 1.5707963267948966);
    EXPECT_EQ(el::atan(-kInf), -1.5707963267948966);
    EXPECT_EQ(el::atan(1e300), 1.5707963267948966);
    EXPECT_EQ(el::sinh(kInf), kInf);
    EXPECT_EQ(el::sinh(-kInf), -kInf);
    EXPECT_EQ(el::sinh(711.0), kInf);
    EXPECT_EQ(el::sinh(-711.0), -kInf);
    EXPECT_EQ(el::cosh(-kInf), kInf);
    EXPECT_EQ(el::cosh(-711.0), kInf);
    EXPECT_EQ(el::tanh(kInf), 1.0);
    EXPECT_EQ(el::tanh(-kInf), -1.0);
    // tiny arguments: f(x) = x for the odd functions whose series start with x
    for (double x : {1e-20, 1e-300, 2.2250738585072014e-308, 4.9406564584124654e-324}) {
        for (auto f : {el::sin, el::tan, el::asin, el::atan, el::sinh, el::tanh}) {
            EXPECT_EQ(f(x), x) << x;
            EXPECT_EQ(f(-x), -x) << x;
        }
        EXPECT_EQ(el::cos(x), 1.0);
        EXPECT_EQ(el::cosh(x), 1.0);
        EXPECT_EQ(el::exp(x), 1.0);
    }
}

TEST(Elementary, Symmetry) {
    for (double x = 1e-3; x < 1e6; x *= 1.01) {
        EXPECT_TRUE(sameBits(el::sin(-x), -el::sin(x))) << x;
        EXPECT_TRUE(sameBits(el::cos(-x), el::cos(x))) << x;
        EXPECT_TRUE(sameBits(el::tan(-x), -el::tan(x))) << x;
        EXPECT_TRUE(sameBits(el::atan(-x), -el::atan(x))) << x;
        EXPECT_TRUE(sameBits(el::sinh(-x), -el::sinh(x))) << x;
        EXPECT_TRUE(sameBits(el::cosh(-x), el::cosh(x))) << x;
        EXPECT_TRUE(sameBits(el::tanh(-x), -el::tanh(x))) << x;
        EXPECT_TRUE(sameBits(el::pow(-x, 3.0), -el::pow(x, 3.0))) << x;
        EXPECT_TRUE(sameBits(el::pow(-x, 4.0), el::pow(x, 4.0))) << x;
    }
    for (double x = 0; x <= 1.0; x += 1.0 / 4096) {
        EXPECT_TRUE(sameBits(el::asin(-x), -el::asin(x))) << x;
        // acos(-x) = pi - acos(x): equal to within the rounding of the subtraction
        EXPECT_LE(std::fabs(el::acos(-x) - (3.141592653589793 - el::acos(x))), 9e-16) << x;
    }
}

TEST(Elementary, Identities) {
    // Each side rounds separately, so the identities hold to a few ulp of the larger terms.
    for (double x = -50.0; x <= 50.0; x += 0.0371) {
        const double s = el::sin(x), c = el::cos(x);
        EXPECT_NEAR(s * s + c * c, 1.0, 4.5e-16) << x;
        EXPECT_NEAR(el::sin(2 * x), 2 * s * c, 1e-15) << x;
        EXPECT_NEAR(el::log(el::exp(x / 10)), x / 10, 1e-15) << x;
        const double ch = el::cosh(x / 10), sh = el::sinh(x / 10);
        EXPECT_NEAR((ch - sh) * (ch + sh), 1.0, 1e-14 * ch * ch) << x;
    }
}

}  // namespace
}  // namespace nnfit
