// Activation functions. Each is a pair: the output a = f(z), and the slope
// f'(z) written through the output a, which is what backpropagation has at hand.
// Each also carries the tutorial's output range (used to scale the targets) and
// its tutorial learning rate.
#pragma once

#include "math.hpp"

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

// The unit types: each has a = f(z) and the slope f'(z) written through a,
// for a double or a DoublePair (see math.hpp).
struct SigmoidUnit {
    template <typename T>
    static T activate(T z) { return sigmoid(z); }  // a = 1 / (1 + exp(-z))
    template <typename T>
    static T slope(T a) { return a * (1.0 - a); }  // f' = a (1 - a)
};
struct TanhUnit {
    template <typename T>
    static T activate(T z) { return exactTanh(z); }  // a = tanh(z)
    template <typename T>
    static T slope(T a) { return 1.0 - a * a; }  // f' = 1 - a^2
};
struct ReluUnit {
    template <typename T>
    static T activate(T z) { return z > 0.0 ? z : T{}; }  // a = max(z, 0)
    template <typename T>
    static T slope(T a) { return a > 0.0 ? splat<T>(1.0) : T{}; }  // f' = [a > 0]
};
struct LeakyReluUnit {
    template <typename T>
    static T activate(T z) { return z > 0.0 ? z : kLeak * z; }  // a = max(z, 0.01 z)
    template <typename T>
    static T slope(T a) { return a > 0.0 ? splat<T>(1.0) : splat<T>(kLeak); }  // f' = a > 0 ? 1 : 0.01
};

// Calls body(Unit{}) with the unit type of `kind`: a loop written inside the
// body is compiled once per unit type, with f and f' inlined into it.
template <typename Body>
decltype(auto) withUnit(Activation kind, Body&& body) {
    switch (kind) {
        case Activation::Sigmoid: return body(SigmoidUnit{});
        case Activation::Tanh: return body(TanhUnit{});
        case Activation::Relu: return body(ReluUnit{});
        case Activation::LeakyRelu: return body(LeakyReluUnit{});
    }
    return body(SigmoidUnit{});
}

// In place: a = f(z), for `count` consecutive values.
void activateRun(Activation kind, double* z, int count);

// In place: delta *= f'(z), with f'(z) expressed through a = f(z).
void multiplyBySlopeRun(Activation kind, double* delta, const double* a, int count);

// One value at a time; used by the tests (e.g. against a numerical derivative).
inline double activateScalar(Activation kind, double z) {
    return withUnit(kind, [z](auto unit) { return decltype(unit)::activate(z); });
}

inline double slopeFromOutput(Activation kind, double a) {
    return withUnit(kind, [a](auto unit) { return decltype(unit)::slope(a); });
}

}  // namespace nnfit
