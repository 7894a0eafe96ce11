"""Events, coverage over time (corpus and manifest), first reports and lags, and the chart."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from mediakit.timeline import coverage_timeline, first_reports, load_events, outlet_lag

from .conftest import S400, write

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
    assert list(tl.columns) == ["period", "outlet", "articles"]
    assert tl.attrs["imprecise"] == 1 and tl.attrs["undated"] == 1
    table = tl.pivot(index="period", columns="outlet", values="articles")
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
    assert {"outlet", "events", "times_first", "median_lag_days"} <= set(lag.columns)


def test_first_reports_and_lag(items):
    ev = pd.DataFrame({"event_id": ["sanctions", "month-thing"], "label": ["S", "M"],
                       "date": pd.to_datetime(["2020-12-14", "2021-01-01"]),
                       "end": pd.to_datetime(["2020-12-14", "2021-01-31"]),
                       "date_precision": ["day", "month"]})
    rep = first_reports(items, ev, window_days=7)
    s = rep[rep.event_id == "sanctions"].set_index("outlet")
    assert set(s.index) == {"A", "B"}  # C's month-dated item cannot be ranked
    assert s.loc["A", "lag_days"] == 0 and s.loc["A", "first"] and s.loc["A", "article_id"] == "a1"
    assert s.loc["B", "lag_days"] == 1 and s.loc["B", "rank"] == 2 and s.loc["B", "article_id"] == "b1"
    m = rep[rep.event_id == "month-thing"]
    assert m["outlet"].tolist() == ["A"] and m["lag_days"].isna().all()
    lag = outlet_lag(reports=rep).set_index("outlet")
    assert lag.loc["A", "times_first"] == 2 and lag.loc["B", "median_lag_days"] == 1


def test_first_reports_on_the_demo_corpus():
    from mediakit import load_corpus

    corpus = load_corpus(S400)
    rep = first_reports(corpus, "s400")
    sanc = rep[rep.event_id == "caatsa-sanctions"]
    assert sanc["first"].any() and (sanc["lag_days"] >= 0).all()
    assert set(sanc.loc[sanc["first"], "outlet"]) >= {"Volga Wire"}
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
