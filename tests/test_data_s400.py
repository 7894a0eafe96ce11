"""The bundled S-400 corpus: loads completely, languages are right, gold points at the text it names."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from mediakit.corpus import load_corpus
from mediakit.text import detect_language

from .conftest import S400

OUTLETS = {"Volga Wire", "Anatolian Courier", "Bosphorus Ledger", "Potomac Herald", "Defense Systems Monitor",
           "Rhine Radio International", "TASS"}


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any skipped file would warn
        return load_corpus(S400)


def test_loads_every_file_with_nothing_skipped(corpus):
    assert corpus.attrs == {"n_skipped": 0, "n_notes": 0, "n_duplicates": 0}
    assert len(corpus) >= 49
    assert set(corpus.outlet) == OUTLETS
    assert corpus.article_id.is_unique
    formats = corpus.source_path.str.extract(r"\.(md|html|xml|csv)")[0].value_counts()
    assert formats["html"] >= 3 and formats["xml"] >= 1 and formats["csv"] >= 1


def test_languages_are_right(corpus):
    counts = corpus.language.value_counts()
    assert counts["tr"] == 5 and counts["ru"] == 2
    for row in corpus.itertuples():
        assert detect_language(row.text) == row.language, row.source_path


def test_synthetic_marking_and_seed_credit(corpus):
    seed = corpus[corpus.outlet == "TASS"].iloc[0]
    assert seed.date == pd.Timestamp("2021-03-03") and seed.wire == "TASS"
    assert "Based on materials from TASS" in seed.credits
    others = corpus[corpus.outlet != "TASS"]
    assert others.synthetic.map(lambda v: str(v).lower() == "true").all()


def test_articles_are_250_to_900_words(corpus):
    words = corpus.text.str.split().str.len()
    assert words.between(250, 900).all(), corpus.loc[~words.between(250, 900), "source_path"].tolist()


def test_most_outlets_cover_seven_events(corpus):
    days = corpus[corpus.outlet != "TASS"].groupby("outlet").date.apply(lambda d: d.dt.normalize().nunique())
    assert (days >= 7).sum() >= 5


def test_answer_key_names_every_outlet_and_reprint():
    key = (S400 / "README.md").read_text(encoding="utf-8")
    for outlet in OUTLETS:
        assert outlet in key
    for rid in ("R1", "R2", "R3", "R4", "R5", "R6"):
        assert f"| {rid} |" in key


def test_gold_quotes_point_at_their_text(corpus):
    gold = pd.read_csv(S400 / "gold" / "quotes.csv")
    texts = dict(zip(corpus.article_id.astype(str), corpus.text))
    assert gold.article_id.astype(str).nunique() >= 15
    assert "tass-2021-03-03-second-regiment" in set(gold.article_id)
    assert set(gold.kind) == {"direct", "indirect", "mixed", "according_to"}
    for r in gold.itertuples():
        assert texts[str(r.article_id)][r.start:r.end] == r.quote


def test_gold_frames_point_at_their_sentences(corpus):
    gold = pd.read_csv(S400 / "gold" / "frames.csv")
    texts = dict(zip(corpus.article_id.astype(str), corpus.text))
    assert len(gold) >= 150
    assert set(gold.frame) <= {"sovereignty", "alliance", "security", "sanctions_legality", "economic",
                               "russia_gain", "diplomacy", "domestic_politics", "none"}
    for r in gold.itertuples():
        assert texts[str(r.article_id)][r.start:r.end] == r.sentence


def test_gold_reuse_pairs_are_real_overlaps(corpus):
    gold = pd.read_csv(S400 / "gold" / "reuse.csv")
    by_id = corpus.assign(article_id=corpus.article_id.astype(str)).set_index("article_id")
    assert gold.target_id.nunique() >= 6
    for r in gold.itertuples():
        src, tgt = by_id.loc[str(r.source_id)], by_id.loc[str(r.target_id)]
        assert src.date.normalize() <= tgt.date.normalize() and src.outlet != tgt.outlet
        a = src.text[r.source_start:r.source_end].split()
        b = tgt.text[r.target_start:r.target_end].split()
        assert len(a) >= 25 and len(b) >= 25
        shared = len(set(a) & set(b)) / len(set(a) | set(b))
        assert shared > 0.7  # lightly edited: a few words differ
