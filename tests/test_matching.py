"""Tests of mediakit.matching.TermMatcher: phrases, wildcards, case and diacritic folding, exact offsets."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from mediakit.matching import TermMatcher
from mediakit.parsed import parse_corpus


def _texts(text, hits):
    return [(text[s:e], pid) for s, e, pid in hits]


def test_phrases_match_whole_words_across_white_space_only():
    m = TermMatcher({"sanc": ["sanction*"], "ad": ["air defence system"]})
    text = "New sanctions hit the air\ndefence system; the air, defence system and sanctioned firms. Unsanctioned."
    assert _texts(text, m.find(text)) == [("sanctions", "sanc"), ("air\ndefence system", "ad"),
                                          ("sanctioned", "sanc")]
    para = "the air\n\ndefence system"                      # a blank line ends the phrase
    assert m.find(para) == []


def test_case_rules_keep_acronyms_apart():
    m = TermMatcher({"usa": ["US", "U.S."], "pron": ["us"]})
    text = "The US told us; the U.S. and Us."
    assert _texts(text, m.find(text)) == [("US", "usa"), ("us", "pron"), ("U.S.", "usa"), ("Us", "pron")]
    assert _texts(text, TermMatcher(["us"], case=True).find(text)) == [("us", 0)]
    assert len(TermMatcher(["US"], case=False).find(text)) == 3  # US, us, Us (U.S. is two words)


def test_turkish_and_russian_folding():
    text = "İsmail Demir'in sözleri: ISMAIL DEMIR ve ismail demir. Ёлкин и Елкин, йод."
    m = TermMatcher({"demir": ["Ismail Demir"], "yolkin": ["Ёлкин"], "iod": ["йод"]})
    assert _texts(text, m.find(text)) == [("İsmail Demir", "demir"), ("ISMAIL DEMIR", "demir"),
                                          ("ismail demir", "demir"), ("Ёлкин", "yolkin"), ("Елкин", "yolkin"),
                                          ("йод", "iod")]
    assert TermMatcher(["Ismail Demir"], fold_diacritics=False).find("İsmail Demir")[0][:2] == (0, 12)  # İ = i
    assert TermMatcher(["iod"]).find("йод") == []                                  # й is not и


def test_numbers_and_punctuated_names():
    m = TermMatcher({"s400": ["S-400", "С-400"], "f35": ["F-35"], "hisar": ["Hisar A+"], "money": ["$2.5 billion"]})
    text = "S-400s, the S-400 and С-400, F-35 jets, S 400, Hisar A+ and Hisar A, $2.5 billion."
    assert _texts(text, m.find(text)) == [("S-400", "s400"), ("С-400", "s400"), ("F-35", "f35"),
                                          ("Hisar A+", "hisar"), ("$2.5 billion", "money")]
    assert m.find(text)[0][:2] == (12, 17)


def test_leftmost_longest_and_exclusions():
    m = TermMatcher({"kremlin": ["Kremlin", "the Kremlin"], "patriot": ["Patriot"]}, exclude=["Patriot Act"])
    text = "The Kremlin, Patriot missiles and the Patriot Act."
    assert _texts(text, m.find(text)) == [("The Kremlin", "kremlin"), ("Patriot", "patriot")]
    every = TermMatcher({"k": ["Kremlin", "the Kremlin"]}, overlapping=True)
    assert _texts(text, every.find(text)) == [("The Kremlin", "k"), ("Kremlin", "k")]


def test_regex_patterns_and_fullmatch():
    m = TermMatcher({"year": [r"re:\b(19|20)\d\d\b"], "who": ["Demir"]})
    assert _texts("In 2019 Demir", m.find("In 2019 Demir")) == [("2019", "year"), ("Demir", "who")]
    assert m.fullmatch("  Demir ") == ["who"] and m.fullmatch("Demir said") == []
    with pytest.raises(ValueError, match="not a valid regex"):
        TermMatcher(["re:("])
    with pytest.raises(ValueError, match="no letters or digits"):
        TermMatcher(["--"])


def test_find_all_on_a_corpus_and_a_parsed_corpus_agree_with_exact_offsets():
    arts = pd.DataFrame({"article_id": ["a", "b"],
                         "text": ["Moscow and Ankara. Moskova'da Ankara'nın tavrı.", "Москва, Анкара."]})
    m = TermMatcher({"RU": ["Moscow", "Moskova", "Москва"], "TR": ["Ankara", "Анкара"]})
    out = m.find_all(arts)
    assert out.equals(m.find_all(parse_corpus(arts)))
    texts = dict(zip(arts["article_id"], arts["text"]))
    assert all(texts[a][s:e] == w for a, s, e, w in out[["article_id", "start", "end", "match"]].itertuples(index=False))
    assert out["pattern_id"].tolist() == ["RU", "TR", "RU", "TR", "RU", "TR"]
    assert out["start"].dtype == "int64"


def test_agrees_with_the_naming_regex_on_plain_phrases():
    # the regex that terms.compile_pattern builds for a phrase: whole words, any white space between them
    words = ["air defence", "missile*", "Russia"]
    text = "Russia's missiles and air  defence; Russian missile-defence. russia"
    hits = TermMatcher(words).find(text)
    rx = re.compile(r"(?<![\w])(?:(?i:air)\s+(?i:defence)|(?i:missile)\w*|(?i:russia))(?![\w])")
    assert [(s, e) for s, e, _ in hits] == [m.span() for m in rx.finditer(text)]


def test_punctuation_around_inner_words_is_literal():
    m = TermMatcher({"us": ["U.S. sanctions"], "agency": ["Defence Office (DO)", "DO (Defence Office)"],
                     "amp": ["research & development"]})
    text = "New U.S. sanctions; the Defence Office (DO) and DO (Defence Office). Research & development, U.S.sanctions."
    assert _texts(text, m.find(text)) == [("U.S. sanctions", "us"), ("Defence Office (DO)", "agency"),
                                          ("DO (Defence Office)", "agency"), ("Research & development", "amp")]
    assert TermMatcher(["U.S. sanctions"]).find("the U.S.\n\nsanctions") == []     # never across a blank line


def test_scopes_resolve_each_key_on_its_own_in_one_pass():
    pats = [(("place", "city"), "Paris"), (("club", "psg"), "Paris Saint-Germain"), (("club", "short"), "Paris")]
    text = "Paris Saint-Germain play in Paris."
    one = TermMatcher(pats)                                            # one scope: the longest match hides Paris
    assert _texts(text, one.find(text)) == [("Paris Saint-Germain", ("club", "psg")), ("Paris", ("place", "city"))]
    scoped = TermMatcher(pats, scope=lambda pid: pid[0], exclude=[(("place", None), "Paris Saint-Germain")])
    assert _texts(text, scoped.find(text)) == [("Paris Saint-Germain", ("club", "psg")), ("Paris", ("place", "city")),
                                               ("Paris", ("club", "short"))]
    free = TermMatcher(pats, scope=lambda pid: pid[0])
    assert _texts(text, free.find(text)) == [("Paris", ("place", "city")), ("Paris Saint-Germain", ("club", "psg")),
                                             ("Paris", ("place", "city")), ("Paris", ("club", "short"))]


def test_globs_indexed_by_their_start_match_exactly_what_trying_every_glob_matches():
    """A word is tried only against globs whose literal start it shares; the units found are those of
    trying every glob, in the same order (wildcard-led, one-letter and case-kept globs included)."""
    globs = ["sanction*", "s*", "?anction*", "*tion", "sa?ct*", "NATO*", "Nato?", "ab*c", "a*", "санкци*",
             "ю*", "x?", "ÇAV*", "çav*"]
    m = TermMatcher({g: [g] for g in globs})
    words = ["sanctions", "Sanctioned", "anction", "nation", "NATOs", "Natos", "abxc", "a", "санкциями",
             "Юг", "x", "xy", "ÇAVUŞOĞLU", "çavuş", "", "s", "SA"]
    for word in words:
        low, kept = m._key(word, False), m._key(word, True)
        every = [uid for rx, keep_case, uid in m._globs if rx.match(kept if keep_case else low)]
        assert list(m._units_of(word)) == every, word
    assert len(m._glob_index) >= 8 and sum(map(len, m._glob_index.values())) == len(m._globs)
    text = "Sanctions on NATOs x-ray; санкциями Юг, ÇAVUŞOĞLU said. Natos abxc."
    indexed = m.find(text)
    every = TermMatcher({g: [g] for g in globs})
    every._glob_candidates = lambda low, kept: range(len(every._globs))  # the old way: try every glob
    assert indexed == every.find(text) and len(indexed) >= 6
