#include "math.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>

namespace nnfit {
namespace {

// Distance in units in the last place between two doubles of the same sign.
std::int64_t ulps(double a, double b) {
    std::int64_t ia, ib;
    std::memcpy(&ia, &a, sizeof a);
    std::memcpy(&ib, &b, sizeof b);
    return ia > ib ? ia - ib : ib - ia;
}

TEST(Math, ExpIsWithinTwoUlpOfTheLibrary) {
    std::int64_t worst = 0;
    for (double x = -708.0; x <= 708.0; x += 0.0137) worst = std::max(worst, ulps(exactExp(x), std::exp(x)));
    for (double x = -1.0; x <= 1.0; x += 1e-4) worst = std::max(worst, ulps(exactExp(x), std::exp(x)));
    EXPECT_LE(worst, 2);
    EXPECT_EQ(exactExp(0.0), 1.0);
    EXPECT_EQ(exactExp(1.0), std::exp(1.0));
}

TEST(Math, ExpBeyondItsRangeIsZeroOrInfinityAndKeepsNaN) {
    EXPECT_EQ(exactExp(708.5), INFINITY);
    EXPECT_EQ(exactExp(1e308), INFINITY);
    EXPECT_EQ(exactExp(-708.5), 0.0);
    EXPECT_EQ(exactExp(-1e308), 0.0);
    EXPECT_EQ(sigmoid(-1000.0), 0.0);
    EXPECT_EQ(sigmoid(1000.0), 1.0);
    EXPECT_EQ(exactTanh(1000.0), 1.0);
    EXPECT_TRUE(std::isnan(exactExp(NAN)));
    EXPECT_TRUE(std::isnan(exactTanh(NAN)));
    EXPECT_TRUE(std::isnan(sigmoid(NAN)));
}

TEST(Math, TanhAndSigmoidMatchTheirDefinitions) {
    for (double z = -20.0; z <= 20.0; z += 0.001) {
        EXPECT_NEAR(exactTanh(z), std::tanh(z), 4e-16 * std::max(1.0, std::fabs(std::tanh(z))) + 1e-300) << z;
        EXPECT_NEAR(sigmoid(z), 1.0 / (1.0 + std::exp(-z)), 3e-16) << z;
    }
    for (double z = -1e-3; z <= 1e-3; z += 1.7e-6)  // small |z|: relative accuracy, no cancellation
        EXPECT_LE(ulps(std::fabs(exactTanh(z)), std::fabs(std::tanh(z))), 4) << z;
    EXPECT_EQ(exactTanh(0.0), 0.0);
    EXPECT_EQ(exactTanh(40.0), 1.0);
    EXPECT_EQ(exactTanh(-40.0), -1.0);
    EXPECT_EQ(sigmoid(0.0), 0.5);
}

}  // namespace
}  // namespace nnfit
