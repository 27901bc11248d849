#include "activation.hpp"

#include "math.hpp"

namespace nnfit {

// Plain loops over branch-free formulas, so compilers vectorize them.
void activateRun(Activation kind, double* z, int count) {
    switch (kind) {
        case Activation::Sigmoid:  // a = 1 / (1 + exp(-z))
            for (int i = 0; i < count; ++i) z[i] = sigmoid(z[i]);
            break;
        case Activation::Tanh:  // a = tanh(z)
            for (int i = 0; i < count; ++i) z[i] = exactTanh(z[i]);
            break;
        case Activation::Relu:  // a = max(z, 0)
            for (int i = 0; i < count; ++i) z[i] = z[i] > 0.0 ? z[i] : 0.0;
            break;
        case Activation::LeakyRelu:  // a = max(z, 0.01 z)
            for (int i = 0; i < count; ++i) z[i] = z[i] > 0.0 ? z[i] : kLeak * z[i];
            break;
    }
}

// In place: delta *= f'(z), with f'(z) expressed through a = f(z).
void multiplyBySlopeRun(Activation kind, double* delta, const double* a, int count) {
    switch (kind) {
        case Activation::Sigmoid:  // f' = a (1 - a)
            for (int i = 0; i < count; ++i) delta[i] *= a[i] * (1.0 - a[i]);
            break;
        case Activation::Tanh:  // f' = 1 - a^2
            for (int i = 0; i < count; ++i) delta[i] *= 1.0 - a[i] * a[i];
            break;
        case Activation::Relu:  // f' = [a > 0]
            for (int i = 0; i < count; ++i) delta[i] *= a[i] > 0.0 ? 1.0 : 0.0;
            break;
        case Activation::LeakyRelu:  // f' = a > 0 ? 1 : 0.01
            for (int i = 0; i < count; ++i) delta[i] *= a[i] > 0.0 ? 1.0 : kLeak;
            break;
    }
}

}  // namespace nnfit
