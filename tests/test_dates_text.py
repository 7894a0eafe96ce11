"""Date parsing with precision, and the small text functions (offsets, tokens, folding)."""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit.dates import parse_date
from mediakit.text import fold, normalize_text, sentence_spans, split_sentences, tokenize, word_count


@pytest.mark.parametrize("raw,expected,precision", [
    ("2020-12-14", "2020-12-14", "day"),
    ("2018-04-03/04", "2018-04-03", "day"),
    ("2020-12 (inferred)", "2020-12-01", "month"),
    ("2017 (n/v)", "2017-01-01", "year"),
    ("December 2020", "2020-12-01", "month"),
    ("14 December 2020", "2020-12-14", "day"),
    ("Dec 14, 2020", "2020-12-14", "day"),
    ("Mon, 14 Dec 2020 19:30:00 -0500", "2020-12-15 00:30:00", "day"),
    ("2020-10-16T09:10:00+03:00", "2020-10-16 06:10:00", "day"),
    ("20201214T193000Z", "2020-12-14 19:30:00", "day"),
    ("2019-07-17 14:05:00", "2019-07-17 14:05:00", "day"),
    (2019, "2019-01-01", "year"),
])
def test_parse_date(raw, expected, precision):
    ts, prec = parse_date(raw)
    assert ts == pd.Timestamp(expected) and prec == precision
    assert ts.tzinfo is None


@pytest.mark.parametrize("raw", ["", None, "n/a", "unknown", "March 3", "next week", float("nan")])
def test_unparseable_dates(raw):
    ts, prec = parse_date(raw)
    assert pd.isna(ts) and prec == "unknown"


def test_sentence_offsets_are_exact():
    text = ('Mr. Demir spoke to NTV. "We will wait," he said.\n\nThe U.S. imposed sanctions on Dec. 14. '
            "J. Smith agreed! Did Ankara respond? Yes.")
    sents = split_sentences(text)
    for s, start, end in sents:
        assert text[start:end] == s
    assert [s for s, _, _ in sents] == [
        "Mr. Demir spoke to NTV.", '"We will wait," he said.',
        "The U.S. imposed sanctions on Dec. 14.", "J. Smith agreed!", "Did Ankara respond?", "Yes."]


def test_paragraph_break_ends_a_sentence():
    assert len(sentence_spans("Headline without stop\n\nBody starts here.")) == 2


def test_tokenize_keeps_news_tokens():
    toks = tokenize("The S-400, F-35 and Hisar A+ systems; CAATSA, the U.S. and Erdoğan's plan.", lower=True)
    assert "s-400" in toks and "f-35" in toks and "A+" in toks and "CAATSA" in toks and "U.S" in toks
    assert "erdoğan's" in toks
    assert tokenize("Erdoğan Çavuşoğlu", fold_diacritics=True) == ["Erdogan", "Cavusoglu"]
    assert word_count("One two, three.") == 3


def test_fold_and_normalize():
    assert fold("İsmail Çavuşoğlu, Gencoğlu") == "Ismail Cavusoglu, Gencoglu"
    assert fold("Сергей Лавров, Йошкар-Ола, ёж") == "Сергей Лавров, Йошкар-Ола, ёж"  # Cyrillic letters stay
    assert normalize_text("a\u00a0 b \r\n \r\n\r\n\r\nc  ") == "a b\n\nc"


def test_shared_tokenizer_and_token_spans_have_exact_offsets():
    from mediakit.text import BOUNDARY, fold_token, news_tokenizer, token_spans

    text = "İsmail Demir’in S-400 kararı: $2.5 milyar. Ёмкость 10%."
    spans = list(token_spans(text))
    assert all(text[s:e] == t for t, s, e in spans)
    assert [t for t, _, _ in spans] == ["İsmail", "Demir’in", "S-400", "kararı", "2.5", "milyar", "Ёмкость", "10"]
    tok = news_tokenizer(fold_diacritics=True, boundaries=True)
    assert tok(text) == ["ismail", "demir'in", "s-400", "karari", BOUNDARY, "2.5", "milyar", BOUNDARY, "емкость", "10"]
    assert fold_token("ı") == "i" and fold_token("й") == "й"
