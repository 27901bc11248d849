#!/usr/bin/env python3
"""Derives the coefficients of exactExp's polynomial (wasm/core/math.hpp).

Not part of the build: run it by hand when changing that polynomial.
Needs mpmath (Debian: apt install python3-mpmath).

exp(r) = 1 + r + r^2 Q(r) on |r| <= ln2 / 2, with Q of degree 9 fitted to
(exp(r) - 1 - r) / r^2 at Chebyshev nodes in 60-digit arithmetic. It prints
c_2 .. c_11 (the coefficients of r^2 .. r^11) as the shortest doubles that
round-trip, the fit error, and the worst error of the evaluation in doubles,
in the order math.hpp uses, measured in ulp against mpmath's exp.
"""
import random

import mpmath as mp

mp.mp.dps = 60
HALF_LN2 = mp.log(2) / 2


def q(r):
    if abs(r) < mp.mpf("1e-30"):
        return mp.mpf(1) / 2 + r / 6
    return (mp.exp(r) - 1 - r) / r**2


def evaluate(c, r):
    """Estrin's scheme, exactly as exactExp evaluates it, in doubles."""
    r2 = r * r
    r4 = r2 * r2
    r8 = r4 * r4
    p01 = 1.0 + r
    p23 = c[2] + r * c[3]
    p45 = c[4] + r * c[5]
    p67 = c[6] + r * c[7]
    p89 = c[8] + r * c[9]
    p1011 = c[10] + r * c[11]
    return (p01 + p23 * r2 + (p45 + p67 * r2) * r4) + (p89 + p1011 * r2) * r8


def ulps(value, r):
    exact = mp.exp(mp.mpf(r))
    unit = mp.mpf(2) ** (mp.floor(mp.log(abs(exact), 2)) - 52)
    return float(abs(mp.mpf(value) - exact) / unit)


def main():
    # Slightly past ln2 / 2: r = x - k ln2 is rounded.
    poly, fit_error = mp.chebyfit(q, [-HALF_LN2 * 1.0001, HALF_LN2 * 1.0001], 10, error=True)
    c = [1.0, 1.0] + [float(a) for a in reversed(poly)]
    for i in range(2, 12):
        print(f"c{i} = {c[i]!r}")
    print("fit error of Q:", mp.nstr(fit_error, 3))
    rng = random.Random(1)
    worst = max(ulps(evaluate(c, r), r) for r in (rng.uniform(-0.3466, 0.3466) for _ in range(20000)))
    print(f"worst error in doubles: {worst:.2f} ulp")


if __name__ == "__main__":
    main()
