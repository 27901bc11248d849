#include "dataset.hpp"

namespace nnfit {

std::vector<double> trainingGrid(double xmin, double xmax, int points) {
    const double step = (xmax - xmin) / (points - 1);
    std::vector<double> xs(static_cast<std::size_t>(points));
    for (int i = 0; i < points; ++i) xs[i] = i * step + xmin;
    xs.back() = xmax;
    return xs;
}

std::vector<double> testGrid(double xmin, double xmax, int points) {
    const double shift = (xmax - xmin) / (points - 1) / 2;
    std::vector<double> xs = trainingGrid(xmin, xmax, points);
    for (double& x : xs) x += shift;
    return xs;
}

Dataset::Dataset(const Config& config)
    : m_bias(config.bias),
      m_ymin(config.ymin),
      m_ymax(config.ymax),
      m_range(outputRange(config.activation, config.xmax)),
      m_trainX(trainingGrid(config.xmin, config.xmax, config.points)),
      m_testX(testGrid(config.xmin, config.xmax, config.points)) {
    for (const double x : m_trainX) m_trainY.push_back(config.expression.evaluate(x));
    for (const double x : m_testX) m_testY.push_back(config.expression.evaluate(x));
    writeInputs(m_trainX, m_trainInputs);
    writeInputs(m_testX, m_testInputs);
    m_trainTargets.resize(config.points, 1);
    for (int i = 0; i < config.points; ++i) m_trainTargets(i, 0) = scale(m_trainY[i]);
}

double Dataset::scale(double y) const {
    return (y - m_ymin) * (m_range.high - m_range.low) / (m_ymax - m_ymin) + m_range.low;
}

double Dataset::unscale(double a) const {
    return (a - m_range.low) * (m_ymax - m_ymin) / (m_range.high - m_range.low) + m_ymin;
}

void Dataset::writeInputs(const std::vector<double>& xs, Eigen::MatrixXd& inputs) const {
    const int n = static_cast<int>(xs.size());
    inputs.resize(n, m_bias ? 2 : 1);
    for (int i = 0; i < n; ++i) {
        if (m_bias) inputs(i, 0) = 1.0;
        inputs(i, m_bias ? 1 : 0) = xs[i];
    }
}

}  // namespace nnfit
