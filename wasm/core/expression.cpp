#include "expression.hpp"

#include "elementary.hpp"

#include <array>
#include <cmath>
#include <cstdlib>

namespace nnfit {

enum class Expression::Op : unsigned char {
    Constant, X,
    Add, Subtract, Multiply, Divide, Power, Negate,
    Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh,
    Exp, Log, Log10, Sqrt, Abs, Sign, Floor, Ceil, Min, Max,
};

namespace {

using Op = Expression::Op;

struct FunctionSpec {
    const char* name;
    Op op;
    int arity;
};

constexpr std::array<FunctionSpec, 19> kFunctions = {{
    {"sin", Op::Sin, 1},     {"cos", Op::Cos, 1},     {"tan", Op::Tan, 1},
    {"asin", Op::Asin, 1},   {"acos", Op::Acos, 1},   {"atan", Op::Atan, 1},
    {"sinh", Op::Sinh, 1},   {"cosh", Op::Cosh, 1},   {"tanh", Op::Tanh, 1},
    {"exp", Op::Exp, 1},     {"log", Op::Log, 1},     {"log10", Op::Log10, 1},
    {"sqrt", Op::Sqrt, 1},   {"abs", Op::Abs, 1},     {"sign", Op::Sign, 1},
    {"floor", Op::Floor, 1}, {"ceil", Op::Ceil, 1},   {"min", Op::Min, 2},
    {"max", Op::Max, 2},
}};

const FunctionSpec* findFunction(std::string_view name) {
    for (const auto& f : kFunctions)
        if (name == f.name) return &f;
    return nullptr;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

}  // namespace

// Recursive descent over the text, emitting postfix instructions as it goes.
class ExpressionParser {
public:
    static constexpr int kMaxDepth = 40;

    explicit ExpressionParser(std::string_view text) : m_text(text) {}

    bool run(Expression& out) {
        m_out = &out;
        skipSpace();
        if (atEnd()) return fail("expected an expression but found nothing");
        if (!parseExpr()) return false;
        if (!atEnd()) return fail("expected an operator or end of input but found " + describeHere());
        return true;
    }

    ExpressionError error() const { return m_error; }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_depth = 0;
    int m_stack = 0;
    Expression* m_out = nullptr;
    ExpressionError m_error{0, ""};

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    void skipSpace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) ++m_pos;
    }

    std::string describeHere() const {
        if (atEnd()) return "end of input";
        const unsigned char c = static_cast<unsigned char>(peek());
        if (c < 0x20 || c >= 0x7f) return "a character that is not allowed";
        return std::string("'") + peek() + "'";
    }

    bool fail(std::string message) {
        m_error = {m_pos + 1, std::move(message)};
        return false;
    }

    void emit(Op op, int stackChange, double value = 0.0) {
        m_out->m_program.push_back({op, value});
        m_stack += stackChange;
        if (m_stack > static_cast<int>(m_out->m_maxStack)) m_out->m_maxStack = static_cast<std::size_t>(m_stack);
    }

    bool enter() {
        if (++m_depth > kMaxDepth) return fail("expression is nested too deeply");
        return true;
    }

    bool parseExpr() {
        if (!enter()) return false;
        if (!parseTerm()) return false;
        for (skipSpace(); peek() == '+' || peek() == '-'; skipSpace()) {
            const Op op = peek() == '+' ? Op::Add : Op::Subtract;
            ++m_pos;
            if (!parseTerm()) return false;
            emit(op, -1);
        }
        --m_depth;
        return true;
    }

    bool parseTerm() {
        if (!parseUnary()) return false;
        for (skipSpace(); peek() == '*' || peek() == '/'; skipSpace()) {
            const Op op = peek() == '*' ? Op::Multiply : Op::Divide;
            ++m_pos;
            if (!parseUnary()) return false;
            emit(op, -1);
        }
        return true;
    }

    bool parseUnary() {
        if (!enter()) return false;
        skipSpace();
        bool ok;
        if (peek() == '-') {
            ++m_pos;
            ok = parseUnary();
            if (ok) emit(Op::Negate, 0);
        } else if (peek() == '+') {
            ++m_pos;
            ok = parseUnary();
        } else {
            ok = parsePower();
        }
        --m_depth;
        return ok;
    }

    bool parsePower() {
        if (!parsePrimary()) return false;
        skipSpace();
        if (peek() == '^') {
            ++m_pos;
            if (!parseUnary()) return false;
            emit(Op::Power, -1);
        }
        return true;
    }

    bool parseNumber() {
        const std::size_t start = m_pos;
        while (isDigit(peek())) ++m_pos;
        if (peek() == '.') {
            ++m_pos;
            while (isDigit(peek())) ++m_pos;
        }
        if (m_pos - start == 1 && m_text[start] == '.') {
            m_pos = start;
            return fail("expected a digit around '.'");
        }
        if (peek() == 'e' || peek() == 'E') {
            std::size_t p = m_pos + 1;
            if (p < m_text.size() && (m_text[p] == '+' || m_text[p] == '-')) ++p;
            if (p < m_text.size() && isDigit(m_text[p])) {
                m_pos = p;
                while (isDigit(peek())) ++m_pos;
            }
        }
        const std::string digits(m_text.substr(start, m_pos - start));
        const double value = std::strtod(digits.c_str(), nullptr);
        if (!std::isfinite(value)) {
            m_pos = start;
            return fail("number " + digits + " is too large");
        }
        emit(Op::Constant, 1, value);
        return true;
    }

    bool parseCall(const FunctionSpec& function, std::size_t nameStart) {
        skipSpace();
        if (peek() != '(') return fail("expected '(' after " + std::string(function.name));
        ++m_pos;
        int arguments = 0;
        for (;;) {
            if (!parseExpr()) return false;
            ++arguments;
            skipSpace();
            if (peek() == ',' && arguments < function.arity) {
                ++m_pos;
                continue;
            }
            if (peek() == ')') break;
            if (peek() == ',') return fail(std::string(function.name) + " takes " + std::to_string(function.arity) +
                                           (function.arity == 1 ? " argument" : " arguments"));
            return fail("expected ',' or ')' but found " + describeHere());
        }
        if (arguments != function.arity) {
            m_pos = nameStart;
            return fail(std::string(function.name) + " takes " + std::to_string(function.arity) +
                        (function.arity == 1 ? " argument" : " arguments") + " but was given " +
                        std::to_string(arguments));
        }
        ++m_pos;
        emit(function.op, 1 - function.arity);
        return true;
    }

    bool parsePrimary() {
        skipSpace();
        const char c = peek();
        if (isDigit(c) || c == '.') return parseNumber();
        if (c == '(') {
            ++m_pos;
            if (!parseExpr()) return false;
            skipSpace();
            if (peek() != ')') return fail("expected ')' but found " + describeHere());
            ++m_pos;
            return true;
        }
        if (isLetter(c)) {
            const std::size_t start = m_pos;
            while (isLetter(peek()) || isDigit(peek())) ++m_pos;
            const std::string_view name = m_text.substr(start, m_pos - start);
            if (name == "x") { emit(Op::X, 1); return true; }
            if (name == "pi") { emit(Op::Constant, 1, 3.141592653589793); return true; }
            if (name == "e") { emit(Op::Constant, 1, 2.718281828459045); return true; }
            if (const FunctionSpec* function = findFunction(name)) return parseCall(*function, start);
            m_pos = start;
            return fail("unknown name '" + std::string(name) + "'; expected x, pi, e or one of " +
                        Expression::functionNames());
        }
        return fail("expected a number, x, a function or '(' but found " + describeHere());
    }
};

std::optional<Expression> Expression::parse(std::string_view text, ExpressionError* error) {
    if (text.size() > kMaxLength) {
        if (error) *error = {kMaxLength + 1, "expression is longer than " + std::to_string(kMaxLength) + " characters"};
        return std::nullopt;
    }
    Expression expression;
    ExpressionParser parser(text);
    if (!parser.run(expression)) {
        if (error) *error = parser.error();
        return std::nullopt;
    }
    if (expression.m_maxStack > kStackCapacity) {
        if (error) *error = {1, "expression is too complex (more than " + std::to_string(kStackCapacity) + " pending values)"};
        return std::nullopt;
    }
    return expression;
}

std::string Expression::functionNames() {
    std::string names;
    for (const auto& f : kFunctions) {
        if (!names.empty()) names += ' ';
        names += f.name;
    }
    return names;
}

double Expression::evaluate(double x) const {
    // Postfix evaluation on a small fixed stack (the parser bounds its depth).
    std::array<double, kStackCapacity> stack;
    std::size_t top = 0;
    for (const Instruction& in : m_program) {
        switch (in.op) {
            case Op::Constant: stack[top++] = in.value; continue;
            case Op::X: stack[top++] = x; continue;
            default: break;
        }
        double& a = stack[top - 1];
        switch (in.op) {
            case Op::Add: stack[top - 2] += a; --top; break;
            case Op::Subtract: stack[top - 2] -= a; --top; break;
            case Op::Multiply: stack[top - 2] *= a; --top; break;
            case Op::Divide: stack[top - 2] /= a; --top; break;
            case Op::Power: stack[top - 2] = elementary::pow(stack[top - 2], a); --top; break;
            case Op::Min: stack[top - 2] = std::fmin(stack[top - 2], a); --top; break;
            case Op::Max: stack[top - 2] = std::fmax(stack[top - 2], a); --top; break;
            case Op::Negate: a = -a; break;
            case Op::Sin: a = elementary::sin(a); break;
            case Op::Cos: a = elementary::cos(a); break;
            case Op::Tan: a = elementary::tan(a); break;
            case Op::Asin: a = elementary::asin(a); break;
            case Op::Acos: a = elementary::acos(a); break;
            case Op::Atan: a = elementary::atan(a); break;
            case Op::Sinh: a = elementary::sinh(a); break;
            case Op::Cosh: a = elementary::cosh(a); break;
            case Op::Tanh: a = elementary::tanh(a); break;
            case Op::Exp: a = elementary::exp(a); break;
            case Op::Log: a = elementary::log(a); break;
            case Op::Log10: a = elementary::log10(a); break;
            case Op::Sqrt: a = std::sqrt(a); break;
            case Op::Abs: a = std::fabs(a); break;
            case Op::Sign: a = a > 0.0 ? 1.0 : (a < 0.0 ? -1.0 : a); break;
            case Op::Floor: a = std::floor(a); break;
            case Op::Ceil: a = std::ceil(a); break;
            case Op::Constant:
            case Op::X: break;
        }
    }
    return stack[0];
}

}  // namespace nnfit
