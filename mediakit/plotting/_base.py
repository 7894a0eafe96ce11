"""Shared helpers of the plotting functions: fixed outlet colours and axes creation."""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

__all__ = ["outlet_colors", "new_axes", "PALETTE"]

# Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies; then Tol's extras.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#882255", "#44AA99",
           "#999999", "#117733", "#F0E442", "#000000"]


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """One fixed colour per outlet: outlets sorted by name take the palette in order.

    Every chart of one corpus passes the same outlets, so an outlet keeps its colour across charts.

    >>> outlet_colors(["B", "A"])
    {'A': '#0072B2', 'B': '#E69F00'}
    """
    names = sorted({str(o) for o in outlets})
    return {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(names)}


def new_axes(ax: Axes | None, figsize: tuple[float, float] | None = None) -> Axes:
    """Return ``ax`` or a fresh Axes on a new figure."""
    if ax is not None:
        return ax
    _fig, ax = plt.subplots(figsize=figsize)
    return ax
