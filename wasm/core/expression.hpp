// The target function f(x), typed by a person as text: parsed once into a
// small postfix program, then evaluated many times without allocation.
//
// Grammar (precedence low to high; ^ is right-associative and binds tighter
// than unary minus, so -x^2 = -(x^2)):
//   expr    := term (('+' | '-') term)*
//   term    := unary (('*' | '/') unary)*
//   unary   := ('-' | '+') unary | power
//   power   := primary ('^' unary)?
//   primary := number | 'x' | 'pi' | 'e' | name '(' expr (',' expr)* ')' | '(' expr ')'
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnfit {

struct ExpressionError {
    std::size_t position;  // 1-based character position of the problem
    std::string message;   // "expected ')' but found end of input"
};

class Expression {
public:
    static constexpr std::size_t kMaxLength = 300;
    static constexpr std::size_t kStackCapacity = 64;

    // Either a program that evaluates the text, or where and why it is wrong.
    static std::optional<Expression> parse(std::string_view text, ExpressionError* error);

    double evaluate(double x) const;

    // The function names the grammar accepts, for messages and the page.
    static std::string functionNames();

    enum class Op : unsigned char;
    struct Instruction {
        Op op;
        double value;  // the constant, for Op::Constant
    };

private:
    std::vector<Instruction> m_program;
    std::size_t m_maxStack = 0;
    friend class ExpressionParser;
};

}  // namespace nnfit
