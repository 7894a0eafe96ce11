"""Mojibake (UTF-8 read as Latin-1/Windows-1252) is repaired at load time; offsets index the repaired text."""

from __future__ import annotations

import hashlib
import unicodedata
import warnings
from pathlib import Path

import pytest

import mediakit as mk
from mediakit.text import normalize_text, repair_mojibake

ROOT = Path(__file__).resolve().parents[1]


def _mojibake(s: str) -> str:
    return s.encode("utf-8").decode("cp1252")


@pytest.mark.parametrize("clean", ["Fethullah Gülen spoke.", "Ségolène Royal and François Delattre",
                                   "It’s a ‘quote’ — and naïveté", "Jesús and Raúl in Ciudad Juárez"])
def test_classic_mojibake_is_repaired(clean):
    assert _mojibake(clean) != clean
    assert repair_mojibake(_mojibake(clean)) == clean
    assert normalize_text(_mojibake(clean)) == clean


def test_mojibake_that_went_through_nfkd_is_repaired():
    # as found in real coverage: "Gülen" -> "GÃ¼len" -> NFKD -> "GA\u0303" + "1⁄4len"; "è" -> "Ã" + " \u0308"
    damaged = unicodedata.normalize("NFKD", _mojibake("Gülen, Ségolène, naïve, Raúl, d'être"))
    assert normalize_text(damaged) == "Gülen, Ségolène, naïve, Raúl, d'être"
    # doubly encoded, with the C1 control byte the loader drops already gone: "ú" -> "ÃÂº" -> "ÃÂo"
    assert normalize_text("Rep. RaÃÂol Grijalva") == "Rep. Raúl Grijalva"


@pytest.mark.parametrize("text", ["SÃO PAULO, Brazil", "Gülen, naïve, “quotes”, Ã on its own", "Â", "1⁄4 cup",
                                  "Müller said: «Россия» и Türkiye"])
def test_text_without_mojibake_is_left_alone(text):
    assert repair_mojibake(text) == text


def test_load_corpus_repairs_and_offsets_index_the_repaired_text(tmp_path):
    body = ("Prosecutors named Fethullah Gülen. Supporters of Gülen denied it. "
            "Ségolène Royal said it’s over.")
    (tmp_path / "wire").mkdir()
    for i in range(2):
        (tmp_path / "wire" / f"a{i}.md").write_text(
            f"---\ntitle: Gülen case {i}\noutlet: Wire\ndate: 2016-08-0{i + 1}\n---\n\n{_mojibake(body)} Day {i}.\n",
            encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = mk.load_corpus(tmp_path, boilerplate="keep")
    assert df["text"].str.contains("Gülen").all() and not df["text"].str.contains("Ã|â€").any()
    assert df["title"].str.startswith("Gülen case").all()
    hits = mk.kwic(df, "Gülen")
    assert len(hits) == 4
    texts = df.set_index("article_id")["text"]
    for row in hits.itertuples():
        assert texts[row.article_id][row.start:row.end] == "Gülen"


@pytest.mark.parametrize("folder", ["data/s400", "tests/data/harbour"])
def test_shipped_corpora_load_byte_identical(folder):
    """No text of the shipped corpora changes: the repair touches mojibake only (hashes from before it)."""
    expected = {"data/s400": "baea561fbc81ee8c457f3d27e53cd8b9221d0de3d54e384f5f8eb3c102658e8a",
                "tests/data/harbour": "7cbdae447e2f3a50e5d1002a5692d9b90a78b980bb0f0d445d8f14463ddffce2"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = mk.load_corpus(ROOT / folder, progress=False)
    assert hashlib.sha256("\x01".join(df.text).encode()).hexdigest() == expected[folder]
    assert all(repair_mojibake(t) == t for t in df.text)


def test_mojibake_keeping_a_c1_control_is_repaired_before_controls_are_dropped(tmp_path):
    """UTF-8 read as Latin-1 turns the third byte of a non-breaking hyphen or an ellipsis into a C1 control;
    the loader repairs the text before it drops control characters, so the letter comes back whole."""
    body = "A real\u2011world test\u2026 and a long\u2011term plan for Gülen."
    broken = body.encode("utf-8").decode("latin-1")
    assert "\x91" in broken and "\x80" in broken  # C1 controls the loader would otherwise drop
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "a.md").write_text(f"---\ntitle: T\noutlet: Wire\ndate: 2016-08-01\n---\n\n{broken}\n",
                                             encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = mk.load_corpus(tmp_path, boilerplate="keep")
    assert df["text"].iloc[0] == body
