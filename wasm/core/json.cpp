#include "json.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace nnfit::json {

std::string quote(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (byte < 0x20 || c == '<' || c == '>' || c == '&') {
                    // control characters, and HTML-significant ones for good measure
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
                    out += escaped;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string number(double value) {
    if (!std::isfinite(value)) return "null";
    if (value == 0) return "0";
    // The fewest significant digits that read back to the same double...
    char buffer[40];
    int precision = 1;
    for (; precision < 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*e", precision - 1, value);
        if (std::strtod(buffer, nullptr) == value) break;
    }
    std::snprintf(buffer, sizeof buffer, "%.*e", precision - 1, value);
    // ...laid out as JavaScript's String(x) does: plain from 1e-6 up to 1e21, else d.ddde+N.
    const std::string text = buffer;
    const std::size_t e = text.find('e');
    const int exponent = std::atoi(text.c_str() + e + 1);
    const bool negative = text[0] == '-';
    std::string digits;
    for (std::size_t i = negative ? 1 : 0; i < e; ++i)
        if (text[i] != '.') digits += text[i];
    std::string out = negative ? "-" : "";
    const int count = static_cast<int>(digits.size());
    if (exponent >= 21 || exponent < -6) {
        out += digits.substr(0, 1);
        if (count > 1) out += "." + digits.substr(1);
        out += std::string("e") + (exponent >= 0 ? "+" : "-") + std::to_string(std::abs(exponent));
    } else if (exponent < 0) {
        out += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    } else if (count <= exponent + 1) {
        out += digits + std::string(static_cast<std::size_t>(exponent + 1 - count), '0');
    } else {
        out += digits.substr(0, static_cast<std::size_t>(exponent + 1)) + "." + digits.substr(static_cast<std::size_t>(exponent + 1));
    }
    return out;
}

}  // namespace nnfit::json
