// A fully connected network without per-layer biases (the bias, when on, is
// a constant 1 in the input row). Weights are stored as the tutorial writes
// them: W_l has one row per unit of the layer below and one column per unit
// of the layer above, so a layer is A_l = f(A_{l-1} · W_l).
// Every buffer is allocated once, for the largest number of rows the network
// will be given; forward and backward never allocate. All weights live in one
// array, layer after layer, each layer column-major, and the ascent G in a
// second array of the same layout, so an optimizer updates them in one loop
// and a copy of the weights is one memcpy. A pass over n rows views the first
// n x units values of a buffer as a contiguous n x units matrix, so the
// element-wise steps run over one unbroken array.
#pragma once

#include "activation.hpp"
#include "config.hpp"
#include "rng.hpp"

#include <Eigen/Core>
#include <vector>

namespace nnfit {

class Network {
public:
    // Consecutive rows of a column-major matrix, viewed in place. A Map, not a
    // Ref: a Ref owns an (empty) matrix whose destructor calls free() twice a
    // mini-batch.
    using InputRows = Eigen::Map<const Eigen::MatrixXd, 0, Eigen::OuterStride<>>;
    static InputRows rowsOf(const Eigen::MatrixXd& matrix, Eigen::Index start, Eigen::Index count) {
        return InputRows(matrix.data() + start, count, matrix.cols(), Eigen::OuterStride<>(matrix.outerStride()));
    }
    using View = Eigen::Map<Eigen::MatrixXd>;
    using ConstView = Eigen::Map<const Eigen::MatrixXd>;

    // layerSizes: input, hidden..., output; activations: one per weight layer.
    Network(const std::vector<int>& layerSizes, const std::vector<Activation>& activations, int maxRows);

    // Fill every weight from the rng, row by row, as the init rule says.
    void initialize(Init rule, Rng& rng);

    // A_l = f_l(A_{l-1} · W_l) for the first n rows of `inputs`.
    void forward(const InputRows& inputs);

    // After forward() on the same rows: E = Y - A_out, the deltas
    //   delta_out = E ⊙ f'(A_out),  delta_l = (delta_{l+1} · W_{l+1}ᵀ) ⊙ f'(A_l),
    // and each layer's ascent G_l = A_{l-1}ᵀ · delta_l. Returns mean(E²).
    double backward(const InputRows& inputs, const InputRows& targets);

    int layerCount() const { return static_cast<int>(m_layers.size()); }
    View weights(int layer) {
        return View(m_weights.data() + m_layers[layer].offset, m_layers[layer].in, m_layers[layer].out);
    }
    ConstView weights(int layer) const {
        return ConstView(m_weights.data() + m_layers[layer].offset, m_layers[layer].in, m_layers[layer].out);
    }
    // Every weight and its ascent, in the one layout described above.
    std::vector<double>& allWeights() { return m_weights; }
    const std::vector<double>& allWeights() const { return m_weights; }
    const std::vector<double>& allAscents() const { return m_ascent; }
    // Layer l's outputs from the last forward pass: rows x units, one column per unit.
    ConstView outputs(int layer) const { return ConstView(m_outputs[layer].data(), m_rows, m_layers[layer].out); }

private:
    struct Layer {
        int in, out;            // W_l is in x out
        Activation activation;  // f_l
        std::size_t offset;     // where W_l and G_l start in m_weights and m_ascent
    };
    std::vector<Layer> m_layers;
    std::vector<double> m_weights;               // every W_l
    std::vector<double> m_ascent;                // every G_l
    std::vector<std::vector<double>> m_outputs;  // A_l: up to maxRows x out_l
    std::vector<std::vector<double>> m_deltas;   // delta_l: up to maxRows x out_l
    int m_rows = 0;                              // rows of the last forward pass
};

}  // namespace nnfit
