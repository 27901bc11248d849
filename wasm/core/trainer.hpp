// The training loop: epochs of consecutive mini-batches in fixed order, the
// loss history, divergence, evaluation on the test grid and on a fine grid
// for drawing, and the weights in and out.
#pragma once

#include "config.hpp"
#include "dataset.hpp"
#include "network.hpp"
#include "optimizer.hpp"

#include <string>
#include <vector>

namespace nnfit {

enum class TrainerStatus { Running, Done, Diverged };
const char* statusName(TrainerStatus status);

class Trainer {
public:
    static constexpr int kCurvePoints = 241;  // the fine grid the learned curve is drawn on

    explicit Trainer(Config config);

    // One pass over the training data: for each mini-batch, forward, backward,
    // update. Returns the epoch loss, the mean of its batch losses; NaN when
    // the run is already done or diverged, or has just diverged.
    double trainEpoch();
    // Up to `count` epochs, stopping early when done or diverged. Returns how many ran.
    int trainEpochs(int count);

    const Config& config() const { return m_config; }
    const Dataset& dataset() const { return m_dataset; }
    TrainerStatus status() const { return m_status; }
    int epoch() const { return m_epoch; }
    // One finite loss per epoch trained; entry i belongs to epoch historyStart() + i + 1.
    const std::vector<double>& lossHistory() const { return m_lossHistory; }
    int historyStart() const { return m_historyStart; }

    // The rate as text, checked like the config field lr ("auto" is the
    // activation's rate). Empty when accepted; otherwise why not.
    std::string setLearningRate(const std::string& text);

    // Predictions (unscaled) and each layer's unit outputs on the test grid, and the test MSE.
    void evaluateTest();
    const std::vector<double>& testPredictions() const { return m_testPredictions; }
    const Eigen::MatrixXd& testHidden(int layer) const { return m_testHidden[layer]; }  // points x units
    double testMse() const { return m_testMse; }

    // The network's output (unscaled) on kCurvePoints evenly spaced x over
    // [xmin, xmax], widened past each end by beyond * (xmax - xmin).
    void evaluateCurve();
    const std::vector<double>& curveX() const { return m_curveX; }
    const std::vector<double>& curveTarget() const { return m_curveTarget; }  // NaN where f is undefined
    const std::vector<double>& curvePredictions() const { return m_curvePredictions; }

    // All weight matrices, each row-major, one after another; shapes are rows, cols pairs.
    std::vector<int> weightShapes() const;
    std::vector<double> weights() const;
    const std::vector<double>& initialWeights() const { return m_initialWeights; }
    // Replace every weight and restart the history at `epoch`; these become the
    // initial weights. Empty when accepted, else why not.
    std::string setWeights(const std::vector<double>& flat, int epoch);

private:
    Config m_config;
    Dataset m_dataset;
    Network m_network;
    Optimizer m_optimizer;
    TrainerStatus m_status = TrainerStatus::Running;
    int m_epoch = 0;
    int m_historyStart = 0;
    std::vector<double> m_lossHistory;
    std::vector<double> m_lastGoodWeights;  // the weights before the current epoch, as Network::allWeights()
    std::vector<double> m_initialWeights;

    std::vector<double> m_testPredictions;
    std::vector<Eigen::MatrixXd> m_testHidden;
    double m_testMse = 0;
    Eigen::MatrixXd m_curveInputs;
    std::vector<double> m_curveX, m_curveTarget, m_curvePredictions;

    void writeOutputs(int rows, std::vector<double>& predictions);
};

}  // namespace nnfit
