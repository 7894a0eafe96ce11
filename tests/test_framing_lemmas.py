"""Russian and Turkish frame cues matched on lemmas (codebook ``lemmas:``, TermMatcher's ``lemmatize`` hook)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import mediakit as mk
from mediakit.framing import CodebookError, load_codebook, score_frames
from mediakit.framing.lemmas import lemmatizer
from mediakit.matching import TermMatcher

from .conftest import S400


def tiny(lemmas, words=None):
    cues = {"lemmas": lemmas}
    if words:
        cues["words"] = words
    return load_codebook({"codebook": "t", "version": "1", "frames": [
        {"name": "econ", "description": "Money.", "cues": cues}]})


def test_term_matcher_lemmatize_hook_keeps_offsets_of_the_text_word():
    text = "Санкций стало больше, санкциями грозят."
    m = TermMatcher(["санкция"], lemmatize=lemmatizer("ru"))
    found = m.find(text)
    assert [text[s:e] for s, e, _ in found] == ["Санкций", "санкциями"]
    assert TermMatcher(["санкция"]).find(text) == []          # without the hook: no match


def test_lemma_cue_matches_inflected_forms_in_its_language_only():
    cb = tiny({"ru": ["бюджет", "экономический ущерб"], "tr": ["bütçe"]})
    hit = cb.match("Бюджету нанесён экономический ущерб.", language="ru")
    assert hit == {"econ": (2.5, ["ru:бюджет", "ru:экономический ущерб"])}
    assert cb.match("Bütçeden para çıktı.", language="tr") == {"econ": (1.0, ["tr:bütçe"])}
    assert cb.match("Bütçeden para çıktı.", language="ru") == {}  # a Turkish cue is not tried on Russian text
    assert cb.match("Bütçeden para çıktı.") == {"econ": (1.0, ["tr:bütçe"])}  # no language: every cue


def test_cue_and_text_are_reduced_alike_so_derived_turkish_forms_meet():
    cb = tiny({"tr": ["kamuoyu"]})  # simplemma reduces kamuoyu and kamuoyunun alike ("kamuoy")
    assert cb.match("Kamuoyunun tepkisi büyük.", language="tr")["econ"][0] == 1.0


@pytest.mark.parametrize("bad, message", [
    ({"xx": ["a"]}, "not a language with a lemmatiser"),
    ({"ru": ["санкци*"]}, "without '*'"),
    ({"ru": "санкция"}, "must be a list"),
    ({"tr": ["eşitlik", "eşit"]}, "same lemma"),
])
def test_bad_lemma_cues_are_refused_at_load_time(bad, message):
    with pytest.raises(CodebookError, match=message):
        tiny(bad)


def test_a_lemma_cue_already_matched_by_a_word_cue_is_refused():
    with pytest.raises(CodebookError, match="already matched by 'reform\\*'"):
        tiny({"tr": ["reform"]}, words=["reform*"])


def test_shipped_codebooks_cover_ru_and_tr_with_lemma_cues_on_every_frame():
    for name in ("policy_frames", "s400"):
        cb = load_codebook(name)
        assert {"ru", "tr"} <= set(cb.languages) and cb.lemma_languages == ["ru", "tr"]
        table = cb.to_frame()
        lem = table[table["kind"] == "lemmas"]
        cued = [f.name for f in cb.frames if not f.residual]
        for lang in ("ru", "tr"):
            assert set(lem.loc[lem["language"] == lang, "frame"]) == set(cued), (name, lang)
        assert (table.loc[table["kind"] != "lemmas", "language"] == "").all()


def test_policy_frames_scores_russian_and_turkish_sentences_with_text_offsets():
    arts = pd.DataFrame({"article_id": ["ru", "tr", "en"], "language": ["ru", "tr", "en"],
                         "text": ["Суд признал пошлины незаконными.", "Mahkeme vergileri yasadışı buldu.",
                                  "The court ruled the tariffs illegal."]})
    s = score_frames(arts)
    for aid in ("ru", "tr", "en"):
        rows = s[s["article_id"] == aid]
        assert {"economic", "legality"} <= set(rows["frame"]), (aid, rows[["frame", "cues"]].values.tolist())
        assert rows.loc[rows["dominant"], "frame"].item() == "legality"
        text = arts.set_index("article_id").loc[aid, "text"]
        assert all(text[a:b] == t for a, b, t in zip(rows["start"], rows["end"], rows["text"]))
    assert "fit_note" not in s.attrs


def test_english_results_on_the_demo_corpus_do_not_use_lemma_cues():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = mk.load_corpus(S400)
    en = corpus[corpus["language"] == "en"].head(12)
    s = score_frames(en)
    assert not s["cues"].str.contains(r"(?:^|; )-?(?:ru|tr):").any()
    rus = score_frames(corpus[corpus["language"] == "ru"])
    assert rus.loc[rus["frame"] != "none", "cues"].str.contains("ru:").any()


def test_a_codebook_with_lemma_cues_pickles_for_the_engines():
    import pickle

    cb = load_codebook("s400")
    back = pickle.loads(pickle.dumps(cb))
    text = "Бюджету нанесён ущерб. Yaptırımların bedeli ağır."
    assert back.match(text) == cb.match(text) and "ru:бюджет" in back.match(text)["economic"][1]


def test_stream_then_dictionary_give_simplemmas_own_lemmas(monkeypatch):
    """The first words are looked up in simplemma's stream backend, later ones in its decoded dictionary:
    both give what ``simplemma.lemmatize`` gives."""
    import simplemma

    from mediakit.framing import lemmas

    monkeypatch.setattr(lemmas, "_STREAM_WORDS", 3)
    words = ["санкций", "экономики", "введены", "переговорах", "министров", "ракетами", "Москве"]
    lemma = lemmas._Lemmatizer("ru")  # a fresh one: lemmatizer("ru") is shared and may have looked up more
    got = [lemma(w) for w in words]
    assert got == [simplemma.lemmatize(w, lang="ru") for w in words]
    assert got[:2] == ["санкция", "экономика"]
    assert lemma._looked_up == len(words)
    assert lemmas._simplemma.cache_info().currsize == 2  # both backends were used


def test_words_looked_up_are_kept_across_runs_in_the_user_cache(tmp_path, monkeypatch):
    """A second lemmatizer (a later run) finds the first one's words in the user cache and never asks
    simplemma; a corrupt cache file is read as empty; with the cache off nothing is written."""
    import json

    from mediakit.framing import lemmas

    monkeypatch.setenv("MEDIAKIT_CACHE_DIR", str(tmp_path))
    words = ["санкций", "экономики", "переговорах"]
    first = lemmas._Lemmatizer("ru")
    got = [first(w) for w in words]
    assert first._looked_up == 3 and not list(tmp_path.iterdir())  # written when saved (at exit), not before
    first.save()
    (stored,) = tmp_path.glob("lemmas-ru-simplemma-*.json")
    assert json.loads(stored.read_text(encoding="utf-8")) == dict(zip(words, got))

    second = lemmas._Lemmatizer("ru")
    assert [second(w) for w in words] == got and second._looked_up == 0
    second("министров")  # a new word is looked up and merged with what is stored
    second.save()
    assert len(json.loads(stored.read_text(encoding="utf-8"))) == 4

    stored.write_text("{not json", encoding="utf-8")
    third = lemmas._Lemmatizer("ru")
    assert third("санкций") == got[0] and third._looked_up == 1

    monkeypatch.setenv("MEDIAKIT_CACHE_DIR", "off")
    off = lemmas._Lemmatizer("tr")
    off("yaptırımları")
    off.save()
    assert not list(tmp_path.glob("lemmas-tr-*"))


# ---- the seek index of simplemma's streams shipped in mediakit/resources/lemma_index
@pytest.mark.parametrize("language", ["en", "ru", "tr"])
def test_shipped_index_matches_the_installed_stream_and_gives_simplemmas_own_answers(language):
    import random

    from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

    from mediakit.framing._lemma_index import IndexedStreamFactory

    seeded = IndexedStreamFactory().get_dictionary(language)
    # a stale index (simplemma upgraded) would fall back to StreamMap: rebuild with `make lemma-index`
    assert type(seeded).__name__ == "_SeededStreamMap"
    own = StreamMap(language)
    keys = list(own)
    assert len(seeded) == len(own) == len(keys)
    rng = random.Random(7)
    sample = rng.sample(keys, 3000) + keys[:200] + keys[-200:] + keys[127:130] + keys[255:258]
    probes = sample + [k + "q" for k in sample[:300]] + ["", "\uffff", "a"]
    assert [seeded.get(k) for k in probes] == [own.get(k) for k in probes]
    assert sum(seeded.get(k) is not None for k in sample) == len(sample)


def test_index_files_are_what_the_builder_writes_today():
    from mediakit.framing._lemma_index import build_index

    folder = S400.parents[1] / "mediakit" / "resources" / "lemma_index"
    assert sorted(p.name for p in folder.glob("*.idx")) == ["en.idx", "ru.idx", "tr.idx"]
    assert (folder / "en.idx").read_bytes() == build_index("en")


def test_a_missing_stale_or_damaged_index_falls_back_to_simplemmas_own(tmp_path):
    from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

    from mediakit.framing._lemma_index import IndexedStreamFactory, build_index

    good = build_index("en")
    head, body = good.split(b"\n", 1)
    (tmp_path / "en.idx").write_bytes(head.replace(b'"crc32": ', b'"crc32": 1') + b"\n" + body)  # stale
    shipped = S400.parents[1] / "mediakit" / "resources" / "lemma_index" / "ru.idx"
    (tmp_path / "ru.idx").write_bytes(shipped.read_bytes().split(b"\n", 1)[0] + b"\nnot lzma")     # damaged
    factory = IndexedStreamFactory(tmp_path)
    for language in ("en", "ru", "tr"):                                        # tr: no file at all
        d = factory.get_dictionary(language)
        assert type(d) is StreamMap
    assert factory.get_dictionary("ru").get("санкций") == "санкция"
    (tmp_path / "en.idx").write_bytes(good)
    assert type(IndexedStreamFactory(tmp_path).get_dictionary("en")).__name__ == "_SeededStreamMap"
