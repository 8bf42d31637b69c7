"""Exact (Garwood) 95% confidence intervals for a Poisson count, without SciPy.

The exact interval for an observed count k is the range of means mu for which k is
not in either 2.5% tail: the lower end solves P(X >= k | mu) = 0.025 and the upper
end solves P(X <= k | mu) = 0.025. These are the same numbers as the usual
chi-square form (chi2(0.025, 2k) / 2 and chi2(0.975, 2k + 2) / 2); we find them by
bisection on the Poisson distribution function, summed from its largest term so
that large counts neither overflow nor take long. Pure functions."""

from __future__ import annotations

import functools
import math

TAIL = 0.025
_STEPS = 200


def poisson_cdf(k: int, mu: float) -> float:
    """P(X <= k) for X ~ Poisson(mu). Only the terms that matter are summed, each
    from the one before, from the largest outwards: below the mean the lower tail
    itself, above it one less the upper tail."""
    if k < 0:
        return 0.0
    if mu <= 0:
        return 1.0
    if k < mu:
        return min(1.0, _falling_sum(k, mu, downwards=True))
    return max(0.0, 1.0 - _falling_sum(k + 1, mu, downwards=False))


def _falling_sum(start: int, mu: float, *, downwards: bool) -> float:
    """P(X = start) + the terms beyond it, away from the mean, which fall, until
    they no longer change the sum."""
    term = math.exp(start * math.log(mu) - mu - math.lgamma(start + 1))
    total = 0.0
    i = start
    while term > 0.0:
        total += term
        if term < total * 1e-17:
            break
        if downwards:
            if i == 0:
                break
            term *= i / mu
            i -= 1
        else:
            i += 1
            term *= mu / i
    return total


def _solve(target: float, k: int, low: float, high: float) -> float:
    """The mu in [low, high] at which P(X <= k | mu) equals target; the function
    falls as mu rises."""
    for _ in range(_STEPS):
        middle = (low + high) / 2
        if poisson_cdf(k, middle) > target:
            low = middle
        else:
            high = middle
        if high - low < 1e-9 * max(1.0, high):
            break
    return (low + high) / 2


@functools.lru_cache(maxsize=4096)
def exact_interval(count: int) -> tuple[float, float]:
    """The exact 95% interval for the mean of a Poisson count (remembered: it
    depends on the count alone)."""
    if count < 0:
        raise ValueError("A count cannot be negative.")
    ceiling = count + 20 * math.sqrt(count + 1) + 20
    upper = _solve(TAIL, count, 0.0, ceiling)
    lower = 0.0 if count == 0 else _solve(1 - TAIL, count - 1, 0.0, ceiling)
    return lower, upper


def rate_interval(count: int, exposure: float, per: int = 100) -> tuple[float, float]:
    """The exact 95% interval of a rate per `per` units of exposure (meetings
    held, attendances)."""
    lower, upper = exact_interval(count)
    return per * lower / exposure, per * upper / exposure
