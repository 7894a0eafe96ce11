"""Coverage over time against the story's events: counts per outlet, who reported first, each outlet's lag.

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")
>>> events = mk.load_events("s400")
>>> mk.coverage_timeline(corpus, freq="Y", by=None)["articles"].tolist()      # 2017 to 2021
[1, 2, 18, 19, 17]
>>> first = mk.first_reports(corpus, events).query("first")
>>> len(first), first.event_id.nunique(), int((first.lag_days == 0).sum())   # first reports, events, same day
(44, 21, 39)
>>> real = mk.load_manifest("data/s400/coverage_manifest.csv")
>>> yearly = mk.coverage_timeline(real, freq="Y", by=None)
>>> yearly["articles"].tolist(), yearly.attrs["undated"]
([4, 5, 47, 62, 27, 5, 0, 0, 2], 1)

Everything works on a corpus table or on a manifest of URLs (``load_manifest``): only ``date``,
``date_precision`` and the grouping column are needed. Dates known less precisely than the period asked
for (a "2017" item in a monthly count) cannot be placed; they are left out and counted in
``attrs["imprecise"]``, undated ones in ``attrs["undated"]``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from .analysis import Analysis, register, run_local
from .dates import parse_date
from .packs import pack_file, story_names

__all__ = ["load_events", "coverage_timeline", "first_reports", "outlet_lag", "FREQS"]

# period codes accepted by coverage_timeline, finest first, with the precision they need
FREQS = {"D": "day", "W": "day", "M": "month", "Q": "month", "Y": "year"}
_ALIASES = {"MS": "M", "ME": "M", "QS": "Q", "QE": "Q", "YS": "Y", "YE": "Y", "A": "Y", "AS": "Y", "W-SUN": "W"}
_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}
NO_EVENTS_NOTE = ("No events were given: a story pack's events.yaml (events='<pack>') would add who reported "
                  "each event first and each outlet's lag.")


def load_events(name: str | Path) -> pd.DataFrame:
    """Events of a story: a story pack's ``events.yaml`` (a pack name or folder), or a YAML file of that form.

    Returns ``event_id, date, end, date_precision, label, description`` sorted by date: ``date`` is the
    first day of the event, ``end`` its last day (the end of the month or year for coarse dates, or the
    file's ``end``).

    >>> ev = load_events("s400")                       # the demo story pack's events
    >>> len(ev), ev["date_precision"].value_counts().to_dict()
    (21, {'day': 18, 'month': 2, 'year': 1})
    """
    packed = pack_file(name, "events")
    path = Path(name)
    if packed is not None:
        raw = packed.read_text(encoding="utf-8")
        where = str(packed)
    elif path.suffix.lower() in (".yaml", ".yml") or len(path.parts) > 1:
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such events file; check the path")
        raw = path.read_text(encoding="utf-8")
        where = str(path)
    else:
        raise ValueError(f"no story pack with events named {name!r}; use one of {story_names()}, a story "
                         "pack folder or a path to an events YAML file")
    doc = yaml.safe_load(raw) or {}
    items = doc.get("events") if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise ValueError(f"{where}: expected a list under 'events:'; see mediakit/stories/s400/events.yaml")
    rows = []
    for i, ev in enumerate(items, 1):
        if not isinstance(ev, dict) or "date" not in ev:
            raise ValueError(f"{where}: event {i} has no 'date'; give date: YYYY-MM-DD, YYYY-MM or YYYY")
        start, parsed_prec = parse_date(str(ev["date"]))
        if pd.isna(start):
            raise ValueError(f"{where}: event {i} date {ev['date']!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
        prec = str(ev.get("precision") or parsed_prec)
        if prec not in ("day", "month", "year"):
            raise ValueError(f"{where}: event {i} precision {prec!r}; use day, month or year")
        end = _period_end(start, prec)
        if ev.get("end"):
            end_start, end_prec = parse_date(str(ev["end"]))
            if pd.isna(end_start):
                raise ValueError(f"{where}: event {i} end {ev['end']!r} is not a date")
            end = _period_end(end_start, end_prec)
        rows.append({"event_id": str(ev.get("id") or f"event-{i}"), "date": start.normalize(), "end": end,
                     "date_precision": prec, "label": str(ev.get("label") or ev.get("id") or f"event {i}"),
                     "description": str(ev.get("description") or "").strip()})
    out = pd.DataFrame(rows, columns=["event_id", "date", "end", "date_precision", "label", "description"])
    out = out.sort_values(["date", "end"], kind="stable").reset_index(drop=True)
    out.attrs["name"] = doc.get("name", str(name)) if isinstance(doc, dict) else str(name)
    return out


def coverage_timeline(articles: pd.DataFrame, freq: str = "M", *, by: str | None = "outlet",
                      fill: bool = True) -> pd.DataFrame:
    """Number of items per period (and per ``by`` group): the attention curve of a story.

    Parameters
    ----------
    articles : a corpus or a manifest (``date``; ``date_precision`` when known; the ``by`` column).
    freq : ``"D"``, ``"W"``, ``"M"`` (default), ``"Q"`` or ``"Y"`` (pandas' ``MS``/``QS``/... also accepted).
    by : column to split counts by, or None for one total per period.
    fill : include periods (and groups) with no items as zeros, from the first to the last period.

    Returns
    -------
    ``period`` (first day of the period), the ``by`` column when given, ``articles``.
    ``attrs["imprecise"]`` counts items dated too coarsely for ``freq``, ``attrs["undated"]`` undated ones.
    A Dask DataFrame goes to ``mk.coverage_timeline`` (the same counts, summed over partitions).

    >>> df = pd.DataFrame({"outlet": ["A", "A", "B"], "date": pd.to_datetime(["2020-01-05", "2020-03-01", "2020-01-20"]),
    ...                    "date_precision": ["day", "month", "day"]})
    >>> coverage_timeline(df, "M", by=None)["articles"].tolist()
    [2, 0, 1]
    """
    return run_local(COVERAGE_TIMELINE, articles, freq=freq, by=by, fill=fill)


# The analysis as partition work -> counts that add up -> the table (mediakit.analysis; mediakit.scale
# runs the same hooks on Dask partitions).
def _validate(columns: list[str], *, engine: str, freq: str, by: str | None, fill: bool) -> dict:
    code = _freq(freq)
    if "date" not in columns:
        raise ValueError("articles have no 'date' column; load them with load_corpus() or load_manifest()")
    if by is not None and by not in columns:
        raise ValueError(f"articles have no {by!r} column; pass by=None for totals or another column")
    return {"freq": code, "by": by, "fill": bool(fill)}


def _columns(*, by: str | None, **_: object) -> list[str]:
    return ["date", "date_precision"] + ([by] if by is not None else [])


def _partition(articles: pd.DataFrame, *, freq: str, by: str | None, **_: object) -> tuple[pd.Series, int, int]:
    """Counts per (period, group) of one partition, and its imprecise and undated item counts."""
    dates = pd.to_datetime(articles["date"], errors="coerce")
    prec = (articles["date_precision"].fillna("unknown").astype(str) if "date_precision" in articles
            else pd.Series("day", index=articles.index))
    prec = prec.where(dates.notna(), "unknown")
    precise = prec.map(lambda p: _RANK.get(p, 3)) <= _RANK[FREQS[freq]]
    undated = int(dates.isna().sum())
    imprecise = int((~precise & dates.notna()).sum())
    keep = precise & dates.notna()
    periods = dates[keep].dt.to_period(freq).dt.start_time
    frame = pd.DataFrame({"period": periods})
    keys = ["period"]
    if by is not None:
        frame[by] = articles.loc[keep, by].astype(str).values
        keys.append(by)
    return frame.groupby(keys).size().rename("articles"), imprecise, undated


def _merge(items: list[tuple[pd.Series, int, int]]) -> tuple[pd.Series, int, int]:
    series = [s for s, _, _ in items if len(s)]
    if series:
        names = series[0].index.names
        counts = pd.concat(series).groupby(level=list(range(len(names)))).sum().astype("int64")
        counts.index.names = names
    else:
        counts = items[0][0] if items else pd.Series(dtype="int64")
    return counts, sum(i for _, i, _ in items), sum(u for _, _, u in items)


def _finalize(partial: tuple[pd.Series, int, int], *, freq: str, by: str | None, fill: bool,
              **_: object) -> pd.DataFrame:
    counts, imprecise, undated = partial
    out = timeline_table(counts, freq, by=by, fill=fill)
    out.attrs.update({"freq": freq, "by": by, "imprecise": int(imprecise), "undated": int(undated)})
    return out


COVERAGE_TIMELINE = register(Analysis("coverage_timeline", partition=_partition, merge=_merge,
                                      finalize=_finalize, validate=_validate, columns=_columns,
                                      public=coverage_timeline))


def timeline_table(counts: pd.Series, code: str, *, by: str | None, fill: bool) -> pd.DataFrame:
    """Counts per ``period`` (and ``by`` group), a Series indexed like that, -> the coverage_timeline table.

    The last step of :func:`coverage_timeline` (its finalize). ``code`` is a pandas period code
    (``_freq(freq)``).

    >>> counts = pd.Series([2, 1], index=pd.Index(pd.to_datetime(["2020-01-01", "2020-03-01"]), name="period"))
    >>> timeline_table(counts, "M", by=None, fill=True)["articles"].tolist()
    [2, 0, 1]
    """
    keys = ["period"] + ([by] if by is not None else [])
    counts = counts.rename("articles")
    if fill and len(counts):
        periods = counts.index.get_level_values("period")
        span = pd.period_range(periods.min(), periods.max(), freq=code).start_time
        if by is None:
            counts = counts.reindex(span, fill_value=0)
            counts.index.name = "period"
        else:
            groups = sorted(counts.index.get_level_values(by).unique())
            full = pd.MultiIndex.from_product([span, groups], names=keys)
            counts = counts.reindex(full, fill_value=0)
    out = counts.reset_index()
    if not len(out):
        out = pd.DataFrame({k: pd.Series(dtype="datetime64[ns]" if k == "period" else "object") for k in keys}
                           | {"articles": pd.Series(dtype="int64")})
    out["articles"] = out["articles"].astype("int64")
    return out


def first_reports(articles: pd.DataFrame, events: pd.DataFrame | str | None = None, *, by: str = "outlet",
                  window_days: int = 7) -> pd.DataFrame:
    """Each group's first item on or after each event (within ``window_days`` of its end), with the lag.

    Items are matched to events by date alone: an item counts for every event whose span, extended by
    ``window_days``, contains its date. Only items dated to the day are used.

    Returns
    -------
    One row per event and group that covered it: ``event_id, label, event_date, event_precision,``
    the ``by`` column, ``article_id`` (or ``url``/``title`` for a manifest), ``date``, ``lag_days`` (days
    from the event's first day; NaN when the event is known only to the month or year), ``rank`` (1 =
    first; same-day items share a rank) and ``first``.

    >>> ev = pd.DataFrame({"event_id": ["e"], "label": ["E"], "date": pd.to_datetime(["2020-01-10"]),
    ...                    "end": pd.to_datetime(["2020-01-10"]), "date_precision": ["day"]})
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "B"],
    ...                      "date": pd.to_datetime(["2020-01-12", "2020-01-10", "2020-01-11"])})
    >>> first_reports(arts, ev)[["outlet", "lag_days", "rank", "first"]].values.tolist()
    [['B', 0.0, 1, True], ['A', 2.0, 2, False]]
    """
    cols = ["event_id", "label", "event_date", "event_precision", by, "article_id", "date", "lag_days", "rank", "first"]
    if events is None:
        out = pd.DataFrame(columns=cols)
        out.attrs = {"analysis": "first_reports", "by": by, "window_days": window_days, "note": NO_EVENTS_NOTE}
        return out
    ev = load_events(events) if isinstance(events, str | Path) else events
    if by not in articles:
        raise ValueError(f"articles have no {by!r} column; pass by= with the column that names the outlets")
    if "date" not in articles:
        raise ValueError("articles have no 'date' column; load them with load_corpus() or load_manifest()")
    id_col = next((c for c in ("article_id", "url", "title") if c in articles), None)
    dates = pd.to_datetime(articles["date"], errors="coerce")
    prec = (articles["date_precision"].fillna("unknown").astype(str) if "date_precision" in articles
            else pd.Series("day", index=articles.index))
    ok = dates.notna() & (prec == "day")
    items = pd.DataFrame({
        by: articles.loc[ok, by].astype(str).values,
        "article_id": (articles.loc[ok, id_col].astype(str).values if id_col else articles.index[ok].astype(str)),
        "date": dates[ok].values,
    })
    items["day"] = items["date"].dt.normalize()
    rows = []
    for e in ev.itertuples(index=False):
        start = pd.Timestamp(e.date).normalize()
        end = pd.Timestamp(e.end if "end" in ev and pd.notna(e.end) else e.date).normalize()
        hits = items[(items["day"] >= start) & (items["day"] <= end + pd.Timedelta(days=window_days))]
        if not len(hits):
            continue
        firsts = hits.sort_values(["date", "article_id"], kind="stable").groupby(by, sort=False).head(1)
        day_precise = getattr(e, "date_precision", "day") == "day"
        for h in firsts.itertuples(index=False):
            lag = float((h.day - start).days) if day_precise else np.nan
            rows.append({"event_id": e.event_id, "label": getattr(e, "label", e.event_id), "event_date": start,
                         "event_precision": getattr(e, "date_precision", "day"), by: getattr(h, by),
                         "article_id": h.article_id, "date": h.date, "lag_days": lag, "_day": h.day})
    if not rows:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame(rows)
    out["rank"] = out.groupby("event_id")["_day"].rank(method="min").astype(int)
    out["first"] = out["rank"] == 1
    out = out.sort_values(["event_date", "event_id", "rank", by], kind="stable").reset_index(drop=True)
    if id_col and id_col != "article_id":
        out = out.rename(columns={"article_id": id_col})
        cols = [id_col if c == "article_id" else c for c in cols]
    return out[cols]


def outlet_lag(articles: pd.DataFrame | None = None, events: pd.DataFrame | str | None = None, *,
               by: str = "outlet", window_days: int = 7, reports: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per group: events covered, times first, median and mean lag in days (from :func:`first_reports`).

    >>> rep = pd.DataFrame({"event_id": ["e", "e", "f"], "outlet": ["A", "B", "A"], "lag_days": [0.0, 2.0, 1.0],
    ...                     "first": [True, False, True]})
    >>> outlet_lag(reports=rep).values.tolist()
    [['A', 2, 2, 0.5, 0.5], ['B', 1, 0, 2.0, 2.0]]
    """
    if reports is None:
        if articles is None:
            raise ValueError("pass articles (and events) or reports= (a first_reports() result)")
        reports = first_reports(articles, events, by=by, window_days=window_days)
    cols = [by, "events", "times_first", "median_lag_days", "mean_lag_days"]
    if not len(reports):
        out = pd.DataFrame(columns=cols)
        if "note" in reports.attrs:
            out.attrs = {"analysis": "outlet_lag", "by": by, "note": reports.attrs["note"]}
        return out
    g = reports.groupby(by, sort=True)
    out = pd.DataFrame({
        "events": g["event_id"].nunique(),
        "times_first": g["first"].sum().astype(int),
        "median_lag_days": g["lag_days"].median(),
        "mean_lag_days": g["lag_days"].mean(),
    }).reset_index()
    return out.sort_values(["median_lag_days", by], kind="stable").reset_index(drop=True)[cols]


# ---------------------------------------------------------------- helpers
def _freq(freq: str) -> str:
    code = _ALIASES.get(str(freq).upper(), str(freq).upper())
    if code not in FREQS:
        raise ValueError(f"freq={freq!r} is not known; use D, W, M, Q or Y")
    return code


def _period_end(start: pd.Timestamp, prec: str) -> pd.Timestamp:
    code = {"day": "D", "month": "M", "year": "Y"}.get(prec, "D")
    return start.to_period(code).end_time.normalize()
