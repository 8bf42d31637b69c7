"""Measuring the screener on public evaluation data and on our own UK challenge set.

Run with ``make evaluate`` (or ``python -m alongside.safety.evaluation``). Only figures
are printed, never the text of a post.
"""
