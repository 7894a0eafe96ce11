"""Charts of text reuse: who reprints whom (outlet graph) and when (article lanes)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ._base import new_axes, outlet_colors
from ._literal import literal_text

__all__ = ["plot_reuse_graph"]


@literal_text
def plot_reuse_graph(reuse: pd.DataFrame, articles: pd.DataFrame | None = None, *, ax: Axes | None = None,
                     level: str = "outlet", include_same_outlet: bool = False) -> Axes:
    """Arrows from the source of reused text to its reprint.

    ``level="outlet"``: outlets on a circle, one arrow per source -> target outlet, its width growing with
    the number of reused passages (the number is printed on it); node size grows with the outlet's
    articles when ``articles`` is given. ``level="article"``: one lane per outlet, articles placed by date,
    an arrow from each source article to each reprint (``articles`` needed for the lanes and dates).

    >>> r = pd.DataFrame({"source_id": ["a"], "target_id": ["b"], "source_outlet": ["X"], "target_outlet": ["Y"],
    ...                   "words": [40], "same_outlet": [False]})
    >>> ax = plot_reuse_graph(r)
    >>> sorted(t.get_text() for t in ax.texts if t.get_text())
    ['1', 'X', 'Y']
    """
    from ..reuse import reuse_edges

    if level == "article":
        return _article_lanes(reuse, articles, ax=ax, include_same_outlet=include_same_outlet)
    edges = reuse_edges(reuse, level="outlet", include_same_outlet=include_same_outlet)
    names = set(edges["source_outlet"]) | set(edges["target_outlet"])
    if articles is not None and "outlet" in articles:
        names |= set(articles["outlet"].astype(str))
    names = sorted(names)
    ax = new_axes(ax, figsize=(7, 7))
    colors = outlet_colors(names)
    if not names:
        ax.text(0.5, 0.5, "no reuse found", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    angles = np.pi / 2 - 2 * np.pi * np.arange(len(names)) / len(names)
    pos = {n: (np.cos(a), np.sin(a)) for n, a in zip(names, angles)}
    counts = articles["outlet"].astype(str).value_counts() if articles is not None and "outlet" in articles else None
    top = max(int(edges["passages"].max()), 1) if len(edges) else 1
    for e in edges.itertuples(index=False):
        (x0, y0), (x1, y1) = pos[e.source_outlet], pos[e.target_outlet]
        width = 1.0 + 5.0 * e.passages / top
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                    arrowprops={"arrowstyle": "-|>", "lw": width, "color": colors[e.source_outlet], "alpha": 0.8,
                                "shrinkA": 18, "shrinkB": 18, "mutation_scale": 12 + 2 * width,
                                "connectionstyle": "arc3,rad=0.18"})
        # label near the middle of the curved arrow
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        nx, ny = -(y1 - y0), (x1 - x0)
        ax.text(mx - 0.09 * nx, my - 0.09 * ny, str(int(e.passages)), fontsize=8, ha="center", va="center",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
    for n in names:
        x, y = pos[n]
        size = 200 + (30 * int(counts.get(n, 0)) if counts is not None else 200)
        ax.scatter([x], [y], s=size, color=colors[n], zorder=3, edgecolor="white", linewidth=1.5)
        ax.text(x * 1.22, y * 1.22, n, ha="center", va="center", fontsize=9)
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.45, 1.45)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title("Reused text: source outlet \u2192 reprinting outlet (passages)")
    return ax


def _article_lanes(reuse: pd.DataFrame, articles: pd.DataFrame | None, *, ax: Axes | None,
                   include_same_outlet: bool) -> Axes:
    if articles is None or not {"article_id", "outlet", "date"} <= set(articles.columns):
        raise ValueError("level='article' needs articles with article_id, outlet and date (the corpus table)")
    r = reuse
    if not include_same_outlet and "same_outlet" in r:
        r = r[~r["same_outlet"].astype(bool)]
    arts = articles.dropna(subset=["date"])
    names = sorted(arts["outlet"].astype(str).unique())
    lane = {n: i for i, n in enumerate(names)}
    colors = outlet_colors(names)
    where = {aid: (pd.Timestamp(d), lane[str(o)]) for aid, d, o in zip(arts["article_id"], arts["date"], arts["outlet"])}
    ax = new_axes(ax, figsize=(10, 0.5 * len(names) + 2))
    involved = set(r["source_id"]) | set(r["target_id"])
    for n in names:
        sub = arts[arts["outlet"].astype(str) == n]
        faint = ~sub["article_id"].isin(involved)
        ax.scatter(sub["date"][faint], [lane[n]] * int(faint.sum()), s=14, color=colors[n], alpha=0.3, zorder=2)
        ax.scatter(sub["date"][~faint], [lane[n]] * int((~faint).sum()), s=40, color=colors[n], zorder=3,
                   edgecolor="black", linewidth=0.6)
    pairs = r.groupby(["source_id", "target_id"]).size().reset_index(name="passages")
    for p in pairs.itertuples(index=False):
        if p.source_id not in where or p.target_id not in where:
            continue
        (d0, y0), (d1, y1) = where[p.source_id], where[p.target_id]
        ax.annotate("", xy=(d1, y1), xytext=(d0, y0),
                    arrowprops={"arrowstyle": "-|>", "color": "#444444", "lw": 1.0, "shrinkA": 4, "shrinkB": 4,
                                "connectionstyle": "arc3,rad=-0.25"})
    ax.set_yticks(range(len(names)), names)
    ax.set_ylim(-0.7, len(names) - 0.3)
    ax.grid(axis="y", visible=False)
    ax.set_title("Reprints over time: arrows run from the source article to the reprint")
    return ax
