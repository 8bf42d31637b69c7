"""Exact (Garwood) 95% confidence intervals for a Poisson count, without SciPy.

The exact interval for an observed count k is the range of means mu for which k is
not in either 2.5% tail: the lower end solves P(X >= k | mu) = 0.025 and the upper
end solves P(X <= k | mu) = 0.025. These are the same numbers as the usual
chi-square form (chi2(0.025, 2k) / 2 and chi2(0.975, 2k + 2) / 2); we find them by
bisection on the Poisson distribution function, summed in logarithms so that large
counts do not overflow. Pure functions."""

from __future__ import annotations

import math

TAIL = 0.025
_STEPS = 200


def poisson_cdf(k: int, mu: float) -> float:
    """P(X <= k) for X ~ Poisson(mu)."""
    if k < 0:
        return 0.0
    if mu <= 0:
        return 1.0
    log_mu = math.log(mu)
    terms = [i * log_mu - mu - math.lgamma(i + 1) for i in range(k + 1)]
    largest = max(terms)
    return min(1.0, math.exp(largest) * sum(math.exp(t - largest) for t in terms))


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


def exact_interval(count: int) -> tuple[float, float]:
    """The exact 95% interval for the mean of a Poisson count."""
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
