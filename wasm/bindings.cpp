// The one file that knows about JavaScript: embind bindings over the core.
// Errors never cross as C++ exceptions; a Session that could not be built
// reports why through errors(), and web/src/engine.js turns that into an Error.
#include "core/config.hpp"
#include "core/json.hpp"
#include "core/trainer.hpp"

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>

using emscripten::val;

namespace {

// A plain JS object {name: value, ...} -> the core's raw text values.
nnfit::RawValues toRawValues(const val& values) {
    nnfit::RawValues raw;
    if (!values.isNull() && !values.isUndefined()) {
        const val keys = val::global("Object").call<val>("keys", values);
        const val toText = val::global("String");
        const int count = keys["length"].as<int>();
        for (int i = 0; i < count; ++i) {
            const std::string key = keys[i].as<std::string>();
            raw[key] = toText(values[key]).as<std::string>();
        }
    }
    return raw;
}

template <typename T>
val view(const std::vector<T>& data) {
    return val(emscripten::typed_memory_view(data.size(), data.data()));
}

std::string checkConfig(const val& values) {
    const nnfit::ConfigResult result = nnfit::parseConfig(toRawValues(values));
    if (!result.config) return "{\"ok\":false,\"errors\":" + result.errorsJson() + "}";
    return "{\"ok\":true,\"config\":" + result.config->toJson() + ",\"describe\":" +
           nnfit::json::quote(result.config->describe()) + "}";
}

std::string checkField(const std::string& name, const std::string& value) { return nnfit::checkField(name, value); }

class Session {
public:
    explicit Session(const val& values) {
        nnfit::ConfigResult result = nnfit::parseConfig(toRawValues(values));
        if (result.config)
            m_trainer = std::make_unique<nnfit::Trainer>(std::move(*result.config));
        else
            m_errors = result.errorsJson();
    }

    bool ok() const { return m_trainer != nullptr; }
    std::string errors() const { return m_errors; }

    // Everything below is called only on a Session that is ok().
    std::string configJson() const { return m_trainer->config().toJson(); }
    std::string describe() const { return m_trainer->config().describe(); }
    double trainEpoch() { return m_trainer->trainEpoch(); }
    int trainEpochs(int count) { return m_trainer->trainEpochs(count); }
    int epoch() const { return m_trainer->epoch(); }
    int historyStart() const { return m_trainer->historyStart(); }
    std::string status() const { return nnfit::statusName(m_trainer->status()); }
    val lossHistory() const { return view(m_trainer->lossHistory()); }
    std::string setLearningRate(const std::string& rate) { return m_trainer->setLearningRate(rate); }

    void evaluateTest() { m_trainer->evaluateTest(); }
    double testMse() const { return m_trainer->testMse(); }
    val testPredictions() const { return view(m_trainer->testPredictions()); }
    int hiddenLayerCount() const { return static_cast<int>(m_trainer->config().hidden.size()); }
    // Layer `layer`'s unit outputs on the test grid, unit by unit (points values each).
    val testHidden(int layer) const {
        const auto& h = m_trainer->testHidden(layer);
        return val(emscripten::typed_memory_view(static_cast<std::size_t>(h.size()), h.data()));
    }
    void evaluateCurve() { m_trainer->evaluateCurve(); }
    val curveX() const { return view(m_trainer->curveX()); }
    val curveTarget() const { return view(m_trainer->curveTarget()); }
    val curvePredictions() const { return view(m_trainer->curvePredictions()); }

    val trainX() const { return view(m_trainer->dataset().trainX()); }
    val trainY() const { return view(m_trainer->dataset().trainY()); }
    val testX() const { return view(m_trainer->dataset().testX()); }
    val testY() const { return view(m_trainer->dataset().testY()); }

    val weightShapes() {
        m_shapes = m_trainer->weightShapes();
        return view(m_shapes);
    }
    val weights() {
        m_weights = m_trainer->weights();
        return view(m_weights);
    }
    val initialWeights() const { return view(m_trainer->initialWeights()); }
    std::string setWeights(const val& flat, int epoch) {
        return m_trainer->setWeights(emscripten::convertJSArrayToNumberVector<double>(flat), epoch);
    }

private:
    std::unique_ptr<nnfit::Trainer> m_trainer;
    std::string m_errors;
    std::vector<int> m_shapes;
    std::vector<double> m_weights;
};

}  // namespace

EMSCRIPTEN_BINDINGS(nnfit) {
    emscripten::function("schemaJson", &nnfit::schemaJson);
    emscripten::function("checkConfig", &checkConfig);
    emscripten::function("checkField", &checkField);
    emscripten::class_<Session>("Session")
        .constructor<const val&>()
        .function("ok", &Session::ok)
        .function("errors", &Session::errors)
        .function("configJson", &Session::configJson)
        .function("describe", &Session::describe)
        .function("trainEpoch", &Session::trainEpoch)
        .function("trainEpochs", &Session::trainEpochs)
        .function("epoch", &Session::epoch)
        .function("historyStart", &Session::historyStart)
        .function("status", &Session::status)
        .function("lossHistory", &Session::lossHistory)
        .function("setLearningRate", &Session::setLearningRate)
        .function("evaluateTest", &Session::evaluateTest)
        .function("testMse", &Session::testMse)
        .function("testPredictions", &Session::testPredictions)
        .function("hiddenLayerCount", &Session::hiddenLayerCount)
        .function("testHidden", &Session::testHidden)
        .function("evaluateCurve", &Session::evaluateCurve)
        .function("curveX", &Session::curveX)
        .function("curveTarget", &Session::curveTarget)
        .function("curvePredictions", &Session::curvePredictions)
        .function("trainX", &Session::trainX)
        .function("trainY", &Session::trainY)
        .function("testX", &Session::testX)
        .function("testY", &Session::testY)
        .function("weightShapes", &Session::weightShapes)
        .function("weights", &Session::weights)
        .function("initialWeights", &Session::initialWeights)
        .function("setWeights", &Session::setWeights);
}
