"""Charts of vocabulary differences: distinctive terms, two-outlet scatter, naming and term heatmaps.

Each chart has a ``*_data`` function returning exactly the numbers it plots, for the CSV that
:func:`mediakit.export.save_figure` writes beside the chart:

>>> import mediakit as mk                                                         # doctest: +SKIP
>>> dt = mk.distinctive_terms(corpus, top=8, n_boot=200)                          # doctest: +SKIP
>>> ax = plot_distinctive_terms(dt)                                               # doctest: +SKIP
>>> mk.save_figure(ax.figure, "distinctive-terms", data=distinctive_terms_data(dt))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.colors as mcolors
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ._base import new_axes, outlet_colors
from ._literal import literal_text

__all__ = [
    "distinctive_terms_data",
    "plot_distinctive_terms",
    "term_scatter_data",
    "plot_term_scatter",
    "naming_heatmap_data",
    "plot_naming_heatmap",
    "term_heatmap_data",
    "plot_term_heatmap",
]

_DIVERGING = "RdBu_r"


def _all_groups(data: pd.DataFrame) -> list[str]:
    """Every group of the analysed corpus (from attrs when present), so colours match the other charts."""
    groups = list((data.attrs.get("articles_per_group") or {}).keys())
    return groups or [str(g) for g in data["group"].unique()]


def _need(data: pd.DataFrame, cols: Sequence[str], what: str) -> None:
    missing = [c for c in cols if c not in data]
    if missing:
        raise KeyError(f"{what} needs columns {missing}; pass the output of the matching mediakit.terms function")


def _outlets_on_top(ax: Axes, groups: Sequence[str]) -> None:
    """Outlet names above a heatmap (keeps the bottom free for the source line of exported charts)."""
    ax.xaxis.tick_top()
    ax.set_xticks(range(len(groups)), groups, rotation=35, ha="left", rotation_mode="anchor")
    ax.tick_params(axis="x", length=0, pad=4)


# ---------------------------------------------------------------- distinctive terms (bars)
def distinctive_terms_data(data: pd.DataFrame, *, top: int | None = None, value: str = "score",
                           groups: Sequence[str] | None = None) -> pd.DataFrame:
    """The rows :func:`plot_distinctive_terms` draws: per group, the ``top`` terms by z (positive only).

    >>> dt = pd.DataFrame({"group": ["A", "A", "B"], "term": ["x", "y", "z"], "z": [3.0, -1.0, 2.0],
    ...                    "score": [1.0, -0.5, 0.8]})
    >>> distinctive_terms_data(dt)[["group", "term", "value"]].values.tolist()
    [['A', 'x', 1.0], ['B', 'z', 0.8]]
    """
    _need(data, ["group", "term", "z", value], "plot_distinctive_terms")
    d = data[data["z"] > 0]
    if groups is not None:
        d = d[d["group"].isin(list(groups))]
    d = d.sort_values(["group", "z"], ascending=[True, False], kind="stable")
    if top is not None:
        d = d.groupby("group", sort=False).head(top)
    cols = ["group", "term", "count", "count_other", "docs", "z", value] + [c for c in ("ci_low", "ci_high") if c in d]
    cols = list(dict.fromkeys(c for c in cols if c in d))
    out = d[cols].copy()
    out["value"] = d[value].to_numpy()
    return out.reset_index(drop=True)


@literal_text
def plot_distinctive_terms(data: pd.DataFrame, *, ax: Axes | None = None, top: int | None = None,
                           value: str = "score", groups: Sequence[str] | None = None,
                           colors: dict[str, str] | None = None) -> Axes:
    """Horizontal bars: each group's most distinctive terms, with bootstrap intervals when present.

    ``data`` is a :func:`mediakit.distinctive_terms` result (run it with ``n_boot`` for the intervals,
    which are drawn for ``value="score"``). Groups are stacked top to bottom, each in its outlet colour.
    """
    d = distinctive_terms_data(data, top=top, value=value, groups=groups)
    n = len(d)
    ngroups = d["group"].nunique()
    ax = new_axes(ax, figsize=(8, 0.26 * n + 0.45 * ngroups + 1.2))
    colors = colors or outlet_colors(_all_groups(data))
    y_positions, labels = [], []
    y = 0.0
    header_y = []
    for grp, g in d.groupby("group", sort=False):
        header_y.append((y, grp))
        y += 1.0
        for _, row in g.iterrows():
            y_positions.append(y)
            labels.append(str(row["term"]))
            y += 1.0
        y += 0.4
    ys = np.array(y_positions)
    vals = d["value"].to_numpy(float)
    ax.barh(ys, vals, color=[colors.get(str(g), "#777777") for g in d["group"]], height=0.75)
    if value == "score" and {"ci_low", "ci_high"} <= set(d.columns):
        lo = np.clip(vals - d["ci_low"].to_numpy(float), 0, None)
        hi = np.clip(d["ci_high"].to_numpy(float) - vals, 0, None)
        ax.errorbar(vals, ys, xerr=[lo, hi], fmt="none", ecolor="#333333", elinewidth=0.9, capsize=2)
    for yh, grp in header_y:
        ax.text(0, yh, str(grp), fontweight="bold", fontsize=9.5, va="center", ha="left",
                color=colors.get(str(grp), "#333333"))
    ax.set_yticks(ys, labels)
    ax.set_ylim(y - 0.2, -0.8)
    ax.axvline(0, color="#666666", linewidth=0.8)
    method = data.attrs.get("method", "")
    xlabel = {"log_odds": "log-odds ratio (informative Dirichlet prior)", "g2": "signed log-likelihood G²",
              "chi2": "signed chi-square"}.get(method, value) if value == "score" else value
    ax.set_xlabel(xlabel + (" with bootstrap interval" if "ci_low" in d else ""))
    ax.set_title("Most distinctive terms per outlet")
    ax.grid(axis="y", visible=False)
    return ax


# ---------------------------------------------------------------- two-outlet scatter
def term_scatter_data(data: pd.DataFrame, *, label_top: int = 10, min_count: int = 1) -> pd.DataFrame:
    """Per term: rate per 10,000 tokens in A (``x``) and in B (``y``), z, and whether it gets a label.

    ``data`` is ``distinctive_terms(..., pair=("A", "B"))``; the rows of A are used (B's are the mirror).
    The ``label_top`` terms with the highest z on each side are labelled.
    """
    _need(data, ["group", "other", "term", "count", "count_other", "total", "total_other", "z"], "plot_term_scatter")
    pair = data.attrs.get("pair") or [data["group"].iloc[0], data["other"].iloc[0]]
    a, b = str(pair[0]), str(pair[1])
    d = data[data["group"] == a]
    d = d[(d["count"] + d["count_other"]) >= min_count].copy()
    out = pd.DataFrame({
        "term": d["term"].to_numpy(), "group": a, "other": b,
        "count": d["count"].to_numpy(), "count_other": d["count_other"].to_numpy(),
        "x": d["count"].to_numpy(float) / d["total"].to_numpy(float) * 1e4,
        "y": d["count_other"].to_numpy(float) / d["total_other"].to_numpy(float) * 1e4,
        "z": d["z"].to_numpy(float),
    })
    out["label"] = False
    if label_top:
        out.loc[out.nlargest(label_top, "z").index[out.nlargest(label_top, "z")["z"] > 0], "label"] = True
        out.loc[out.nsmallest(label_top, "z").index[out.nsmallest(label_top, "z")["z"] < 0], "label"] = True
    return out.sort_values("z", ascending=False, kind="stable").reset_index(drop=True)


@literal_text
def plot_term_scatter(data: pd.DataFrame, *, ax: Axes | None = None, label_top: int = 10, min_count: int = 1,
                      adjust: bool = True, colors: dict[str, str] | None = None) -> Axes:
    """Two outlets' term rates against each other (log scales), coloured by z, extremes labelled.

    Terms above the diagonal are relatively more frequent in the second outlet. Labels are moved apart
    with adjustText so they do not overlap. Terms one outlet never uses sit on the line marked "0".
    """
    d = term_scatter_data(data, label_top=label_top, min_count=min_count)
    ax = new_axes(ax, figsize=(7.5, 7))
    if d.empty:
        ax.set_title("no terms to compare")
        return ax
    a, b = d["group"].iloc[0], d["other"].iloc[0]
    positive = np.concatenate([d["x"][d["x"] > 0].to_numpy(), d["y"][d["y"] > 0].to_numpy()])
    floor = positive.min() / 3 if len(positive) else 1.0
    xs = np.where(d["x"] > 0, d["x"], floor)
    ys = np.where(d["y"] > 0, d["y"], floor)
    # jitter in log space so terms with identical counts do not hide each other (deterministic)
    rng = np.random.default_rng(0)
    jx = xs * np.exp(rng.uniform(-0.06, 0.06, len(xs)))
    jy = ys * np.exp(rng.uniform(-0.06, 0.06, len(ys)))
    lim = float(np.abs(d["z"]).max()) or 1.0
    colors = colors or outlet_colors(_all_groups(data))
    cmap = mcolors.LinearSegmentedColormap.from_list("pair", [colors[b], "#DDDDDD", colors[a]])
    sc = ax.scatter(jx, jy, c=d["z"], cmap=cmap, vmin=-lim, vmax=lim, s=14, alpha=0.8, linewidths=0)
    ax.set_xscale("log")
    ax.set_yscale("log")
    for axis in (ax.xaxis, ax.yaxis):  # "100", not "$10^{2}$": chart text is drawn literally (no mathtext)
        axis.set_major_formatter(mticker.FuncFormatter(lambda v, _pos: f"{v:g}"))
        axis.set_minor_formatter(mticker.NullFormatter())
    lo, hi = floor / 1.5, max(xs.max(), ys.max()) * 1.5
    ax.plot([lo, hi], [lo, hi], color="#888888", linewidth=0.8, linestyle="--")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    for axis_line in (ax.axvline, ax.axhline):
        axis_line(floor, color="#BBBBBB", linewidth=0.6, linestyle=":")
    ax.text(floor, lo, " 0", fontsize=8, color="#666666", va="bottom", ha="left")
    ax.text(lo, floor, "0 ", fontsize=8, color="#666666", va="bottom", ha="left")
    ax.set_xlabel(f"{a}: occurrences per 10,000 words")
    ax.set_ylabel(f"{b}: occurrences per 10,000 words")
    ax.set_title(f"{a} vs {b}: who uses which words")
    ax.figure.colorbar(sc, ax=ax, shrink=0.6, label=f"z (>0: typical of {a})")   # before placing labels
    texts = []
    for i in np.flatnonzero(d["label"].to_numpy()):
        texts.append(ax.text(jx[i], jy[i], str(d["term"].iloc[i]), fontsize=8.5,
                             color=colors[a] if d["z"].iloc[i] > 0 else colors[b]))
    if texts and adjust:
        from adjustText import adjust_text

        near = _points_near_labels(jx, jy, d["label"].to_numpy())
        adjust_text(texts, x=jx[near], y=jy[near], ax=ax,
                    arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.5},
                    expand=(1.1, 1.3), iter_lim=300)  # iterations, not seconds: deterministic
        _separate(texts, ax)
    return ax


def _separate(texts: list[Any], ax: Axes, pad: float = 1.0) -> None:
    """Move labels that still overlap after adjustText (its iterations are capped) up, one at a time in
    order of height, until none overlaps another: adjustText alone left one pair overlapping on a real chart.
    """
    renderer = ax.figure.canvas.get_renderer()
    placed: list[Any] = []
    inverse = ax.transData.inverted()
    for t in sorted(texts, key=lambda t: t.get_window_extent(renderer).y0):
        box = t.get_window_extent(renderer)
        for _ in range(len(texts) + 1):
            hit = next((b for b in placed if box.overlaps(b)), None)
            if hit is None:
                break
            dy = hit.y1 - box.y0 + pad
            x, y = ax.transData.transform(t.get_position())
            t.set_position(inverse.transform((x, y + dy)))
            box = t.get_window_extent(renderer)
        placed.append(box)


_AVOID_PER_LABEL = 40  # points a label is kept off, nearest first


def _points_near_labels(x: np.ndarray, y: np.ndarray, labelled: np.ndarray) -> np.ndarray:
    """Indices of the labelled points and of the points nearest to each (log scales), for adjustText to keep
    the labels off. adjustText's overlap test grows with the square of the points near a label: with all
    6,000 points of a real pair of outlets it ran for minutes; labels only ever move near their own point.

    >>> x = np.array([1.0, 1.1, 50.0, 1.2, 80.0]); lab = np.array([True, False, False, False, False])
    >>> _points_near_labels(x, x, lab).tolist()
    [0, 1, 3, 2, 4]
    """
    from scipy.spatial import cKDTree

    pts = np.column_stack([np.log10(x), np.log10(y)])
    k = min(len(pts), _AVOID_PER_LABEL + 1)
    _, idx = cKDTree(pts).query(pts[labelled], k=k)
    return np.array(list(dict.fromkeys(np.asarray(idx).reshape(-1).tolist())), dtype=np.int64)


# ---------------------------------------------------------------- naming heatmap
def naming_heatmap_data(naming: pd.DataFrame, concept: str) -> pd.DataFrame:
    """Tidy ``variant, group, share, count`` for one concept, variants used by anyone only.

    >>> nt = pd.DataFrame({"concept": ["c"] * 4, "variant": ["a", "a", "b", "b"], "group": ["X", "Y"] * 2,
    ...                    "count": [2, 0, 0, 0], "share": [1.0, np.nan, 0.0, np.nan]})
    >>> naming_heatmap_data(nt, "c")[["variant", "group", "count"]].values.tolist()
    [['a', 'X', 2], ['a', 'Y', 0]]
    """
    _need(naming, ["concept", "variant", "group", "count", "share"], "plot_naming_heatmap")
    d = naming[naming["concept"] == concept]
    if d.empty:
        raise ValueError(f"concept {concept!r} is not in the naming table; it has {sorted(naming['concept'].unique())}")
    used = d.groupby("variant", sort=False)["count"].sum()
    d = d[d["variant"].isin(used[used > 0].index)]
    return d[["variant", "group", "share", "count"]].reset_index(drop=True)


@literal_text
def plot_naming_heatmap(naming: pd.DataFrame, concept: str, *, ax: Axes | None = None, cmap: str = "Blues") -> Axes:
    """Which name each outlet uses for ``concept``: share of its mentions (colour) and counts (numbers).

    ``naming`` is a :func:`mediakit.naming_table` result. Columns where an outlet never mentions the
    concept are left blank.
    """
    d = naming_heatmap_data(naming, concept)
    variants = list(dict.fromkeys(d["variant"]))
    groups = sorted(d["group"].unique())
    share = d.pivot(index="variant", columns="group", values="share").reindex(index=variants, columns=groups)
    count = d.pivot(index="variant", columns="group", values="count").reindex(index=variants, columns=groups)
    ax = new_axes(ax, figsize=(1.1 * len(groups) + 3, 0.45 * len(variants) + 1.8))
    m = np.ma.masked_invalid(share.to_numpy(float))
    im = ax.imshow(m, cmap=cmap, vmin=0, vmax=1, aspect="auto")
    for i in range(len(variants)):
        for j in range(len(groups)):
            c = count.iat[i, j]
            s = share.iat[i, j]
            if pd.notna(s):
                ax.text(j, i, f"{int(c)}", ha="center", va="center", fontsize=8.5,
                        color="white" if s > 0.6 else "#222222")
    _outlets_on_top(ax, groups)
    ax.set_yticks(range(len(variants)), variants)
    ax.grid(False)
    label = naming.loc[naming["concept"] == concept, "label"].iloc[0] if "label" in naming else concept
    ax.set_title(f"Names for {label}")
    ax.figure.colorbar(im, ax=ax, shrink=0.8, label="share of the outlet's mentions (numbers: counts)")
    return ax


# ---------------------------------------------------------------- terms x outlets heatmap
def term_heatmap_data(data: pd.DataFrame, *, terms: Sequence[str] | None = None, top: int = 5,
                      value: str = "z") -> pd.DataFrame:
    """Tidy ``term, group, value`` for the terms × groups heatmap.

    ``data`` is an each-against-the-rest :func:`mediakit.distinctive_terms` result (all terms, not just
    ``top``; use ``min_docs=1`` so every cell exists). Without ``terms``, each group's ``top`` terms by z.
    """
    _need(data, ["group", "term", value], "plot_term_heatmap")
    if terms is None:
        picked = (data[data["z"] > 0].sort_values(["group", "z"], ascending=[True, False], kind="stable")
                  .groupby("group", sort=True).head(top))
        terms = list(dict.fromkeys(picked["term"]))
    d = data[data["term"].isin(list(terms))][["term", "group", value]].rename(columns={value: "value"})
    order = {t: i for i, t in enumerate(terms)}
    return d.sort_values(["term", "group"], key=lambda s: s.map(order) if s.name == "term" else s).reset_index(drop=True)


@literal_text
def plot_term_heatmap(data: pd.DataFrame, *, ax: Axes | None = None, terms: Sequence[str] | None = None,
                      top: int = 5, value: str = "z") -> Axes:
    """Terms (rows) × outlets (columns) coloured by z: red = used more than the rest, blue = less."""
    d = term_heatmap_data(data, terms=terms, top=top, value=value)
    terms_ = list(dict.fromkeys(d["term"]))
    groups = sorted(data["group"].unique())
    wide = d.pivot(index="term", columns="group", values="value").reindex(index=terms_, columns=groups)
    ax = new_axes(ax, figsize=(1.0 * len(groups) + 3, 0.3 * len(terms_) + 1.8))
    vals = wide.to_numpy(float)
    lim = float(np.nanmax(np.abs(vals))) if np.isfinite(vals).any() else 1.0
    im = ax.imshow(np.ma.masked_invalid(vals), cmap=_DIVERGING, vmin=-lim, vmax=lim, aspect="auto")
    _outlets_on_top(ax, groups)
    ax.set_yticks(range(len(terms_)), terms_)
    ax.grid(False)
    ax.set_title("Terms by outlet")
    ax.figure.colorbar(im, ax=ax, shrink=0.8, label=f"{value} (each outlet against the rest)")
    return ax
