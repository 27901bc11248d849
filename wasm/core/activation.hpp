// Activation functions. Each is a pair: the output a = f(z), and the slope
// f'(z) written through the output a, which is what backpropagation has at hand.
// Each also carries the tutorial's output range (used to scale the targets) and
// its tutorial learning rate.
#pragma once

#include <array>
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

// In place: a = f(z), for `count` consecutive values.
void activateRun(Activation kind, double* z, int count);

// In place: delta *= f'(z), with f'(z) expressed through a = f(z).
void multiplyBySlopeRun(Activation kind, double* delta, const double* a, int count);

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
    activateRun(kind, &z, 1);
    return z;
}

}  // namespace nnfit
