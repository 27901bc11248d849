// Weight update rules behind one small interface. The trainer hands each
// layer's ascent direction G = A_prevᵀ · delta (the negative gradient of the
// summed squared error, up to a factor 2) and the rule moves the weights.
#pragma once

#include <Eigen/Core>

namespace nnfit {

class Optimizer {
public:
    virtual ~Optimizer() = default;
    virtual void update(int layer, Eigen::MatrixXd& weights, const Eigen::MatrixXd& ascent) = 0;
    virtual void setLearningRate(double rate) = 0;
};

// Plain (mini-batch) gradient descent, the tutorial's: W += G * L
class Sgd final : public Optimizer {
public:
    explicit Sgd(double rate) : m_rate(rate) {}
    void update(int, Eigen::MatrixXd& weights, const Eigen::MatrixXd& ascent) override {
        weights.array() += ascent.array() * m_rate;
    }
    void setLearningRate(double rate) override { m_rate = rate; }

private:
    double m_rate;
};

}  // namespace nnfit
