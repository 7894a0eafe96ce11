"""Tone is English only, and says so: counts of the articles left out, per language, never scored."""

from __future__ import annotations

import pandas as pd

import mediakit as mk
from mediakit._report_sections import _tone_coverage


def test_s400_tone_counts_the_russian_and_turkish_articles_it_leaves_out(s400):
    tone = mk.tone_toward(s400, "s400", n_boot=20)
    assert tone.attrs["n_corpus_articles"] == 60
    assert tone.attrs["n_skipped_articles"] == 7
    assert tone.attrs["skipped_languages"] == {"ru": 2, "tr": 5}
    assert tone.attrs["note"] == "VADER is English-only: 7 of 60 articles in other languages were left out"
    # nothing from a Russian or Turkish article was scored
    mentions = mk.actor_mentions(s400, "s400")
    scored = set(mentions["article_id"])
    assert scored and not scored & set(s400.loc[s400.language != "en", "article_id"])
    assert _tone_coverage(tone) == ("Covers English articles only: VADER reads English, so 7 of 60 articles in "
                                    "other languages (2 ru, 5 tr) were left out, not scored.")


def test_english_corpus_leaves_nothing_out(s400):
    english = s400[s400.language == "en"]
    tone = mk.tone_toward(english, "s400", n_boot=20)
    assert tone.attrs["n_skipped_articles"] == 0 and tone.attrs["skipped_languages"] == {}
    assert "note" not in tone.attrs
    assert _tone_coverage(tone) == "Covers all 53 articles: none is marked as written in a language other than English."


def test_a_russian_sentence_with_an_english_word_is_not_scored():
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "X"], "language": ["en", "ru"],
                         "text": ["Acme was praised for a great deal.", "Acme great! Сделка провалилась."]})
    m = mk.actor_mentions(arts, {"Acme": []})
    assert m["article_id"].tolist() == ["a"]
    assert m.attrs["skipped_languages"] == {"ru": 1} and m.attrs["n_skipped_articles"] == 1
