// A fully connected network without per-layer biases (the bias, when on, is
// a constant 1 in the input row). Weights are stored as the tutorial writes
// them: W_l has one row per unit of the layer below and one column per unit
// of the layer above, so a layer is A_l = f(A_{l-1} · W_l).
// Every buffer is allocated once, for the largest number of rows the network
// will be given; forward and backward never allocate. A pass over n rows
// views the first n x units values of a buffer as a contiguous n x units
// matrix, so the element-wise steps run over one unbroken array.
#pragma once

#include "activation.hpp"
#include "config.hpp"
#include "rng.hpp"

#include <Eigen/Core>
#include <vector>

namespace nnfit {

class Network {
public:
    using InputRows = Eigen::Ref<const Eigen::MatrixXd>;

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

    int layerCount() const { return static_cast<int>(m_weights.size()); }
    Eigen::MatrixXd& weights(int layer) { return m_weights[layer]; }
    const Eigen::MatrixXd& weights(int layer) const { return m_weights[layer]; }
    const Eigen::MatrixXd& ascent(int layer) const { return m_ascent[layer]; }
    using View = Eigen::Map<Eigen::MatrixXd>;
    using ConstView = Eigen::Map<const Eigen::MatrixXd>;
    // Layer l's outputs from the last forward pass: rows x units, one column per unit.
    ConstView outputs(int layer) const;

private:
    std::vector<Activation> m_activations;
    std::vector<Eigen::MatrixXd> m_weights;   // W_l: in_l x out_l
    std::vector<std::vector<double>> m_outputs;  // A_l: up to maxRows x out_l
    std::vector<std::vector<double>> m_deltas;   // delta_l: up to maxRows x out_l
    std::vector<Eigen::MatrixXd> m_ascent;    // G_l: in_l x out_l
    int m_rows = 0;                           // rows of the last forward pass

    View outputView(int layer) { return View(m_outputs[layer].data(), m_rows, m_weights[layer].cols()); }
    View deltaView(int layer) { return View(m_deltas[layer].data(), m_rows, m_weights[layer].cols()); }
};

}  // namespace nnfit
