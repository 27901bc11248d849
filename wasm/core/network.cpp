#include "network.hpp"

#include <cmath>

namespace nnfit {

Network::Network(const std::vector<int>& layerSizes, const std::vector<Activation>& activations, int maxRows)
    : m_activations(activations) {
    for (std::size_t l = 0; l + 1 < layerSizes.size(); ++l) {
        const int in = layerSizes[l], out = layerSizes[l + 1];
        m_weights.emplace_back(Eigen::MatrixXd::Zero(in, out));
        m_ascent.emplace_back(Eigen::MatrixXd::Zero(in, out));
        m_outputs.emplace_back(Eigen::MatrixXd::Zero(maxRows, out));
        m_deltas.emplace_back(Eigen::MatrixXd::Zero(maxRows, out));
    }
}

void Network::initialize(Init rule, Rng& rng) {
    for (auto& w : m_weights) {
        const double fanIn = static_cast<double>(w.rows()), fanOut = static_cast<double>(w.cols());
        for (Eigen::Index i = 0; i < w.rows(); ++i) {
            for (Eigen::Index j = 0; j < w.cols(); ++j) {
                switch (rule) {
                    case Init::Uniform: {  // U(-r, r), r = sqrt(2 / fan_in)
                        const double r = std::sqrt(2.0 / fanIn);
                        w(i, j) = rng.uniform(-r, r);
                        break;
                    }
                    case Init::He:  // N(0, sqrt(2 / fan_in))
                        w(i, j) = rng.normal(0.0, std::sqrt(2.0 / fanIn));
                        break;
                    case Init::Xavier: {  // U(-r, r), r = sqrt(6 / (fan_in + fan_out))
                        const double r = std::sqrt(6.0 / (fanIn + fanOut));
                        w(i, j) = rng.uniform(-r, r);
                        break;
                    }
                }
            }
        }
    }
}

namespace {

// out(i, j) = sum_k left(i, k) right(k, j), summed in order of k: plain loops
// beat Eigen's general product dispatch on matrices this small.
template <typename Out, typename Left, typename Right>
void multiply(Out&& out, const Left& left, const Right& right) {
    const Eigen::Index rows = left.rows(), inner = left.cols(), cols = right.cols();
    for (Eigen::Index j = 0; j < cols; ++j)
        for (Eigen::Index i = 0; i < rows; ++i) {
            double sum = left(i, 0) * right(0, j);
            for (Eigen::Index k = 1; k < inner; ++k) sum += left(i, k) * right(k, j);
            out(i, j) = sum;
        }
}

}  // namespace

void Network::forward(const InputRows& inputs) {
    m_rows = static_cast<int>(inputs.rows());
    for (int l = 0; l < layerCount(); ++l) {
        auto a = m_outputs[l].topRows(m_rows);
        if (l == 0)
            multiply(a, inputs, m_weights[0]);  // Z_0 = X · W_0
        else
            multiply(a, m_outputs[l - 1].topRows(m_rows), m_weights[l]);  // Z_l = A_{l-1} · W_l
        activate(m_activations[l], a);  // A_l = f(Z_l)
    }
}

double Network::backward(const InputRows& inputs, const InputRows& targets) {
    const int n = m_rows, last = layerCount() - 1;
    auto error = m_deltas[last].topRows(n);
    error = targets - m_outputs[last].topRows(n);  // E = Y - A_out
    const double loss = error.squaredNorm() / static_cast<double>(error.size());  // mean(E²)
    multiplyBySlope(m_activations[last], error, m_outputs[last].topRows(n));  // delta_out = E ⊙ f'(A_out)
    for (int l = last - 1; l >= 0; --l) {
        auto delta = m_deltas[l].topRows(n);
        multiply(delta, m_deltas[l + 1].topRows(n), m_weights[l + 1].transpose());  // delta_{l+1} · W_{l+1}ᵀ
        multiplyBySlope(m_activations[l], delta, m_outputs[l].topRows(n));         // ⊙ f'(A_l)
    }
    for (int l = 0; l <= last; ++l) {
        const auto delta = m_deltas[l].topRows(n);
        if (l == 0)
            multiply(m_ascent[0], inputs.transpose(), delta);  // G_0 = Xᵀ · delta_0
        else
            multiply(m_ascent[l], m_outputs[l - 1].topRows(n).transpose(), delta);  // G_l = A_{l-1}ᵀ · delta_l
    }
    return loss;
}

}  // namespace nnfit
