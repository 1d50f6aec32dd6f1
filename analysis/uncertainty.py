"""How sure a mean sentiment is: a 95% t-interval for a word-weighted mean of quote polarities.

A speaker's polarity is the mean of their quotes' polarities weighted by each quote's length (a
long quotation weighs more than a two-word fragment). Its uncertainty is a t-interval on that
weighted mean with Kish's effective sample size ``n_eff = (Σw)² / Σw²`` — a speaker with one long
quotation and three fragments has an effective sample closer to one than to four. The views hand
over the sums (``w_sum, w2_sum, wx2_sum`` beside the mean ``polarity``) from SQL, so the interval
costs one pass over the quotes, not a bootstrap. Fewer than :data:`MIN_QUOTES` quotes is marked
``few``: no interval is claimed, and the dashboard does not rank such speakers as if certain.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import pandas as pd

MIN_QUOTES = 5
# A holder × target cell of the attitude matrix drawn from fewer sentences than this is drawn
# faded: one sentence's polarity is no one's settled attitude.
MIN_CELL_SENTENCES = 3
LEVEL = 0.95
# Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom (standard tables).
_T975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip


def t_quantile(df: float) -> float:
    """The 97.5% quantile of Student's t with ``df`` degrees of freedom (fractional df rounds
    down, the cautious side); beyond the table, the Cornish-Fisher expansion around the normal."""
    if df < 1:
        return math.inf
    if df <= len(_T975):
        return _T975[int(df) - 1]
    z = NormalDist().inv_cdf(0.975)
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)


def interval(mean: float, w_sum: float, w2_sum: float, wx2_sum: float) -> tuple[float, float]:
    """The 95% interval of a weighted mean from its sums (NaN, NaN when there is one effective
    observation or none)."""
    if not w_sum or not w2_sum:
        return math.nan, math.nan
    n_eff = w_sum**2 / w2_sum
    if n_eff <= 1.0 + 1e-9:
        return math.nan, math.nan
    # Weighted variance around the mean, with the effective-size correction for the bias.
    var = max(0.0, wx2_sum / w_sum - mean**2) * n_eff / (n_eff - 1)
    half = t_quantile(n_eff - 1) * math.sqrt(var / n_eff)
    return max(-1.0, mean - half), min(1.0, mean + half)


def with_interval(df: pd.DataFrame, *, blank_few: bool = True) -> pd.DataFrame:
    """Replace the sums columns of a view by ``ci_low, ci_high`` and ``few`` (too few quotes);
    ``blank_few`` leaves the interval of a row with too few quotes empty."""
    if df.empty:
        return df.drop(columns=["w_sum", "w2_sum", "wx2_sum"], errors="ignore").assign(
            ci_low=pd.Series(dtype=float), ci_high=pd.Series(dtype=float),
            few=pd.Series(dtype=bool),
        )  # fmt: skip
    bounds = [
        interval(m, w, w2, wx2)
        for m, w, w2, wx2 in zip(
            df["polarity"], df["w_sum"], df["w2_sum"], df["wx2_sum"], strict=True
        )
    ]
    out = df.drop(columns=["w_sum", "w2_sum", "wx2_sum"])
    out["ci_low"] = [b[0] for b in bounds]
    out["ci_high"] = [b[1] for b in bounds]
    out["few"] = out["n_quotes"] < MIN_QUOTES
    if blank_few:
        out.loc[out["few"], ["ci_low", "ci_high"]] = math.nan
    return out
