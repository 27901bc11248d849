#include "activation.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace nnfit {
namespace {

// f'(z) from the activation's own formula in terms of a = f(z), against a
// central difference (f(z + h) - f(z - h)) / 2h.
TEST(Activation, SlopeFromOutputMatchesNumericalDerivative) {
    const double h = 1e-6;
    for (const auto& info : kActivations) {
        for (double z = -4.05; z <= 4.0; z += 0.25) {
            const double numerical = (activateScalar(info.kind, z + h) - activateScalar(info.kind, z - h)) / (2 * h);
            const double analytic = slopeFromOutput(info.kind, activateScalar(info.kind, z));
            EXPECT_NEAR(analytic, numerical, 1e-7) << info.name << " at z = " << z;
        }
    }
}

TEST(Activation, ValuesAtKnownPoints) {
    EXPECT_DOUBLE_EQ(activateScalar(Activation::Sigmoid, 0.0), 0.5);
    EXPECT_NEAR(activateScalar(Activation::Sigmoid, 2.0), 1.0 / (1.0 + std::exp(-2.0)), 1e-16);
    EXPECT_NEAR(activateScalar(Activation::Tanh, 0.5), 0.46211715726000974, 1e-16);
    EXPECT_EQ(activateScalar(Activation::Relu, -3.0), 0.0);
    EXPECT_EQ(activateScalar(Activation::Relu, 2.5), 2.5);
}

TEST(Activation, TutorialTable) {
    EXPECT_EQ(activationInfo(Activation::Sigmoid).defaultLearningRate, 0.45);
    EXPECT_EQ(activationInfo(Activation::Tanh).defaultLearningRate, 0.005);
    EXPECT_EQ(activationInfo(Activation::Relu).defaultLearningRate, 0.0005);
    EXPECT_EQ(outputRange(Activation::Tanh, 6.28).high, -1.0);  // (0, -1), sic
    EXPECT_EQ(outputRange(Activation::Relu, 6.28).high, 6.28);   // (0, xmax)
    EXPECT_EQ(activationFromName("tanh"), Activation::Tanh);
    EXPECT_FALSE(activationFromName("Tanh").has_value());
}

}  // namespace
}  // namespace nnfit
