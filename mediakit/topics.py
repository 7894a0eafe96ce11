"""Topics with NMF (scikit-learn): top terms per topic and each outlet's share of every topic.

Topics complement the codebook: they are found in the data rather than defined in advance, so they can
reveal themes the codebook misses. Read a topic from its top terms and its top articles, never from its
number alone.

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")                                  # doctest: +SKIP
>>> tm = mk.topic_model(corpus, n_topics=6, language="en")                # doctest: +SKIP
>>> tm.terms.head(); tm.shares.head()                                      # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .text import tokenize
from .vectorize import make_vectorizer

__all__ = ["topic_model", "TopicModel"]


@dataclass
class TopicModel:
    """Result of :func:`topic_model`.

    ``terms``: topic, rank, term, weight. ``shares``: group, topic, share (mean normalised topic weight of the
    group's articles), ci_low, ci_high (bootstrap over articles), n_articles. ``documents``: article_id,
    group, topic, weight (normalised per article). ``labels``: topic -> its three top terms. ``model`` and
    ``vectorizer`` are the fitted scikit-learn objects.
    """

    terms: pd.DataFrame
    shares: pd.DataFrame
    documents: pd.DataFrame
    labels: dict[int, str]
    model: Any
    vectorizer: Any

    def top_articles(self, topic: int, n: int = 5) -> pd.DataFrame:
        """The ``n`` articles that load most on ``topic`` (to read what the topic is about)."""
        d = self.documents[self.documents["topic"] == topic]
        return d.sort_values("weight", ascending=False).head(n).reset_index(drop=True)


def topic_model(
    articles: pd.DataFrame,
    n_topics: int = 6,
    *,
    by: str = "outlet",
    n_terms: int = 10,
    language: str | None = None,
    min_df: int | float = 2,
    max_df: float = 0.7,
    min_groups: int = 2,
    drop_group_names: bool = True,
    stop_words: str | Iterable[str] | None = "en",
    extra_stop_words: Iterable[str] = (),
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int = 0,
) -> TopicModel:
    """Fit NMF topics on TF-IDF of article texts (title + body) and summarise them per ``by`` group.

    ``language`` keeps only articles in that language (mixing languages gives one topic per language).
    ``max_df`` drops words in more than that share of articles (story-wide words such as the name of the story's subject).
    ``min_groups`` keeps only words used by at least that many ``by`` groups, so that topics gather themes
    rather than one outlet's house vocabulary (its own name, its regular analysts); 1 turns this off.
    ``drop_group_names`` adds the words of the group names themselves ("Volga", "Wire") to the stop words:
    wire credits and self-references otherwise make topics of their own.

    Texts are tokenised by the news tokenizer (:func:`mediakit.vectorize.make_vectorizer`): F-35 stays one
    term and words written in capitals keep them, so "US" (the country) is a term while "us" is a stop word.
    ``stop_words`` is a language code of the project's lists ("en", "en,tr", "all"; see
    :func:`mediakit.vectorize.load_stop_words`), a list of your own words, or None.

    >>> arts = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "Y", "Y"],
    ...   "title": [""] * 4, "text": ["sanctions law penalties sanctions", "sanctions penalties law treasury",
    ...                               "summit talks diplomats summit", "talks summit diplomats meeting"]})
    >>> tm = topic_model(arts, n_topics=2, min_df=1, max_df=1.0, min_groups=1, n_boot=0)
    >>> sorted(tm.labels.values())
    ['sanctions / law / penalties', 'summit / diplomats / talks']
    """
    from sklearn.decomposition import NMF

    docs = articles
    if language is not None:
        if "language" not in articles.columns:
            raise KeyError("topic_model: language= needs a 'language' column in articles")
        docs = articles[articles["language"] == language]
    if by not in docs.columns:
        raise KeyError(f"topic_model: articles have no {by!r} column")
    if len(docs) < n_topics:
        raise ValueError(f"topic_model: {len(docs)} articles cannot give {n_topics} topics; lower n_topics")
    texts = (docs["title"].fillna("") + "\n" if "title" in docs.columns else "") + docs["text"].fillna("")
    extra = set(extra_stop_words)
    if drop_group_names:
        extra |= {t for g in pd.unique(docs[by].dropna()) for t in tokenize(str(g))}
    languages, own = (stop_words, ()) if stop_words is None or isinstance(stop_words, str) else (None, stop_words)
    vec = make_vectorizer("tfidf", stop_words=languages, extra_stop_words=[*own, *extra], min_df=min_df,
                          max_df=max_df, sublinear_tf=True)
    X = vec.fit_transform(texts.tolist())
    names = vec.get_feature_names_out()
    if min_groups > 1:
        from sklearn.preprocessing import normalize

        codes, _ = pd.factorize(docs[by])
        present = (X > 0).astype(np.int64).tocsc()
        n_groups = np.array([len(set(codes[present.indices[present.indptr[j]:present.indptr[j + 1]]]))
                             for j in range(X.shape[1])])
        keep = n_groups >= min_groups
        X = normalize(X[:, keep])
        names = names[keep]
    if X.shape[1] < n_topics:
        raise ValueError(f"topic_model: only {X.shape[1]} terms survive min_df/max_df; loosen them")
    model = NMF(n_components=n_topics, init="nndsvda", max_iter=1000, random_state=random_state)
    W = model.fit_transform(X)
    H = model.components_
    term_rows = []
    labels = {}
    for k in range(n_topics):
        top = np.argsort(-H[k])[:n_terms]
        labels[k] = " / ".join(names[j] for j in top[:3])
        term_rows += [{"topic": k, "rank": r, "term": names[j], "weight": float(H[k, j])}
                      for r, j in enumerate(top, start=1)]
    norm = W.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        Wn = np.where(norm > 0, W / norm, np.nan)
    groups = docs[by].to_numpy()
    doc_rows = pd.DataFrame({"article_id": np.repeat(docs["article_id"].to_numpy(), n_topics),
                             by: np.repeat(groups, n_topics), "topic": np.tile(np.arange(n_topics), len(docs)),
                             "weight": Wn.ravel()})
    rng = np.random.default_rng(random_state)
    share_rows = []
    for g in sorted(pd.unique(groups), key=str):
        sub = Wn[(groups == g) & ~np.isnan(Wn).any(axis=1)]
        m = len(sub)
        mean = sub.mean(axis=0) if m else np.full(n_topics, np.nan)
        lo = hi = np.full(n_topics, np.nan)
        if m > 1 and n_boot > 0:
            boot = sub[rng.integers(0, m, size=(n_boot, m))].mean(axis=1)
            lo, hi = np.quantile(boot, [(1 - ci) / 2, 1 - (1 - ci) / 2], axis=0)
        share_rows += [{by: g, "topic": k, "label": labels[k], "share": float(mean[k]), "ci_low": float(lo[k]),
                        "ci_high": float(hi[k]), "n_articles": m} for k in range(n_topics)]
    return TopicModel(terms=pd.DataFrame(term_rows), shares=pd.DataFrame(share_rows), documents=doc_rows,
                      labels=labels, model=model, vectorizer=vec)
