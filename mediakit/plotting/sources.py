"""Charts of sources: who gets quoted per outlet (by speaker type and by country), speakers x outlets, the
stance of attribution verbs, and one profile share with its bootstrap confidence interval.

Every function takes the quote table of :func:`mediakit.extract_quotes` (or the tables derived from it)
and returns the Axes; :func:`shares` gives the exact numbers a stacked-bar chart draws, for export.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ..sources import countable_quotes
from ._base import PALETTE, new_axes, outlet_colors
from ._literal import literal_text

__all__ = [
    "shares", "speaker_matrix", "plot_speaker_types", "plot_speaker_countries", "plot_speaker_heatmap",
    "plot_verb_stance",
    "plot_profile_share",
]

TYPE_ORDER = ["official", "military", "expert", "industry", "media", "anonymous", "citizen", "unknown"]
STANCE_ORDER = ["neutral", "emphatic", "explanatory", "concessive", "tentative", "distancing", "critical",
                "cognitive", "evidential", "none"]


def _countable(quotes: pd.DataFrame) -> pd.DataFrame:
    return countable_quotes(quotes)  # fragments of mixed quotes are not counted (mediakit.sources)


def shares(quotes: pd.DataFrame, column: str, *, by: str = "outlet", order: list[str] | None = None,
           top: int | None = None) -> pd.DataFrame:
    """Share of each value of ``column`` among each outlet's quotes (rows: outlets; columns: values,
    in ``order`` or by overall frequency; with ``top``, the rest is summed as "other").

    >>> q = pd.DataFrame({"outlet": ["A", "A", "B"], "speaker_type": ["official", "expert", "official"]})
    >>> shares(q, "speaker_type").round(2).values.tolist()
    [[0.5, 0.5], [1.0, 0.0]]
    """
    q = _countable(quotes)
    values = q[column].fillna("").astype(str).replace("", "unknown")
    table = pd.crosstab(q[by], values)
    if order is not None:
        cols = [c for c in order if c in table.columns] + [c for c in table.columns if c not in order]
    else:
        cols = table.sum().sort_values(ascending=False).index.tolist()
    table = table[cols]
    if top is not None and table.shape[1] > top:
        keep = cols[:top]
        other = table.drop(columns=keep).sum(axis=1)
        table = table[keep].assign(other=other)
    totals = table.sum(axis=1).replace(0, np.nan)
    return table.div(totals, axis=0).fillna(0.0)


def _color_map(categories: list[str]) -> dict[str, str]:
    fixed = {t: PALETTE[i] for i, t in enumerate(TYPE_ORDER)}
    fixed.update({"other": "#BBBBBB", "unknown": "#999999", "none": "#BBBBBB"})
    extra = [c for c in PALETTE if c not in fixed.values()] + PALETTE
    out, k = {}, 0
    for c in categories:
        if c in fixed:
            out[c] = fixed[c]
        else:
            out[c] = extra[k % len(extra)]
            k += 1
    return out


def _stacked(table: pd.DataFrame, ax: Axes, title: str, xlabel: str = "share of quotes") -> Axes:
    colors = _color_map([str(c) for c in table.columns])
    left = np.zeros(len(table))
    labels = [str(i) for i in table.index]
    for col in table.columns:
        vals = table[col].to_numpy()
        ax.barh(labels, vals, left=left, color=colors[str(col)], label=str(col), edgecolor="white", linewidth=0.5)
        for y, (v, x0) in enumerate(zip(vals, left)):
            if v >= 0.08:
                ax.text(x0 + v / 2, y, f"{v:.0%}", ha="center", va="center", fontsize=8, color="white")
        left = left + vals
    ax.set_xlim(0, 1)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.invert_yaxis()
    ax.legend(ncols=min(4, len(table.columns)), loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False,
              fontsize=8)
    ax.grid(axis="y", visible=False)
    return ax


@literal_text
def plot_speaker_types(quotes: pd.DataFrame, *, by: str = "outlet", ax: Axes | None = None) -> Axes:
    """Who gets quoted: each outlet's quotes split by speaker type (official, expert, anonymous, ...).

    >>> q = pd.DataFrame({"outlet": ["A", "B"], "speaker_type": ["official", "expert"]})
    >>> len(plot_speaker_types(q).patches)
    4
    """
    table = shares(quotes, "speaker_type", by=by, order=TYPE_ORDER)
    ax = new_axes(ax, figsize=(8, 0.5 * len(table) + 1.8))
    return _stacked(table, ax, "Who gets quoted: speaker types per outlet")


@literal_text
def plot_speaker_countries(quotes: pd.DataFrame, *, by: str = "outlet", top: int = 6, ax: Axes | None = None,
                           types: list[str] | None = None) -> Axes:
    """Each outlet's quotes split by the speaker's country (the ``top`` countries, the rest as "other";
    speakers of no known country as "unknown"). ``types`` restricts to speaker types, e.g. ["official"]."""
    q = quotes if types is None else quotes[quotes["speaker_type"].isin(types)]
    table = shares(q, "speaker_country", by=by, top=top)
    ax = new_axes(ax, figsize=(8, 0.5 * len(table) + 1.8))
    what = "" if types is None else " (" + ", ".join(types) + ")"
    return _stacked(table, ax, f"Whose voices: speaker countries per outlet{what}")


@literal_text
def plot_verb_stance(quotes: pd.DataFrame, *, by: str = "outlet", ax: Axes | None = None) -> Axes:
    """How quotes are introduced: the stance of the attribution verbs (neutral "said", emphatic "stressed",
    distancing "claimed", critical "warned", ...) per outlet."""
    q = quotes.assign(stance=quotes["stance"].fillna("none")) if "stance" in quotes else quotes.assign(stance="none")
    table = shares(q, "stance", by=by, order=STANCE_ORDER)
    ax = new_axes(ax, figsize=(8, 0.5 * len(table) + 1.8))
    return _stacked(table, ax, "Attribution verbs: stance per outlet")


@literal_text
def plot_speaker_heatmap(table: pd.DataFrame, *, top: int = 15, normalize: bool = False,
                         ax: Axes | None = None) -> Axes:
    """Speakers x outlets: how often each of the ``top`` most quoted speakers is quoted by each outlet
    (``table`` from :func:`mediakit.speaker_table`, tidy, pivoted here; ``normalize`` divides by each
    outlet's quotes)."""
    wide = speaker_matrix(table)
    meta = {"speaker", "speaker_type", "speaker_country", "total"}
    outlets = [c for c in wide.columns if c not in meta]
    t = wide.head(top)
    mat = t[outlets].to_numpy(dtype=float)
    if normalize:
        col_tot = wide[outlets].sum().to_numpy(dtype=float)
        mat = mat / np.where(col_tot == 0, 1, col_tot)
    ax = new_axes(ax, figsize=(1.1 * len(outlets) + 4, 0.4 * len(t) + 2))
    im = ax.imshow(mat, aspect="auto", cmap="Blues")
    ax.set_xticks(range(len(outlets)), outlets, rotation=35, ha="right")
    ax.set_yticks(range(len(t)), [f"{s} ({ty})" for s, ty in zip(t["speaker"], t["speaker_type"])])
    hi = mat.max() if mat.size else 0
    for i in range(mat.shape[0]):
        for j in range(mat.shape[1]):
            v = mat[i, j]
            if v:
                ax.text(j, i, f"{v:.0%}" if normalize else f"{int(v)}", ha="center", va="center", fontsize=8,
                        color="white" if v > hi / 2 else "black")
    ax.set_title("Who is quoted by whom" + (" (share of each outlet's quotes)" if normalize else " (quotes)"))
    ax.grid(False)
    ax.figure.colorbar(im, ax=ax, fraction=0.03, pad=0.02)
    return ax


def speaker_matrix(table: pd.DataFrame) -> pd.DataFrame:
    """The tidy :func:`mediakit.speaker_table` as speakers x groups: ``speaker, speaker_type,
    speaker_country``, one column per group, ``total``; most quoted first.

    >>> t = pd.DataFrame({"speaker": ["X", "X", "Y"], "speaker_type": ["expert"] * 3, "speaker_country": "",
    ...                   "group": ["A", "B", "A"], "count": [2, 1, 1]})
    >>> speaker_matrix(t)[["speaker", "A", "B", "total"]].values.tolist()
    [['X', 2, 1, 3], ['Y', 1, 0, 1]]
    """
    meta = ["speaker", "speaker_type", "speaker_country"]
    if not len(table):
        return pd.DataFrame(columns=meta + ["total"])
    wide = table.pivot_table(index=meta, columns="group", values="count", aggfunc="sum", fill_value=0)
    wide.columns = [str(c) for c in wide.columns]
    wide["total"] = wide.sum(axis=1)
    wide = wide.reset_index()
    return wide.sort_values(["total", "speaker"], ascending=[False, True], kind="stable").reset_index(drop=True)


@literal_text
def plot_profile_share(profile: pd.DataFrame, measure: str = "anonymous", category: str = "anonymous", *,
                       ax: Axes | None = None) -> Axes:
    """One share of :func:`mediakit.source_profile` per outlet with its bootstrap confidence interval
    (default: the share of quotes from anonymous sources)."""
    p = profile[(profile["measure"] == measure) & (profile["category"] == category)]
    groups = sorted(profile["group"].unique())
    p = p.set_index("group").reindex(groups)
    vals = p["share"].fillna(0).to_numpy()
    lo = p["ci_low"].fillna(0).to_numpy()
    hi = p["ci_high"].fillna(0).to_numpy()
    ax = new_axes(ax, figsize=(7, 0.45 * len(groups) + 1.4))
    colors = outlet_colors(groups)
    y = np.arange(len(groups))
    ax.barh(y, vals, color=[colors[g] for g in groups], alpha=0.85)
    ax.errorbar(vals, y, xerr=[np.clip(vals - lo, 0, None), np.clip(hi - vals, 0, None)], fmt="none",
                ecolor="black", capsize=3, linewidth=1)
    ax.set_yticks(y, groups)
    ax.invert_yaxis()
    ax.set_xlabel(f"share of quotes ({category}); bars: {int(100 * profile.attrs.get('ci', 0.95))}% bootstrap CI")
    ax.set_title(f"{measure.replace('_', ' ').capitalize()}: {category}")
    ax.set_xlim(0, max(1e-9, float(np.nanmax(hi)) if len(hi) else 1) * 1.1)
    ax.grid(axis="y", visible=False)
    return ax
