"""Tests of mediakit.parsed: exact offsets, sentence numbering, normal forms, and the content-hash cache."""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit import parsed
from mediakit.parsed import clear_parse_cache, corpus_key, parse_cache_info, parse_corpus
from mediakit.text import sentence_spans, tokenize

ARTS = pd.DataFrame({
    "article_id": ["en", "tr", "ru", "empty"],
    "text": [
        "Mr. Demir said the US paid $2.5 billion for the S-400. NATO objected.\n\nHisar A+ came later.",
        "İsmail Demir'in açıklaması: Türkiye 4 batarya aldı.",
        "Ёмкость «С-400» выросла на 10%. Москва довольна.",
        None,
    ],
})


@pytest.fixture(autouse=True)
def _fresh_cache():
    clear_parse_cache()
    yield
    clear_parse_cache()


def test_offsets_are_exact_and_tokens_match_the_tokenizer():
    pc = parse_corpus(ARTS)
    for aid, text in zip(ARTS["article_id"], ARTS["text"].fillna("")):
        toks = pc.article_tokens(aid)
        assert [text[s:e] for s, e in zip(toks["start"], toks["end"])] == toks["token"].tolist()
        assert toks["token"].tolist() == tokenize(text)
        sents = pc.sentences[pc.sentences["article_id"] == aid]
        assert list(zip(sents["start"], sents["end"])) == sentence_spans(text)
        assert sents["sentence"].tolist() == list(range(len(sents)))


def test_sentence_numbers_of_tokens_and_numbers():
    pc = parse_corpus(ARTS)
    en = pc.article_tokens("en")
    assert en[en["token"] == "2.5"][["start", "end", "sentence"]].values.tolist() == [[28, 31, 0]]
    assert en[en["token"] == "NATO"]["sentence"].item() == 1
    assert en[en["token"] == "Hisar"]["sentence"].item() == 2     # a paragraph break ends a sentence
    assert pc.sentences.values.tolist()[:3] == [["en", 0, 0, 54], ["en", 1, 55, 69], ["en", 2, 71, 91]]
    assert pc.sentence_of(["en", "en", "ru"], [55, 70, 0]).tolist() == [1, -1, 0]
    assert len(pc.article_tokens("empty")) == 0 and pc.text("empty") == ""


def test_normal_and_folded_forms_in_turkish_and_russian():
    pc = parse_corpus(ARTS)
    tok = pc.tokens.set_index("token")
    assert tok.loc["İsmail", ["norm", "folded"]].tolist() == ["ismail", "ismail"]
    assert tok.loc["Demir'in", "folded"] == "demir'in"
    assert tok.loc["açıklaması", "folded"] == "aciklamasi"          # ı -> i, ç -> c
    assert tok.loc["Ёмкость", ["norm", "folded"]].tolist() == ["ёмкость", "емкость"]
    assert tok.loc["С-400", "norm"] == "с-400"
    assert tok.loc["US", ["norm", "folded"]].tolist() == ["US", "us"]
    assert tok.loc["10", "norm"] == "10"


def test_cache_hit_and_invalidation_when_a_text_changes():
    first = parse_corpus(ARTS)
    assert parse_corpus(ARTS.copy()) is first                           # same content: a hit
    assert parse_cache_info()["hits"] == 1 and parse_cache_info()["misses"] == 1
    changed = ARTS.copy()
    changed.loc[1, "text"] = changed.loc[1, "text"] + " Yeni cümle."
    second = parse_corpus(changed)
    assert second is not first and second.key != first.key
    assert second.article_tokens("tr")["token"].tolist()[-2:] == ["Yeni", "cümle"]
    renamed = ARTS.assign(article_id=["x", "tr", "ru", "empty"])       # an id change is a change too
    assert parse_corpus(renamed).key != first.key
    assert corpus_key(["a", "b"], ["x", "y"]) != corpus_key(["a", "b"], ["y", "x"])


def test_cache_is_bounded():
    for i in range(parsed.CACHE_SIZE + 5):
        parse_corpus(pd.DataFrame({"article_id": ["a"], "text": [f"Text number {i}."]}))
    assert parse_cache_info()["size"] == parsed.CACHE_SIZE


def test_bad_input_names_the_column():
    with pytest.raises(KeyError, match="no 'text' column"):
        parse_corpus(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(KeyError, match="not in this parsed corpus"):
        parse_corpus(ARTS).text("nope")
