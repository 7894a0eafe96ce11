"""An outlet's own name is furniture, not one of its distinctive terms (3/7 item 1, by default)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from mediakit.terms import distinctive_terms
from mediakit.terms._own_name import name_part_counts, own_name_mask

# Real-news shapes: "told POLITICO", "Copyright USA TODAY", "USA TODAY Network", and a word of a multi-word
# name ("today") that the outlet also uses as a word. Each article reads differently so that no sentence
# repeats in three articles of an outlet (that would be learned boilerplate, a different rule).
CORPUS = pd.DataFrame({
    "outlet": ["politico"] * 3 + ["usa-today"] * 3 + ["The Ledger"] * 3,
    "text": [
        "Senator Marsh told POLITICO the levy would pass. Ferries and levy votes.",
        "A levy aide told Politico on Monday that ferries matter. POLITICO's count shows it.",
        "The levy bill, POLITICO has learned, stalls. Ferries again.",
        "Tolls rose today, and today the mayor spoke. Copyright USA TODAY. Tolls and bridges.",
        "The bridge tolls vote is today. USA TODAY Network reporters. Bridges, tolls.",
        "Tolls fell, a USA TODAY review found; bridges closed today after the storm today.",
        "Harbour cranes, a USA TODAY report said, and Politico wrote too. Cranes and docks.",
        "Docks and cranes; the Ledger counted cranes. Docks.",
        "Cranes stood idle at the docks, the Ledger found. Harbour docks.",
    ],
})


def _top(df: pd.DataFrame, **kw) -> dict[str, list[str]]:
    out = distinctive_terms(df, top=10, min_docs=1, stop_words="en", **kw)
    return {g: sub["term"].tolist() for g, sub in out.groupby("group")}


def test_own_name_is_left_out_of_the_outlets_own_terms():
    before = _top(CORPUS, keep_own_name=True)        # what the old code listed
    assert {"POLITICO", "politico"} & set(before["politico"])
    assert {"USA", "TODAY"} <= set(before["usa-today"])

    top = _top(CORPUS)
    assert not {"POLITICO", "politico", "POLITICO's"} & set(top["politico"]), top["politico"]
    assert not {"USA", "TODAY"} & set(top["usa-today"]), top["usa-today"]
    assert "ledger" not in top["The Ledger"] and "cranes" in top["The Ledger"]
    # "today" is used 5 times as a word and 3 times in "USA TODAY": mostly outside the name, so it stays
    assert "today" in top["usa-today"]
    assert {"levy", "ferries"} <= set(top["politico"]) and {"tolls", "bridges"} <= set(top["usa-today"])


def test_rivals_names_stay_and_scores_do_not_move():
    full_kept = distinctive_terms(CORPUS, min_docs=1, stop_words="en", keep_own_name=True)
    full = distinctive_terms(CORPUS, min_docs=1, stop_words="en")
    removed = set(zip(full_kept.group, full_kept.term)) - set(zip(full.group, full.term))
    # only the outlets' own names left their own rows ("politico" in The Ledger's rows is a rival's name)
    assert removed == {("politico", "POLITICO"), ("politico", "politico"),
                       ("usa-today", "USA"), ("usa-today", "TODAY"), ("The Ledger", "ledger")}
    assert ("The Ledger", "politico") in set(zip(full.group, full.term))
    assert ("The Ledger", "USA") in set(zip(full.group, full.term))
    merged = full.merge(full_kept, on=["group", "term"], suffixes=("", "_kept"))
    assert len(merged) == len(full)
    np.testing.assert_array_equal(merged["z"], merged["z_kept"])      # the statistics are the same
    np.testing.assert_array_equal(merged["count"], merged["count_kept"])
    assert full.attrs["keep_own_name"] is False and full_kept.attrs["keep_own_name"] is True


def test_name_forms_hyphens_run_together_and_ngrams():
    df = pd.DataFrame({
        "outlet": ["daily-star"] * 2 + ["Harbor Times"] * 2,
        "text": ["Read the DailyStar and the daily-star app. Crops failed.",
                 "Crops, said the Daily Star editor; crops and rain.",
                 "Rain fell on the docks, the Harbor Times reported. Docks.",
                 "Docks flooded; the Harbor Times said rain. Docks closed."],
    })
    top = distinctive_terms(df, min_docs=1, stop_words="en", ngram_range=(1, 2))
    star = set(top.loc[top.group == "daily-star", "term"])
    assert not {"dailystar", "daily-star", "daily star", "daily", "star", "daily star editor"} & star, star
    assert "crops" in star
    times = set(top.loc[top.group == "Harbor Times", "term"])
    assert not {"harbor", "times", "harbor times", "harbor times reported"} & times, times
    assert "docks" in times
    kept = distinctive_terms(df, min_docs=1, stop_words="en", ngram_range=(1, 2), keep_own_name=True)
    assert {"dailystar", "daily star"} <= set(kept.loc[kept.group == "daily-star", "term"])


def test_only_when_grouping_by_outlet_against_the_rest():
    by_source = CORPUS.rename(columns={"outlet": "source"})
    top = distinctive_terms(by_source, by="source", top=10, min_docs=1, stop_words="en")
    assert {"POLITICO", "politico"} & set(top.loc[top.group == "politico", "term"])
    assert top.attrs["keep_own_name"] is None
    pair = distinctive_terms(CORPUS, pair=("politico", "usa-today"), min_docs=1, stop_words="en")
    assert "POLITICO" in set(pair.loc[pair.group == "politico", "term"]) and pair.attrs["keep_own_name"] is None


def test_part_counts_and_mask_units():
    found = name_part_counts(["USA TODAY's poll. USA  TODAY again", "USA\nTODAY", "today only", "USATODAY"],
                             np.array([0, 0, 0, 1]), ["usa-today", "usatoday"], str.lower)
    assert found == {0: {"usa": 3, "today": 2, "today's": 1}}
    mask = own_name_mask(["usa", "today", "today's", "usa today", "told usa today", "usatoday", "tolls"],
                         np.array([3, 6, 1, 3, 1, 1, 9]), "usa-today", found[0])
    assert mask.tolist() == [True, False, True, True, True, True, False]


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_same_result_counting_in_processes(n_jobs):
    a = distinctive_terms(CORPUS, min_docs=1, stop_words="en", n_jobs=n_jobs)
    b = distinctive_terms(CORPUS, min_docs=1, stop_words="en", n_boot=5)
    pd.testing.assert_frame_equal(a, b[a.columns], check_exact=False, rtol=1e-12)
    assert "POLITICO" not in set(a.loc[a.group == "politico", "term"])


def test_cli_terms_leaves_the_own_name_out_unless_asked(tmp_path, capsys):
    from mediakit.cli import main

    path = tmp_path / "corpus.csv"
    CORPUS.assign(date="2020-01-01", title="t").to_csv(path, index=False)
    got = {}
    for flag in ([], ["--keep-own-name"]):
        assert main(["terms", str(path), "--min-docs", "1", "--stop-words", "en", "--format", "csv", *flag]) == 0
        out = pd.read_csv(io.StringIO(capsys.readouterr().out))
        got[bool(flag)] = set(out.loc[out["group"] == "politico", "term"].str.lower())
    assert "politico" not in got[False] and "politico" in got[True]


# An outlet id that abbreviates the name its articles write: "harb-gaz" for "Harbour Gazette", "nlt" for
# "Northern Lakes Tribune". Five articles each; the written name is in three of harb-gaz's.
ABBREVIATED = pd.DataFrame({
    "outlet": ["harb-gaz"] * 5 + ["nlt"] * 5,
    "text": [
        "Dredging starts, a pilot told the Harbour Gazette. Gazette readers asked about silt.",
        "The Harbour Gazette's survey of moorings found dredging late. Moorings and silt.",
        "Silt closed the channel, Harbour Gazette reporters saw. Dredging resumed.",
        "Moorings were cut; dredging crews waited at the harbour wall.",
        "Harbour fees rose for moorings, and the harbour master spoke of silt.",
        "Ferries ran late, the Northern Lakes Tribune found. Ferries and piers.",
        "Pier repairs, a Northern Lakes Tribune review says, will take months. Piers.",
        "The Northern Lakes Tribune asked ferry crews about piers and repairs.",
        "Ferry crews repaired piers in the north.",
        "Lakes froze early; ferries stopped at the piers.",
    ],
})


def test_a_name_written_in_the_outlets_articles_is_learned_from_an_id_that_abbreviates_it():
    kept = _top(ABBREVIATED, keep_own_name=True)
    assert {"gazette", "tribune"} <= set(kept["harb-gaz"]) | set(kept["nlt"])
    top = _top(ABBREVIATED)
    assert not {"gazette", "northern", "tribune", "lakes"} & (set(top["harb-gaz"]) | set(top["nlt"]))
    assert "harbour" in top["harb-gaz"]    # used mostly outside the name ("harbour wall", "harbour fees"): content
    assert {"dredging", "silt"} <= set(top["harb-gaz"]) and {"ferries", "piers"} <= set(top["nlt"])


def test_written_names_need_three_articles_and_abbreviate_the_whole_id():
    from collections import Counter

    from mediakit.terms._own_name import abbreviates, learn_written_names, written_name_counts

    assert abbreviates("nlt", ["Northern", "Lakes", "Tribune"]) and abbreviates("wapo", ["Washington", "Post"])
    assert not abbreviates("nlt", ["Northern", "Lakes"])          # every letter used
    assert not abbreviates("nlt", ["Lakes", "Northern", "Tribune"])  # in order
    assert not abbreviates("harb-gaz", ["Harbour", "Gazette", "Weekly"])  # every word used
    texts = ["told the Harbour Gazette.", "The Harbour Gazette's view.", "A Harbour Gazette poll."]
    found = written_name_counts(texts, np.array([0, 0, 0]), ["harb-gaz"], str.lower)
    assert found[0]["Harbour Gazette"][0] == 3 and found[0][""][0] == 3
    assert found[0]["Harbour Gazette"][1] == Counter({"harbour": 3, "gazette": 3})
    assert list(learn_written_names(found)) == [0]
    two = written_name_counts(texts[:2], np.array([0, 0]), ["harb-gaz"], str.lower)
    assert learn_written_names(two) == {}                          # two articles are not enough
