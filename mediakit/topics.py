"""Topics found in the data: top terms per topic and each outlet's share of every topic, in one or many languages.

Two methods (``topic_model(..., method=)``):

- ``"nmf"``: non-negative matrix factorisation of TF-IDF word weights (scikit-learn). Words only match
  within a language, so keep one language (``language="en"``): a mixed corpus gives one topic per language.
- ``"embedding"``: k-means clusters of sentence vectors from :func:`mediakit.embedding` (the multilingual
  Universal Sentence Encoder), so a Russian and an English sentence about the same thing land in the same
  topic. Each topic is labelled, per language, with its distinctive terms (class-based TF-IDF: a term's
  share of the topic's words in that language, weighted by how few topics use it).
- ``"auto"`` (the default): ``"embedding"`` when the articles hold more than one language, else ``"nmf"``.

Topics complement the codebook: they are found in the data rather than defined in advance, so they can
reveal themes the codebook misses. Read a topic from its top terms and its top articles, never from its
number alone.

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")                                  # doctest: +SKIP
>>> tm = mk.topic_model(corpus, n_topics=6)                               # doctest: +SKIP
>>> tm.terms.head(); tm.shares.head()                                      # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .corpus import ColumnError, article_languages, language_counts, validate_corpus
from .embedding import embed
from .text import tokenize
from .vectorize import make_vectorizer, stop_word_languages

__all__ = ["topic_model", "TopicModel"]

METHODS = ("auto", "nmf", "embedding")
MIN_WORDS = 4     # sentences shorter than this (datelines, bylines, "Read more") are not clustered


@dataclass
class TopicModel:
    """Result of :func:`topic_model`.

    ``terms``: topic, language, rank, term, weight (``language`` is ``""`` for NMF, whose terms are of the
    one language it was given). ``shares`` (one row per group and topic; the group's value in a column
    named after ``by``, as ``attrs["by"]`` says): group, topic, label, ``label_<language>`` for each language
    (embedding method), share (mean topic weight of the group's articles), ci_low, ci_high (bootstrap over
    articles), n_articles. ``documents``: article_id, group, topic, weight (normalised per article: for
    embeddings, the share of the article's sentences in the topic). ``labels``: topic -> its three top terms
    (embedding method: in the corpus' main language, the other languages in ``language_labels``).
    ``model`` is the fitted scikit-learn estimator (NMF or KMeans); ``vectorizer`` the fitted vectoriser
    (NMF) or a dict language -> fitted count vectoriser (embedding).
    """

    terms: pd.DataFrame
    shares: pd.DataFrame
    documents: pd.DataFrame
    labels: dict[int, str]
    model: Any
    vectorizer: Any
    language_labels: dict[int, dict[str, str]] | None = None

    def top_articles(self, topic: int, n: int = 5) -> pd.DataFrame:
        """The ``n`` articles that load most on ``topic`` (to read what the topic is about)."""
        d = self.documents[self.documents["topic"] == topic]
        return d.sort_values("weight", ascending=False).head(n).reset_index(drop=True)


def topic_model(
    articles: pd.DataFrame,
    n_topics: int = 6,
    *,
    method: str = "auto",
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
    """Find ``n_topics`` topics and summarise them per ``by`` group (see the module for the methods).

    ``method``: ``"nmf"`` (TF-IDF of title + body, one language), ``"embedding"`` (k-means of multilingual
    sentence vectors, labelled per language) or ``"auto"`` (embedding when the articles, after
    ``language``, hold more than one language).
    ``language`` keeps only articles in that language.
    ``drop_group_names`` adds the words of the group names themselves ("Harbour", "Times") to the stop words:
    wire credits and self-references otherwise make topics (or labels) of their own.

    NMF only: ``max_df`` drops words in more than that share of articles (story-wide words such as the name
    of the story's subject); ``min_groups`` keeps only words used by at least that many ``by`` groups, so
    that topics gather themes rather than one outlet's house vocabulary (1 turns this off); ``min_df``.
    Texts are tokenised by the news tokenizer (:func:`mediakit.vectorize.make_vectorizer`): B-52 stays one
    term and words written in capitals keep them, so "US" (the country) is a term while "us" is a stop word.
    ``stop_words`` is a language code of the project's lists ("en", "en,tr", "all"; see
    :func:`mediakit.vectorize.load_stop_words`), a list of your own words, or None. The embedding method
    labels each language with that language's own list (and ``extra_stop_words``).

    >>> arts = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "Y", "Y"],
    ...   "title": [""] * 4, "text": ["sanctions law penalties sanctions", "sanctions penalties law treasury",
    ...                               "summit talks diplomats summit", "talks summit diplomats meeting"]})
    >>> tm = topic_model(arts, n_topics=2, min_df=1, max_df=1.0, min_groups=1, n_boot=0)
    >>> sorted(tm.labels.values()), tm.shares.attrs["method"]
    (['sanctions / law / penalties', 'summit / diplomats / talks'], 'nmf')

    Across languages, a topic gathers the sentences of every language that speak of the same thing:

    >>> arts = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "Y", "Y"],
    ...     "language": ["en", "en", "ru", "ru"],
    ...     "text": ["New sanctions hit the banks. The football team won the cup final.",
    ...              "Banks suffered under the sanctions. Fans cheered the football team.",
    ...              "Новые санкции ударили по банкам. Футбольная команда выиграла финал кубка.",
    ...              "Банки пострадали от санкций. Болельщики приветствовали футбольную команду."]})
    >>> tm = topic_model(arts, n_topics=2, n_boot=0)
    >>> t = tm.shares[tm.shares.outlet == "Y"]
    >>> t[["topic", "label_en", "label_ru", "share"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [[0, 'banks / sanctions / hit', 'банкам / банки / новые', 0.5],
     [1, 'football / team / cheered', 'болельщики / выиграла / команда', 0.5]]
    """
    if method not in METHODS:
        raise ValueError(f"topic_model: method={method!r} is not known; use one of {', '.join(METHODS)}")
    validate_corpus(articles, ["article_id", "text"], where="topic_model")
    docs = articles
    if language is not None:
        if "language" not in articles.columns:
            raise ColumnError("topic_model: language= needs a 'language' column in articles; add it or drop language=")
        docs = articles[articles["language"] == language]
    if by not in docs.columns:
        raise ColumnError(f"topic_model: by={by!r} is not a column of the articles; name one (e.g. outlet)")
    if not isinstance(n_topics, int) or n_topics < 1:
        raise ValueError(f"topic_model: n_topics must be a positive int, not {n_topics!r}")
    languages = language_counts(docs)
    if method == "auto":
        method = "embedding" if len(languages) > 1 else "nmf"
    extra = set(extra_stop_words)
    if drop_group_names:
        extra |= {t for g in pd.unique(docs[by].dropna()) for t in tokenize(str(g))}
    params = {"analysis": "topic_model", "by": by, "method": method, "n_topics": n_topics,
              "random_state": random_state, "n_boot": n_boot, "ci": ci, "languages": languages}
    if method == "nmf":
        tm = _nmf(docs, n_topics, by, n_terms, min_df, max_df, min_groups, stop_words, extra, random_state)
    else:
        tm = _embedding(docs, n_topics, by, n_terms, extra, random_state)
    labels, weights, groups, language_labels, model, vec, terms = tm
    ids = docs["article_id"].to_numpy()
    keep = ~np.isnan(weights).any(axis=1)
    doc_rows = pd.DataFrame({"article_id": np.repeat(ids, n_topics), by: np.repeat(groups, n_topics),
                             "topic": np.tile(np.arange(n_topics), len(docs)), "weight": weights.ravel()})
    rng = np.random.default_rng(random_state)
    label_cols = {f"label_{lang}": {k: language_labels[k].get(lang, "") for k in range(n_topics)}
                  for lang in (languages if language_labels else [])}
    share_rows = []
    for g in sorted(pd.unique(groups), key=str):
        sub = weights[(groups == g) & keep]
        m = len(sub)
        mean = sub.mean(axis=0) if m else np.full(n_topics, np.nan)
        lo = hi = np.full(n_topics, np.nan)
        if m > 1 and n_boot > 0:
            boot = sub[rng.integers(0, m, size=(n_boot, m))].mean(axis=1)
            lo, hi = np.quantile(boot, [(1 - ci) / 2, 1 - (1 - ci) / 2], axis=0)
        share_rows += [{by: g, "topic": k, "label": labels[k], **{c: v[k] for c, v in label_cols.items()},
                        "share": float(mean[k]), "ci_low": float(lo[k]), "ci_high": float(hi[k]), "n_articles": m}
                       for k in range(n_topics)]
    shares = pd.DataFrame(share_rows, columns=[by, "topic", "label", *label_cols, "share", "ci_low", "ci_high",
                                               "n_articles"])
    for table in (terms, shares, doc_rows):
        table.attrs = dict(params)
    return TopicModel(terms=terms, shares=shares, documents=doc_rows, labels=labels, model=model, vectorizer=vec,
                      language_labels=language_labels)


def _nmf(docs: pd.DataFrame, n_topics: int, by: str, n_terms: int, min_df: int | float, max_df: float,
         min_groups: int, stop_words: str | Iterable[str] | None, extra: set[str], random_state: int) -> tuple:
    from sklearn.decomposition import NMF

    if len(docs) < n_topics:
        raise ValueError(f"topic_model: {len(docs)} articles cannot give {n_topics} topics; lower n_topics")
    texts = (docs["title"].fillna("") + "\n" if "title" in docs.columns else "") + docs["text"].fillna("")
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
        term_rows += [{"topic": k, "language": "", "rank": r, "term": names[j], "weight": float(H[k, j])}
                      for r, j in enumerate(top, start=1)]
    norm = W.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        Wn = np.where(norm > 0, W / norm, np.nan)
    terms = pd.DataFrame(term_rows, columns=["topic", "language", "rank", "term", "weight"])
    return labels, Wn, docs[by].to_numpy(), None, model, vec, terms


def _embedding(docs: pd.DataFrame, n_topics: int, by: str, n_terms: int, extra: set[str],
               random_state: int) -> tuple:
    """k-means of the sentence vectors; per-language class-based TF-IDF labels; per-article sentence shares."""
    from sklearn.cluster import KMeans

    emb = embed(docs[["article_id", "text"]], "sentence")
    table = emb.table
    texts = dict(zip(docs["article_id"].astype(str), docs["text"]))
    sentences = [texts[a][s:e] for a, s, e in zip(table["article_id"].astype(str), table["start"].astype(int),
                                                  table["end"].astype(int))]
    usable = np.array([len(t.split()) >= MIN_WORDS for t in sentences], dtype=bool)
    if usable.sum() < n_topics:
        raise ValueError(f"topic_model: {int(usable.sum())} sentences of {MIN_WORDS}+ words cannot give "
                         f"{n_topics} topics; lower n_topics")
    model = KMeans(n_clusters=n_topics, n_init=10, random_state=random_state)
    cluster = np.full(len(sentences), -1, dtype=np.int64)
    cluster[usable] = model.fit_predict(emb.vectors[usable].astype(np.float64))
    # weights: share of each article's clustered sentences in each topic
    ids = docs["article_id"].astype(str)
    owner = pd.Index(ids).get_indexer(table["article_id"].astype(str))
    counts = np.zeros((len(docs), n_topics))
    np.add.at(counts, (owner[usable], cluster[usable]), 1.0)
    total = counts.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        weights = np.where(total > 0, counts / np.where(total > 0, total, 1), np.nan)
    # labels: distinctive terms of each topic within each language
    langs = article_languages(docs)
    sent_lang = langs[owner]
    term_rows: list[dict[str, Any]] = []
    language_labels: dict[int, dict[str, str]] = {k: {} for k in range(n_topics)}
    vectorizers = {}
    for lang in sorted(set(sent_lang[usable])):
        mask = usable & (sent_lang == lang)
        lists = lang if lang in stop_word_languages() else None
        vec = make_vectorizer("count", stop_words=lists, extra_stop_words=sorted(extra))
        try:
            X = vec.fit_transform([sentences[i] for i in np.flatnonzero(mask)])
        except ValueError:  # nothing left after stop words
            continue
        vectorizers[lang] = vec
        names = vec.get_feature_names_out()
        per_topic = np.zeros((n_topics, X.shape[1]))
        codes = cluster[mask]
        for k in range(n_topics):
            if (codes == k).any():
                per_topic[k] = np.asarray(X[codes == k].sum(axis=0)).ravel()
        for k, rows in enumerate(_ctfidf(per_topic, n_terms)):
            language_labels[k][lang] = " / ".join(names[j] for j, _ in rows[:3])
            term_rows += [{"topic": k, "language": lang, "rank": r, "term": str(names[j]), "weight": w}
                          for r, (j, w) in enumerate(rows, start=1)]
    main = max(sorted(set(langs)), key=lambda lang: int((sent_lang[usable] == lang).sum()))
    labels = {k: language_labels[k].get(main, "") for k in range(n_topics)}
    terms = pd.DataFrame(term_rows, columns=["topic", "language", "rank", "term", "weight"])
    return labels, weights, docs[by].to_numpy(), language_labels, model, vectorizers, terms


def _ctfidf(counts: np.ndarray, n_terms: int, min_count: int = 2,
            min_words: int = 100) -> list[list[tuple[int, float]]]:
    """Top terms per row of a topic x term count matrix by class-based TF-IDF (BERTopic's formula).

    weight = (count / words of the topic) * log(1 + mean words per topic / count of the term in all
    topics). In a topic of at least ``min_words`` words, terms seen fewer than ``min_count`` times are not
    shown (one-off words would otherwise top the list); ties by term index.

    >>> [[j for j, _ in row] for row in _ctfidf(np.array([[3, 0, 1], [1, 2, 0]]), 2)]
    [[0, 2], [1, 0]]
    """
    words = counts.sum(axis=1, keepdims=True)
    freq = counts.sum(axis=0)
    avg = float(words[words > 0].mean()) if (words > 0).any() else 0.0
    with np.errstate(invalid="ignore", divide="ignore"):
        tf = np.where(words > 0, counts / np.where(words > 0, words, 1), 0.0)
        idf = np.log1p(avg / np.where(freq > 0, freq, 1))
    score = tf * idf
    out = []
    for k in range(len(counts)):
        ok = np.flatnonzero(counts[k] >= (min_count if words[k, 0] >= min_words else 1))
        order = ok[np.lexsort((ok, -score[k, ok]))][:n_terms]
        out.append([(int(j), float(score[k, j])) for j in order])
    return out


