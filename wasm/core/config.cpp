#include "config.hpp"

#include "dataset.hpp"
#include "json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace nnfit {

namespace {

constexpr int kMaxHiddenLayers = 6;
constexpr const char* kAuto = "auto";

// The table. Defaults reproduce the tutorial exactly.
const std::vector<FieldSpec> kSchema = {
    {"fn", FieldType::Expression, "Function f(x)", 0, 0, "sin(x)", "", nullptr, "data", false,
     "The function to learn, e.g. sin(x), x^2 - 1, exp(-x/3)*cos(2*x), abs(x)."},
    {"xmin", FieldType::Number, "x from", -1000, 1000, "0", "", nullptr, "data", false,
     "Left end of the training domain."},
    {"xmax", FieldType::Number, "x to", -1000, 1000, "6.28", "", nullptr, "data", false,
     "Right end of the training domain (the tutorial's 6.28, about 2 pi)."},
    {"ymin", FieldType::Number, "y from", -1e6, 1e6, "-1", "", "the smallest f(x) over the training and test points",
     "data", false, "Bottom of the y range that is scaled into the activation's output range."},
    {"ymax", FieldType::Number, "y to", -1e6, 1e6, "1", "", "the largest f(x) over the training and test points",
     "data", false, "Top of the y range that is scaled into the activation's output range."},
    {"points", FieldType::Integer, "Training points", 2, 1000, kAuto, "",
     "int((xmax - xmin) * 5 + 1), as in the tutorial", "data", false,
     "Number of evenly spaced training points, both ends included."},
    {"hidden", FieldType::IntegerList, "Hidden layers", 1, 64, "5", "", nullptr, "network", false,
     "Units in each hidden layer, comma separated: 5, or 8,8 for two layers (at most 6 layers)."},
    {"activation", FieldType::Choice, "Activation", 0, 0, "sigmoid", "sigmoid|tanh|relu|leakyrelu", nullptr, "network", false,
     "The activation of every layer; it also sets the output range the targets are scaled into: "
     "sigmoid (0, 1), tanh (0, -1), relu and leakyrelu (0, xmax)."},
    {"lr", FieldType::Number, "Learning rate", 1e-6, 10, kAuto, "",
     "the activation's tutorial rate: sigmoid 0.45, tanh 0.005, relu and leakyrelu 0.0005", "training", true,
     "Step size L of the weight updates W += L * gradient."},
    {"batch", FieldType::Integer, "Batch size", 1, 1000, "4", "", nullptr, "training", false,
     "Training points per weight update; consecutive, in fixed order, the last batch may be smaller."},
    {"epochs", FieldType::Integer, "Epochs", 1, 100000, "3000", "", nullptr, "training", false,
     "Passes over the training points."},
    {"bias", FieldType::Boolean, "Bias unit", 0, 0, "true", "true|false", nullptr, "network", false,
     "Feed a constant 1 into the hidden layer beside x, as the tutorial does."},
    {"init", FieldType::Choice, "Initial weights", 0, 0, "uniform", "uniform|he|xavier", nullptr, "network", false,
     "uniform: U(-r, r) with r = sqrt(2 / fan_in), the tutorial's; he: normal with sd sqrt(2 / fan_in); "
     "xavier: U(-r, r) with r = sqrt(6 / (fan_in + fan_out))."},
    {"beyond", FieldType::Number, "Show beyond the domain", 0, 2, "0", "", nullptr, "data", false,
     "Draw the learned curve this fraction of the domain's width past each end, to see how the network "
     "extrapolates (0: the training domain only)."},
    {"seed", FieldType::Integer, "Random seed", 0, 4294967295.0, "1", "", nullptr, "network", false,
     "Seed of the initial weights: the same seed gives the same run, bit for bit."},
};

const FieldSpec* findSpec(const std::string& name) {
    for (const auto& spec : kSchema)
        if (name == spec.name) return &spec;
    return nullptr;
}

// A value quoted in a message: printable ASCII only, and not too long.
std::string shown(const std::string& value) {
    std::string out;
    for (const char c : value.substr(0, 40)) {
        const auto byte = static_cast<unsigned char>(c);
        out += (byte >= 0x20 && byte < 0x7f) ? c : '?';
    }
    if (value.size() > 40) out += "...";
    return "'" + out + "'";
}

std::string formatNumber(double value) { return json::number(value); }

std::string allowedText(const FieldSpec& spec) {
    std::string text;
    switch (spec.type) {
        case FieldType::Number: text = "a number from " + formatNumber(spec.min) + " to " + formatNumber(spec.max); break;
        case FieldType::Integer: text = "a whole number from " + formatNumber(spec.min) + " to " + formatNumber(spec.max); break;
        case FieldType::IntegerList:
            text = "1 to " + std::to_string(kMaxHiddenLayers) + " whole numbers from " + formatNumber(spec.min) +
                   " to " + formatNumber(spec.max) + ", comma separated";
            break;
        case FieldType::Boolean:
        case FieldType::Choice: {
            std::string choices = spec.choices;
            std::replace(choices.begin(), choices.end(), '|', ',');
            text = "one of " + choices;
            break;
        }
        case FieldType::Expression:
            text = "an expression in x of at most " + std::to_string(Expression::kMaxLength) + " characters";
            break;
    }
    if (spec.autoMeaning) text += ", or auto";
    return text;
}

std::string rangeError(const FieldSpec& spec, const std::string& value, const char* problem) {
    return std::string(spec.name) + ": " + shown(value) + " " + problem + "; allowed: " + allowedText(spec);
}

// Strict decimal syntax: [-+]digits[.digits][e[-+]digits]. Rejects hex, nan,
// inf, spaces and anything strtod would half-read.
bool isDecimal(const std::string& text, bool allowFraction) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    if (i < n && (text[i] == '-' || text[i] == '+')) ++i;
    std::size_t digits = 0;
    while (i < n && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
    if (allowFraction && i < n && text[i] == '.') {
        ++i;
        while (i < n && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
    }
    if (digits == 0) return false;
    if (allowFraction && i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '-' || text[i] == '+')) ++i;
        std::size_t exponentDigits = 0;
        while (i < n && text[i] >= '0' && text[i] <= '9') ++i, ++exponentDigits;
        if (exponentDigits == 0) return false;
    }
    return i == n && n <= 64;
}

// A number within the spec's range, or the message why not.
std::optional<double> readNumber(const FieldSpec& spec, const std::string& text, std::string& error) {
    const bool integer = spec.type != FieldType::Number;
    if (!isDecimal(text, !integer)) {
        error = rangeError(spec, text, integer ? "is not a whole number" : "is not a number");
        return std::nullopt;
    }
    const double value = std::strtod(text.c_str(), nullptr);
    if (!(value >= spec.min && value <= spec.max)) {
        error = rangeError(spec, text, "is out of range");
        return std::nullopt;
    }
    return value;
}

std::optional<std::vector<int>> readIntegerList(const FieldSpec& spec, const std::string& text, std::string& error) {
    std::vector<int> items;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = text.find(',', start);
        std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!isDecimal(item, false)) {
            error = rangeError(spec, text, "is not a list of whole numbers");
            return std::nullopt;
        }
        const double value = std::strtod(item.c_str(), nullptr);
        if (!(value >= spec.min && value <= spec.max)) {
            error = rangeError(spec, text, "has a layer size out of range");
            return std::nullopt;
        }
        items.push_back(static_cast<int>(value));
        if (items.size() > static_cast<std::size_t>(kMaxHiddenLayers)) {
            error = rangeError(spec, text, "has too many layers");
            return std::nullopt;
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return items;
}

bool isChoice(const FieldSpec& spec, const std::string& value) {
    const std::string choices = spec.choices;
    std::size_t start = 0;
    for (;;) {
        const std::size_t bar = choices.find('|', start);
        if (choices.compare(start, bar == std::string::npos ? std::string::npos : bar - start, value) == 0) return true;
        if (bar == std::string::npos) return false;
        start = bar + 1;
    }
}

// A single field's syntax and range. `isAuto` tells the caller the value was "auto".
std::string checkSpec(const FieldSpec& spec, const std::string& value, bool* isAuto) {
    *isAuto = false;
    if (spec.autoMeaning && value == kAuto) {
        *isAuto = true;
        return "";
    }
    std::string error;
    switch (spec.type) {
        case FieldType::Number:
        case FieldType::Integer: readNumber(spec, value, error); break;
        case FieldType::IntegerList: readIntegerList(spec, value, error); break;
        case FieldType::Boolean:
        case FieldType::Choice:
            if (!isChoice(spec, value)) error = rangeError(spec, value, "is not allowed");
            break;
        case FieldType::Expression: {
            ExpressionError expressionError;
            if (!Expression::parse(value, &expressionError))
                error = std::string(spec.name) + ": at position " + std::to_string(expressionError.position) + ": " +
                        expressionError.message;
            break;
        }
    }
    return error;
}

double tutorialPoints(double xmin, double xmax) {
    const double points = std::floor((xmax - xmin) * 5 + 1);  // numx = int(maxx * 5 + 1)
    const FieldSpec& spec = *findSpec("points");
    return std::clamp(points, spec.min, spec.max);
}

}  // namespace

const std::vector<FieldSpec>& schema() { return kSchema; }

const char* initName(Init init) {
    switch (init) {
        case Init::Uniform: return "uniform";
        case Init::He: return "he";
        case Init::Xavier: return "xavier";
    }
    return "uniform";
}

std::string checkField(const std::string& name, const std::string& value) {
    const FieldSpec* spec = findSpec(name);
    if (!spec) return shown(name) + " is not a field of nnfit";
    bool isAuto;
    return checkSpec(*spec, value, &isAuto);
}

double learningRateFrom(const std::string& text, Activation activation) {
    return text == kAuto ? activationInfo(activation).defaultLearningRate : std::strtod(text.c_str(), nullptr);
}

ConfigResult parseConfig(const RawValues& values) {
    ConfigResult result;
    auto addError = [&](const std::string& field, std::string message) {
        result.errors.push_back({field, std::move(message)});
    };
    for (const auto& [name, value] : values)
        if (!findSpec(name)) addError(name, shown(name) + " is not a field of nnfit");

    // Each field alone: its text (given or default), whether it said auto, and its syntax.
    std::map<std::string, std::string> text;
    std::map<std::string, bool> isAuto;
    for (const auto& spec : kSchema) {
        const auto given = values.find(spec.name);
        const std::string value = given == values.end() ? spec.defaultValue : given->second;
        bool fieldIsAuto;
        std::string error = checkSpec(spec, value, &fieldIsAuto);
        if (!error.empty()) addError(spec.name, std::move(error));
        text[spec.name] = value;
        isAuto[spec.name] = fieldIsAuto;
    }
    if (!result.errors.empty()) return result;

    Config c;
    c.fn = text["fn"];
    c.expression = *Expression::parse(c.fn, nullptr);
    c.xmin = std::strtod(text["xmin"].c_str(), nullptr);
    c.xmax = std::strtod(text["xmax"].c_str(), nullptr);
    c.activation = *activationFromName(text["activation"]);
    c.lr = learningRateFrom(text["lr"], c.activation);
    c.batch = std::atoi(text["batch"].c_str());
    c.epochs = std::atoi(text["epochs"].c_str());
    c.bias = text["bias"] == "true";
    c.init = text["init"] == "he" ? Init::He : text["init"] == "xavier" ? Init::Xavier : Init::Uniform;
    c.seed = static_cast<std::uint32_t>(std::strtod(text["seed"].c_str(), nullptr));
    c.beyond = std::strtod(text["beyond"].c_str(), nullptr);
    std::string unused;
    c.hidden = *readIntegerList(*findSpec("hidden"), text["hidden"], unused);

    if (!(c.xmax > c.xmin)) {
        addError("xmax", "xmax: " + text["xmax"] + " must be greater than xmin (" + text["xmin"] + ")");
        return result;
    }
    if ((c.activation == Activation::Relu || c.activation == Activation::LeakyRelu) && !(c.xmax > 0)) {
        addError("xmax", "xmax: " + text["xmax"] + " must be above 0 for " + text["activation"] +
                             ", which scales the targets into (0, xmax)");
        return result;
    }
    c.points = static_cast<int>(isAuto["points"] ? tutorialPoints(c.xmin, c.xmax)
                                                 : std::strtod(text["points"].c_str(), nullptr));
    if (c.batch > c.points)
        addError("batch", "batch: " + text["batch"] + " is larger than the number of training points (" +
                              std::to_string(c.points) + "); allowed: a whole number from 1 to " +
                              std::to_string(c.points));

    // f must be finite wherever it is sampled: the training and the test grid.
    double low = INFINITY, high = -INFINITY;
    for (const auto& grid : {trainingGrid(c.xmin, c.xmax, c.points), testGrid(c.xmin, c.xmax, c.points)}) {
        for (const double x : grid) {
            const double y = c.expression.evaluate(x);
            if (!std::isfinite(y)) {
                addError("fn", "fn: " + c.fn + " is not a finite number at x = " + formatNumber(x) +
                                   "; choose a function or an x range where it is defined");
                return result;
            }
            low = std::min(low, y);
            high = std::max(high, y);
        }
    }
    if (isAuto["ymin"] && isAuto["ymax"] && low == high) low -= 1, high += 1;  // a constant function
    c.ymin = isAuto["ymin"] ? low : std::strtod(text["ymin"].c_str(), nullptr);
    c.ymax = isAuto["ymax"] ? high : std::strtod(text["ymax"].c_str(), nullptr);
    if (!(c.ymax > c.ymin))
        addError("ymax", "ymax: " + formatNumber(c.ymax) + " must be greater than ymin (" + formatNumber(c.ymin) + ")");

    if (result.errors.empty()) result.config = std::move(c);
    return result;
}

std::vector<int> Config::layerSizes() const {
    std::vector<int> sizes{bias ? 2 : 1};
    sizes.insert(sizes.end(), hidden.begin(), hidden.end());
    sizes.push_back(1);
    return sizes;
}

std::string Config::describe() const {
    std::string sizes;
    for (const int size : layerSizes()) sizes += (sizes.empty() ? "" : ", ") + std::to_string(size);
    return "[" + sizes + "] Activation: " + activationInfo(activation).name +
           " Iterations: " + std::to_string(epochs) + " Learning rate: " + formatNumber(lr);
}

std::string Config::toJson() const {
    std::string hiddenText;
    for (const int size : hidden) hiddenText += (hiddenText.empty() ? "" : ",") + std::to_string(size);
    return "{\"fn\":" + json::quote(fn) + ",\"xmin\":" + formatNumber(xmin) + ",\"xmax\":" + formatNumber(xmax) +
           ",\"ymin\":" + formatNumber(ymin) + ",\"ymax\":" + formatNumber(ymax) +
           ",\"points\":" + std::to_string(points) + ",\"hidden\":" + json::quote(hiddenText) +
           ",\"activation\":" + json::quote(activationInfo(activation).name) + ",\"lr\":" + formatNumber(lr) +
           ",\"batch\":" + std::to_string(batch) + ",\"epochs\":" + std::to_string(epochs) +
           ",\"bias\":" + (bias ? "true" : "false") + ",\"init\":" + json::quote(initName(init)) +
           ",\"beyond\":" + formatNumber(beyond) + ",\"seed\":" + std::to_string(seed) + "}";
}

std::string ConfigResult::errorsJson() const {
    std::string out = "[";
    for (const auto& e : errors)
        out += (out.size() > 1 ? "," : "") + std::string("{\"field\":") + json::quote(e.field) +
               ",\"message\":" + json::quote(e.message) + "}";
    return out + "]";
}

std::string schemaJson() {
    static const char* const kTypeNames[] = {"number", "integer", "boolean", "choice", "expression", "integer-list"};
    std::string out = "[";
    for (const auto& s : kSchema) {
        out += (out.size() > 1 ? "," : "") + std::string("{\"name\":") + json::quote(s.name) +
               ",\"type\":" + json::quote(kTypeNames[static_cast<int>(s.type)]) + ",\"label\":" + json::quote(s.label) +
               ",\"default\":" + json::quote(s.defaultValue) + ",\"group\":" + json::quote(s.group) +
               ",\"live\":" + (s.live ? "true" : "false") + ",\"description\":" + json::quote(s.description) +
               ",\"allowed\":" + json::quote(allowedText(s));
        if (s.type == FieldType::Number || s.type == FieldType::Integer || s.type == FieldType::IntegerList)
            out += ",\"min\":" + formatNumber(s.min) + ",\"max\":" + formatNumber(s.max);
        if (s.type == FieldType::IntegerList) out += ",\"maxItems\":" + std::to_string(kMaxHiddenLayers);
        if (s.type == FieldType::Expression) out += ",\"maxLength\":" + std::to_string(Expression::kMaxLength);
        if (*s.choices) {
            out += ",\"choices\":[";
            std::string choices = s.choices;
            std::size_t start = 0;
            for (bool first = true;; first = false) {
                const std::size_t bar = choices.find('|', start);
                out += (first ? "" : ",") + json::quote(choices.substr(start, bar - start));
                if (bar == std::string::npos) break;
                start = bar + 1;
            }
            out += "]";
        }
        if (s.autoMeaning) out += ",\"auto\":" + json::quote(s.autoMeaning);
        out += "}";
    }
    return out + "]";
}

}  // namespace nnfit
