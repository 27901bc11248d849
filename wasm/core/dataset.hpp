// The data the network sees: the training grid with f's values scaled into
// the activation's output range, and the test grid (the training grid shifted
// by half a step, as the tutorial tests on points it never trained on).
#pragma once

#include "config.hpp"

#include <Eigen/Core>
#include <vector>

namespace nnfit {

// x_i = xmin + i (xmax - xmin) / (points - 1), the last exactly xmax (numpy's linspace)
std::vector<double> trainingGrid(double xmin, double xmax, int points);
// t_i = x_i + (xmax - xmin) / (points - 1) / 2
std::vector<double> testGrid(double xmin, double xmax, int points);

class Dataset {
public:
    explicit Dataset(const Config& config);

    // y' = (y - ymin)(maxa - mina) / (ymax - ymin) + mina
    double scale(double y) const;
    // y = (a - mina)(ymax - ymin) / (maxa - mina) + ymin
    double unscale(double a) const;
    // An input row for x: [1, x] with the bias unit, [x] without.
    void writeInputs(const std::vector<double>& xs, Eigen::MatrixXd& inputs) const;

    const std::vector<double>& trainX() const { return m_trainX; }
    const std::vector<double>& trainY() const { return m_trainY; }
    const std::vector<double>& testX() const { return m_testX; }
    const std::vector<double>& testY() const { return m_testY; }
    const Eigen::MatrixXd& trainInputs() const { return m_trainInputs; }
    const Eigen::MatrixXd& trainTargets() const { return m_trainTargets; }  // scaled, points x 1
    const Eigen::MatrixXd& testInputs() const { return m_testInputs; }
    OutputRange range() const { return m_range; }

private:
    bool m_bias;
    double m_ymin, m_ymax;
    OutputRange m_range;
    std::vector<double> m_trainX, m_trainY, m_testX, m_testY;
    Eigen::MatrixXd m_trainInputs, m_trainTargets, m_testInputs;
};

}  // namespace nnfit
