"""Reuse detection: passages with exact offsets in both articles, direction, edits, shares, CLI."""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations

import matplotlib
import numpy as np
import pandas as pd
import pytest

from mediakit.reuse import _candidates, _shingles, find_reuse, original_share, reuse_edges, reused_spans
from mediakit.reuse._candidates import _LOW_DF, fingerprint_pairs

from .conftest import S400

matplotlib.use("Agg")

# Invented wire copy about an invented town (never text from a real outlet).
WIRE = (
    "The harbour council of Norvik voted on Tuesday to close the old ferry terminal by the end of next year, "
    "ending almost a century of crossings to the island of Skarra. Council chair Liv Amundsen said the "
    "decision had been difficult but that the terminal could no longer be repaired at a reasonable cost. "
    "Islanders will be offered a new bus and boat connection from the southern pier, which the council "
    "promised to upgrade before the terminal closes."
)
OTHER = (
    "A local bakery in Vesterholm has won a regional prize for its rye bread, the third award in five years. "
    "The owner thanked her staff and said the recipe came from her grandmother. Customers queued outside the "
    "shop on Saturday morning to buy the winning loaf, and the bakery sold out before noon."
)
HOST = (
    "Residents of Skarra gathered in the school hall on Wednesday evening to discuss what the change would "
    "mean for commuters, pupils and the island's two shops, which depend on daily deliveries from the mainland."
)
FARM = (
    "Farmers in the valley reported a late harvest after weeks of heavy rain. Several roads were closed "
    "because of flooding, and the regional office promised compensation for damaged fields."
)


def _edit(text: str, every: int, word: str = "zzz") -> str:
    words = text.split(" ")
    return " ".join(word if i % every == every // 2 else w for i, w in enumerate(words))


@pytest.fixture
def corpus() -> pd.DataFrame:
    rows = [
        ("wire-1", "North Wire", "2021-05-04", "NORVIK, May 4. " + WIRE, ""),
        ("paper-whole", "Daily Paper", "2021-05-05", "From our partners: " + WIRE + "\n\nRead more on our site.", "North Wire"),
        ("paper-edit", "Evening Post", "2021-05-06", _edit(WIRE, 12), ""),
        ("paper-part", "Island Voice", "2021-05-07", HOST + "\n\n" + WIRE.split(". ", 1)[1] + "\n\n" + FARM[:72], ""),
        ("paper-other", "Island Voice", "2021-05-03", OTHER, ""),
        ("paper-noise", "Evening Post", "2021-05-08", _edit(WIRE, 3), ""),
        ("farm", "Daily Paper", "2021-05-01", FARM + " The harbour council of Norvik voted on Tuesday.", ""),
    ]
    df = pd.DataFrame(rows, columns=["article_id", "outlet", "date", "text", "wire"])
    df["date"] = pd.to_datetime(df["date"])
    df["date_precision"] = "day"
    return df


def _texts(df: pd.DataFrame) -> dict[str, str]:
    return dict(zip(df.article_id, df.text))


def test_contract_columns_and_offsets_point_at_the_shared_text(corpus):
    found = find_reuse(corpus)
    for col in ("source_id", "target_id", "source_start", "source_end", "target_start", "target_end",
                "similarity", "same_outlet"):
        assert col in found.columns
    texts = _texts(corpus)
    assert len(found) > 0
    for r in found.itertuples():
        src = texts[r.source_id][r.source_start:r.source_end]
        tgt = texts[r.target_id][r.target_start:r.target_end]
        # both sides start and end on word boundaries and share their first and last words
        assert src.split()[0] == tgt.split()[0] and src.split()[-1] == tgt.split()[-1]
        assert r.words >= 25 and r.source_words >= 25
    whole = found[(found.source_id == "wire-1") & (found.target_id == "paper-whole")].iloc[0]
    assert texts["paper-whole"][whole.target_start:whole.target_end] == WIRE.rstrip(".")
    assert texts["wire-1"][whole.source_start:whole.source_end] == WIRE.rstrip(".")
    assert whole.similarity == 1.0


def test_direction_earlier_article_is_the_source(corpus):
    found = find_reuse(corpus)
    pairs = set(zip(found.source_id, found.target_id))
    assert ("wire-1", "paper-whole") in pairs and ("wire-1", "paper-edit") in pairs
    assert ("wire-1", "paper-part") in pairs
    assert not any(t == "wire-1" for _, t in pairs)
    assert set(found.direction_basis) == {"date"}
    assert not found.same_day.any()


def test_light_edits_are_bridged_heavy_edits_are_not(corpus):
    found = find_reuse(corpus)
    edit = found[(found.source_id == "wire-1") & (found.target_id == "paper-edit")]
    assert len(edit) == 1
    assert 0.9 <= edit.similarity.iloc[0] < 1.0
    assert edit.words.iloc[0] >= 60  # one passage across the edits, not fragments
    assert "paper-noise" not in set(found.target_id) | set(found.source_id)  # one word in three replaced


def test_partial_reuse_is_located_in_the_host_article(corpus):
    found = find_reuse(corpus)
    part = found[found.target_id == "paper-part"]
    texts = _texts(corpus)
    passage = WIRE.split(". ", 1)[1]
    start = texts["paper-part"].index(passage)
    assert len(part) >= 1
    row = part[part.source_id == "wire-1"].iloc[0]
    assert row.target_start == start
    assert row.target_end == start + len(passage.rstrip("."))
    assert row.target_share < 0.6


def test_short_shared_phrases_are_not_reuse(corpus):
    # "farm" shares an 8-word sentence with the wire and 13 words with paper-part: both under min_words
    found = find_reuse(corpus)
    assert "farm" not in set(found.source_id) | set(found.target_id)
    assert "farm" in set(find_reuse(corpus, min_words=8, min_similarity=0.9).source_id)


def test_same_outlet_pairs_are_flagged_and_can_be_skipped(corpus):
    df = corpus.copy()
    df.loc[df.article_id == "paper-edit", "outlet"] = "North Wire"
    found = find_reuse(df)
    flagged = found[found.same_outlet]
    assert set(zip(flagged.source_id, flagged.target_id)) == {("wire-1", "paper-edit")}
    assert found.same_outlet.is_monotonic_increasing  # cross-outlet pairs first
    skipped = find_reuse(df, same_outlet=False)
    assert not skipped.same_outlet.any() and len(skipped) == len(found) - len(flagged)


def test_same_day_ties_are_flagged_and_resolved_by_credit_or_mention(corpus):
    df = corpus.copy()
    df.loc[df.article_id == "paper-whole", "date"] = pd.Timestamp("2021-05-04")
    found = find_reuse(df)
    row = found[found.target_id == "paper-whole"].iloc[0]
    assert row.source_id == "wire-1" and row.same_day and row.direction_basis == "credit"
    # no credit: a mention of the other outlet in the text decides
    df.loc[df.article_id == "paper-whole", "wire"] = ""
    df.loc[df.article_id == "paper-whole", "text"] = WIRE + "\n\nNorth Wire first reported the vote."
    row = find_reuse(df).query("source_id == 'wire-1' and target_id == 'paper-whole'").iloc[0]
    assert row.same_day and row.direction_basis == "mention"
    # no evidence at all: a tie, flagged
    df.loc[df.article_id == "paper-whole", "text"] = WIRE
    df.loc[df.article_id == "wire-1", "text"] = WIRE
    pair = find_reuse(df).query("target_id in ['paper-whole', 'wire-1'] and source_id in ['paper-whole', 'wire-1']")
    assert pair.same_day.all() and set(pair.direction_basis) == {"tie"}


def test_coarse_dates_compare_at_the_coarser_precision(corpus):
    df = corpus.copy()
    df.loc[df.article_id == "paper-edit", "date_precision"] = "month"
    row = find_reuse(df).query("target_id == 'paper-edit' or source_id == 'paper-edit'").iloc[0]
    assert row.same_day  # May 2021 vs 4 May 2021: order unknown


def test_reused_spans_merge_target_sides(corpus):
    found = find_reuse(corpus)
    spans = reused_spans(corpus, found)
    assert list(spans.columns) == ["article_id", "start", "end"]
    assert set(spans.article_id) == set(found.target_id)
    assert "wire-1" not in set(spans.article_id)  # the earliest copy keeps its text
    texts = _texts(corpus)
    whole = spans[spans.article_id == "paper-whole"].iloc[0]
    assert texts["paper-whole"][whole.start:whole.end] == WIRE.rstrip(".")
    # computed when no reuse table is given
    pd.testing.assert_frame_equal(reused_spans(corpus), spans)
    hand = pd.DataFrame({"source_id": ["x", "y"], "target_id": ["t", "t"], "target_start": [10, 5],
                         "target_end": [20, 12], "same_outlet": [False, True]})
    assert reused_spans(None, hand).values.tolist() == [["t", 5, 20]]
    assert reused_spans(None, hand, include_same_outlet=False).values.tolist() == [["t", 10, 20]]


def test_original_share_per_article_and_outlet(corpus):
    found = find_reuse(corpus)
    per = original_share(corpus, found).set_index("article_id")
    assert per.loc["wire-1", "original_share"] == 1.0
    assert per.loc["paper-whole", "original_share"] < 0.2
    assert 0.3 < per.loc["paper-part", "original_share"] < 0.8
    assert per.loc["paper-whole", "sources"] >= 1
    outlets = original_share(corpus, found, by="outlet")
    assert outlets.attrs["by"] == "outlet" and outlets.attrs["analysis"] == "original_share"
    outlets = outlets.set_index("group")
    assert outlets.loc["North Wire", "original_share"] == 1.0
    assert outlets.loc["Daily Paper", "reprints"] == 1
    total = per.groupby("outlet")[["words", "reused_words"]].sum()
    assert (outlets.loc[total.index, "words"] == total["words"]).all()


def test_minhash_candidates_find_whole_reprints_only(corpus):
    found = find_reuse(corpus, candidates="minhash", lsh_threshold=0.5)
    pairs = set(zip(found.source_id, found.target_id))
    assert ("wire-1", "paper-whole") in pairs
    assert ("wire-1", "paper-part") not in pairs  # the passage is a small part of the host article
    assert found.attrs["candidates"] == "minhash" and found.attrs["analysis"] == "find_reuse"


def test_unicode_and_case_keep_offsets_exact():
    base = ("İstanbul'da toplanan komisyon, liman projesinin ikinci aşamasını onayladı ve çalışmaların "
            "önümüzdeki ay başlayacağını açıkladı. Komisyon başkanı Ayşe Işıklı, projenin bölge ekonomisine "
            "büyük katkı sağlayacağını söyledi ve yerel işletmelerin ihalelere katılabileceğini belirtti. ")
    a = base * 2
    b = "ÖZEL HABER. " + base.upper() + base
    df = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "text": [a, b],
                       "date": pd.to_datetime(["2020-01-01", "2020-01-02"])})
    found = find_reuse(df)
    assert len(found)
    for r in found.itertuples():
        s = df.text[0][r.source_start:r.source_end]
        t = df.text[1][r.target_start:r.target_end]
        assert s.split()[0].lower() == t.split()[0].lower()
        assert s.split()[-1].lower() == t.split()[-1].lower()


def test_bad_input_gives_one_clear_error(corpus):
    with pytest.raises(ValueError, match="article_id"):
        find_reuse(corpus.drop(columns=["article_id"]))
    with pytest.raises(ValueError, match="candidates"):
        find_reuse(corpus, candidates="magic")
    with pytest.raises(ValueError, match="find_reuse"):
        reused_spans(corpus, pd.DataFrame({"x": [1]}))
    empty = find_reuse(corpus.iloc[:0])
    assert empty.empty and "source_id" in empty.columns


def test_reuse_edges_and_graph(corpus):
    from mediakit.plotting import plot_reuse_graph

    found = find_reuse(corpus)
    edges = reuse_edges(found)
    # copies of one wire story also share text with each other (Daily Paper -> Evening Post)
    assert set(zip(edges.source_outlet, edges.target_outlet)) == {
        ("North Wire", "Daily Paper"), ("North Wire", "Evening Post"), ("North Wire", "Island Voice"),
        ("Daily Paper", "Evening Post"), ("Daily Paper", "Island Voice"), ("Evening Post", "Island Voice")}
    assert edges.passages.sum() == len(found)
    ax = plot_reuse_graph(found, corpus)
    assert {"North Wire", "Daily Paper"} <= {t.get_text() for t in ax.texts}
    ax = plot_reuse_graph(found, corpus, level="article")
    assert len([p for p in ax.texts if type(p).__name__ == "Annotation"]) == found[["source_id", "target_id"]].drop_duplicates().shape[0]



def test_reuse_edges_with_dates_by_article_and_by_outlet(corpus):
    found = find_reuse(corpus)
    pairs = reuse_edges(found, level="article", with_dates=True)
    assert list(pairs.columns) == ["source_id", "target_id", "passages", "words", "article_pairs", "source_outlet",
                                   "target_outlet", "source_date", "target_date", "lag_days"]
    # the same table the notebook built by merging the plain edges with the reuse table's dates
    merged = reuse_edges(found, level="article").merge(
        found[["source_id", "target_id", "source_outlet", "target_outlet", "source_date", "target_date"]]
        .drop_duplicates(), on=["source_id", "target_id"])
    pd.testing.assert_frame_equal(pairs.drop(columns="lag_days"), merged)
    dates = dict(zip(corpus.article_id, corpus.date))
    outlets = dict(zip(corpus.article_id, corpus.outlet))
    for row in pairs.itertuples():
        assert row.source_date == dates[row.source_id] and row.target_date == dates[row.target_id]
        assert (row.source_outlet, row.target_outlet) == (outlets[row.source_id], outlets[row.target_id])
        assert row.lag_days == (dates[row.target_id] - dates[row.source_id]).days
    whole = pairs[(pairs.source_id == "wire-1") & (pairs.target_id == "paper-whole")].iloc[0]
    assert whole.lag_days == 1.0 and whole.passages == 1

    by_outlet = reuse_edges(found, with_dates=True)
    assert list(by_outlet.columns) == ["source_outlet", "target_outlet", "passages", "words", "article_pairs",
                                       "first_date", "last_date", "median_lag_days"]
    pd.testing.assert_frame_equal(by_outlet[["source_outlet", "target_outlet", "passages", "words", "article_pairs"]],
                                  reuse_edges(found))
    for row in by_outlet.itertuples():
        mine = pairs[(pairs.source_outlet == row.source_outlet) & (pairs.target_outlet == row.target_outlet)]
        assert row.first_date == mine.target_date.min() and row.last_date == mine.target_date.max()
        assert row.median_lag_days == mine.lag_days.median()
    wire = by_outlet.set_index(["source_outlet", "target_outlet"]).loc[("North Wire", "Island Voice")]
    assert wire.first_date == pd.Timestamp("2021-05-07") and wire.median_lag_days == 3.0


def test_reuse_edges_with_dates_needs_dates_and_keeps_empty_columns(corpus):
    found = find_reuse(corpus)
    with pytest.raises(ValueError, match=r"lacks \['source_date', 'target_date'\]"):
        reuse_edges(found.drop(columns=["source_date", "target_date"]), with_dates=True)
    empty = reuse_edges(found.iloc[:0], level="article", with_dates=True)
    assert empty.empty and list(empty.columns)[-1] == "lag_days"
    undated = found.assign(source_date=pd.NaT)
    assert reuse_edges(undated, level="article", with_dates=True).lag_days.isna().all()

def test_demo_corpus_gold_pairs_are_found():
    gold_path = S400 / "gold" / "reuse.csv"
    if not gold_path.exists():
        pytest.skip("data/s400/gold/reuse.csv is not there yet")
    from mediakit import load_corpus

    corpus = load_corpus(S400)
    gold = pd.read_csv(gold_path)
    found = find_reuse(corpus)
    for g in gold.itertuples():
        hits = found[(found.source_id == g.source_id) & (found.target_id == g.target_id)
                     & (found.target_start < g.target_end) & (found.target_end > g.target_start)]
        assert len(hits), f"gold passage {g.source_id} -> {g.target_id} at {g.target_start} not found"
    correct = [((gold.source_id == f.source_id) & (gold.target_id == f.target_id)).any() for f in found.itertuples()]
    assert sum(correct) / len(found) >= 0.95


def test_cli_reuse_jsonl(tmp_path, corpus, capsys):
    from mediakit.cli import main

    for r in corpus.itertuples():
        front = f"---\nid: {r.article_id}\ntitle: {r.article_id}\noutlet: {r.outlet}\ndate: {r.date:%Y-%m-%d}\n---\n"
        (tmp_path / f"{r.article_id}.md").write_text(front + r.text + "\n", encoding="utf-8")
    assert main(["reuse", str(tmp_path), "--format", "jsonl"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines and {"source_id", "target_id", "source_start", "target_end", "similarity"} <= set(lines[0])
    assert ("wire-1", "paper-whole") in {(x["source_id"], x["target_id"]) for x in lines}
    assert main(["reuse", str(tmp_path), "--share", "outlet", "--format", "csv"]) == 0
    assert "original_share" in capsys.readouterr().out


# ---------------------------------------------------------------- kinds, agency copy, contract
STATEMENT = ("We have received the request and will study it carefully with our partners before any decision "
             "is taken on the future of the terminal and the crossings to the island")


def _kinds_corpus() -> pd.DataFrame:
    note = ("Editor's note: this newsletter is produced by the harbour desk of the Norvik Gazette with support "
            "from readers like you, and every story in it is checked by two editors before it is sent out.")
    rows = [
        ("q1", "North Wire", "2021-05-01", f'The ministry replied on Monday. "{STATEMENT}," a spokesman said. '
                                           "The council meets again in June.", ""),
        ("q2", "Evening Post", "2021-05-02", "Islanders waited for an answer for weeks. A spokesman said: "
                                             f'"{STATEMENT}." Nobody at the ministry would say more.', ""),
        ("g1", "Norvik Gazette", "2021-05-03", "Bakers won a prize. " + note, ""),
        ("g2", "Norvik Gazette", "2021-05-04", "Fishermen protested at the pier. " + note, ""),
        ("g3", "Norvik Gazette", "2021-05-05", "The school opened a new library. " + note, ""),
        ("w1", "Evening Post", "2021-05-06", "Farmers reported a late harvest after the rain.", "AFP"),
    ]
    df = pd.DataFrame(rows, columns=["article_id", "outlet", "date", "text", "wire"])
    df["date"] = pd.to_datetime(df["date"])
    df["date_precision"] = "day"
    df["credits"] = ["", "", "", "", "", ""]
    return df


def test_every_passage_says_what_it_is(corpus):
    found = find_reuse(corpus)
    assert set(found["kind"]) == {"reprint"}
    df = _kinds_corpus()
    kinds = find_reuse(df, min_words=20)
    by_pair = {(r.source_id, r.target_id): r.kind for r in kinds.itertuples()}
    assert by_pair[("q1", "q2")] == "shared_quote"        # two outlets quoting the same statement
    texts = dict(zip(df.article_id, df.text))
    row = kinds[(kinds.source_id == "q1") & (kinds.target_id == "q2")].iloc[0]
    assert texts["q1"][row.source_start:row.source_end] in texts["q1"].split('"')[1]
    assert {by_pair[p] for p in [("g1", "g2"), ("g1", "g3"), ("g2", "g3")]} == {"boilerplate"}
    # a passage between two articles of one outlet only (two articles) is not boilerplate
    two = find_reuse(df[df.article_id != "g3"], min_words=20)
    assert two.loc[two.source_id == "g1", "kind"].tolist() == ["reprint"]
    # same_outlet=False drops the pairs within an outlet but still labels from them
    assert set(find_reuse(df, min_words=20, same_outlet=False)["kind"]) == {"shared_quote"}


def test_original_share_counts_agency_copy_and_not_shared_quotes():
    df = _kinds_corpus()
    found = find_reuse(df, min_words=20)
    per = original_share(df, found).set_index("article_id")
    assert per.loc["q2", "original_share"] == 1.0          # a shared quote is not reuse
    assert per.loc["w1", ["agency_copy", "agency", "original_share"]].tolist() == [True, "AFP", 0.0]
    assert per.loc["w1", "agency_words"] == per.loc["w1", "words"] == 8
    assert "1 of 6 articles" in per.attrs["note"]
    own = original_share(df, found, agency=False).set_index("article_id")
    assert own.loc["w1", "original_share"] == 1.0 and "note" not in own.attrs
    groups = original_share(df, found, by="outlet").set_index("group")
    post = per[per.outlet == "Evening Post"]
    assert groups.loc["Evening Post", "agency_copy"] == 1
    assert groups.loc["Evening Post", "original_share"] == pytest.approx(1 - 8 / post["words"].sum())
    # credits naming an agency count (not picture credits); an outlet credited for its own story does not
    df2 = df.assign(wire="", credits=["Photo: A. B. / AFP", "Reporting by Reuters", "", "", "", ""])
    df2.loc[5, "wire"] = "Evening Post"
    agency = original_share(df2, found).set_index("article_id")["agency"]
    assert agency.to_dict() == {"q1": "", "q2": "Reuters", "g1": "", "g2": "", "g3": "", "w1": ""}


def test_reuse_contract_errors_dtypes_attrs_and_empty(corpus):
    from mediakit import ColumnError

    with pytest.raises(ColumnError, match="find_reuse: column 'text' missing"):
        find_reuse(corpus.drop(columns=["text"]))
    with pytest.raises(ColumnError, match="original_share: column 'desk' missing"):
        original_share(corpus, find_reuse(corpus), by="desk")
    found, stats = find_reuse(corpus, return_stats=True)
    assert stats.candidates > 0 and "alignment" in stats.timings
    assert set(found.attrs) == {"analysis", "min_words", "min_similarity", "shingle", "window", "max_gap",
                                "min_shared", "max_df", "same_outlet", "candidates", "lsh_threshold", "with_text"}
    json.dumps(found.attrs)
    for col in ("source_start", "source_end", "target_start", "target_end"):
        assert str(found[col].dtype) == "Int64"
    empty = find_reuse(corpus.iloc[:0])
    assert list(empty.columns) == list(found.columns) and (empty.dtypes == found.dtypes).all()
    share = original_share(corpus.iloc[:0], empty, by="outlet")
    assert share.empty and "original_share" in share.columns and share.attrs["by"] == "outlet"
    assert reused_spans(None, empty).empty


def _pairs_reference(fh, fd, n, max_df, min_shared):
    """Plain reference: every pair of texts in every fingerprint group of 2..max_df texts, counted."""
    groups: dict[int, list[int]] = {}
    for h, d in zip(fh.tolist(), fd.tolist()):
        groups.setdefault(h, []).append(d)
    counts = Counter(a * n + b for g in groups.values() if 2 <= len(g) <= max_df for a, b in combinations(g, 2))
    kept = sorted((c, k) for c, k in counts.items() if k >= min_shared)
    return [c for c, _ in kept], [k for _, k in kept]


@pytest.mark.parametrize("seed", range(6))
def test_fingerprint_pairs_equal_a_plain_count_of_every_pair(seed):
    rng = np.random.default_rng(seed)
    n, max_df = int(rng.integers(2, 60)), int(rng.integers(2, 12))
    # groups of every size up to max_df + 2 (so groups at max_df are kept and larger ones skipped), some
    # texts sharing many fingerprints (pairs far above min_shared), singletons
    sizes = rng.integers(1, min(max_df + 3, n + 1), size=int(rng.integers(0, 400)))
    sizes = np.r_[sizes, [min(max_df, n)] * 5, [min(max_df + 1, n)] * 3].astype(int)
    with np.errstate(over="ignore"):  # distinct hashes over all 64 bits (an odd multiplier is a bijection)
        hashes = rng.permutation(len(sizes)).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    fh = np.repeat(hashes, sizes)
    fd = np.concatenate([np.sort(rng.choice(n, size=s, replace=False)) for s in sizes])
    order = np.lexsort((fd, fh))
    fh, fd = fh[order], fd[order]
    for min_shared in (1, 2, 3, 5):
        want = _pairs_reference(fh, fd, n, max_df, min_shared)
        for bucket in (1, 7, 1 << 22):  # one pair per bucket, a few, all in one
            codes, counts = fingerprint_pairs(fh, fd, n, max_df, min_shared, low_df=max_df, bucket=bucket)
            assert codes.dtype == counts.dtype == np.int64
            assert (codes.tolist(), counts.tolist()) == want, (seed, min_shared, bucket)


def test_fingerprint_pairs_edge_cases():
    empty = np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    assert [len(x) for x in fingerprint_pairs(*empty, 10, 100, 3)] == [0, 0]
    # one group of three texts: 3 pairs at count 1; nothing at min_shared 2; skipped at max_df 2
    fh, fd = np.array([5, 5, 5], dtype=np.uint64), np.array([0, 4, 9])
    codes, counts = fingerprint_pairs(fh, fd, 10, 3, 1)
    assert codes.tolist() == [4, 9, 49] and counts.tolist() == [1, 1, 1]
    assert len(fingerprint_pairs(fh, fd, 10, 3, 2)[0]) == 0
    assert len(fingerprint_pairs(fh, fd, 10, 2, 1)[0]) == 0


def _sorted_table(groups: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Fingerprint table (hash, text) sorted as ShingleIndex.fingerprints gives it, one hash per group."""
    with np.errstate(over="ignore"):  # distinct hashes over all 64 bits
        hashes = (np.arange(len(groups), dtype=np.uint64) + np.uint64(1)) * np.uint64(0x9E3779B97F4A7C15)
    fh = np.repeat(hashes, [len(g) for g in groups])
    fd = np.concatenate([np.sort(g) for g in groups]).astype(np.int64) if groups else np.zeros(0, np.int64)
    order = np.lexsort((fd, fh))
    return fh[order], fd[order]


def _pairs_by_rule(groups, n, max_df, min_shared, low_df):
    """fingerprint_pairs' documented rule, plainly: a pair sharing min_shared fingerprints in all is kept
    when min_shared - 1 of them are in low_df texts or fewer, or when one of them is in more, with the
    first two and last two texts of min_shared such fingerprints or more."""
    kept = [sorted(g) for g in groups if 2 <= len(g) <= max_df]
    total = Counter(a * n + b for g in kept for a, b in combinations(g, 2))
    low = Counter(a * n + b for g in kept if len(g) <= low_df for a, b in combinations(g, 2))
    ends = Counter((g[0], g[1], g[-2], g[-1]) for g in kept if len(g) > low_df)
    listed = {a * n + b for g in kept if len(g) > low_df and ends[g[0], g[1], g[-2], g[-1]] >= min_shared
              for a, b in combinations(g, 2)}
    out = sorted((c, k) for c, k in total.items()
                 if k >= min_shared and (low[c] >= min_shared - 1 or c in listed or min_shared <= 1))
    return [c for c, _ in out], [k for _, k in out]


def _random_groups(rng, n, low_df, max_df):
    """Rare fingerprints (2..low_df texts), stock phrases (each its own set of more texts) and passages
    reprinted in more than low_df texts (one set for many fingerprints, some with a text missing)."""
    groups = [list(rng.choice(n, size=int(rng.integers(2, low_df + 1)), replace=False))
              for _ in range(int(rng.integers(50, 400)))]
    groups += [list(rng.choice(n, size=int(rng.integers(low_df + 1, max_df + 3)), replace=False))
               for _ in range(int(rng.integers(0, 60)))]
    for _ in range(int(rng.integers(0, 4))):
        family = list(rng.choice(n, size=int(rng.integers(low_df + 1, max_df + 1)), replace=False))
        for _ in range(int(rng.integers(1, 8))):
            groups.append(family if rng.random() < 0.7 else family[:-1])
    return groups


@pytest.mark.parametrize("seed", range(8))
def test_fingerprint_pairs_follow_their_rule_with_exact_counts(seed):
    rng = np.random.default_rng(seed)
    n, low_df = int(rng.integers(20, 80)), int(rng.integers(2, 6))
    max_df = low_df + int(rng.integers(2, 12))
    groups = _random_groups(rng, n, low_df, max_df)
    fh, fd = _sorted_table(groups)
    for min_shared in (1, 2, 3, 4):
        exact = dict(zip(*_pairs_reference(fh, fd, n, max_df, min_shared)))
        want = _pairs_by_rule(groups, n, max_df, min_shared, low_df)
        for bucket in (3, 1 << 22):
            codes, counts = fingerprint_pairs(fh, fd, n, max_df, min_shared, low_df=low_df, bucket=bucket)
            assert (codes.tolist(), counts.tolist()) == want, (seed, min_shared, bucket)
            # every pair returned is a pair of the exact count, with its exact count
            assert all(exact[c] == k for c, k in zip(codes.tolist(), counts.tolist()))


@pytest.mark.parametrize("seed", range(4))
def test_fingerprint_pairs_equal_the_exact_count_where_stock_phrases_decide_nothing(seed):
    # rare fingerprints everywhere, and every fingerprint of more than low_df texts is part of a passage
    # reprinted verbatim (its posting list shared by min_shared fingerprints or more): nothing may differ
    rng = np.random.default_rng(100 + seed)
    n, max_df, min_shared = 300, 40, 3
    groups = [list(rng.choice(n, size=int(rng.integers(2, _LOW_DF + 1)), replace=False)) for _ in range(3000)]
    for _ in range(12):
        family = list(rng.choice(n, size=int(rng.integers(_LOW_DF + 1, max_df + 1)), replace=False))
        groups += [family] * int(rng.integers(min_shared, 12))
    fh, fd = _sorted_table(groups)
    want = _pairs_reference(fh, fd, n, max_df, min_shared)
    stats: dict[str, int] = {}
    codes, counts = fingerprint_pairs(fh, fd, n, max_df, min_shared, stats=stats)
    assert (codes.tolist(), counts.tolist()) == want
    assert len(want[0]) > 500 and stats["lists"] == 12


@pytest.mark.parametrize("seed", range(3))
def test_fingerprint_pairs_in_chunks_equal_a_plain_count_at_the_df_edges(seed):
    # groups of exactly low_df (counted pairwise), low_df + 1 (posting lists), max_df (kept) and max_df + 1
    # (skipped) texts, reprinted lists among them, read in chunks of a few entries (a chunk always ends
    # with a group) and with pair budgets that force the bucketed count: pairs and counts never change
    rng = np.random.default_rng(200 + seed)
    n, low_df, max_df = 90, 4, 9
    groups = [list(rng.choice(n, size=size, replace=False))
              for size in rng.choice([2, 3, low_df, low_df + 1, max_df, max_df + 1], size=300)]
    family = list(rng.choice(n, size=low_df + 1, replace=False))
    groups += [family] * 4 + [list(rng.choice(n, size=max_df, replace=False))] * 3
    groups += [groups[int(i)] for i in rng.integers(0, 300, size=40)]  # pairs sharing many fingerprints
    fh, fd = _sorted_table(groups)
    for min_shared in (1, 2, 3, 4):
        exact = _pairs_reference(fh, fd, n, max_df, min_shared)
        want = _pairs_by_rule(groups, n, max_df, min_shared, low_df)
        assert len(want[0]) >= 10
        for chunk in (5, 64, 1 << 17):
            for bucket in (10, 1 << 22):
                got = fingerprint_pairs(fh, fd, n, max_df, min_shared, low_df=low_df, bucket=bucket, chunk=chunk)
                assert (got[0].tolist(), got[1].tolist()) == want, (min_shared, chunk, bucket)
                every = fingerprint_pairs(fh, fd, n, max_df, min_shared, low_df=max_df, bucket=bucket, chunk=chunk)
                assert (every[0].tolist(), every[1].tolist()) == exact, (min_shared, chunk, bucket)
        # every pair returned has the count of the plain reference
        ref = dict(zip(*exact))
        assert all(ref[c] == k for c, k in zip(*want))


def test_a_stock_phrase_in_many_articles_makes_no_pairs():
    # three stock phrases, each in 60 of 100 texts (its own set): some 250 pairs of texts hold all three,
    # which the exact count keeps; none is a candidate, and no pair of the 1,770 of each phrase is made
    rng = np.random.default_rng(3)
    groups = [list(rng.choice(100, size=60, replace=False)) for _ in range(3)]
    fh, fd = _sorted_table(groups)
    exact, _ = fingerprint_pairs(fh, fd, 100, 100, 3, low_df=100)
    assert len(exact) > 200
    for chunk in (7, 1 << 17):  # read in chunks or in one
        stats: dict[str, int] = {}
        codes, counts = fingerprint_pairs(fh, fd, 100, 100, 3, chunk=chunk, stats=stats)
        assert len(codes) == len(counts) == 0
        assert stats["raw_pairs"] == 0 and stats["lists"] == 0


def test_a_passage_reprinted_in_more_than_low_df_articles_keeps_all_its_pairs():
    # 20 fingerprints of one passage in the same K + 5 texts (2 of them missing one text, as after an
    # edit), beside stock phrases: every pair of the K + 5 texts, with its exact count
    k = _LOW_DF + 5
    rng = np.random.default_rng(5)
    family = list(range(10, 10 + k))
    groups = [family] * 18 + [family[1:], family[:-1]]
    groups += [list(rng.choice(200, size=50, replace=False)) for _ in range(30)]
    fh, fd = _sorted_table(groups)
    codes, counts = fingerprint_pairs(fh, fd, 200, 100, 3)
    want = _pairs_reference(fh, fd, 200, 100, 3)
    got = dict(zip(codes.tolist(), counts.tolist()))
    for a, b in combinations(family, 2):
        assert got[a * 200 + b] == dict(zip(*want))[a * 200 + b] >= 18
    assert set(got) <= set(want[0])


def test_a_passage_reprinted_in_many_articles_is_found_in_each_pair():
    rng = np.random.default_rng(11)
    words = [f"w{i}" for i in range(5000)]
    passage = " ".join(rng.choice(words, size=60))
    k = _LOW_DF + 5
    texts = [" ".join(rng.choice(words, size=80)) + " " + passage + " " + " ".join(rng.choice(words, size=40))
             for _ in range(k)] + [" ".join(rng.choice(words, size=150)) for _ in range(20)]
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts,
                         "outlet": [f"o{i}" for i in range(len(texts))],
                         "date": pd.date_range("2021-01-01", periods=len(texts))})
    found = find_reuse(arts)
    pairs = {frozenset(p) for p in zip(found.source_id, found.target_id)}
    assert pairs == {frozenset((f"a{i}", f"a{j}")) for i, j in combinations(range(k), 2)}
    for f in found.itertuples():
        assert arts.text[int(f.source_id[1:])][f.source_start:f.source_end] == passage
        assert arts.text[int(f.target_id[1:])][f.target_start:f.target_end] == passage


def test_distinct_posting_lists_survive_hash_collisions(monkeypatch):
    rng = np.random.default_rng(2)
    groups = _random_groups(rng, 60, 3, 12)
    fh, fd = _sorted_table(groups)
    want = fingerprint_pairs(fh, fd, 60, 12, 3, low_df=3)
    # every set hashed alike: the lists are told apart entry by entry
    monkeypatch.setattr(_candidates, "_set_hash", lambda texts, size: np.zeros(len(size), dtype=np.uint64))
    got = fingerprint_pairs(fh, fd, 60, 12, 3, low_df=3)
    assert [x.tolist() for x in got] == [x.tolist() for x in want] and len(want[0])


def test_a_passage_in_many_edited_copies_keeps_its_pairs():
    # 40 fingerprints of a passage in K + 25 texts, each copy losing each fingerprint 1 time in 5 (light
    # edits): the posting lists all differ, yet every pair is found with its exact count, beside 30 stock
    # phrases of 50 texts each, which make no pair
    rng = np.random.default_rng(8)
    family = np.arange(20, 20 + _LOW_DF + 25)
    groups = [list(family[rng.random(len(family)) >= 0.2]) for _ in range(40)]
    assert len({tuple(g) for g in groups}) == 40
    stock = [list(rng.choice(np.r_[0:20, 60:400], size=50, replace=False)) for _ in range(30)]
    fh, fd = _sorted_table(groups + stock)
    exact = _pairs_reference(fh, fd, 400, 100, 3)
    want = [(c, k) for c, k in zip(*exact) if c // 400 in family and c % 400 in family]
    assert len(want) < len(exact[0])  # the exact count also has pairs sharing three stock phrases
    stats: dict[str, int] = {}
    codes, counts = fingerprint_pairs(fh, fd, 400, 100, 3, stats=stats)
    assert list(zip(codes.tolist(), counts.tolist())) == want
    assert {(c // 400, c % 400) for c, _ in want} == set(combinations(family.tolist(), 2))
    assert stats["raw_pairs"] < 40 * len(family) ** 2 // 2


@pytest.mark.parametrize("seed", range(6))
def test_sorted_unique_equals_a_lexsort_and_unique(seed, monkeypatch):
    # hashes over all 64 bits, or differing only in low bits (the top bits of the sort keys tie, so the
    # run repair orders them), with many ties and repeats within a text; texts non-decreasing; some
    # entries not kept; in chunks of every width: the pairs (hash, text) of np.unique over a lexsort
    rng = np.random.default_rng(seed)
    span = 2**64 - 1 if seed % 2 else 2**int(rng.integers(1, 20))
    distinct = rng.integers(0, span, size=int(rng.integers(1, 3000)), dtype=np.uint64, endpoint=True)
    size = int(rng.integers(1, 20000))
    h = rng.choice(distinct, size=size)
    doc = np.sort(rng.integers(0, max(size // 7, 1), size=size))
    ptr = np.r_[0, np.cumsum(np.bincount(doc, minlength=max(size // 7, 1) + 3))]  # some texts empty
    keep = rng.random(size) < 0.6
    pairs = np.unique(np.stack([h[keep], doc[keep].astype(np.uint64)], axis=1), axis=0)
    for chunk in (1, 7, 1000, 1 << 17):
        monkeypatch.setattr(_shingles, "_CHUNK", chunk)
        hs, ds = _shingles._sorted_unique(h, ptr, keep)
        assert hs.dtype == np.uint64 and ds.dtype == np.int64
        assert np.array_equal(hs, pairs[:, 0]) and np.array_equal(ds, pairs[:, 1].astype(np.int64)), chunk
    hs, ds = _shingles._sorted_unique(h, ptr, np.zeros(size, dtype=bool))
    assert len(hs) == len(ds) == 0


def test_chunked_shingles_and_fingerprints_equal_one_pass(monkeypatch):
    # hashing and winnowing in chunks of a few shingles (windows across chunk ends) give what one pass gives
    rng = np.random.default_rng(4)
    words = [f"w{i}" for i in range(40)]
    texts = [" ".join(rng.choice(words, size=int(rng.integers(0, 60)))) for _ in range(50)]
    whole = _shingles.ShingleIndex(texts, 5)
    want = whole.fingerprints(4)
    # text by text: the hashes of each text's own shingles, one after the other
    per_text = []
    for t in texts:
        toks = _shingles._TOKEN_RE.findall(t.lower())
        if len(toks) >= 5:
            per_text.append(_shingles._rolling_hashes(_shingles.token_hashes(toks), 5))
    assert np.array_equal(np.concatenate(per_text), whole.hashes)
    assert whole.ptr[-1] == len(whole.hashes) == sum(max(len(t.split()) - 4, 0) for t in texts)
    for chunk in (1, 3, 17):
        monkeypatch.setattr(_shingles, "_CHUNK", chunk)
        part = _shingles.ShingleIndex(texts, 5)
        assert np.array_equal(part.hashes, whole.hashes)
        got = part.fingerprints(4)
        assert all(np.array_equal(x, y) for x, y in zip(got, want)) and len(want[0]) > 300, chunk
