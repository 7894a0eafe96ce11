"""Coverage over time against the story's events: counts per outlet, who reported first, each outlet's lag.

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")
>>> events = mk.load_events("s400")
>>> mk.coverage_timeline(corpus, freq="Y", by=None)["articles"].tolist()      # 2017 to 2021
[1, 2, 19, 20, 18]
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

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from ._yaml import load_yaml
from .analysis import Analysis, register, reject_dask, run_local
from .corpus import ColumnError, validate_corpus
from .dates import parse_date
from .packs import pack_file, story_names

__all__ = ["load_events", "coverage_timeline", "first_reports", "outlet_lag", "events_fit", "auto_freq", "FREQS"]

# period codes accepted by coverage_timeline, finest first, with the precision they need
FREQS = {"D": "day", "W": "day", "M": "month", "Q": "month", "Y": "year"}
_ALIASES = {"MS": "M", "ME": "M", "QS": "Q", "QE": "Q", "YS": "Y", "YE": "Y", "A": "Y", "AS": "Y", "W-SUN": "W"}
_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}
# freq=None: the bin follows the span from the first to the last dated item (days); quarters beyond
_AUTO = ((21, "D"), (183, "W"), (1461, "M"))
NO_DATES_NOTE = ("No article has a date, so there is no timeline; dates come from front matter, a dateline or "
                 "the file name.")
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
    doc = load_yaml(raw) or {}
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


def coverage_timeline(articles: pd.DataFrame, freq: str | None = None, *, by: str | None = "outlet",
                      fill: bool = True) -> pd.DataFrame:
    """Number of items per period (and per ``by`` group): the attention curve of a story.

    Parameters
    ----------
    articles : a corpus or a manifest (``date``; ``date_precision`` when known; the ``by`` column).
    freq : ``"D"``, ``"W"``, ``"M"``, ``"Q"`` or ``"Y"`` (pandas' ``MS``/``QS``/... also accepted), or None
        (the default) to follow the corpus span, from the first to the last dated item: days up to 21
        days, weeks up to 183 days (about 6 months), months up to 1461 days (about 4 years), quarters
        beyond. The code used is ``attrs["freq"]``.
    by : corpus column to split counts by, or None for one total per period.
    fill : include periods (and groups) with no items as zeros, from the first to the last period.

    Returns
    -------
    ``period`` (first day of the period), ``group`` (the ``by`` column's value; absent when ``by`` is
    None), ``articles``. ``attrs``: ``analysis``, ``freq``, ``by``, ``fill``, ``imprecise`` (items dated too
    coarsely for ``freq``, left out) and ``undated``. A corpus with no dated item gives the empty table
    with ``attrs["note"]`` saying so in one sentence. A Dask DataFrame goes to ``mk.coverage_timeline``
    (the same counts, summed over partitions). Raises :class:`mediakit.ColumnError` when ``date`` or the
    ``by`` column is missing.

    >>> df = pd.DataFrame({"outlet": ["A", "A", "B"], "date": pd.to_datetime(["2020-01-05", "2020-03-01", "2020-01-20"]),
    ...                    "date_precision": ["day", "month", "day"]})
    >>> coverage_timeline(df, "M", by=None)["articles"].tolist()
    [2, 0, 1]
    >>> tl = coverage_timeline(df)                     # 56 days from first to last: weekly bins
    >>> tl.attrs["freq"], tl.attrs["imprecise"], tl.groupby("group")["articles"].sum().to_dict()
    ('W', 1, {'A': 1, 'B': 1})
    """
    reject_dask(articles, "coverage_timeline")
    validate_corpus(articles, ["date"], where="coverage_timeline")
    return run_local(COVERAGE_TIMELINE, articles, freq=freq, by=by, fill=fill)


# The analysis as partition work -> counts that add up -> the table (mediakit.analysis; mediakit.scale
# runs the same hooks on Dask partitions). Partitions count items per (day, precision, group): the span,
# hence the bins when freq is None, is known only once every partition is merged, so finalize bins them.
def _validate(columns: list[str], *, engine: str, freq: str | None, by: str | None, fill: bool) -> dict:
    code = None if freq is None else _freq(freq)
    _check_columns(columns, by, "coverage_timeline")
    return {"freq": code, "by": by, "fill": bool(fill)}


def _columns(*, by: str | None, **_: object) -> list[str]:
    return ["date", "date_precision"] + ([by] if by is not None else [])


def _partition(articles: pd.DataFrame, *, by: str | None, **_: object) -> tuple[pd.Series, int]:
    """Items per (day, date precision[, group]) of one partition, and its number of undated items."""
    dates = _naive(articles["date"])
    prec = (articles["date_precision"].fillna("unknown").astype(str) if "date_precision" in articles
            else pd.Series("day", index=articles.index))
    keep = dates.notna().to_numpy()
    frame = pd.DataFrame({"day": dates[keep].dt.normalize().to_numpy(), "precision": prec[keep].to_numpy()})
    keys = ["day", "precision"]
    if by is not None:
        frame["group"] = articles.loc[keep, by].astype(str).to_numpy()
        keys.append("group")
    counts = frame.groupby(keys).size().astype("int64").rename("articles")
    return counts, int((~keep).sum())


def _merge(items: list[tuple[pd.Series, int]]) -> tuple[pd.Series, int]:
    series = [s for s, _ in items if len(s)]
    if series:
        names = series[0].index.names
        counts = pd.concat(series).groupby(level=list(range(len(names)))).sum().astype("int64")
        counts.index.names = names
    else:
        counts = items[0][0] if items else pd.Series(dtype="int64")
    return counts, sum(u for _, u in items)


def _finalize(partial: tuple[pd.Series, int], *, freq: str | None, by: str | None, fill: bool,
              **_: object) -> pd.DataFrame:
    counts, undated = partial
    days = pd.DatetimeIndex(counts.index.get_level_values("day")) if len(counts) else pd.DatetimeIndex([])
    code = freq if freq is not None else (auto_freq(days.min(), days.max()) if len(days) else None)
    keys = ["period"] + (["group"] if by is not None else [])
    imprecise = 0
    if len(counts):
        rank = counts.index.get_level_values("precision").map(lambda p: _RANK.get(p, 3)).to_numpy()
        precise = rank <= _RANK[FREQS[code]]
        imprecise = int(counts[~precise].sum())
        kept = counts[precise]
        level = [pd.DatetimeIndex(kept.index.get_level_values("day")).to_period(code).start_time.rename("period")]
        if by is not None:
            level.append(kept.index.get_level_values("group").rename("group"))
        binned = kept.groupby(level).sum() if len(kept) else pd.Series(dtype="int64")
    else:
        binned = pd.Series(dtype="int64")
    out = timeline_table(binned, code or "D", grouped=by is not None, fill=fill) if len(binned) else _empty(keys)
    out.attrs.update({"analysis": "coverage_timeline", "freq": code, "by": by, "fill": bool(fill),
                      "imprecise": imprecise, "undated": int(undated)})
    if not len(counts):
        out.attrs["note"] = NO_DATES_NOTE
    return out


COVERAGE_TIMELINE = register(Analysis("coverage_timeline", partition=_partition, merge=_merge,
                                      finalize=_finalize, validate=_validate, columns=_columns,
                                      public=coverage_timeline))


def auto_freq(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """The bin :func:`coverage_timeline` uses for items dated ``first`` to ``last`` when ``freq`` is None.

    Days up to 21 days apart, weeks up to 183 days (about 6 months), months up to 1461 days (about
    4 years), quarters beyond.

    >>> auto_freq(pd.Timestamp("2016-10-01"), pd.Timestamp("2016-10-31"))
    'W'
    >>> auto_freq(pd.Timestamp("2017-09-12"), pd.Timestamp("2021-09-30"))
    'Q'
    """
    span = (pd.Timestamp(last) - pd.Timestamp(first)).days
    return next((code for limit, code in _AUTO if span <= limit), "Q")


def timeline_table(counts: pd.Series, code: str, *, grouped: bool, fill: bool) -> pd.DataFrame:
    """Counts indexed by ``period`` (and ``group`` when ``grouped``) -> the coverage_timeline table.

    The last step of :func:`coverage_timeline` (its finalize). ``code`` is a period code (D, W, M, Q, Y).

    >>> counts = pd.Series([2, 1], index=pd.Index(pd.to_datetime(["2020-01-01", "2020-03-01"]), name="period"))
    >>> timeline_table(counts, "M", grouped=False, fill=True)["articles"].tolist()
    [2, 0, 1]
    """
    keys = ["period"] + (["group"] if grouped else [])
    counts = counts.rename("articles")
    if not len(counts):
        return _empty(keys)
    if fill:
        periods = counts.index.get_level_values("period")
        span = pd.period_range(periods.min(), periods.max(), freq=code).start_time
        if not grouped:
            counts = counts.reindex(span, fill_value=0)
            counts.index.name = "period"
        else:
            groups = sorted(counts.index.get_level_values("group").unique())
            full = pd.MultiIndex.from_product([span, groups], names=keys)
            counts = counts.reindex(full, fill_value=0)
    out = counts.reset_index()
    out["period"] = out["period"].astype("datetime64[ns]")
    out["articles"] = out["articles"].astype("int64")
    return out.sort_values(keys, kind="stable").reset_index(drop=True)[keys + ["articles"]]


def _empty(keys: list[str]) -> pd.DataFrame:
    return pd.DataFrame({k: pd.Series(dtype="datetime64[ns]" if k == "period" else "object") for k in keys}
                        | {"articles": pd.Series(dtype="int64")})


def first_reports(articles: pd.DataFrame, events: pd.DataFrame | str | Path | None = None, *, by: str = "outlet",
                  window_days: int = 7) -> pd.DataFrame:
    """Each group's first item on or after each event (within ``window_days`` of its end), with the lag.

    Items are matched to events by date alone: an item counts for every event whose span, extended by
    ``window_days``, contains its date. Only items dated to the day are used. ``events`` is a
    :func:`load_events` table, a story pack name or an events YAML path; None (the default) means no
    events: an empty table whose ``attrs["note"]`` says what a story pack would add. Events outside the
    corpus dates (:func:`events_fit`) give one warning, and the same sentence in ``attrs["fit_note"]``.

    Returns
    -------
    One row per event and group that covered it: ``event_id, label, event_date, event_precision,``
    ``group`` (the ``by`` column's value, named in ``attrs["by"]``), ``article_id`` (or ``url``/``title``
    for a manifest), ``date``, ``lag_days`` (whole days from the event's first day, Int64; <NA> when the
    event is known only to the month or year), ``rank`` (1 = first; same-day items share a rank) and
    ``first``. Raises :class:`mediakit.ColumnError` when ``date`` or the ``by`` column is missing.

    >>> ev = pd.DataFrame({"event_id": ["e"], "label": ["E"], "date": pd.to_datetime(["2020-01-10"]),
    ...                    "end": pd.to_datetime(["2020-01-10"]), "date_precision": ["day"]})
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "B"],
    ...                      "date": pd.to_datetime(["2020-01-12", "2020-01-10", "2020-01-11"])})
    >>> first_reports(arts, ev)[["group", "lag_days", "rank", "first"]].values.tolist()
    [['B', 0, 1, True], ['A', 2, 2, False]]
    """
    _check_columns(articles, by, "first_reports")
    if isinstance(window_days, bool) or not isinstance(window_days, int | np.integer) or window_days < 0:
        raise ValueError(f"first_reports: window_days={window_days!r} must be a whole number of days >= 0")
    attrs: dict[str, object] = {"analysis": "first_reports", "by": by, "window_days": int(window_days)}
    if events is None:
        out = _empty_reports()
        out.attrs = attrs | {"events": None, "note": NO_EVENTS_NOTE}
        return out
    ev = load_events(events) if isinstance(events, str | Path) else events
    attrs["events"] = str(events) if isinstance(events, str | Path) else ev.attrs.get("name")
    fit = events_fit(articles, ev)
    if fit:
        warnings.warn(fit, UserWarning, stacklevel=2)
        attrs["fit_note"] = fit
    id_col = next((c for c in ("article_id", "url", "title") if c in articles), None)
    dates = _naive(articles["date"])
    prec = (articles["date_precision"].fillna("unknown").astype(str) if "date_precision" in articles
            else pd.Series("day", index=articles.index))
    ok = (dates.notna() & (prec == "day")).to_numpy()
    items = pd.DataFrame({
        "group": articles.loc[ok, by].astype(str).to_numpy(),
        "article_id": (articles.loc[ok, id_col].astype(str).to_numpy() if id_col
                       else articles.index[ok].astype(str)),
        "date": dates[ok].to_numpy(),
    })
    items["day"] = items["date"].dt.normalize()
    rows = []
    for e in ev.itertuples(index=False):
        start = pd.Timestamp(e.date).normalize()
        end = pd.Timestamp(e.end if "end" in ev and pd.notna(e.end) else e.date).normalize()
        hits = items[(items["day"] >= start) & (items["day"] <= end + pd.Timedelta(days=window_days))]
        if not len(hits):
            continue
        firsts = hits.sort_values(["date", "article_id"], kind="stable").groupby("group", sort=False).head(1)
        precision = getattr(e, "date_precision", "day")
        for h in firsts.itertuples(index=False):
            rows.append({"event_id": e.event_id, "label": getattr(e, "label", e.event_id), "event_date": start,
                         "event_precision": precision, "group": h.group, "article_id": h.article_id,
                         "date": h.date, "lag_days": (h.day - start).days if precision == "day" else pd.NA,
                         "_day": h.day})
    if not rows:
        out = _empty_reports()
    else:
        out = pd.DataFrame(rows)
        out["lag_days"] = out["lag_days"].astype("Int64")
        out["rank"] = out.groupby("event_id")["_day"].rank(method="min").astype("int64")
        out["first"] = out["rank"] == 1
        out = out.sort_values(["event_date", "event_id", "rank", "group"], kind="stable").reset_index(drop=True)
        out = out[_REPORT_COLUMNS]
    if id_col and id_col != "article_id":
        out = out.rename(columns={"article_id": id_col})
    out.attrs = attrs
    return out


def outlet_lag(articles: pd.DataFrame | None = None, events: pd.DataFrame | str | Path | None = None, *,
               by: str = "outlet", window_days: int = 7, reports: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per group: events covered, times first, median and mean lag in days (from :func:`first_reports`).

    Pass ``articles`` and ``events`` (as for :func:`first_reports`), or ``reports=`` (a first_reports
    result). Returns ``group, events, times_first, median_lag_days, mean_lag_days`` with ``attrs["by"]``;
    the ``note`` and ``fit_note`` of the reports carry over.

    >>> rep = pd.DataFrame({"event_id": ["e", "e", "f"], "group": ["A", "B", "A"],
    ...                     "lag_days": pd.array([0, 2, 1], dtype="Int64"), "first": [True, False, True]})
    >>> outlet_lag(reports=rep).values.tolist()
    [['A', 2, 2, 0.5, 0.5], ['B', 1, 0, 2.0, 2.0]]
    """
    if reports is None:
        if articles is None:
            raise ValueError("outlet_lag: pass articles (and events) or reports= (a first_reports() result)")
        reports = first_reports(articles, events, by=by, window_days=window_days)
    missing = [c for c in ("event_id", "group", "lag_days", "first") if c not in reports]
    if missing:
        raise ColumnError(f"outlet_lag: reports lack column(s) {', '.join(map(repr, missing))}; pass a "
                          "first_reports() result as reports=")
    attrs = {"analysis": "outlet_lag", "by": reports.attrs.get("by", by),
             "window_days": reports.attrs.get("window_days", window_days)}
    attrs |= {k: reports.attrs[k] for k in ("events", "note", "fit_note") if k in reports.attrs}
    cols = ["group", "events", "times_first", "median_lag_days", "mean_lag_days"]
    if not len(reports):
        out = pd.DataFrame({"group": pd.Series(dtype="object"), "events": pd.Series(dtype="int64"),
                            "times_first": pd.Series(dtype="int64"),
                            "median_lag_days": pd.Series(dtype="float64"),
                            "mean_lag_days": pd.Series(dtype="float64")})
        out.attrs = attrs
        return out
    lags = pd.Series(pd.array(reports["lag_days"], dtype="Float64").to_numpy(dtype="float64", na_value=np.nan),
                     index=reports.index)
    g = reports.assign(_lag=lags).groupby("group", sort=True)
    out = pd.DataFrame({
        "events": g["event_id"].nunique().astype("int64"),
        "times_first": g["first"].sum().astype("int64"),
        "median_lag_days": g["_lag"].median(),
        "mean_lag_days": g["_lag"].mean(),
    }).reset_index()
    out = out.sort_values(["median_lag_days", "group"], kind="stable").reset_index(drop=True)[cols]
    out.attrs = attrs
    return out


def events_fit(articles: pd.DataFrame, events: pd.DataFrame | str | Path | None) -> str | None:
    """One sentence when some of a story's events fall outside the corpus dates, else None.

    An event falls outside when it ends before the first dated article or starts after the last one
    (such an event can have no first report). None too when there are no events or no dated articles.

    >>> arts = pd.DataFrame({"date": pd.to_datetime(["2016-10-01", "2016-10-31"])})
    >>> ev = pd.DataFrame({"event_id": ["a", "b", "c"], "date": pd.to_datetime(["2016-10-09", "2017-01-20", "2016-06-01"]),
    ...                    "end": pd.to_datetime(["2016-10-09", "2017-01-20", "2016-06-30"])})
    >>> events_fit(arts, ev)
    '2 of 3 events fall outside the corpus dates 2016-10-01..2016-10-31; check that the events belong to this corpus.'
    """
    validate_corpus(articles, ["date"], where="events_fit")
    if events is None:
        return None
    ev = load_events(events) if isinstance(events, str | Path) else events
    dates = _naive(articles["date"]).dropna()
    if not len(ev) or not len(dates):
        return None
    lo, hi = dates.min().normalize(), dates.max().normalize()
    start = _naive(ev["date"]).dt.normalize()
    end = _naive(ev["end"]).dt.normalize().fillna(start) if "end" in ev else start
    outside = int(((end < lo) | (start > hi)).sum())
    if not outside:
        return None
    return (f"{outside} of {len(ev)} events fall outside the corpus dates {lo:%Y-%m-%d}..{hi:%Y-%m-%d}; "
            "check that the events belong to this corpus.")


# ---------------------------------------------------------------- helpers
_REPORT_COLUMNS = ["event_id", "label", "event_date", "event_precision", "group", "article_id", "date", "lag_days",
                   "rank", "first"]


def _empty_reports() -> pd.DataFrame:
    dtypes = {"event_date": "datetime64[ns]", "date": "datetime64[ns]", "lag_days": "Int64", "rank": "int64",
              "first": "bool"}
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, "object")) for c in _REPORT_COLUMNS})


def _check_columns(articles: pd.DataFrame | list[str], by: str | None, where: str) -> None:
    """ColumnError (one line) unless the articles (or their column names) have ``date`` and the ``by`` column."""
    if isinstance(articles, list):  # the engine's validate hook sees column names only
        articles = pd.DataFrame({c: pd.Series(dtype="datetime64[ns]" if c == "date" else "object")
                                 for c in articles})
    validate_corpus(articles, ["date"], where=where)
    if by is not None and by not in articles.columns:
        raise ColumnError(f"{where}: by={by!r} names no column of the articles; pass by= one of "
                          f"{[str(c) for c in articles.columns][:12]}" + (" or None for totals" if where ==
                                                                          "coverage_timeline" else ""))


def _naive(dates: pd.Series) -> pd.Series:
    """Dates as tz-naive datetime64 (wall time), unparseable values NaT."""
    dates = pd.to_datetime(dates, errors="coerce")
    return dates.dt.tz_localize(None) if getattr(dates.dt, "tz", None) is not None else dates


def _freq(freq: str) -> str:
    code = _ALIASES.get(str(freq).upper(), str(freq).upper())
    if code not in FREQS:
        raise ValueError(f"freq={freq!r} is not known; use D, W, M, Q or Y (or None: from the corpus span)")
    return code


def _period_end(start: pd.Timestamp, prec: str) -> pd.Timestamp:
    code = {"day": "D", "month": "M", "year": "Y"}.get(prec, "D")
    return start.to_period(code).end_time.normalize()
