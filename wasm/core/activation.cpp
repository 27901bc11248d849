#include "activation.hpp"

#include <cstring>

namespace nnfit {

namespace {

DoublePair loadPair(const double* p) {
    DoublePair v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

void storePair(double* p, DoublePair v) { std::memcpy(p, &v, sizeof v); }

}  // namespace

// Two values at a time, then the odd one out; both round alike.
void activateRun(Activation kind, double* z, int count) {
    withUnit(kind, [&](auto unit) {
        using Unit = decltype(unit);
        int i = 0;
        for (; i + 2 <= count; i += 2) storePair(z + i, Unit::activate(loadPair(z + i)));
        for (; i < count; ++i) z[i] = Unit::activate(z[i]);
    });
}

void multiplyBySlopeRun(Activation kind, double* delta, const double* a, int count) {
    withUnit(kind, [&](auto unit) {
        using Unit = decltype(unit);
        int i = 0;
        for (; i + 2 <= count; i += 2) storePair(delta + i, loadPair(delta + i) * Unit::slope(loadPair(a + i)));
        for (; i < count; ++i) delta[i] *= Unit::slope(a[i]);
    });
}

}  // namespace nnfit
