#include "trainer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>

// Count heap allocations, to show that an epoch allocates nothing.
static std::atomic<long> g_allocations{0};
void* operator new(std::size_t size) {
    ++g_allocations;
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }  // NOLINT: pairs with the malloc above
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace nnfit {
namespace {

Config configOf(const RawValues& values) {
    ConfigResult result = parseConfig(values);
    EXPECT_TRUE(result.config.has_value()) << (result.errors.empty() ? "" : result.errors.front().message);
    return *result.config;
}

TEST(Trainer, TheTutorialRunLearnsSin) {
    Trainer trainer(configOf({}));
    EXPECT_EQ(trainer.trainEpochs(5000), 3000);
    EXPECT_EQ(trainer.status(), TrainerStatus::Done);
    ASSERT_EQ(trainer.lossHistory().size(), 3000u);
    EXPECT_LT(trainer.lossHistory().back(), 0.5 * trainer.lossHistory().front());
    EXPECT_TRUE(std::isnan(trainer.trainEpoch()));  // nothing more to train
    trainer.evaluateTest();
    EXPECT_LT(trainer.testMse(), 0.1);
}

TEST(Trainer, SameSeedSameRunBitForBit) {
    const Config config = configOf({{"seed", "7"}, {"epochs", "200"}});
    Trainer a(config), b(config);
    a.trainEpochs(200);
    b.trainEpochs(200);
    EXPECT_EQ(a.lossHistory(), b.lossHistory());
    EXPECT_EQ(a.weights(), b.weights());
    Trainer other(configOf({{"seed", "8"}, {"epochs", "200"}}));
    EXPECT_NE(other.initialWeights(), a.initialWeights());
}

TEST(Trainer, InitialWeightsFollowTheRule) {
    Trainer trainer(configOf({}));
    const auto w = trainer.initialWeights();
    ASSERT_EQ(w.size(), 15u);  // 2x5 + 5x1
    for (int i = 0; i < 10; ++i) EXPECT_LE(std::fabs(w[i]), 1.0);                // sqrt(2/2)
    for (int i = 10; i < 15; ++i) EXPECT_LE(std::fabs(w[i]), std::sqrt(0.4));   // sqrt(2/5)
    EXPECT_EQ(trainer.weightShapes(), (std::vector<int>{2, 5, 5, 1}));
}

// One epoch of one full batch, computed here with plain loops.
TEST(Trainer, OneFullBatchStepMatchesHandComputation) {
    const Config config = configOf({{"points", "6"}, {"batch", "6"}, {"epochs", "1"}, {"hidden", "3"}});
    Trainer trainer(config);
    const std::vector<double> w = trainer.initialWeights();  // Wh: 2x3 row-major, then Wz: 3x1
    const auto& data = trainer.dataset();
    double gh[2][3] = {}, gz[3] = {}, loss = 0;
    for (int p = 0; p < 6; ++p) {
        const double in[2] = {1.0, data.trainX()[p]};
        double h[3], z = 0;
        for (int j = 0; j < 3; ++j) {
            const double s = in[0] * w[j] + in[1] * w[3 + j];
            h[j] = 1 / (1 + std::exp(-s));
            z += h[j] * w[6 + j];
        }
        z = 1 / (1 + std::exp(-z));
        const double e = data.scale(data.trainY()[p]) - z;
        loss += e * e / 6;
        const double dz = e * z * (1 - z);
        for (int j = 0; j < 3; ++j) {
            gz[j] += h[j] * dz;
            const double dh = dz * w[6 + j] * h[j] * (1 - h[j]);
            gh[0][j] += in[0] * dh;
            gh[1][j] += in[1] * dh;
        }
    }
    EXPECT_NEAR(trainer.trainEpoch(), loss, 1e-15);
    const std::vector<double> after = trainer.weights();
    for (int j = 0; j < 3; ++j) {
        EXPECT_NEAR(after[j], w[j] + 0.45 * gh[0][j], 1e-15);
        EXPECT_NEAR(after[3 + j], w[3 + j] + 0.45 * gh[1][j], 1e-15);
        EXPECT_NEAR(after[6 + j], w[6 + j] + 0.45 * gz[j], 1e-15);
    }
}

TEST(Trainer, AnEpochAllocatesNothing) {
    Trainer trainer(configOf({{"hidden", "8,6"}, {"batch", "5"}}));  // a partial last batch too
    trainer.trainEpoch();
    const long before = g_allocations.load();
    trainer.trainEpochs(100);
    EXPECT_EQ(g_allocations.load(), before);
}

TEST(Trainer, DivergenceStopsWithFiniteWeights) {
    Trainer trainer(configOf({{"activation", "leakyrelu"}, {"lr", "0.1"}, {"batch", "1"}}));
    const int ran = trainer.trainEpochs(3000);
    EXPECT_EQ(trainer.status(), TrainerStatus::Diverged);
    EXPECT_LT(ran, 3000);
    EXPECT_EQ(trainer.epoch(), ran);
    EXPECT_EQ(trainer.lossHistory().size(), static_cast<std::size_t>(ran));
    for (const double loss : trainer.lossHistory()) EXPECT_TRUE(std::isfinite(loss));
    for (const double w : trainer.weights()) EXPECT_TRUE(std::isfinite(w));
    EXPECT_TRUE(std::isnan(trainer.trainEpoch()));
}

TEST(Trainer, LearningRateAndWeightsAreValidated) {
    Trainer trainer(configOf({}));
    EXPECT_EQ(trainer.setLearningRate("0.1"), "");
    EXPECT_EQ(trainer.config().lr, 0.1);
    EXPECT_EQ(trainer.setLearningRate("auto"), "");
    EXPECT_EQ(trainer.config().lr, 0.45);
    EXPECT_EQ(trainer.setLearningRate("-1"), "lr: '-1' is out of range; allowed: a number from 0.000001 to 10, or auto");
    EXPECT_EQ(trainer.setLearningRate("NaN"), "lr: 'NaN' is not a number; allowed: a number from 0.000001 to 10, or auto");
    EXPECT_NE(trainer.setWeights({1, 2, 3}, 0).find("expected 15 numbers"), std::string::npos);
    std::vector<double> w(15, 0.1);
    w[3] = INFINITY;
    EXPECT_NE(trainer.setWeights(w, 0), "");
    w[3] = 0.2;
    EXPECT_NE(trainer.setWeights(w, 5000), "");
    EXPECT_EQ(trainer.setWeights(w, 2990), "");
    EXPECT_EQ(trainer.trainEpochs(100), 10);
    EXPECT_EQ(trainer.epoch(), 3000);
    EXPECT_EQ(trainer.historyStart(), 2990);
}

}  // namespace
}  // namespace nnfit
