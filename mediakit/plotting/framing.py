"""Charts of framing: outlet frame profiles with CIs, frames over time, headline vs body, tone, topics.

Each function takes the table a :mod:`mediakit.framing` function returns (so the exported CSV beside a
chart is exactly that table) and returns the Axes.

>>> import mediakit as mk
>>> scores = mk.score_frames(mk.load_corpus("data/s400"), "s400")           # doctest: +SKIP
>>> ax = plot_frame_profile(mk.frame_profile(scores))                       # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ._base import PALETTE, new_axes, outlet_colors
from ._literal import literal_text

__all__ = ["plot_frame_profile", "plot_frames_over_time", "plot_headline_vs_body", "plot_tone",
           "plot_topic_shares", "frame_colors"]


def frame_colors(frames: Sequence[str]) -> dict[str, str]:
    """One fixed colour per frame, in the order given (codebook order keeps colours stable across charts).

    >>> frame_colors(["a", "b"])
    {'a': '#0072B2', 'b': '#E69F00'}
    """
    names = list(dict.fromkeys(str(f) for f in frames))
    return {f: PALETTE[i % len(PALETTE)] for i, f in enumerate(names)}


def _dot_rows(ax: Axes, table: pd.DataFrame, row: str, group: str, value: str, rows: list[str],
              groups: list[str], colors: dict[str, str]) -> None:
    """Rows of points with horizontal CI bars, one point per group, slightly offset within a row."""
    n = len(groups)
    step = 0.7 / max(n, 1)
    for gi, g in enumerate(groups):
        sub = table[table[group] == g].set_index(row).reindex(rows)
        y = np.arange(len(rows)) + (gi - (n - 1) / 2) * step
        x = sub[value].to_numpy(dtype=float)
        lo = sub["ci_low"].to_numpy(dtype=float) if "ci_low" in sub else np.full(len(rows), np.nan)
        hi = sub["ci_high"].to_numpy(dtype=float) if "ci_high" in sub else np.full(len(rows), np.nan)
        err = np.vstack([np.where(np.isnan(lo), 0, x - lo), np.where(np.isnan(hi), 0, hi - x)])
        ax.errorbar(x, y, xerr=err, fmt="o", ms=4.5, lw=1.2, capsize=0, color=colors[str(g)], label=str(g))
    ax.set_yticks(np.arange(len(rows)), rows)
    ax.invert_yaxis()
    for k in range(1, len(rows)):
        ax.axhline(k - 0.5, color="#dddddd", lw=0.6, zorder=0)
    ax.grid(axis="y", visible=False)


@literal_text
def plot_frame_profile(profile: pd.DataFrame, *, ax: Axes | None = None, by: str | None = None,
                       frames: Sequence[str] | None = None, title: str | None = None) -> Axes:
    """Each outlet's share of each frame with its bootstrap CI (the output of ``frame_profile``).

    One row per frame, one coloured point per outlet; a bar is the CI over articles. The title names the
    test of outlet differences when ``profile.attrs["test"]`` is present.
    """
    by = by or profile.attrs.get("by") or profile.columns[0]
    rows = list(frames) if frames is not None else list(dict.fromkeys(profile["frame"]))
    groups = sorted(profile[by].astype(str).unique())
    ax = new_axes(ax, figsize=(8, 0.55 * len(rows) * max(1, len(groups) / 4) + 1.5))
    _dot_rows(ax, profile.assign(**{by: profile[by].astype(str)}), "frame", by, "share", rows, groups,
              outlet_colors(groups))
    ax.set_xlabel("share of framed sentences (dominant frame), 95% CI over articles")
    ax.set_xlim(left=0)
    test = profile.attrs.get("test")
    if title is None:
        title = "Frame profile per " + by
        if isinstance(test, pd.DataFrame) and len(test):
            t = test.iloc[0]
            title += f"\nchi2={t['chi2']:.0f}, permutation p={t['p_perm']:.3g}, Cramér's V={t['cramers_v']:.2f}"
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8, frameon=True)
    return ax


@literal_text
def plot_frames_over_time(over_time: pd.DataFrame, *, ax: Axes | None = None, frames: Sequence[str] | None = None,
                          min_n: int = 1) -> Axes:
    """Frame shares per period (the output of ``frames_over_time`` without ``by``), one line per frame.

    Periods with fewer than ``min_n`` framed sentences are left out (their shares are too noisy).
    """
    d = over_time.copy()
    totals = d.groupby("period")["n"].transform("sum")
    d = d[totals >= min_n]
    table = d.pivot_table(index="period", columns="frame", values="share", fill_value=0).sort_index()
    cols = [f for f in (frames or table.columns) if f in table.columns]
    colors = frame_colors(frames or table.columns)
    ax = new_axes(ax, figsize=(9, 4.5))
    x = pd.to_datetime(table.index)  # real dates: quarters without coverage keep their place on the axis
    for f in cols:
        ax.plot(x, table[f].to_numpy(), marker="o", ms=3.5, lw=1.5, label=f, color=colors[f])
    ax.tick_params(axis="x", rotation=45)
    ax.set_ylabel("share of framed sentences")
    ax.set_ylim(bottom=0)
    ax.set_title("Frames over time")
    ax.legend(ncols=2, fontsize=8, loc="upper left")
    return ax


@literal_text
def plot_headline_vs_body(table: pd.DataFrame, *, ax: Axes | None = None, frames: Sequence[str] | None = None) -> Axes:
    """Frame shares in headlines, leads and bodies (the output of ``headline_vs_body`` without ``by``)."""
    parts = [p for p in ("headline", "lead", "body") if p in set(table["part"])]
    rows = list(frames) if frames is not None else sorted(table["frame"].unique())
    wide = table.pivot_table(index="frame", columns="part", values="share", fill_value=0).reindex(rows).fillna(0)
    ax = new_axes(ax, figsize=(8, 0.5 * len(rows) + 1.5))
    h = 0.8 / max(len(parts), 1)
    greys = {"headline": "#D55E00", "lead": "#E69F00", "body": "#56B4E9"}
    y = np.arange(len(rows))
    for i, p in enumerate(parts):
        ax.barh(y + (i - (len(parts) - 1) / 2) * h, wide[p].to_numpy(), height=h, label=p, color=greys[p])
    ax.set_yticks(y, rows)
    ax.invert_yaxis()
    ax.set_xlabel("share of the part's framed sentences")
    ax.set_title("Frames in headlines, leads and bodies")
    ax.legend(fontsize=8, loc="lower right")
    ax.grid(axis="y", visible=False)
    return ax


@literal_text
def plot_tone(tone: pd.DataFrame, *, ax: Axes | None = None, by: str = "outlet", actors: Sequence[str] | None = None) -> Axes:
    """Mean tone (VADER compound) of sentences naming each actor, per outlet, with CIs (``tone_toward``)."""
    rows = list(actors) if actors is not None else sorted(tone["actor"].unique())
    groups = sorted(tone[by].astype(str).unique())
    ax = new_axes(ax, figsize=(8, 0.9 * len(rows) + 1.5))
    _dot_rows(ax, tone.assign(**{by: tone[by].astype(str)}), "actor", by, "tone", rows, groups, outlet_colors(groups))
    ax.axvline(0, color="#555555", lw=0.8)
    ax.set_xlabel("mean tone of sentences naming the actor (VADER compound, -1..1), 95% CI over articles")
    ax.set_title("Tone toward actors")
    ax.legend(fontsize=8, loc="lower right", frameon=True)
    return ax


@literal_text
def plot_topic_shares(shares: pd.DataFrame, *, ax: Axes | None = None, by: str | None = None) -> Axes:
    """Heat map of each group's mean topic share (``topic_model(...).shares``), labelled by top terms.

    ``by`` names the group column (default: ``shares.attrs["by"]``, else ``outlet``).
    With the embedding method the shares carry a label per language (``label_en``, ``label_ru``, ...):
    each topic's tick shows them one per line, so the same topic reads in every language.

    >>> shares = pd.DataFrame({"outlet": ["X", "X", "Y", "Y"], "topic": [0, 1, 0, 1],
    ...     "label": ["sanctions / banks", "football / team"] * 2,
    ...     "label_en": ["sanctions / banks", "football / team"] * 2,
    ...     "label_ru": ["санкции / банки", "футбол / команда"] * 2, "share": [0.7, 0.3, 0.4, 0.6]})
    >>> ax = plot_topic_shares(shares)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['0 en: sanctions / banks\\nru: санкции / банки', '1 en: football / team\\nru: футбол / команда']
    """
    by = by or shares.attrs.get("by") or ("outlet" if "outlet" in shares.columns else "group")
    wide = shares.pivot_table(index=by, columns="topic", values="share")
    per_language = [c for c in shares.columns if isinstance(c, str) and c.startswith("label_")]
    first = shares.drop_duplicates("topic").set_index("topic").reindex(wide.columns)
    if per_language:
        ticks = [f"{t} " + "\n".join(f"{c[6:]}: {row[c]}" for c in per_language if row[c])
                 for t, row in first.iterrows()]
    else:
        ticks = [f"{t}: {lab}" for t, lab in first["label"].items()]
    lines = max(1, len(per_language))
    ax = new_axes(ax, figsize=(1.3 * wide.shape[1] + 3, 0.5 * wide.shape[0] + 2 + 0.3 * lines))
    im = ax.imshow(wide.to_numpy(), cmap="Blues", vmin=0, vmax=max(0.01, float(np.nanmax(wide.to_numpy()))),
                   aspect="auto")
    ax.set_xticks(np.arange(wide.shape[1]), ticks, rotation=35, ha="right", fontsize=8 if lines == 1 else 7)
    ax.set_yticks(np.arange(wide.shape[0]), wide.index.astype(str))
    for i in range(wide.shape[0]):
        for j in range(wide.shape[1]):
            v = wide.iat[i, j]
            if not np.isnan(v):
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=7, color="white" if v > 0.4 else "black")
    ax.grid(False)
    method = shares.attrs.get("method", "embedding" if per_language else "nmf")
    how = "sentence-embedding clusters, all languages" if method == "embedding" else "NMF"
    ax.set_title(f"Topic shares per {shares.attrs.get('by', 'outlet')} ({how})")
    ax.figure.colorbar(im, ax=ax, fraction=0.03, pad=0.02, label="mean share")
    return ax
