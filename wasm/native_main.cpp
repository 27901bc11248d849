// The native build of the core as a command: the same config fields as the
// page and the wasm runner, for comparing native and wasm results bit for bit
// and for benchmarks.
//   nnfit_native [--NAME VALUE ...]            one run; JSON with the loss history and weights
//   nnfit_native [--NAME VALUE ...] --bench N  N timed runs after a warm-up; JSON with each run's ms
#include "config.hpp"
#include "json.hpp"
#include "trainer.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

std::string numbers(const std::vector<double>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + nnfit::json::number(values[i]);
    return out + "]";
}

double trainMs(const nnfit::Config& config) {
    nnfit::Trainer trainer(config);
    const auto start = std::chrono::steady_clock::now();
    trainer.trainEpochs(config.epochs);
    const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
    return elapsed.count();
}

}  // namespace

int main(int argc, char** argv) {
    nnfit::RawValues raw;
    int benchRuns = 0;
    for (int i = 1; i < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag.rfind("--", 0) != 0 || i + 1 >= argc) {
            std::fprintf(stderr, "usage: nnfit_native [--NAME VALUE ...] [--bench RUNS]\n");
            return 2;
        }
        if (flag == "--bench")
            benchRuns = std::atoi(argv[i + 1]);
        else
            raw[flag.substr(2)] = argv[i + 1];
    }
    const nnfit::ConfigResult result = nnfit::parseConfig(raw);
    if (!result.config) {
        std::fprintf(stderr, "%s\n", result.errors.front().message.c_str());
        return 2;
    }
    const nnfit::Config& config = *result.config;

    if (benchRuns > 0) {
        trainMs(config);  // warm-up
        std::vector<double> runs;
        for (int i = 0; i < benchRuns; ++i) runs.push_back(trainMs(config));
        std::printf("{\"runsMs\":%s}\n", numbers(runs).c_str());
        return 0;
    }

    nnfit::Trainer trainer(config);
    trainer.trainEpochs(config.epochs);
    trainer.evaluateTest();
    std::printf("{\"status\":%s,\"lossHistory\":%s,\"weights\":%s,\"testPredictions\":%s,\"testMse\":%s}\n",
                nnfit::json::quote(nnfit::statusName(trainer.status())).c_str(),
                numbers(trainer.lossHistory()).c_str(), numbers(trainer.weights()).c_str(),
                numbers(trainer.testPredictions()).c_str(), nnfit::json::number(trainer.testMse()).c_str());
    return 0;
}
