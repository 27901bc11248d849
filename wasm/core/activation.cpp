#include "activation.hpp"

namespace nnfit {

// Two values at a time, then the odd one out; both round alike.
void activateRun(Activation kind, double* z, int count) {
    withUnit(kind, [&](auto unit) {
        using Unit = decltype(unit);
        int i = 0;
        for (; i + 2 <= count; i += 2) store(z + i, Unit::activate(load<DoublePair>(z + i)));
        for (; i < count; ++i) z[i] = Unit::activate(z[i]);
    });
}

void multiplyBySlopeRun(Activation kind, double* delta, const double* a, int count) {
    withUnit(kind, [&](auto unit) {
        using Unit = decltype(unit);
        int i = 0;
        for (; i + 2 <= count; i += 2)
            store(delta + i, load<DoublePair>(delta + i) * Unit::slope(load<DoublePair>(a + i)));
        for (; i < count; ++i) delta[i] *= Unit::slope(a[i]);
    });
}

}  // namespace nnfit
