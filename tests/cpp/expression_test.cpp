#include "expression.hpp"

#include "elementary.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace nnfit {
namespace {

double eval(const char* text, double x) {
    ExpressionError error;
    const auto expression = Expression::parse(text, &error);
    EXPECT_TRUE(expression.has_value()) << text << ": " << error.message;
    return expression ? expression->evaluate(x) : NAN;
}

ExpressionError errorOf(const char* text) {
    ExpressionError error{0, ""};
    EXPECT_FALSE(Expression::parse(text, &error).has_value()) << text;
    return error;
}

TEST(Expression, EvaluatesTheExamples) {
    EXPECT_EQ(eval("sin(x)", 1.3), elementary::sin(1.3));
    EXPECT_EQ(eval("x^2 - 1", 3.0), 8.0);
    EXPECT_EQ(eval("exp(-x/3)*cos(2*x)", 0.7), elementary::exp(-0.7 / 3) * elementary::cos(2 * 0.7));
    EXPECT_EQ(eval("abs(x)", -2.5), 2.5);
}

TEST(Expression, PrecedenceAndAssociativity) {
    EXPECT_EQ(eval("-x^2", 3.0), -9.0);         // ^ binds tighter than unary minus
    EXPECT_EQ(eval("2^3^2", 0.0), 512.0);       // right-associative
    EXPECT_EQ(eval("2^-1", 0.0), 0.5);          // unary minus in an exponent
    EXPECT_EQ(eval("1 - 2 - 3", 0.0), -4.0);    // left-associative
    EXPECT_EQ(eval("8 / 4 / 2", 0.0), 1.0);
    EXPECT_EQ(eval("1 + 2 * 3", 0.0), 7.0);
    EXPECT_EQ(eval("(1 + 2) * 3", 0.0), 9.0);
    EXPECT_EQ(eval("--x", 4.0), 4.0);
    EXPECT_EQ(eval("+x", 4.0), 4.0);
}

TEST(Expression, ConstantsNumbersAndFunctions) {
    EXPECT_EQ(eval("pi", 0.0), M_PI);
    EXPECT_EQ(eval("e", 0.0), M_E);
    EXPECT_EQ(eval("1.5e2 + .5", 0.0), 150.5);
    EXPECT_EQ(eval("min(x, 2) + max(x, 2)", 5.0), 7.0);
    EXPECT_EQ(eval("sign(x)", -0.3), -1.0);
    EXPECT_EQ(eval("floor(x) + ceil(x)", 1.5), 3.0);
    EXPECT_EQ(eval("log10(x)", 1000.0), 3.0);
    EXPECT_EQ(eval("sqrt(x)", 16.0), 4.0);
    EXPECT_EQ(eval("tanh(x) + sinh(x) + cosh(x)", 0.0), 1.0);
    EXPECT_EQ(eval("atan(x) + asin(x) + acos(x)", 0.0), M_PI / 2);
    EXPECT_EQ(eval("tan(x) + log(x)", 1.0), elementary::tan(1.0));
}

TEST(Expression, RejectsMalformedInputWithPositionAndExpectation) {
    auto e = errorOf("sin(x");
    EXPECT_EQ(e.position, 6u);
    EXPECT_EQ(e.message, "expected ',' or ')' but found end of input");

    e = errorOf("2 *");
    EXPECT_EQ(e.position, 4u);
    EXPECT_EQ(e.message, "expected a number, x, a function or '(' but found end of input");

    e = errorOf("foo(x)");
    EXPECT_EQ(e.position, 1u);
    EXPECT_NE(e.message.find("unknown name 'foo'"), std::string::npos);

    e = errorOf("2x");
    EXPECT_EQ(e.position, 2u);
    EXPECT_EQ(e.message, "expected an operator or end of input but found 'x'");

    e = errorOf("");
    EXPECT_EQ(e.message, "expected an expression but found nothing");

    e = errorOf("min(x)");
    EXPECT_NE(e.message.find("min takes 2 arguments but was given 1"), std::string::npos);

    e = errorOf("sin(x, 2)");
    EXPECT_NE(e.message.find("sin takes 1 argument"), std::string::npos);

    e = errorOf("<script>");
    EXPECT_EQ(e.position, 1u);
    EXPECT_EQ(e.message, "expected a number, x, a function or '(' but found '<'");

    e = errorOf("x \xc3\xa9");
    EXPECT_EQ(e.message, "expected an operator or end of input but found a character that is not allowed");

    e = errorOf("sin");
    EXPECT_EQ(e.message, "expected '(' after sin");

    e = errorOf("1e999");
    EXPECT_NE(e.message.find("too large"), std::string::npos);
}

TEST(Expression, BoundsDepthLengthAndArguments) {
    std::string deep(100, '(');
    deep += "x" + std::string(100, ')');
    EXPECT_NE(errorOf(deep.c_str()).message.find("nested too deeply"), std::string::npos);

    std::string longText = "x";
    while (longText.size() <= Expression::kMaxLength) longText += "+x";
    EXPECT_NE(errorOf(longText.c_str()).message.find("longer than"), std::string::npos);

    EXPECT_NE(errorOf("max(1,2,3,4,5,6,7,8)").message.find("max takes 2 arguments"), std::string::npos);
}

}  // namespace
}  // namespace nnfit
