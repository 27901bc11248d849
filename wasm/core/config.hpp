// The one config schema: every field's name (also its URL key and runner
// flag), type, range, default and description, in one table. Everything else
// (the page's controls, the URL, presets, the runner) reads it from here,
// through schemaJson(). Values arrive as text, as they do from a URL, a form
// field or a command line, and are validated here, in one place.
#pragma once

#include "activation.hpp"
#include "expression.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace nnfit {

enum class FieldType { Number, Integer, Boolean, Choice, Expression, IntegerList };

struct FieldSpec {
    const char* name;
    FieldType type;
    const char* label;
    double min;                // Number/Integer: the value; IntegerList: each item; Expression: unused
    double max;                // likewise; IntegerList: items are also limited to kMaxHiddenLayers
    const char* defaultValue;  // as text, exactly as a person would type it
    const char* choices;       // Choice: values separated by '|'; otherwise ""
    const char* autoMeaning;   // when "auto" is accepted: what it means; otherwise nullptr
    const char* group;         // "data", "network" or "training": what a change to it resets
    bool live;                 // applies to a running trainer without a reset
    const char* description;
};

enum class Init { Uniform, He, Xavier };

// A fully validated, resolved config: every "auto" replaced by its value.
struct Config {
    std::string fn;
    Expression expression;
    double xmin = 0, xmax = 0, ymin = 0, ymax = 0;
    int points = 0;
    std::vector<int> hidden;
    Activation activation = Activation::Sigmoid;
    double lr = 0;
    int batch = 0;
    int epochs = 0;
    bool bias = true;
    Init init = Init::Uniform;
    double beyond = 0;  // the learned curve extends this fraction of (xmax - xmin) past each end
    std::uint32_t seed = 0;

    // Layer sizes from input to output: [2, 5, 1] for the tutorial.
    std::vector<int> layerSizes() const;
    // The tutorial's stats prefix: "[2, 5, 1] Activation: sigmoid Iterations: 3000 Learning rate: 0.45"
    std::string describe() const;
    // Every field with its resolved value, as a JSON object.
    std::string toJson() const;
};

struct FieldError {
    std::string field;
    std::string message;  // names the field, the value and what is allowed
};

struct ConfigResult {
    std::optional<Config> config;
    std::vector<FieldError> errors;
    std::string errorsJson() const;  // [{"field": ..., "message": ...}]
};

using RawValues = std::map<std::string, std::string>;

const std::vector<FieldSpec>& schema();
std::string schemaJson();

// Fields missing from `values` take their defaults; unknown names are errors.
ConfigResult parseConfig(const RawValues& values);

// One field alone, without cross-field checks: empty when valid, else the message.
std::string checkField(const std::string& name, const std::string& value);

// A valid lr text as a rate: "auto" is the activation's tutorial rate.
double learningRateFrom(const std::string& text, Activation activation);

const char* initName(Init init);

}  // namespace nnfit
