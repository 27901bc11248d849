// Comparing doubles by their bits, for the tests of the core's own functions.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace nnfit::bits {

// Doubles in the order of the number line as consecutive integers (-0 and +0 both 0).
inline std::int64_t ordinal(double x) {
    std::int64_t i;
    std::memcpy(&i, &x, sizeof i);
    return i < 0 ? std::numeric_limits<std::int64_t>::min() - i : i;
}

// Distance in units in the last place; 0 for two NaNs, huge for one NaN.
inline std::uint64_t ulps(double a, double b) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b) ? 0 : ~std::uint64_t{0};
    const std::int64_t i = ordinal(a), j = ordinal(b);
    return i > j ? static_cast<std::uint64_t>(i) - static_cast<std::uint64_t>(j)
                 : static_cast<std::uint64_t>(j) - static_cast<std::uint64_t>(i);
}

inline bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace nnfit::bits
