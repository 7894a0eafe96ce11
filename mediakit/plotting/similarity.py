"""Charts of similarity: a heatmap ordered by clustering with its dendrogram, and a 2-D map."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ._base import new_axes, outlet_colors
from ._literal import literal_text

__all__ = ["plot_similarity_heatmap", "plot_outlet_map"]


@literal_text
def plot_similarity_heatmap(sim: pd.DataFrame, *, ax: Axes | None = None, dendrogram: bool = True,
                            method: str = "average", annotate: bool | None = None, cmap: str = "viridis") -> Axes:
    """Heatmap of a similarity matrix, rows and columns in dendrogram order, the dendrogram above it.

    Returns the heatmap's Axes (the dendrogram and colour bar sit in axes appended to it).

    >>> sim = pd.DataFrame([[1, .8, .2], [.8, 1, .3], [.2, .3, 1]], index=list("abc"), columns=list("abc"))
    >>> ax = plot_similarity_heatmap(sim)
    >>> sorted(t.get_text() for t in ax.get_yticklabels())
    ['a', 'b', 'c']
    """
    from mpl_toolkits.axes_grid1 import make_axes_locatable
    from scipy.cluster.hierarchy import dendrogram as scipy_dendrogram
    from scipy.cluster.hierarchy import leaves_list

    from ..similarity import similarity_linkage

    n = len(sim)
    ax = new_axes(ax, figsize=(0.55 * n + 3.5, 0.55 * n + 3.0))
    order = np.arange(n)
    link = None
    if n >= 2:
        link = similarity_linkage(sim, method=method)
        order = leaves_list(link)
    values = np.asarray(sim, dtype=float)[np.ix_(order, order)]
    labels = [str(sim.index[i]) for i in order]
    image = ax.imshow(values, cmap=cmap, vmin=float(np.nanmin(values)), vmax=1.0, aspect="auto",
                      interpolation="nearest")
    ax.set_xticks(range(n), labels, rotation=45, ha="right")
    ax.set_yticks(range(n), labels)
    ax.grid(False)
    if annotate is None:
        annotate = n <= 12
    if annotate:
        mid = (float(np.nanmin(values)) + 1.0) / 2
        for i in range(n):
            for j in range(n):
                ax.text(j, i, f"{values[i, j]:.2f}", ha="center", va="center", fontsize=7,
                        color="white" if values[i, j] < mid else "black")
    divider = make_axes_locatable(ax)
    cax = divider.append_axes("right", size=0.15, pad=0.1)
    ax.figure.colorbar(image, cax=cax, label="cosine similarity")
    if dendrogram and link is not None:
        dax = divider.append_axes("top", size=0.9, pad=0.05)
        scipy_dendrogram(link, ax=dax, orientation="top", no_labels=True, color_threshold=0,
                         above_threshold_color="#555555")
        dax.set_xlim(0, 10 * n)
        dax.set_axis_off()
        dax.set_title(f"Similarity ({sim.attrs.get('method', 'tfidf')}), clustered by {method} linkage")
    else:
        ax.set_title(f"Similarity ({sim.attrs.get('method', 'tfidf')})")
    return ax


@literal_text
def plot_outlet_map(coords: pd.DataFrame, *, ax: Axes | None = None, clusters: pd.DataFrame | None = None,
                    sizes: pd.Series | dict | None = None, labels: bool = True) -> Axes:
    """Scatter of a 2-D map (``label, x, y`` from :func:`mediakit.similarity.similarity_map`).

    Points take the fixed outlet colours; ``clusters`` (``label, cluster``) sets the marker shape per
    cluster; ``sizes`` maps label -> number of articles. Close points mean similar wording.

    >>> m = pd.DataFrame({"label": ["A", "B", "C"], "x": [0.0, 1.0, 0.5], "y": [0.0, 0.2, 1.0]})
    >>> ax = plot_outlet_map(m)
    >>> sorted(t.get_text().strip() for t in ax.texts)
    ['A', 'B', 'C']
    """
    ax = new_axes(ax, figsize=(7, 6))
    colors = outlet_colors(coords["label"])
    markers = ["o", "s", "^", "D", "v", "P", "X", "*"]
    cl = dict(zip(clusters["label"].astype(str), clusters["cluster"])) if clusters is not None else {}
    size_of = dict(sizes) if sizes is not None else {}
    for row in coords.itertuples(index=False):
        k = cl.get(str(row.label))
        ax.scatter([row.x], [row.y], s=80 + 25 * float(size_of.get(row.label, 0)), color=colors[str(row.label)],
                   marker=markers[(int(k) - 1) % len(markers)] if k is not None else "o", edgecolor="white",
                   linewidth=1.2, zorder=3)
    texts = []
    if labels:
        for row in coords.itertuples(index=False):
            texts.append(ax.text(row.x, row.y, f" {row.label}", fontsize=9, va="bottom"))
        if len(texts) > 1:
            try:
                from adjustText import adjust_text

                adjust_text(texts, ax=ax)
            except Exception:  # a layout nicety only; the labels stay where they are
                pass
    pad_x = 0.15 * (coords["x"].max() - coords["x"].min() or 1.0)
    pad_y = 0.15 * (coords["y"].max() - coords["y"].min() or 1.0)
    ax.set_xlim(coords["x"].min() - pad_x, coords["x"].max() + pad_x)
    ax.set_ylim(coords["y"].min() - pad_y, coords["y"].max() + pad_y)
    if cl:
        from matplotlib.lines import Line2D

        ids = sorted({int(k) for k in cl.values()})
        handles = [Line2D([], [], linestyle="", marker=markers[(k - 1) % len(markers)], color="#777777",
                          markersize=7) for k in ids]
        ax.legend(handles, [f"cluster {k}" for k in ids], loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  fontsize=8, frameon=False)
    ax.set_xlabel("dimension 1")
    ax.set_ylabel("dimension 2")
    ax.set_title("Outlet map: close outlets use similar words")
    return ax
