#include "trainer.hpp"

#include <algorithm>
#include <cmath>

namespace nnfit {

const char* statusName(TrainerStatus status) {
    switch (status) {
        case TrainerStatus::Running: return "running";
        case TrainerStatus::Done: return "done";
        case TrainerStatus::Diverged: return "diverged";
    }
    return "running";
}

namespace {

int largestRowCount(const Config& c) { return std::max({c.batch, c.points, Trainer::kCurvePoints}); }

// kCurvePoints over [xmin, xmax], widened past each end by beyond * (xmax - xmin).
std::vector<double> curveGrid(const Config& c) {
    const double margin = c.beyond * (c.xmax - c.xmin);
    return trainingGrid(c.xmin - margin, c.xmax + margin, Trainer::kCurvePoints);
}

std::vector<Activation> sameActivation(const Config& c) {
    return std::vector<Activation>(c.hidden.size() + 1, c.activation);
}

}  // namespace

Trainer::Trainer(Config config)
    : m_config(std::move(config)),
      m_dataset(m_config),
      m_network(m_config.layerSizes(), sameActivation(m_config), largestRowCount(m_config)),
      m_optimizer(m_config.lr),
      m_curveX(curveGrid(m_config)) {
    Rng rng(m_config.seed);
    m_network.initialize(m_config.init, rng);
    m_initialWeights = weights();
    m_lossHistory.reserve(static_cast<std::size_t>(m_config.epochs));
    m_lastGoodWeights = m_network.allWeights();
    for (int l = 0; l + 1 < m_network.layerCount(); ++l) m_testHidden.emplace_back(m_config.points, m_config.hidden[l]);
    m_testPredictions.resize(static_cast<std::size_t>(m_config.points));
    m_dataset.writeInputs(m_curveX, m_curveInputs);
    for (const double x : m_curveX) {
        const double y = m_config.expression.evaluate(x);
        m_curveTarget.push_back(std::isfinite(y) ? y : NAN);
    }
    m_curvePredictions.resize(kCurvePoints);
}

double Trainer::trainEpoch() {
    if (m_status != TrainerStatus::Running) return NAN;
    std::vector<double>& all = m_network.allWeights();  // every weight, as the optimizer sees them
    std::copy(all.begin(), all.end(), m_lastGoodWeights.begin());

    const auto& inputs = m_dataset.trainInputs();
    const auto& targets = m_dataset.trainTargets();
    const int points = m_config.points;
    double lossSum = 0;
    int batches = 0;
    for (int start = 0; start < points; start += m_config.batch, ++batches) {
        const int rows = std::min(m_config.batch, points - start);
        const auto batchInputs = Network::rowsOf(inputs, start, rows);
        m_network.forward(batchInputs);
        lossSum += m_network.backward(batchInputs, Network::rowsOf(targets, start, rows));
        m_optimizer.update(all.data(), m_network.allAscents().data(), all.size());
    }
    const double loss = lossSum / batches;  // epoch loss = mean of the batch losses

    if (!std::isfinite(loss)) {
        // Stop, and keep the last weights that gave a finite loss, so every view stays drawable.
        all = m_lastGoodWeights;
        m_status = TrainerStatus::Diverged;
        return NAN;
    }
    m_lossHistory.push_back(loss);
    ++m_epoch;
    if (m_epoch >= m_config.epochs) m_status = TrainerStatus::Done;
    return loss;
}

int Trainer::trainEpochs(int count) {
    int ran = 0;
    while (ran < count && m_status == TrainerStatus::Running) {
        trainEpoch();
        if (m_status != TrainerStatus::Diverged) ++ran;
    }
    return ran;
}

std::string Trainer::setLearningRate(const std::string& text) {
    std::string error = checkField("lr", text);
    if (!error.empty()) return error;
    m_config.lr = learningRateFrom(text, m_config.activation);
    m_optimizer.setLearningRate(m_config.lr);
    return "";
}

void Trainer::writeOutputs(int rows, std::vector<double>& predictions) {
    const auto out = m_network.outputs(m_network.layerCount() - 1);
    for (int i = 0; i < rows; ++i) predictions[i] = m_dataset.unscale(out(i, 0));
}

void Trainer::evaluateTest() {
    const int points = m_config.points;
    m_network.forward(Network::rowsOf(m_dataset.testInputs(), 0, points));
    writeOutputs(points, m_testPredictions);
    for (int l = 0; l + 1 < m_network.layerCount(); ++l) m_testHidden[l] = m_network.outputs(l);
    double sum = 0;
    for (int i = 0; i < points; ++i) {
        const double e = m_testPredictions[i] - m_dataset.testY()[i];
        sum += e * e;
    }
    m_testMse = sum / points;  // test MSE = mean((prediction - f(t))²), unscaled
}

void Trainer::evaluateCurve() {
    m_network.forward(Network::rowsOf(m_curveInputs, 0, kCurvePoints));
    writeOutputs(kCurvePoints, m_curvePredictions);
}

std::vector<int> Trainer::weightShapes() const {
    std::vector<int> shapes;
    for (int l = 0; l < m_network.layerCount(); ++l) {
        shapes.push_back(static_cast<int>(m_network.weights(l).rows()));
        shapes.push_back(static_cast<int>(m_network.weights(l).cols()));
    }
    return shapes;
}

std::vector<double> Trainer::weights() const {
    std::vector<double> flat;
    for (int l = 0; l < m_network.layerCount(); ++l) {
        const auto w = m_network.weights(l);
        for (Eigen::Index i = 0; i < w.rows(); ++i)
            for (Eigen::Index j = 0; j < w.cols(); ++j) flat.push_back(w(i, j));
    }
    return flat;
}

std::string Trainer::setWeights(const std::vector<double>& flat, int epoch) {
    const std::size_t expected = m_network.allWeights().size();
    if (flat.size() != expected)
        return "weights: expected " + std::to_string(expected) + " numbers for layers " +
               m_config.describe().substr(0, m_config.describe().find(']') + 1) + ", got " + std::to_string(flat.size());
    for (const double w : flat)
        if (!std::isfinite(w) || std::fabs(w) > 1e6) return "weights: every weight must be a finite number from -1e6 to 1e6";
    if (epoch < 0 || epoch > m_config.epochs)
        return "epoch: " + std::to_string(epoch) + " is out of range; allowed: 0 to epochs (" +
               std::to_string(m_config.epochs) + ")";
    std::size_t k = 0;
    for (int l = 0; l < m_network.layerCount(); ++l) {
        auto w = m_network.weights(l);
        for (Eigen::Index i = 0; i < w.rows(); ++i)
            for (Eigen::Index j = 0; j < w.cols(); ++j) w(i, j) = flat[k++];
    }
    m_initialWeights = flat;
    m_epoch = epoch;
    m_historyStart = epoch;
    m_lossHistory.clear();
    m_status = epoch >= m_config.epochs ? TrainerStatus::Done : TrainerStatus::Running;
    return "";
}

}  // namespace nnfit
