"""One map for all languages: outlet similarity on multilingual embeddings when the corpus is mixed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import mediakit as mk
from mediakit.similarity import article_vectors, resolve_method, similarity_sentence

from .conftest import HARBOUR, S400, load_quiet


@pytest.fixture(scope="module")
def s400_articles(s400) -> pd.DataFrame:
    return mk.similarity_matrix(s400)


def test_auto_compares_every_language_of_s400_on_one_map(s400):
    reuse = mk.find_reuse(s400)
    sim = mk.outlet_similarity(s400, discount_reuse=reuse)
    assert sim.attrs["method"] == "embedding" and sim.attrs["requested_method"] == "auto"
    assert sim.attrs["languages"] == {"en": 53, "ru": 2, "tr": 5}
    # every outlet, including those whose ru/tr articles TF-IDF could not compare, is on the map
    assert list(sim.index) == sorted(s400.outlet.unique()) and len(sim) == 7
    assert np.allclose(sim.values, sim.values.T) and np.allclose(np.diag(sim.values), 1.0)
    coords = mk.similarity_map(sim)
    assert len(coords) == 7 and coords[["x", "y"]].notna().all().all()
    assert similarity_sentence(sim) == ("Compared 60 articles (53 en, 2 ru, 5 tr) as multilingual sentence "
                                        "embeddings, one space for all languages.")


def test_a_planted_translation_is_closer_than_unrelated_articles(s400, s400_articles):
    """The demo's planted translations (ru->en, tr->en, en->tr): the pair scores above its source's
    unrelated articles of the target's language, by a margin, and ranks in their top tenth; TF-IDF
    cannot see it (near zero across languages)."""
    sim = s400_articles
    assert sim.attrs["method"] == "embedding"
    lang = dict(zip(s400.article_id, s400.language))
    gold = pd.read_csv(S400 / "gold" / "translations.csv")
    planted = gold[gold["kind"].str.startswith("planted")].drop_duplicates("id")
    assert {k.split()[1] for k in planted["kind"]} == {"ru->en", "tr->en", "en->tr"}
    tfidf = mk.similarity_matrix(s400, method="tfidf")
    for row in planted.itertuples():
        others = [a for a in sim.index if lang[a] == lang[row.target_id] and a not in (row.source_id, row.target_id)]
        pair = sim.loc[row.source_id, row.target_id]
        unrelated = sim.loc[row.source_id, others]
        assert pair > unrelated.mean() + 0.09, (row.id, pair, unrelated.mean())
        assert (unrelated >= pair).mean() <= 0.1, (row.id, pair, sorted(unrelated)[-5:])
        assert tfidf.loc[row.source_id, row.target_id] < 0.1


def test_english_only_input_keeps_tfidf_and_its_numbers(s400):
    english = s400[s400.language == "en"]
    auto = mk.outlet_similarity(english)
    assert auto.attrs["method"] == "tfidf" and auto.attrs["languages"] == {"en": 53}
    pd.testing.assert_frame_equal(auto, mk.outlet_similarity(english, method="tfidf"), check_exact=True)


def test_harbour_is_mixed_so_auto_maps_its_russian_and_turkish_only_outlets():
    harbour = load_quiet(HARBOUR)
    method, languages = resolve_method(harbour)
    assert method == "embedding" and languages == {"en": 24, "ru": 2, "tr": 2}
    sim = mk.outlet_similarity(harbour)
    ru_tr_only = set(harbour.groupby("outlet").language.agg(set).loc[lambda s: s.map(lambda x: "en" not in x)].index)
    assert len(ru_tr_only) == 2 and ru_tr_only <= set(sim.index)
    assert len(sim) == harbour.outlet.nunique() == 7
    # its translated reprints (README: TR1 en->ru, TR2 en->tr, both of Coastline Press Service): each
    # translation's nearest article, in any language, is its English source; TF-IDF puts it near nothing
    art = mk.similarity_matrix(harbour)
    tfidf = mk.similarity_matrix(harbour, method="tfidf")
    path = dict(zip(harbour.source_path.astype(str), harbour.article_id))
    pairs = [("board-vote-strike-date.md", "sovet-gavani-plata-zabastovka.md"),
             ("strike-begins.md", "grev-otobusler-vapurlar-durdu.md")]
    for src, dst in pairs:
        s_id, d_id = (next(a for p, a in path.items() if p.endswith(f)) for f in (src, dst))
        assert art.loc[d_id].drop(d_id).idxmax() == s_id
        assert art.loc[d_id, s_id] > 0.4 and tfidf.loc[d_id, s_id] < 0.1


def test_method_errors_and_keyword_rules(s400):
    with pytest.raises(ValueError, match="method='bert' is not known"):
        mk.outlet_similarity(s400, method="bert")
    with pytest.raises(TypeError, match="min_df apply to method='tfidf' only"):
        article_vectors(s400.head(3), method="embedding", min_df=2)


def test_embedding_discount_reuse_leaves_out_reused_sentences(s400):
    a = "The port will close on Monday. Dock workers were told by letter. Ships must wait outside the bay."
    own = "Fishermen protested the decision at the harbour."
    base = s400.head(12)[["article_id", "outlet", "language", "text"]]
    extra = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "language": ["en", "en"],
                          "text": [a, a + " " + own]})
    arts = pd.concat([base, extra], ignore_index=True)
    spans = pd.DataFrame({"article_id": ["b"], "start": [0], "end": [len(a)]})
    plain = mk.similarity_matrix(arts)
    discounted = mk.similarity_matrix(arts, discount_reuse=spans)
    assert plain.attrs["method"] == "embedding"
    assert plain.loc["a", "b"] > 0.8
    assert discounted.loc["a", "b"] < plain.loc["a", "b"] - 0.3
    # b discounted is b written as its own sentence only (same vectors, centring included)
    only_own = arts.assign(text=arts.text.where(arts.article_id != "b", own))
    assert np.allclose(article_vectors(arts, discount_reuse=spans), article_vectors(only_own), atol=1e-6)
