#include "network.hpp"

#include <cmath>
#include <type_traits>

namespace nnfit {

Network::Network(const std::vector<int>& layerSizes, const std::vector<Activation>& activations, int maxRows)
    : m_activations(activations) {
    for (std::size_t l = 0; l + 1 < layerSizes.size(); ++l) {
        const int in = layerSizes[l], out = layerSizes[l + 1];
        m_weights.emplace_back(Eigen::MatrixXd::Zero(in, out));
        m_ascent.emplace_back(Eigen::MatrixXd::Zero(in, out));
        m_outputs.emplace_back(static_cast<std::size_t>(maxRows) * out, 0.0);
        m_deltas.emplace_back(static_cast<std::size_t>(maxRows) * out, 0.0);
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

using Eigen::Index;

// The kernels read and write column-major storage through its data pointer
// and column stride: element (i, j) is at data[i + j * stride]. Every sum runs
// in ascending order of its index, the same order in every build.

// A mini-batch has few rows, and loops over a handful of rows cost more in
// setup than in arithmetic. The kernels take the row count as a type: a
// compile-time constant for batches of 1 to 8 rows, so those loops unroll
// completely, or a plain Index for any other count.
template <typename Body>
void withRowCount(Index rows, Body&& body) {
    switch (rows) {
        case 1: return body(std::integral_constant<Index, 1>{});
        case 2: return body(std::integral_constant<Index, 2>{});
        case 3: return body(std::integral_constant<Index, 3>{});
        case 4: return body(std::integral_constant<Index, 4>{});
        case 5: return body(std::integral_constant<Index, 5>{});
        case 6: return body(std::integral_constant<Index, 6>{});
        case 7: return body(std::integral_constant<Index, 7>{});
        case 8: return body(std::integral_constant<Index, 8>{});
        default: return body(rows);
    }
}

// out = left · right: out(:, j) = sum_k left(:, k) right(k, j), a column at a time.
template <typename RowCount, typename Left, typename Right>
void multiply(RowCount rows, double* out, const Left& left, const Right& right) {
    const Index inner = left.cols(), leftStride = left.outerStride();
    for (Index j = 0; j < right.cols(); ++j) {
        double* __restrict o = out + j * rows;
        const double* __restrict l = left.data();
        const double r0 = right(0, j);
        for (Index i = 0; i < rows; ++i) o[i] = l[i] * r0;
        for (Index k = 1; k < inner; ++k) {
            const double* __restrict lk = left.data() + k * leftStride;
            const double rk = right(k, j);
            for (Index i = 0; i < rows; ++i) o[i] += lk[i] * rk;
        }
    }
}

// out = leftᵀ · right: out(k, j) = sum_i left(i, k) right(i, j), a dot product down the rows.
template <typename RowCount, typename Left>
void multiplyTransposed(RowCount rows, Eigen::MatrixXd& out, const Left& left, const double* right) {
    for (Index j = 0; j < out.cols(); ++j) {
        const double* __restrict r = right + j * rows;
        for (Index k = 0; k < left.cols(); ++k) {
            const double* __restrict l = left.data() + k * left.outerStride();
            double sum = l[0] * r[0];
            for (Index i = 1; i < rows; ++i) sum += l[i] * r[i];
            out(k, j) = sum;
        }
    }
}

}  // namespace

Network::ConstView Network::outputs(int layer) const {
    return ConstView(m_outputs[layer].data(), m_rows, m_weights[layer].cols());
}

void Network::forward(const InputRows& inputs) {
    m_rows = static_cast<int>(inputs.rows());
    withRowCount(m_rows, [&](auto rows) {
        for (int l = 0; l < layerCount(); ++l) {
            double* a = m_outputs[l].data();
            if (l == 0)
                multiply(rows, a, inputs, m_weights[0]);  // Z_0 = X · W_0
            else
                multiply(rows, a, outputs(l - 1), m_weights[l]);  // Z_l = A_{l-1} · W_l
            activateRun(m_activations[l], a, static_cast<int>(rows * m_weights[l].cols()));  // A_l = f(Z_l)
        }
    });
}

double Network::backward(const InputRows& inputs, const InputRows& targets) {
    const int last = layerCount() - 1;
    View error = deltaView(last);
    const ConstView output = outputs(last);
    error = targets - output;  // E = Y - A_out
    double squares = 0;
    for (Index i = 0; i < error.size(); ++i) squares += error.data()[i] * error.data()[i];
    const double loss = squares / static_cast<double>(error.size());  // mean(E²)
    withRowCount(m_rows, [&](auto rows) {
        const auto size = [&](int l) { return static_cast<int>(rows * m_weights[l].cols()); };
        multiplyBySlopeRun(m_activations[last], error.data(), output.data(), size(last));  // delta_out = E ⊙ f'(A_out)
        for (int l = last - 1; l >= 0; --l) {
            double* delta = m_deltas[l].data();
            multiply(rows, delta, deltaView(l + 1), m_weights[l + 1].transpose());  // delta_{l+1} · W_{l+1}ᵀ
            multiplyBySlopeRun(m_activations[l], delta, m_outputs[l].data(), size(l));  // ⊙ f'(A_l)
        }
        for (int l = 0; l <= last; ++l) {
            if (l == 0)
                multiplyTransposed(rows, m_ascent[0], inputs, m_deltas[0].data());  // G_0 = Xᵀ · delta_0
            else
                multiplyTransposed(rows, m_ascent[l], outputs(l - 1), m_deltas[l].data());  // G_l = A_{l-1}ᵀ · delta_l
        }
    });
    return loss;
}

}  // namespace nnfit
