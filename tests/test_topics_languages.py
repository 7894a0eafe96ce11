"""Topics across languages: k-means of multilingual sentence embeddings, labelled per language."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes

import mediakit as mk
from mediakit import plotting

from .conftest import HARBOUR, load_quiet

matplotlib.use("Agg")
@pytest.fixture(scope="module")
def s400_topics(s400) -> mk.topics.TopicModel:
    return mk.topic_model(s400, n_topics=6, n_boot=100)


def test_s400_topics_span_all_three_languages(s400, s400_topics):
    tm = s400_topics
    shares = tm.shares
    assert shares.attrs["method"] == "embedding" and shares.attrs["by"] == "outlet"
    assert shares.attrs["languages"] == {"en": 53, "ru": 2, "tr": 5} and shares.attrs["random_state"] == 0
    assert list(shares.columns) == ["outlet", "topic", "label", "label_en", "label_ru", "label_tr", "share",
                                    "ci_low", "ci_high", "n_articles"]
    assert len(shares) == 7 * 6 and set(shares.outlet) == set(s400.outlet)
    # each outlet's shares are a distribution over the topics
    assert np.allclose(shares.groupby("outlet")["share"].sum(), 1.0)
    # every topic has a label in each language, and terms of that language
    for lang in ("en", "ru", "tr"):
        assert shares[f"label_{lang}"].str.len().gt(0).all(), lang
        assert set(tm.terms.loc[tm.terms.language == lang, "topic"]) == set(range(6))
    assert tm.labels == {k: d["en"] for k, d in tm.language_labels.items()}
    # a topic gathers sentences of the three languages (not one topic per language)
    docs = tm.documents.merge(s400[["article_id", "language"]], on="article_id")
    per_lang = docs.groupby(["topic", "language"])["weight"].sum().unstack()
    assert (per_lang[["en", "ru", "tr"]] > 0).sum(axis=1).ge(3).sum() >= 5


def test_the_f35_topic_reads_the_same_in_every_language(s400_topics):
    tm = s400_topics
    f35 = [k for k, d in tm.language_labels.items() if d["en"].startswith("f-35")]
    assert len(f35) == 1
    labels = tm.language_labels[f35[0]]
    assert all("f-35" in labels[lang] for lang in ("en", "ru", "tr")), labels


def test_same_random_state_same_topics(s400, s400_topics):
    again = mk.topic_model(s400, n_topics=6, n_boot=100)
    pd.testing.assert_frame_equal(again.shares, s400_topics.shares)
    assert again.language_labels == s400_topics.language_labels


def test_auto_keeps_nmf_for_one_language_and_embedding_can_be_asked_for(s400):
    english = s400[s400.language == "en"]
    nmf = mk.topic_model(english, n_topics=4, n_boot=0)
    assert nmf.shares.attrs["method"] == "nmf" and "label_en" not in nmf.shares
    emb = mk.topic_model(english, n_topics=4, n_boot=0, method="embedding")
    assert emb.shares.attrs["method"] == "embedding" and list(emb.language_labels[0]) == ["en"]
    with pytest.raises(ValueError, match="method='lda' is not known"):
        mk.topic_model(english, method="lda")
    with pytest.raises(mk.ColumnError, match="by='desk'"):
        mk.topic_model(english, by="desk")


def test_harbour_topics_and_chart(tmp_path):
    harbour = load_quiet(HARBOUR)
    tm = mk.topic_model(harbour, n_topics=5, n_boot=50)
    assert tm.shares.attrs["languages"] == {"en": 24, "ru": 2, "tr": 2}
    assert set(tm.shares.outlet) == set(harbour.outlet)
    ax = plotting.plot_topic_shares(tm.shares)
    assert isinstance(ax, Axes)
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert len(ticks) == 5 and all(t.count("\n") == 2 for t in ticks)   # en, ru, tr lines
    assert "all languages" in ax.get_title()
    ax.figure.savefig(tmp_path / "topics.png")
