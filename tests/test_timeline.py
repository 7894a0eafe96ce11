"""Events, coverage over time (corpus and manifest), first reports and lags, and the chart."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from mediakit.timeline import coverage_timeline, first_reports, load_events, outlet_lag

from .conftest import ROOT, S400, write

matplotlib.use("Agg")


@pytest.fixture
def items() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["a1", "a2", "b1", "b2", "c1", "c2", "c3"],
        "outlet": ["A", "A", "B", "B", "C", "C", "C"],
        "date": pd.to_datetime(["2020-12-14", "2021-01-20", "2020-12-15 09:00", "2020-12-20", "2020-12-01",
                                "2020-01-01", None], format="mixed"),
        "date_precision": ["day", "day", "day", "day", "month", "year", "unknown"],
    })


def test_bundled_events_follow_the_story_facts():
    ev = load_events("s400")
    assert list(ev.columns) == ["event_id", "date", "end", "date_precision", "label", "description"]
    assert ev["date"].is_monotonic_increasing and ev["event_id"].is_unique
    by_id = ev.set_index("event_id")
    assert by_id.loc["caatsa-sanctions", "date"] == pd.Timestamp("2020-12-14")
    assert by_id.loc["first-deliveries", "date"] == pd.Timestamp("2019-07-12")
    assert by_id.loc["sochi-summit", "date"] == pd.Timestamp("2021-09-29")
    assert by_id.loc["second-battery", "date_precision"] == "month"
    assert by_id.loc["contract-signed", "end"] == pd.Timestamp("2017-12-31")
    assert by_id.loc["federal-register", "end"] == pd.Timestamp("2021-04-07")
    assert by_id.loc["us-warnings", "end"] == pd.Timestamp("2019-06-30")
    assert (ev["end"] >= ev["date"]).all()
    assert len(ev) >= 20


def test_events_from_a_yaml_file_and_clear_errors(tmp_path):
    path = write(tmp_path / "ev.yaml", "events:\n  - id: x\n    date: '2022-03'\n    label: X\n  - date: 2022-01-05\n")
    ev = load_events(path)
    assert ev["event_id"].tolist() == ["event-2", "x"]
    assert ev["date_precision"].tolist() == ["day", "month"]
    with pytest.raises(ValueError, match="no story pack with events"):
        load_events("nope")
    bad = write(tmp_path / "bad.yaml", "events:\n  - id: y\n    date: someday\n")
    with pytest.raises(ValueError, match="bad.yaml: event 1 date"):
        load_events(bad)


def test_monthly_counts_per_outlet_with_zero_fill(items):
    tl = coverage_timeline(items, "M")
    assert list(tl.columns) == ["period", "group", "articles"]
    assert tl.attrs["by"] == "outlet" and tl.attrs["analysis"] == "coverage_timeline" and tl.attrs["freq"] == "M"
    assert tl.attrs["imprecise"] == 1 and tl.attrs["undated"] == 1
    table = tl.pivot(index="period", columns="group", values="articles")
    assert table.index.tolist() == [pd.Timestamp("2020-12-01"), pd.Timestamp("2021-01-01")]
    assert table.loc["2020-12-01"].tolist() == [1, 2, 1]
    assert table.loc["2021-01-01"].tolist() == [1, 0, 0]
    assert tl["articles"].sum() == 5
    # weekly needs day precision: the month-dated item drops out too
    weekly = coverage_timeline(items, "W", by=None)
    assert weekly.attrs["imprecise"] == 2 and weekly["articles"].sum() == 4
    yearly = coverage_timeline(items, "YS", by=None, fill=False)
    assert yearly.set_index("period")["articles"].to_dict() == {pd.Timestamp("2020-01-01"): 5,
                                                                 pd.Timestamp("2021-01-01"): 1}
    with pytest.raises(ValueError, match="freq"):
        coverage_timeline(items, "fortnight")


def test_real_attention_curve_from_the_manifest():
    from mediakit import load_manifest

    m = load_manifest(S400 / "coverage_manifest.csv")
    assert len(m) == 153
    tl = coverage_timeline(m, "M", by=None)
    assert tl["articles"].sum() + tl.attrs["imprecise"] + tl.attrs["undated"] == 153
    peak = tl.loc[tl["articles"].idxmax(), "period"]
    assert peak == pd.Timestamp("2020-12-01")  # the CAATSA sanctions
    second = tl.sort_values("articles").iloc[-2]["period"]
    assert second == pd.Timestamp("2019-07-01")  # the first deliveries
    lag = outlet_lag(m, "s400")
    assert {"group", "events", "times_first", "median_lag_days"} <= set(lag.columns)


def test_first_reports_and_lag(items):
    ev = pd.DataFrame({"event_id": ["sanctions", "month-thing"], "label": ["S", "M"],
                       "date": pd.to_datetime(["2020-12-14", "2021-01-01"]),
                       "end": pd.to_datetime(["2020-12-14", "2021-01-31"]),
                       "date_precision": ["day", "month"]})
    rep = first_reports(items, ev, window_days=7)
    s = rep[rep.event_id == "sanctions"].set_index("group")
    assert set(s.index) == {"A", "B"}  # C's month-dated item cannot be ranked
    assert s.loc["A", "lag_days"] == 0 and s.loc["A", "first"] and s.loc["A", "article_id"] == "a1"
    assert s.loc["B", "lag_days"] == 1 and s.loc["B", "rank"] == 2 and s.loc["B", "article_id"] == "b1"
    m = rep[rep.event_id == "month-thing"]
    assert m["group"].tolist() == ["A"] and m["lag_days"].isna().all()
    assert str(rep["lag_days"].dtype) == "Int64" and rep.attrs["by"] == "outlet"
    lag = outlet_lag(reports=rep).set_index("group")
    assert lag.loc["A", "times_first"] == 2 and lag.loc["B", "median_lag_days"] == 1


def test_first_reports_on_the_demo_corpus():
    from mediakit import load_corpus

    corpus = load_corpus(S400)
    rep = first_reports(corpus, "s400")
    sanc = rep[rep.event_id == "caatsa-sanctions"]
    assert sanc["first"].any() and (sanc["lag_days"] >= 0).all()
    assert set(sanc.loc[sanc["first"], "group"]) >= {"Volga Wire"}
    assert set(rep["article_id"]) <= set(corpus["article_id"])


def test_coverage_chart_marks_events(items):
    from mediakit.plotting import plot_coverage_timeline

    ev = load_events("s400")
    ev = ev[ev.date.between("2020-12-01", "2021-01-31")]
    ax = plot_coverage_timeline(coverage_timeline(items, "M"), ev)
    labels = "\n".join(t.get_text() for t in ax.texts)
    for lab in ev["label"]:
        assert lab in labels
    assert len(ax.get_legend().get_texts()) == 3
    assert len(ax.lines) == len(ev)  # one marker line per event


def test_events_default_to_none_and_say_what_a_pack_adds(items):
    reports = first_reports(items)
    assert reports.empty and "events.yaml" in reports.attrs["note"]
    assert list(reports.columns)[:4] == ["event_id", "label", "event_date", "event_precision"]
    lag = outlet_lag(items)
    assert lag.empty and lag.attrs["note"] == reports.attrs["note"]
    # a pack name resolves to the pack's events.yaml (the demo pack, or its old bundled place)
    assert len(load_events("s400")) == 21


def _dated(first: str, last: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["x", "y", "z"], "outlet": ["A", "B", "A"],
                         "date": pd.to_datetime([first, first, last]), "date_precision": "day"})


@pytest.mark.parametrize("first,last,freq,bins", [
    ("2016-10-01", "2016-10-22", "D", 22),        # 21 days: daily
    ("2016-10-01", "2016-10-23", "W", 4),         # 22 days: weekly (Mon 26 Sep .. Mon 17 Oct)
    ("2016-10-01", "2017-04-01", "W", 27),        # 182 days: still weekly
    ("2016-10-01", "2017-04-03", "M", 7),         # 184 days: monthly
    ("2016-01-01", "2019-12-31", "M", 48),        # 1460 days: monthly
    ("2016-01-01", "2020-01-02", "Q", 17),        # 1462 days: quarterly
])
def test_bins_follow_the_corpus_span(first, last, freq, bins):
    tl = coverage_timeline(_dated(first, last))
    assert tl.attrs["freq"] == freq
    assert tl["period"].nunique() == bins and tl["articles"].sum() == 3
    assert tl.groupby("group")["articles"].sum().to_dict() == {"A": 2, "B": 1}
    # an explicit freq still wins
    assert coverage_timeline(_dated(first, last), "Y").attrs["freq"] == "Y"


def test_a_month_of_coverage_gets_weekly_bins_not_one_quarter(items):
    month = items[items["date"].between("2020-12-01", "2020-12-31") & (items["date_precision"] == "day")]
    tl = coverage_timeline(month, by=None)
    assert tl.attrs["freq"] == "D"    # 14..20 December: 6 days apart
    assert tl["articles"].tolist() == [1, 1, 0, 0, 0, 0, 1]


def test_undated_corpus_gives_one_sentence_and_no_1970_axis():
    from mediakit.plotting import plot_coverage_timeline

    undated = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
                            "date": pd.Series([pd.NaT, pd.NaT], dtype="datetime64[ns]")})
    tl = coverage_timeline(undated)
    assert tl.empty and list(tl.columns) == ["period", "group", "articles"]
    assert str(tl["period"].dtype) == "datetime64[ns]" and str(tl["articles"].dtype) == "int64"
    assert tl.attrs["note"] == ("No article has a date, so there is no timeline; dates come from front matter, "
                                "a dateline or the file name.")
    assert tl.attrs["undated"] == 2 and tl.attrs["freq"] is None
    totals = coverage_timeline(undated, "M", by=None)
    assert list(totals.columns) == ["period", "articles"] and totals.attrs["freq"] == "M"
    ax = plot_coverage_timeline(tl, load_events("s400"))
    assert [t.get_text() for t in ax.texts] == [tl.attrs["note"]]
    assert not ax.axison and not ax.patches and not ax.lines   # no bars, no event lines, no date axis


def test_contract_columns_and_errors(items):
    from mediakit import ColumnError

    with pytest.raises(ColumnError, match=r"^coverage_timeline: column 'date' missing"):
        coverage_timeline(items.drop(columns="date"))
    with pytest.raises(ColumnError, match=r"^coverage_timeline: by='desk' names no column"):
        coverage_timeline(items, by="desk")
    with pytest.raises(ColumnError, match="not datetime64"):
        coverage_timeline(items.assign(date=items["date"].astype(str)))
    with pytest.raises(ColumnError, match=r"^first_reports: column 'date' missing"):
        first_reports(items.drop(columns="date"), load_events("s400"))
    with pytest.raises(ColumnError, match=r"^first_reports: by='desk' names no column"):
        first_reports(items, by="desk")                 # checked even without events
    with pytest.raises(ColumnError, match="outlet_lag: reports lack column"):
        outlet_lag(reports=pd.DataFrame({"event_id": ["e"]}))
    with pytest.raises(ValueError, match="window_days"):
        first_reports(items, window_days=-1)
    empty = first_reports(items.iloc[:0], load_events("s400"))
    assert empty.empty and list(empty.columns)[4] == "group" and str(empty["lag_days"].dtype) == "Int64"
    lag = outlet_lag(reports=empty)
    assert lag.empty and list(lag.columns)[0] == "group" and lag.attrs["analysis"] == "outlet_lag"
    grouped = coverage_timeline(items.rename(columns={"outlet": "desk"}), "M", by="desk")
    assert "group" in grouped and grouped.attrs["by"] == "desk"


def test_events_outside_the_corpus_dates_warn_once_with_the_figure(items):
    ev = pd.DataFrame({"event_id": ["in", "before", "after", "overlaps"], "label": ["I", "B", "A", "O"],
                       "date": pd.to_datetime(["2020-12-14", "2019-05-01", "2021-03-01", "2019-12-01"]),
                       "end": pd.to_datetime(["2020-12-14", "2019-05-01", "2021-03-01", "2020-01-31"]),
                       "date_precision": ["day", "day", "day", "month"]})
    # dated items run from 2020-01-01 (year-dated) to 2021-01-20
    sentence = ("2 of 4 events fall outside the corpus dates 2020-01-01..2021-01-20; check that the events "
                "belong to this corpus.")
    from mediakit.timeline import events_fit

    assert events_fit(items, ev) == sentence
    assert events_fit(items, ev.iloc[:1]) is None and events_fit(items, None) is None
    with pytest.warns(UserWarning) as record:
        lag = outlet_lag(items, ev)
    assert [str(w.message) for w in record] == [sentence]   # once, from first_reports
    assert lag.attrs["fit_note"] == sentence
    with pytest.warns(UserWarning, match="2 of 4 events"):
        rep = first_reports(items, ev)
    assert rep.attrs["fit_note"] == sentence and set(rep["event_id"]) == {"in"}  # "overlaps" fits, unreported


def test_report_timeline_section_shows_the_fit_note_and_the_undated_note(tmp_path):
    from mediakit import load_corpus
    from mediakit.report import Context, timeline_section

    corpus = load_corpus(ROOT / "tests" / "data" / "harbour", progress=False)
    ev = load_events("s400")
    ctx = Context(corpus=corpus, out_dir=tmp_path, source="test", params={"freq": None},
                   resources={"events": ev}, labels={"events": "s400"})
    html = "".join(timeline_section(ctx).body)
    dates = pd.to_datetime(corpus["date"]).dropna()
    assert (f"Fit: 21 of 21 events fall outside the corpus dates {dates.min():%Y-%m-%d}..{dates.max():%Y-%m-%d}"
            in html)
    assert html.count("events fall outside") == 1
    assert not any(label in html for label in ev["label"])  # no S-400 event drawn on a 2025 corpus
    undated = corpus.assign(date=pd.Series(pd.NaT, index=corpus.index, dtype="datetime64[ns]"))
    ctx = Context(corpus=undated, out_dir=tmp_path / "u", source="test", params={"freq": None},
                   resources={"events": None}, labels={"events": "none"})
    html = "".join(timeline_section(ctx).body)
    assert "No article has a date, so there is no timeline" in html and "<figure" not in html
