#include "math.hpp"

#include "bits.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

namespace nnfit {
namespace {

using bits::sameBits;
using bits::ulps;

TEST(Math, ExpIsWithinTwoUlpOfTheLibrary) {
    std::uint64_t worst = 0;
    for (double x = -708.0; x <= 708.0; x += 0.0137) worst = std::max(worst, ulps(exactExp(x), std::exp(x)));
    for (double x = -1.0; x <= 1.0; x += 1e-4) worst = std::max(worst, ulps(exactExp(x), std::exp(x)));
    EXPECT_LE(worst, 2u);
    EXPECT_EQ(exactExp(0.0), 1.0);
    EXPECT_EQ(exactExp(1.0), std::exp(1.0));
}

TEST(Math, ExpSaturatesBeyondItsRangeAndKeepsNaN) {
    const double nan = std::nan("");
    EXPECT_EQ(exactExp(708.5), exactExp(708.0));
    EXPECT_EQ(exactExp(1e308), exactExp(708.0));
    EXPECT_EQ(exactExp(HUGE_VAL), exactExp(708.0));
    EXPECT_EQ(exactExp(-708.5), exactExp(-708.0));
    EXPECT_EQ(exactExp(-HUGE_VAL), exactExp(-708.0));
    EXPECT_GT(exactExp(708.0), 1e307);
    EXPECT_GT(exactExp(-708.0), 0.0);
    EXPECT_LT(exactExp(-708.0), 1e-307);
    EXPECT_LT(sigmoid(-1000.0), 1e-307);
    EXPECT_EQ(sigmoid(1000.0), 1.0);
    EXPECT_EQ(exactTanh(1000.0), 1.0);
    EXPECT_EQ(exactTanh(-HUGE_VAL), -1.0);
    EXPECT_TRUE(std::isnan(exactExp(nan)));
    EXPECT_TRUE(std::isnan(exactTanh(nan)));
    EXPECT_TRUE(std::isnan(sigmoid(nan)));
}

// Both lanes of a DoublePair round exactly as the double does, on ordinary,
// saturated and NaN inputs alike.
TEST(Math, PairsRoundLikeDoubles) {
    const double inputs[] = {-1e308, -745.0, -708.2, -37.5, -1.0, -0.34, -1e-9, 0.0, 1e-9,
                             0.2,    0.35,   0.36,   1.0,   19.9, 708.0, 1000.0, std::nan("")};
    for (const double x : inputs) {
        for (const double y : inputs) {
            const DoublePair pair{x, y};
            const DoublePair e = exactExp(pair), t = exactTanh(pair), s = sigmoid(pair), m = exactExpm1(pair);
            EXPECT_TRUE(sameBits(e[0], exactExp(x)) && sameBits(e[1], exactExp(y))) << x << ", " << y;
            EXPECT_TRUE(sameBits(t[0], exactTanh(x)) && sameBits(t[1], exactTanh(y))) << x << ", " << y;
            EXPECT_TRUE(sameBits(s[0], sigmoid(x)) && sameBits(s[1], sigmoid(y))) << x << ", " << y;
            EXPECT_TRUE(sameBits(m[0], exactExpm1(x)) && sameBits(m[1], exactExpm1(y))) << x << ", " << y;
        }
    }
}

TEST(Math, TanhAndSigmoidMatchTheirDefinitions) {
    for (double z = -20.0; z <= 20.0; z += 0.001) {
        EXPECT_NEAR(exactTanh(z), std::tanh(z), 4e-16 * std::max(1.0, std::fabs(std::tanh(z))) + 1e-300) << z;
        EXPECT_NEAR(sigmoid(z), 1.0 / (1.0 + std::exp(-z)), 3e-16) << z;
    }
    for (double z = -1e-3; z <= 1e-3; z += 1.7e-6)  // small |z|: relative accuracy, no cancellation
        EXPECT_LE(ulps(std::fabs(exactTanh(z)), std::fabs(std::tanh(z))), 4u) << z;
    EXPECT_EQ(exactTanh(0.0), 0.0);
    EXPECT_EQ(exactTanh(40.0), 1.0);
    EXPECT_EQ(exactTanh(-40.0), -1.0);
    EXPECT_EQ(sigmoid(0.0), 0.5);
}

}  // namespace
}  // namespace nnfit
