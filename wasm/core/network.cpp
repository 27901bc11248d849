#include "network.hpp"

#include <cmath>
#include <type_traits>

namespace nnfit {

Network::Network(const std::vector<int>& layerSizes, const std::vector<Activation>& activations, int maxRows) {
    std::size_t offset = 0;
    for (std::size_t l = 0; l + 1 < layerSizes.size(); ++l) {
        const int in = layerSizes[l], out = layerSizes[l + 1];
        m_layers.push_back({in, out, activations[l], offset});
        offset += static_cast<std::size_t>(in) * out;
        m_outputs.emplace_back(static_cast<std::size_t>(maxRows) * out, 0.0);
        m_deltas.emplace_back(static_cast<std::size_t>(maxRows) * out, 0.0);
    }
    m_weights.assign(offset, 0.0);
    m_ascent.assign(offset, 0.0);
}

void Network::initialize(Init rule, Rng& rng) {
    for (int l = 0; l < layerCount(); ++l) {
        View w = weights(l);
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
// compile-time constant for batches of 1, 2, 4 and 8 rows (the tutorial's is
// 4), so those loops unroll completely, or a plain Index for any other count.
// Few constants on purpose: every one adds an unrolled copy of forward and
// backward, and V8 compiles a function that grows past its "huge" limit with
// a simpler register allocator. Eight copies pushed the training loop past
// it (measured: the tutorial's run 4.5 -> 5.3 ms).
template <typename Body>
void withRowCount(Index rows, Body&& body) {
    switch (rows) {
        case 1: return body(std::integral_constant<Index, 1>{});
        case 2: return body(std::integral_constant<Index, 2>{});
        case 4: return body(std::integral_constant<Index, 4>{});
        case 8: return body(std::integral_constant<Index, 8>{});
        default: return body(rows);
    }
}

// A column-major matrix as the kernels read it (see above).
struct Columns {
    const double* data;
    Index stride;
    const double* column(Index j) const { return data + j * stride; }
};

// The input of layer l as the kernels read it: X for the first layer, A_{l-1} after it.
Columns layerInput(const Network& network, const Network::InputRows& inputs, int l) {
    if (l == 0) return Columns{inputs.data(), inputs.outerStride()};
    const Network::ConstView below = network.outputs(l - 1);
    return Columns{below.data(), below.outerStride()};
}

// body(i, T{}) for the rows two at a time (T = DoublePair, rows i and i + 1),
// then for an odd last row (T = double). Each lane computes what the scalar
// code would, in the same order.
template <typename RowCount, typename Body>
void forEachRowPair(RowCount rows, Body&& body) {
    Index i = 0;
    for (; i + 2 <= rows; i += 2) body(i, DoublePair{});
    if (i < rows) body(i, 0.0);
}

// out = left · W (W in x units): out(:, j) = sum_k left(:, k) W(k, j), a column at a time.
template <typename RowCount>
void multiply(RowCount rows, double* out, Columns left, const double* w, Index in, Index units) {
    for (Index j = 0; j < units; ++j) {
        const double* wj = w + j * in;
        forEachRowPair(rows, [&](Index i, auto lanes) {
            using T = decltype(lanes);
            T sum = load<T>(left.column(0) + i) * wj[0];
            for (Index k = 1; k < in; ++k) sum += load<T>(left.column(k) + i) * wj[k];
            store(out + j * rows + i, sum);
        });
    }
}

// out = delta · Wᵀ (W in x units, delta rows x units): out(:, k) = sum_j delta(:, j) W(k, j).
template <typename RowCount>
void multiplyByTransposed(RowCount rows, double* out, const double* delta, const double* w, Index in, Index units) {
    for (Index k = 0; k < in; ++k) {
        forEachRowPair(rows, [&](Index i, auto lanes) {
            using T = decltype(lanes);
            T sum = load<T>(delta + i) * w[k];
            for (Index j = 1; j < units; ++j) sum += load<T>(delta + j * rows + i) * w[k + j * in];
            store(out + k * rows + i, sum);
        });
    }
}

// G = leftᵀ · delta: G(k, j) = sum_i left(i, k) delta(i, j), summed down the
// rows in order; the products are formed two rows at a time.
template <typename RowCount>
void multiplyTransposed(RowCount rows, double* g, Columns left, Index in, const double* delta, Index units) {
    for (Index j = 0; j < units; ++j) {
        const double* d = delta + j * rows;
        for (Index k = 0; k < in; ++k) {
            const double* l = left.column(k);
            double sum = -0.0;  // -0 + p = p exactly, for every p
            forEachRowPair(rows, [&](Index i, auto lanes) {
                using T = decltype(lanes);
                const T product = load<T>(l + i) * load<T>(d + i);
                if constexpr (std::is_same_v<T, double>) {
                    sum += product;
                } else {
                    sum += product[0];
                    sum += product[1];
                }
            });
            g[k + j * in] = sum;
        }
    }
}

}  // namespace

void Network::forward(const InputRows& inputs) {
    m_rows = static_cast<int>(inputs.rows());
    withRowCount(m_rows, [&](auto rows) {
        for (int l = 0; l < layerCount(); ++l) {
            const Layer& layer = m_layers[l];
            double* a = m_outputs[l].data();
            const double* w = m_weights.data() + layer.offset;
            multiply(rows, a, layerInput(*this, inputs, l), w, layer.in, layer.out);  // Z_l = A_{l-1} · W_l
            activateRun(layer.activation, a, static_cast<int>(rows * layer.out));  // A_l = f(Z_l)
        }
    });
}

double Network::backward(const InputRows& inputs, const InputRows& targets) {
    const int last = layerCount() - 1;
    double loss = 0;
    withRowCount(m_rows, [&](auto rows) {
        const Layer& top = m_layers[last];
        double* error = m_deltas[last].data();
        const double* output = m_outputs[last].data();
        double squares = 0;
        // f' applied here rather than by multiplyBySlopeRun: one call fewer per mini-batch.
        withUnit(top.activation, [&](auto unit) {
            for (Index j = 0; j < top.out; ++j) {
                const double* y = targets.data() + j * targets.outerStride();
                for (Index i = 0; i < rows; ++i) {
                    const double a = output[i + j * rows], e = y[i] - a;  // E = Y - A_out
                    squares += e * e;
                    error[i + j * rows] = e * decltype(unit)::slope(a);  // delta_out = E ⊙ f'(A_out)
                }
            }
        });
        loss = squares / static_cast<double>(rows * top.out);  // mean(E²)
        for (int l = last - 1; l >= 0; --l) {
            const Layer& above = m_layers[l + 1];
            double* delta = m_deltas[l].data();
            multiplyByTransposed(rows, delta, m_deltas[l + 1].data(), m_weights.data() + above.offset, above.in,
                                 above.out);  // delta_{l+1} · W_{l+1}ᵀ
            multiplyBySlopeRun(m_layers[l].activation, delta, m_outputs[l].data(),
                               static_cast<int>(rows * above.in));  // ⊙ f'(A_l)
        }
        for (int l = 0; l <= last; ++l) {
            const Layer& layer = m_layers[l];
            double* g = m_ascent.data() + layer.offset;
            multiplyTransposed(rows, g, layerInput(*this, inputs, l), layer.in, m_deltas[l].data(),
                               layer.out);  // G_l = A_{l-1}ᵀ · delta_l
        }
    });
    return loss;
}

}  // namespace nnfit
