#include "config.hpp"
#include "json.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace nnfit {
namespace {

FieldError onlyError(const RawValues& values) {
    const ConfigResult result = parseConfig(values);
    EXPECT_FALSE(result.config.has_value());
    EXPECT_EQ(result.errors.size(), 1u);
    return result.errors.empty() ? FieldError{} : result.errors.front();
}

TEST(Config, DefaultsAreTheTutorials) {
    const ConfigResult result = parseConfig({});
    ASSERT_TRUE(result.config.has_value());
    const Config& c = *result.config;
    EXPECT_EQ(c.fn, "sin(x)");
    EXPECT_EQ(c.xmin, 0.0);
    EXPECT_EQ(c.xmax, 6.28);
    EXPECT_EQ(c.ymin, -1.0);
    EXPECT_EQ(c.ymax, 1.0);
    EXPECT_EQ(c.points, 32);  // int(6.28 * 5 + 1)
    EXPECT_EQ(c.hidden, std::vector<int>{5});
    EXPECT_EQ(c.activation, Activation::Sigmoid);
    EXPECT_EQ(c.lr, 0.45);
    EXPECT_EQ(c.batch, 4);
    EXPECT_EQ(c.epochs, 3000);
    EXPECT_TRUE(c.bias);
    EXPECT_EQ(c.layerSizes(), (std::vector<int>{2, 5, 1}));
    EXPECT_EQ(c.describe(), "[2, 5, 1] Activation: sigmoid Iterations: 3000 Learning rate: 0.45");
}

TEST(Config, LearningRateFollowsTheActivation) {
    EXPECT_EQ(parseConfig({{"activation", "tanh"}}).config->lr, 0.005);
    EXPECT_EQ(parseConfig({{"activation", "relu"}}).config->lr, 0.0005);
    EXPECT_EQ(parseConfig({{"activation", "relu"}, {"lr", "0.01"}}).config->lr, 0.01);
    EXPECT_EQ(parseConfig({{"bias", "false"}}).config->layerSizes(), (std::vector<int>{1, 5, 1}));
}

TEST(Config, AutoRangeAndPoints) {
    const Config c = *parseConfig({{"fn", "x^2 - 1"}, {"xmin", "-2"}, {"xmax", "2"}, {"ymin", "auto"}, {"ymax", "auto"}})
                          .config;
    EXPECT_EQ(c.points, 21);   // int(4 * 5 + 1)
    EXPECT_EQ(c.ymax, 2.1 * 2.1 - 1);  // f at the last test point, 2 + half a step
    EXPECT_LT(c.ymin, -0.98);  // near f(0) = -1, sampled on the grids
    EXPECT_GE(c.ymin, -1.0);
    const Config flat = *parseConfig({{"fn", "3"}, {"ymin", "auto"}, {"ymax", "auto"}}).config;
    EXPECT_EQ(flat.ymin, 2.0);
    EXPECT_EQ(flat.ymax, 4.0);
}

TEST(Config, MessagesNameFieldValueAndRange) {
    EXPECT_EQ(onlyError({{"epochs", "0"}}).message, "epochs: '0' is out of range; allowed: a whole number from 1 to 100000");
    EXPECT_EQ(onlyError({{"lr", "abc"}}).message,
              "lr: 'abc' is not a number; allowed: a number from 0.000001 to 10, or auto");
    EXPECT_EQ(onlyError({{"activation", "softmax"}}).message,
              "activation: 'softmax' is not allowed; allowed: one of sigmoid,tanh,relu,leakyrelu");
    EXPECT_EQ(onlyError({{"hidden", "5,0"}}).field, "hidden");
    EXPECT_EQ(onlyError({{"hidden", "1,1,1,1,1,1,1"}}).message.find("too many layers") != std::string::npos, true);
    EXPECT_EQ(onlyError({{"fn", "sin(x"}}).message, "fn: at position 6: expected ',' or ')' but found end of input");
    EXPECT_EQ(onlyError({{"colour", "red"}}).message, "'colour' is not a field of nnfit");
    EXPECT_EQ(onlyError({{"xmin", "7"}}).message, "xmax: 6.28 must be greater than xmin (7)");
    EXPECT_EQ(onlyError({{"batch", "40"}}).message,
              "batch: 40 is larger than the number of training points (32); allowed: a whole number from 1 to 32");
    EXPECT_EQ(onlyError({{"fn", "log(x)"}}).message,
              "fn: log(x) is not a finite number at x = 0; choose a function or an x range where it is defined");
    EXPECT_EQ(onlyError({{"ymin", "2"}}).field, "ymax");
    EXPECT_EQ(onlyError({{"activation", "relu"}, {"xmin", "-5"}, {"xmax", "0"}}).message,
              "xmax: 0 must be above 0 for relu, which scales the targets into (0, xmax)");
}

TEST(Config, RejectsMalformedNumbers) {
    for (const char* bad : {"", " 1", "1 ", "0x10", "nan", "NaN", "inf", "-inf", "1e", "1e400", "--1", "1.2.3", "1,5", "٣"})
        EXPECT_FALSE(parseConfig({{"xmax", bad}}).config.has_value()) << "'" << bad << "'";
    for (const char* bad : {"1.5", "1e3", "-1", "4294967296", "99999999999999999999"})
        EXPECT_FALSE(parseConfig({{"seed", bad}}).config.has_value()) << bad;
    EXPECT_TRUE(parseConfig({{"seed", "4294967295"}}).config.has_value());
    EXPECT_TRUE(parseConfig({{"xmax", "1e1"}}).config.has_value());
}

TEST(Config, ValuesInMessagesAreShortAndPrintable) {
    const std::string huge(100000, 'a');
    const std::string message = onlyError({{"init", huge + "\x01"}}).message;
    EXPECT_LT(message.size(), 160u);
    const std::string control = onlyError({{"init", "a\nb\x7f"}}).message;
    EXPECT_EQ(control.find('\n'), std::string::npos);
}

TEST(Json, NumbersPrintAsJavaScriptDoes) {
    // Expected strings are what String(x) gives in JavaScript.
    EXPECT_EQ(json::number(0.45), "0.45");
    EXPECT_EQ(json::number(100000), "100000");
    EXPECT_EQ(json::number(1e-6), "0.000001");
    EXPECT_EQ(json::number(1e-7), "1e-7");
    EXPECT_EQ(json::number(1e21), "1e+21");
    EXPECT_EQ(json::number(123456789012345680000.0), "123456789012345680000");
    EXPECT_EQ(json::number(-2.5e-8), "-2.5e-8");
    EXPECT_EQ(json::number(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(json::number(6.28), "6.28");
    EXPECT_EQ(json::number(-0.0), "0");
    EXPECT_EQ(json::number(NAN), "null");
    EXPECT_EQ(json::quote("a\"<b>\n"), "\"a\\\"\\u003cb\\u003e\\n\"");
}

TEST(Config, SchemaJsonCarriesEveryField) {
    const std::string json = schemaJson();
    for (const auto& spec : schema()) EXPECT_NE(json.find(std::string("\"name\":\"") + spec.name + "\""), std::string::npos);
    EXPECT_NE(json.find("\"default\":\"6.28\""), std::string::npos);
    EXPECT_NE(json.find("\"choices\":[\"sigmoid\",\"tanh\",\"relu\",\"leakyrelu\"]"), std::string::npos);
}

}  // namespace
}  // namespace nnfit
