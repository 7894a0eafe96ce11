"""The speed pass of session 14: every memo and every pattern-free search returns what the path it replaced
returns. Invented sentences only."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import pytest

from mediakit.quotes._gazetteer import load_roles, speaker_type_of
from mediakit.quotes._marks import _find_quotes, find_quotes
from mediakit.quotes._speakers import _thing_name_memo, _thing_names
from mediakit.quotes._speakers_article import _CAPS_AFTER_RE, _thing_name
from mediakit.quotes._speakers_typing import (
    _GIVEN_AFTER,
    _after_literal,
    _gender_of,
    _gender_words,
    _mentions_of,
    given_name_gender,
    named_people,
)
from mediakit.sources import extract_quotes, guess_language
from mediakit.text import _FOLD_EXTRA, _sentence_spans, fold, sentence_spans
from tests.quote_rows import rows

TEXT = ("Harbour Lane Publishing said on Monday that sales rose. Harbour Lane agreed to pay. "
        "An exclusive excerpt ran. Exclusive Excerpt was the headline. Mara Quell, who runs the ferry line, "
        "said the route would close. “We tried,” Quell said. Mr. Quell disagreed, and Ban Ki-soo, the "
        "harbour master, said the port stays open.")


def _old_fold(text: str) -> str:
    """text.fold before the ASCII fast path."""
    text = text.translate(_FOLD_EXTRA)
    out: list[str] = []
    for c in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(c) and out and not ("\u0400" <= out[-1] <= "\u04ff"):
            continue
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


def test_fold_ascii_fast_path_is_the_slow_path():
    ascii_all = "".join(map(chr, range(128)))
    assert fold(ascii_all) == _old_fold(ascii_all) == ascii_all
    for s in ("Mara Quell", "İlkay Dönmez-Çelik", "Łukasz Ørsted", "йод ёлка", "café\u0301"):
        assert fold(s) == _old_fold(s)
    assert fold("Dönmez") == "Donmez"


@pytest.mark.parametrize("name", ["Harbour Lane", "Exclusive Excerpt", "Mara Quell", "Ban Ki-soo", "Lane Publishing"])
def test_thing_name_memo_is_thing_name(name):
    _thing_names.cache_clear()
    first = _thing_name_memo(name, TEXT)
    assert first == _thing_name(name, TEXT) == _thing_name_memo(name, TEXT)
    assert name in _thing_names(TEXT)


def test_thing_name_reads_org_and_thing():
    assert _thing_name("Harbour Lane", TEXT) == "org"
    assert _thing_name("Exclusive Excerpt", TEXT) == "thing"
    assert _thing_name("Mara Quell", TEXT) == ""


def test_find_quotes_memo_returns_new_lists_of_the_same_spans():
    a = find_quotes(TEXT)
    assert [(q.start, q.end) for q in a] == [(q.start, q.end) for q in _find_quotes(TEXT)] == [(212, 221)]
    assert TEXT[a[0].start:a[0].end] == "We tried,"
    a.clear()  # a caller's list is its own
    assert len(find_quotes(TEXT)) == 1


def test_sentence_spans_memo_returns_new_lists():
    text = "Mr. Quell spoke. Then he left."
    a = sentence_spans(text)
    assert a == [(0, 16), (17, 30)] == list(_sentence_spans(text))
    a.append((99, 100))
    assert sentence_spans(text) == [(0, 16), (17, 30)]


_MENTION_CASES = [
    ("Ban Ki-soo met Ban. Bank of Ban", "Ban"),
    ("Quell, Quells, _Quell, Quell_ and 2Quell; Quell.", "Quell"),
    ("Dönmez and Dönmezler met Dönmez Ali-veli", "Dönmez"),
    ("Mara Quell Mara Quell", "Mara Quell"),
    ("aaaa", "aa"),
]


@pytest.mark.parametrize("text,key", _MENTION_CASES)
def test_mentions_of_is_the_pattern_it_replaced(text, key):
    expected = [m.span() for m in re.finditer(r"(?<![\w])" + re.escape(key) + r"(?![\w])" + _GIVEN_AFTER, text)]
    assert _mentions_of(text, key) == expected


def test_mentions_of_counts():
    assert _mentions_of("Ban Ki-soo met Ban. Bank of Ban", "Ban") == [(0, 10), (15, 18), (28, 31)]


@pytest.mark.parametrize("text,name", [
    (TEXT, "Harbour Lane"), (TEXT, "Mara Quell"), ("x-Harbour Lane Inc and Harbour Lane Trust", "Harbour Lane"),
    ("’Ann Lee Bank. Ann Lee  Grand Hotel Co Ltd", "Ann Lee"), ("Ann Lees Bank", "Ann Lee"), ("", "Ann Lee"),
])
def test_after_literal_is_the_search_it_replaced(text, name):
    old = re.search(rf"(?<![\w’'-]){re.escape(name)}((?:\s+[A-Z][\w&’'-]*){{1,3}})", text)
    new = _after_literal(text, name, _CAPS_AFTER_RE, not_before="’'-")
    assert (old is None) == (new is None)
    if old is not None:
        assert (old.group(1), old.end()) == (new.group(1), new.end())


def test_after_literal_finds_the_words_after_the_name():
    m = _after_literal("Ann Lees. Ann Lee Grand Bank", "Ann Lee", _CAPS_AFTER_RE)
    assert (m.start(), m.group(1)) == (17, " Grand Bank")


def test_given_name_gender_serves_both_rules():
    g = _gender_words()
    assert not g["female"] & g["male"]  # the premise of one rule: the lists share no name
    assert [given_name_gender(w) for w in ("Ann", "Tom", "Quell", "ANN", "Ann.")] == ["f", "m", "", "f", "f"]
    assert _gender_of("Ann Quell") == "f" and _gender_of("Tom Quell") == "m"
    people = named_people("Ann Quell met Tom Vane and Harbour Lane. Ms. Roe left.")
    assert [(p.start, p.end, p.name, p.gender) for p in people] == [
        (0, 9, "Ann Quell", "f"), (14, 22, "Tom Vane", "m"), (41, 48, "Roe", "f")]


@pytest.mark.parametrize("mention,desc,expected", [
    ("the harbour master", "", "unknown"), ("Attorney General Mara Quell", "", "official"),
    ("Mara Quell", "a professor of law", "expert"), ("the prosecutors", "", "official"),
    ("a ferry captain", "", "unknown"), ("Tom Vane", "a retired teacher", "citizen"),
    ("the spokeswoman", "", "official"), ("a senior official who asked not to be named", "", "anonymous"),
    ("Lt. Gen. Tom Vane", "", "military"), ("the council", "", "unknown"),
])
def test_speaker_type_rules_unchanged(mention, desc, expected):
    """The types the role table gave before the speed pass made its prefixes one tuple (checked then against
    the old loop on every PolNeAR train row)."""
    assert speaker_type_of(mention, desc)[0] == expected


def test_guess_language_without_cyrillic_counts_no_letters():
    assert guess_language("Mara Quell said so.") == "en"
    assert guess_language("Он сказал, что всё хорошо.") == "ru"
    assert guess_language("ok " * 50 + "да") == "en"  # 2 Cyrillic letters of 102: under a fifth


def test_rows_same_with_memos_cold_and_warm():
    _thing_names.cache_clear()
    cold = rows(TEXT)
    assert rows(TEXT) == cold
    assert cold[2:] == [("indirect", "the route would close", "Mara Quell"), ("direct", "We tried,", "Quell"),
                        ("indirect", "the port stays open", "Ban Ki-soo")]


def test_extract_quotes_same_twice():
    arts = pd.DataFrame({"article_id": ["a"], "text": [TEXT]})
    q1 = extract_quotes(arts)
    _thing_names.cache_clear()
    q2 = extract_quotes(arts)
    pd.testing.assert_frame_equal(q1, q2)
    assert q1["speaker_canonical"].tolist()[2:] == ["Mara Quell", "Mara Quell", "Ban Ki-soo"]
    assert int(q1.loc[q1.quote == "We tried,", "start"].iloc[0]) == 212


@pytest.mark.parametrize("text,name", [
    ("Mr. Quell and Mrs Quell met Ms. Quells. Mr.  Quell left.", "Quell"),
    ("Miss Vane, Mr Vane_ and Ms.\nVane", "Vane"),
    ("Mr. Ms Ms. Ms", "Ms"),  # a name that is itself a title: matches do not overlap
    ("Dr. Quell", "Quell"),
])
def test_titled_counts_is_the_pattern_it_replaced(text, name):
    from collections import Counter

    from mediakit.quotes._speakers import _titled_counts

    old = Counter(m.group(1) for m in re.finditer(rf"\b(Mr|Mrs|Ms|Miss)\.?\s+{re.escape(name)}\b", text))
    assert _titled_counts(text, name) == old


def test_titled_surname_keeps_its_title():
    from mediakit.quotes._speakers import _titled_counts

    assert _titled_counts("Mr. Quell and Mrs Quell met Ms. Quells. Mr.  Quell left.", "Quell") == {"Mr": 2, "Mrs": 1}


@pytest.mark.parametrize("mention", [
    "a senior official who asked not to be named", "officials speaking on condition of anonymity",
    "a person familiar with the talks", "Mara Quell", "the harbour master", "sources",
])
def test_is_anonymous_is_the_phrase_loop(mention):
    from mediakit.quotes._gazetteer import _words, is_anonymous

    t = " ".join(_words(mention))
    assert is_anonymous(mention) == any(p in t for p in load_roles().anonymity)


@pytest.mark.parametrize("text,word", [
    ("Later, Ann Roe left. Roe said no.", "Roe"), ("Roe left. then Roe", "Roe"), ("O'Brien-Lee\u00a0Roe", "Roe"),
    ("x_Ann Roe", "Roe"), ("Ann\nRoe", "Roe"), ("Ann Roes", "Roe"), ("ANN  Roe.", "Roe"), ("éAnn Roe", "Roe"),
])
def test_after_cap_word_is_the_search_it_replaced(text, word):
    from mediakit.quotes._tokens import _after_cap_word

    old = re.search(r"\b[A-Z][\w'’-]*[ \u00a0]+" + re.escape(word) + r"\b", text) is not None
    assert _after_cap_word(text, word) == old


def test_after_cap_word_reads_a_surname():
    from mediakit.quotes._tokens import _after_cap_word

    assert [_after_cap_word(t, "Roe") for t in ("Later, Ann Roe left.", "Roe left. then Roe", "Ann\nRoe")] == \
        [True, False, False]


def test_dated_views_share_the_matcher_and_look_up_as_a_fresh_gazetteer():
    import datetime as dt

    from mediakit.quotes import Entry, Gazetteer

    g = Gazetteer([Entry("Mara Quell", "person", "official", "XX", "harbour minister",
                         start=dt.date(2020, 1, 1), end=dt.date(2021, 1, 1), aliases=["M. Quell"]),
                   Entry("Tom Vane", "person", "expert", "XX", "economist"),
                   Entry("Harbour Daily", "media", "media", "XX", "")])
    view = g.on(dt.date(2019, 5, 1))
    assert view is not g and view._matcher is g._matcher
    fresh = Gazetteer(list(view.entries))
    for name in ("Mara Quell", "M. Quell", "Quell", "Minister Mara Quell", "Tom Vane", "Vane", "Harbour Daily", "Ann Roe"):
        assert view.lookup(name) == fresh.lookup(name)
    assert (view.lookup("Mara Quell").type, g.lookup("Mara Quell").type) == ("unknown", "official")


def test_merge_names_same_under_every_hash_seed():
    """Two spellings of one name differing only by diacritics, as often each: one answer, whatever the set order."""
    import os
    import subprocess
    import sys

    code = ("from mediakit.quotes import merge_names; "
            "print(sorted(merge_names(['Ana Şahin', 'Ana Sahin', 'Şahin', 'Ana Sahin', 'Ana Şahin']).items()))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env=dict(os.environ, PYTHONHASHSEED=str(seed))).stdout for seed in (0, 1, 2, 3)}
    assert outs == {"[('Ana Sahin', 'Ana Şahin'), ('Ana Şahin', 'Ana Şahin'), ('Şahin', 'Ana Şahin')]\n"}
