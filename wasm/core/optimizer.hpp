// Weight update rules behind one small interface. The trainer hands every
// weight of the network at once, with its ascent direction G = A_prevᵀ · delta
// (the negative gradient of the summed squared error, up to a factor 2), and
// the rule moves the weights.
#pragma once

#include <cstddef>

namespace nnfit {

class Optimizer {
public:
    virtual ~Optimizer() = default;
    virtual void update(double* weights, const double* ascent, std::size_t count) = 0;
    virtual void setLearningRate(double rate) = 0;
};

// Plain (mini-batch) gradient descent, the tutorial's: W += G * L
class Sgd final : public Optimizer {
public:
    explicit Sgd(double rate) : m_rate(rate) {}
    void update(double* weights, const double* ascent, std::size_t count) override {
        for (std::size_t i = 0; i < count; ++i) weights[i] += ascent[i] * m_rate;
    }
    void setLearningRate(double rate) override { m_rate = rate; }

private:
    double m_rate;
};

}  // namespace nnfit
