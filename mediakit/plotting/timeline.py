"""Chart of coverage over time with the story's events marked."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from ._base import new_axes, outlet_colors
from ._literal import literal_text

__all__ = ["plot_coverage_timeline"]

_BAR_DAYS = {"D": 0.8, "W": 5.5, "M": 26.0, "Q": 80.0, "Y": 330.0}


@literal_text
def plot_coverage_timeline(timeline: pd.DataFrame, events: pd.DataFrame | None = None, *, ax: Axes | None = None,
                           by: str | None = None, merge_days: float | None = None, title: str | None = None) -> Axes:
    """Stacked bars of items per period (from :func:`mediakit.timeline.coverage_timeline`), events marked.

    ``events`` (from :func:`mediakit.timeline.load_events`) become dotted vertical lines labelled at the
    top; events closer together than ``merge_days`` (default: 3% of the time span) share one label,
    one line per event.

    >>> tl = pd.DataFrame({"period": pd.to_datetime(["2020-01-01", "2020-02-01"]), "articles": [3, 1]})
    >>> ev = pd.DataFrame({"date": pd.to_datetime(["2020-01-15"]), "label": ["Event"]})
    >>> ax = plot_coverage_timeline(tl, ev)
    >>> [t.get_text() for t in ax.texts]
    ['Event']

    ``by`` names the column holding the groups (default: ``group`` when the table has it). Only events
    within the timeline's periods are drawn, so that events outside the corpus dates do not stretch the
    axis. A table with no rows (an undated corpus) draws no axes: its ``attrs["note"]`` is shown as text.

    >>> empty = pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"), "articles": pd.Series(dtype="int64")})
    >>> empty.attrs["note"] = "No article has a date, so there is no timeline."
    >>> ax = plot_coverage_timeline(empty)
    >>> [t.get_text() for t in ax.texts], ax.axison
    (['No article has a date, so there is no timeline.'], False)
    """
    import matplotlib.dates as mdates

    ax = new_axes(ax, figsize=(11, 4.8))
    if not len(timeline):
        return _no_timeline(ax, timeline, title)
    by = by if by is not None else ("group" if "group" in timeline else None)
    if by is not None and by not in timeline:
        by = None
    freq = timeline.attrs.get("freq") or "M"
    width = _BAR_DAYS.get(freq, 26.0)
    if by is None:
        totals = timeline.groupby("period")["articles"].sum().sort_index()
        ax.bar(totals.index, totals.values, width=width, align="edge", color="#0072B2", label="items")
        peak = totals.max() if len(totals) else 0
    else:
        table = timeline.pivot_table(index="period", columns=by, values="articles", aggfunc="sum",
                                     fill_value=0).sort_index()
        colors = outlet_colors(table.columns)
        bottom = None
        for group in table.columns:
            vals = table[group].values
            ax.bar(table.index, vals, width=width, align="edge", bottom=bottom, color=colors[str(group)],
                   label=str(group))
            bottom = vals if bottom is None else bottom + vals
        peak = bottom.max() if bottom is not None and len(bottom) else 0
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
                  title=timeline.attrs.get("by") if by == "group" else None, title_fontsize=8)
    events = _within(events, timeline, freq)
    if events is not None and len(events):
        _mark_events(ax, timeline, events, peak, merge_days)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator())
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_ylabel("articles" if by is not None else "items")
    ax.grid(axis="x", visible=False)
    ax.set_title(title or f"Coverage over time ({ {'D': 'daily', 'W': 'weekly', 'M': 'monthly', 'Q': 'quarterly', 'Y': 'yearly'}.get(freq, freq)} counts) and events")
    return ax


def _no_timeline(ax: Axes, timeline: pd.DataFrame, title: str | None) -> Axes:
    """An empty timeline: its note as text, no date axis (an empty one would start in 1970)."""
    note = timeline.attrs.get("note") or "No article could be placed in time, so there is no timeline."
    ax.set_axis_off()
    ax.text(0.5, 0.5, note, ha="center", va="center", wrap=True, fontsize=10, color="#333333",
            transform=ax.transAxes)
    if title:
        ax.set_title(title)
    return ax


def _within(events: pd.DataFrame | None, timeline: pd.DataFrame, freq: str) -> pd.DataFrame | None:
    """The events that fall within the timeline's periods (from the first one's start to the last one's end)."""
    if events is None or not len(events) or not len(timeline):
        return events
    lo = pd.Timestamp(timeline["period"].min())
    code = {"W": "W-SUN", "Y": "Y"}.get(freq, freq)
    try:
        hi = pd.Timestamp(timeline["period"].max()).to_period(code).end_time
    except ValueError:
        hi = pd.Timestamp(timeline["period"].max())
    dates = pd.to_datetime(events["date"])
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)
    return events[((dates >= lo) & (dates <= hi)).to_numpy()]


def _mark_events(ax: Axes, timeline: pd.DataFrame, events: pd.DataFrame, peak: float, merge_days: float | None) -> None:
    dates = pd.to_datetime(events["date"])
    labels = events["label"].astype(str) if "label" in events else events["event_id"].astype(str)
    pairs = sorted(zip(dates, labels))
    if len(timeline):
        lo = min(pd.Timestamp(timeline["period"].min()), pairs[0][0])
        hi = max(pd.Timestamp(timeline["period"].max()), pairs[-1][0])
    else:
        lo, hi = pairs[0][0], pairs[-1][0]
    span_days = max((hi - lo).days, 1)
    # Labels are rotated columns of 7-point lines: keep the next label clear of the previous group's lines.
    width_pt = ax.get_position().width * ax.figure.get_figwidth() * 72
    days_per_line = span_days / max(width_pt, 1.0) * 9.0
    groups: list[list[tuple[pd.Timestamp, str]]] = []
    for d, lab in pairs:
        need = merge_days if merge_days is not None else days_per_line * (len(groups[-1]) if groups else 0)
        if groups and (d - groups[-1][0][0]).days <= need:
            groups[-1].append((d, lab))
        else:
            groups.append([(d, lab)])
    trans = ax.get_xaxis_transform()  # x in data, y as a fraction of the axes height
    for g in groups:
        for d, _ in g:
            ax.axvline(d, color="#888888", linestyle=":", linewidth=0.9, zorder=0)
        text = "\n".join(dict.fromkeys(lab for _, lab in g))
        ax.text(g[0][0], 0.985, text, rotation=90, fontsize=7, va="top", ha="left", color="#333333",
                transform=trans, linespacing=1.1)
    ax.set_ylim(0, peak * 1.8 if peak else 2.0)
