// The weight update rule. The trainer hands it every weight of the network at
// once, with its ascent direction G = A_prevᵀ · delta (the negative gradient of
// the summed squared error, up to a factor 2), once per mini-batch.
// A concrete class rather than a virtual interface: the call happens 24,000
// times in the tutorial's run, and the indirect call alone cost 0.13 ms of it
// in wasm. Further rules (momentum, Adam) belong here as a rule field and
// per-weight state, chosen by the config.
#pragma once

#include <cstddef>

namespace nnfit {

class Optimizer {
public:
    explicit Optimizer(double rate) : m_rate(rate) {}
    void setLearningRate(double rate) { m_rate = rate; }

    // Plain (mini-batch) gradient descent, the tutorial's: W += G * L
    void update(double* weights, const double* ascent, std::size_t count) const {
        for (std::size_t i = 0; i < count; ++i) weights[i] += ascent[i] * m_rate;
    }

private:
    double m_rate;
};

}  // namespace nnfit
