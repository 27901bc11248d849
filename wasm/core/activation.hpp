// Activation functions. Each is a pair: the output a = f(z), and the slope
// f'(z) written through the output a, which is what backpropagation has at hand.
// Each also carries the tutorial's output range (used to scale the targets) and
// its tutorial learning rate.
#pragma once

#include "math.hpp"

#include <Eigen/Core>
#include <array>
#include <cmath>
#include <optional>
#include <string_view>

namespace nnfit {

enum class Activation { Sigmoid, Tanh, Relu, LeakyRelu };

struct ActivationInfo {
    Activation kind;
    const char* name;
    double defaultLearningRate;  // the tutorial's L for this activation
};

inline constexpr std::array<ActivationInfo, 4> kActivations = {{
    {Activation::Sigmoid, "sigmoid", 0.45},
    {Activation::Tanh, "tanh", 0.005},
    {Activation::Relu, "relu", 0.0005},
    {Activation::LeakyRelu, "leakyrelu", 0.0005},  // not in the tutorial: ReLU's rate
}};

inline constexpr double kLeak = 0.01;  // leaky ReLU's slope for z < 0

inline const ActivationInfo& activationInfo(Activation kind) {
    return kActivations[static_cast<std::size_t>(kind)];
}

inline std::optional<Activation> activationFromName(std::string_view name) {
    for (const auto& info : kActivations)
        if (name == info.name) return info.kind;
    return std::nullopt;
}

// The range the targets are scaled into, as the tutorial sets it:
// sigmoid (0, 1); tanh (0, -1) (sic: the tutorial's order, kept for exactness);
// ReLU (0, xmax), and leaky ReLU likewise.
struct OutputRange {
    double low;
    double high;
};

inline OutputRange outputRange(Activation kind, double xmax) {
    switch (kind) {
        case Activation::Sigmoid: return {0.0, 1.0};
        case Activation::Tanh: return {0.0, -1.0};
        case Activation::Relu:
        case Activation::LeakyRelu: return {0.0, xmax};
    }
    return {0.0, 1.0};
}

// In place: a = f(z).
template <typename Block>
void activate(Activation kind, Block&& z) {
    auto a = z.array();
    switch (kind) {
        case Activation::Sigmoid: a = a.unaryExpr([](double v) { return sigmoid(v); }); break;  // a = 1 / (1 + exp(-z))
        case Activation::Tanh: a = a.unaryExpr([](double v) { return exactTanh(v); }); break;  // a = tanh(z)
        case Activation::Relu: a = a.cwiseMax(0.0); break;              // a = max(z, 0)
        case Activation::LeakyRelu: a = a.cwiseMax(kLeak * a); break;   // a = max(z, 0.01 z)
    }
}

// In place: delta *= f'(z), with f'(z) expressed through a = f(z).
template <typename DeltaBlock, typename OutputBlock>
void multiplyBySlope(Activation kind, DeltaBlock&& delta, const OutputBlock& a) {
    auto d = delta.array();
    const auto out = a.array();
    switch (kind) {
        case Activation::Sigmoid: d *= out * (1.0 - out); break;  // f' = a (1 - a)
        case Activation::Tanh: d *= 1.0 - out.square(); break;    // f' = 1 - a^2
        case Activation::Relu: d *= (out > 0.0).template cast<double>(); break;  // f' = [a > 0]
        case Activation::LeakyRelu:  // f' = a > 0 ? 1 : 0.01
            d *= out.unaryExpr([](double v) { return v > 0.0 ? 1.0 : kLeak; });
            break;
    }
}

// The same slope for one value; used by the tests against a numerical derivative.
inline double slopeFromOutput(Activation kind, double a) {
    switch (kind) {
        case Activation::Sigmoid: return a * (1.0 - a);
        case Activation::Tanh: return 1.0 - a * a;
        case Activation::Relu: return a > 0.0 ? 1.0 : 0.0;
        case Activation::LeakyRelu: return a > 0.0 ? 1.0 : kLeak;
    }
    return 0.0;
}

inline double activateScalar(Activation kind, double z) {
    Eigen::Matrix<double, 1, 1> m;
    m(0, 0) = z;
    activate(kind, m);
    return m(0, 0);
}

}  // namespace nnfit
