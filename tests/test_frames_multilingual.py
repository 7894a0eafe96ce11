"""Frames across languages: zero-shot embedding scores, article-level presence, FrameClassifier on embeddings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

import mediakit as mk
from mediakit.framing import (
    EMBEDDING_THRESHOLD,
    FrameClassifier,
    article_frames,
    article_presence,
    frame_profile,
    frame_similarity,
    frame_texts,
    score_frames,
)

CLEAR = {  # one clear sentence per frame and language, written for these tests
    "economic": ["The tariffs will cost the budget two billion dollars.",
                 "Пошлины обойдутся бюджету в два миллиарда долларов.",
                 "Gümrük vergileri bütçeye iki milyar dolara mal olacak."],
    "legality": ["The constitutional court struck the law down.",
                 "Конституционный суд отменил этот закон.",
                 "Anayasa Mahkemesi yasayı iptal etti."],
    "health_safety": ["Doctors warn that the epidemic is filling hospitals.",
                      "Врачи предупреждают, что эпидемия переполняет больницы.",
                      "Doktorlar salgının hastaneleri doldurduğu konusunda uyarıyor."],
}


def corpus_of(sentences: list[str], languages: list[str] | None = None) -> pd.DataFrame:
    df = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(sentences))], "text": sentences})
    if languages is not None:
        df["language"] = languages
    return df


def test_frame_texts_hold_descriptions_and_examples_in_three_languages():
    t = frame_texts("policy_frames")
    assert "other" not in set(t["frame"])                    # the residual frame has no prototype
    econ = t[t["frame"] == "economic"]
    assert econ["kind"].tolist() == ["description", "example", "example", "example"]
    assert econ["text"].iloc[0].startswith("Economic: The costs")


def test_frame_similarity_is_centred_and_ranks_the_right_frame_in_each_language():
    texts = [s for group in CLEAR.values() for s in group]
    sims = frame_similarity(texts)
    assert np.allclose(sims.mean(axis=1), 0, atol=1e-5)
    raw = frame_similarity(texts, centred=False)
    assert np.allclose(raw.sub(raw.mean(axis=1), axis=0), sims, atol=1e-5)
    assert sims.idxmax(axis=1).tolist() == [f for f, group in CLEAR.items() for _ in group]
    with pytest.raises(TypeError, match="not one string"):
        frame_similarity("one text")


def test_score_frames_embedding_method_table_offsets_and_attrs():
    texts = ["Intro line here.\n\n" + " ".join(group) for group in CLEAR.values()]
    arts = corpus_of(texts)
    z = score_frames(arts, method="embedding")
    assert z.attrs["method"] == "embedding" and z.attrs["min_score"] == EMBEDDING_THRESHOLD
    assert (z.loc[z["frame"] != "none", "score"] >= EMBEDDING_THRESHOLD).all() and (z["cues"] == "").all()
    for r in z.itertuples():
        assert arts.set_index("article_id").loc[r.article_id, "text"][r.start:r.end] == r.text
    dom = z[z["dominant"] & (z["part"] != "lead")]
    for aid, frame in zip(arts["article_id"], CLEAR):
        assert dom.loc[dom["article_id"] == aid, "frame"].tolist() == [frame] * 3
    assert (z.groupby(["article_id", "part", "sentence"])["dominant"].sum() == 1).all()
    strict = score_frames(arts, method="embedding", min_score=1.5)   # above any cosine minus its mean
    assert set(strict["frame"]) == {"none"}
    with pytest.raises(ValueError, match="method must be one of"):
        score_frames(arts, method="bert")


def test_default_method_is_the_cue_lexicon_unchanged():
    arts = corpus_of(["The court ruled the tariffs illegal.", "Суд признал пошлины незаконными."], ["en", "ru"])
    a, b = score_frames(arts), score_frames(arts, method="cues")
    assert a.equals(b) and a.attrs["method"] == "cues" and a.attrs["min_score"] == 1.0
    assert a["cues"].str.len().gt(0).all()


def test_article_presence_rule_counts_sentences_and_shares():
    s = pd.DataFrame({"article_id": ["a"] * 5 + ["b"] * 2, "outlet": ["X"] * 5 + ["Y"] * 2,
                      "part": "body", "sentence": [0, 1, 2, 3, 3, 0, 1],
                      "frame": ["x", "x", "y", "none", "z", "none", "none"],
                      "dominant": [True, True, True, True, False, True, True]})
    # a has 4 sentences: x in 2 (50%), y in 1 (25%), z in 1 but never dominant; b has no frame
    base = article_presence(s, min_sentences=1, min_share=0)
    assert base[["article_id", "frame", "n", "share", "n_sentences"]].values.tolist() == [
        ["a", "x", 2, 0.5, 4], ["a", "y", 1, 0.25, 4], ["b", "none", 0, 0.0, 2]]
    assert article_presence(s, min_sentences=2)["frame"].tolist() == ["x", "none"]
    assert article_presence(s, min_share=0.3)["frame"].tolist() == ["x", "none"]
    assert article_presence(s, count="any")["frame"].tolist() == ["x", "y", "z", "none"]
    assert base["outlet"].tolist() == ["X", "X", "Y"] and str(base["n"].dtype) == "int64"
    with pytest.raises(ValueError, match="min_share"):
        article_presence(s, min_share=5)
    with pytest.raises(mk.ColumnError, match="'dominant'"):
        article_presence(s.drop(columns="dominant"))


def test_article_frames_is_multi_label_in_three_languages_and_matches_the_score_table():
    texts = ["Tariffs cost farmers billions. The court ruled them illegal. It rained.",
             "Пошлины обошлись фермерам в миллиарды. Суд признал их незаконными. Шёл дождь.",
             "Gümrük vergileri çiftçilere milyarlara mal oldu. Mahkeme onları yasadışı buldu. Yağmur yağdı.",
             "It rained all day."]
    arts = corpus_of(texts, ["en", "ru", "tr", "en"])
    out = article_frames(arts)
    got = out.groupby("article_id")["frame"].agg(set).to_dict()
    for aid in ("a0", "a1", "a2"):
        assert {"economic", "legality"} <= got[aid], (aid, got[aid])
    assert got["a3"] == {"none"}
    assert out.attrs["analysis"] == "article_frames" and out.attrs["min_sentences"] == 1
    again = article_presence(score_frames(arts, parts=("lead", "body")))
    assert out.reset_index(drop=True).equals(again)
    zero = article_frames(arts, method="embedding")
    assert zero.attrs["method"] == "embedding" and set(zero["article_id"]) == set(arts["article_id"])
    empty = article_frames(arts.iloc[:0])
    assert list(empty.columns) == list(out.columns) and len(empty) == 0
    with pytest.raises(ValueError, match="min_sentences"):
        article_frames(arts, min_sentences=0)


def test_frame_profile_article_unit_gives_the_share_of_articles_carrying_a_frame():
    rows = []
    for i in range(6):   # outlet A: 3 articles with x (two sentences each) and 0 without; B: 1 of 3
        outlet = "A" if i < 3 else "B"
        frames = ["x", "x"] if outlet == "A" or i == 3 else ["y", "none"]
        rows += [{"article_id": f"a{i}", "outlet": outlet, "part": "body", "sentence": k, "frame": f,
                  "dominant": True} for k, f in enumerate(frames)]
    s = pd.DataFrame(rows)
    p = frame_profile(s, unit="article", n_boot=200)
    x = p[p["frame"] == "x"].set_index("group")
    assert x["share"].to_dict() == {"A": 1.0, "B": 1 / 3} and x["n"].to_dict() == {"A": 3, "B": 1}
    assert x["n_articles"].to_dict() == {"A": 3, "B": 3} and x.loc["B", "ci_low"] <= 1 / 3 <= x.loc["B", "ci_high"]
    assert p.attrs["unit"] == "article" and p.attrs["min_share"] == 0.05
    sentence = frame_profile(s, n_boot=200)
    assert sentence.attrs["unit"] == "sentence"
    assert sentence[sentence.frame == "x"].set_index("group")["share"].to_dict() == {"A": 1.0, "B": 0.5}
    with pytest.raises(ValueError, match="unit must be"):
        frame_profile(s, unit="word")


def test_frame_classifier_on_embeddings_carries_english_codes_to_russian_and_turkish():
    en = ["New sanctions were imposed on the firm.", "Washington announced more sanctions.",
          "The sanctions target the defence agency.", "Penalties and sanctions will follow.",
          "The leaders met for talks in Sochi.", "Diplomats held a new round of talks.",
          "The ministers discussed a compromise at the summit.", "Negotiations resumed after a phone call."]
    y = ["sanctions"] * 4 + ["diplomacy"] * 4
    clf = FrameClassifier(features="embedding", cv=2).fit(en, y)
    assert clf.analyzer_ == "embedding" and clf.cv_results_["analyzer"].eq("embedding").all()
    other = ["США ввели новые санкции против компании.", "Лидеры провели переговоры на саммите.",
             "ABD şirkete yeni yaptırımlar uyguladı.", "Liderler zirvede görüşmeler yaptı."]
    assert clf.predict(other).tolist() == ["sanctions", "diplomacy", "sanctions", "diplomacy"]
    assert clf.predict_proba(other).shape == (4, 2)
    assert clone(clf).get_params()["features"] == "embedding"
    with pytest.raises(ValueError, match="no terms"):
        clf.top_terms()
    with pytest.raises(ValueError, match="features must be"):
        FrameClassifier(features="bert").fit(en, y)
    tfidf = FrameClassifier(cv=2).fit(en, y)
    assert tfidf.analyzer_ != "embedding" and len(tfidf.top_terms(2)) == 4


def test_article_frames_is_registered_for_the_engines():
    from mediakit import analysis

    assert "article_frames" in analysis.registered()
    assert analysis.get("article_frames").public is article_frames


def test_article_frames_on_dask_partitions_equals_pandas():
    dd = pytest.importorskip("dask.dataframe")
    import dask

    from mediakit import scale

    texts = ["Tariffs cost farmers billions. The court ruled them illegal.", "It rained.",
             "Суд признал пошлины незаконными.", "Mahkeme yasayı iptal etti. Fiyatlar yükseldi.",
             "Diplomats met for talks.", "The army deployed missiles near the border."]
    arts = corpus_of(texts, ["en", "en", "ru", "tr", "en", "en"]).assign(outlet=list("XYXYXY"))
    with dask.config.set(scheduler="synchronous"):
        got = scale.run("article_frames", dd.from_pandas(arts, npartitions=3), "policy_frames")
    want = article_frames(arts, "policy_frames")
    assert got.reset_index(drop=True).equals(want) and got.attrs == want.attrs


def test_mk_article_frames_takes_a_dask_table_like_the_other_analyses():
    dd = pytest.importorskip("dask.dataframe")
    import dask

    import mediakit as mk

    texts = ["Tariffs cost farmers billions. The court ruled them illegal.", "It rained.",
             "Суд признал пошлины незаконными.", "Diplomats met for talks."]
    arts = corpus_of(texts, ["en", "en", "ru", "en"]).assign(outlet=list("XYXY"))
    with dask.config.set(scheduler="synchronous"):
        got = mk.article_frames(dd.from_pandas(arts, npartitions=2), "policy_frames")
    want = mk.article_frames(arts, "policy_frames")
    assert isinstance(got, pd.DataFrame) and got.reset_index(drop=True).equals(want)
