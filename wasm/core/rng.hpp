// Seeded pseudo-random numbers written out in full, so that a seed gives the
// same sequence natively, in every browser and in Node (std:: distributions
// differ between libstdc++ and libc++, and std::random_device is not seedable).
#pragma once

#include "elementary.hpp"

#include <cmath>
#include <cstdint>

namespace nnfit {

// SplitMix64 (Steele, Lea, Flood 2014): state += golden gamma, then a bijective
// 64-bit mix of the state.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t nextU64() {
        m_state += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // u = top 53 bits / 2^53, exactly representable, in [0, 1)
    double uniform01() { return static_cast<double>(nextU64() >> 11) * 0x1.0p-53; }

    // u in [low, high)
    double uniform(double low, double high) { return low + (high - low) * uniform01(); }

    // Box-Muller: n = sqrt(-2 ln u1) cos(2 pi u2), with u1 in (0, 1]; log and
    // cos are the core's own, so the same seed gives the same bits everywhere.
    double normal(double mean, double stddev) {
        const double u1 = 1.0 - uniform01();
        const double u2 = uniform01();
        const double twoPi = 6.283185307179586;
        return mean + stddev * std::sqrt(-2.0 * elementary::log(u1)) * elementary::cos(twoPi * u2);
    }

private:
    std::uint64_t m_state;
};

}  // namespace nnfit
