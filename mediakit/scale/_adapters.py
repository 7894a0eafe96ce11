"""TEMPORARY adapters: distinctive_terms and score_frames on Dask through their existing code.

These analyses are being moved into packages (mediakit/terms/, framing/) while this engine
is built; until they define their own partition/merge/finalize hooks (mediakit.analysis) the engine runs
them here, with the same parameters as the pandas functions and the same pandas results. Each function
takes the Dask corpus and the pandas function's parameters (``params``, defaults filled in) plus engine
options. Delete an adapter when its analysis registers its hooks.
"""

from __future__ import annotations

import time
from typing import Any

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import clone

from .. import framing as _framing
from .. import terms as _terms
from .. import vectorize as _vec
from ..analysis import Analysis, get
from ..reuse import reused_spans
from ._reduce import run_analysis, tree_reduce

__all__ = ["ADAPTERS"]


def _find_reuse(ddf: dd.DataFrame, split_every: int) -> pd.DataFrame:
    a = get("find_reuse")
    return run_analysis(a, ddf, a.validate(list(ddf.columns), engine="dask", **_REUSE_DEFAULTS),
                        split_every=split_every)


_REUSE_DEFAULTS = {"min_words": 25, "min_similarity": 0.9, "shingle": 5, "window": 4, "max_gap": 8,
                   "min_shared": 3, "max_df": 100, "same_outlet": True, "candidates": "shingles",
                   "lsh_threshold": 0.3, "with_text": False}


# ---------------------------------------------------------------- score_frames: per article, concatenated
def _frames_partition(part: pd.DataFrame, *, codebook: Any, parts: Any, lead_sentences: int, min_score: Any,
                      discount_reuse: Any, **_: Any) -> pd.DataFrame:
    return _framing.score_frames(part, codebook, parts=parts, lead_sentences=lead_sentences,
                                 min_score=min_score, discount_reuse=discount_reuse)


def _frames_merge(tables: list[pd.DataFrame]) -> pd.DataFrame:
    if len(tables) == 1:
        return tables[0]
    out = pd.concat(tables, ignore_index=True)
    out.attrs = dict(tables[0].attrs)
    for k in ("reused_sentences_dropped", "n_articles"):
        out.attrs[k] = int(sum(t.attrs.get(k, 0) for t in tables))
    return out


def _frames_finalize(table: pd.DataFrame, **_: Any) -> pd.DataFrame:
    return table.reset_index(drop=True)


_SCORE_FRAMES = Analysis("score_frames", partition=_frames_partition, merge=_frames_merge,
                         finalize=_frames_finalize)


def score_frames(ddf: dd.DataFrame, params: dict[str, Any], *, split_every: int = 8, persist: bool | None = None,
                 lazy: bool = False) -> pd.DataFrame | dd.DataFrame:
    """:func:`mediakit.score_frames` on a Dask corpus: each partition scored, tables concatenated.

    ``lazy``: return the sentence table as a Dask DataFrame (without ``attrs``) instead of computing it.
    """
    if persist:
        ddf = ddf.persist()
    params = dict(params)
    params["codebook"] = _framing.load_codebook(params.get("codebook", "s400"))
    params["discount_reuse"] = _reuse_spans(ddf, params.get("discount_reuse", False), split_every)
    if lazy:
        meta = _frames_partition(_sample(ddf), **params).iloc[:0]
        meta.attrs = {}
        return ddf.map_partitions(_frames_lazy, params, meta=meta, enforce_metadata=False)
    return run_analysis(_SCORE_FRAMES, ddf, params, split_every=split_every)


def _frames_lazy(part: pd.DataFrame, params: dict[str, Any]) -> pd.DataFrame:
    out = _frames_partition(part, **params)
    out.attrs = {}
    return out


def _reuse_spans(ddf: dd.DataFrame, discount_reuse: bool | pd.DataFrame, split_every: int) -> pd.DataFrame | bool:
    """``article_id, start, end`` of reused text for the ``discount_reuse`` options (False: none)."""
    if discount_reuse is False or discount_reuse is None:
        return False
    reuse = _find_reuse(ddf, split_every) if discount_reuse is True else discount_reuse
    if {"article_id", "start", "end"} <= set(reuse.columns):
        return reuse[["article_id", "start", "end"]]
    return reused_spans(None, reuse)


def _sample(ddf: dd.DataFrame) -> pd.DataFrame:
    """A one-article stand-in with the corpus columns, for working out the output schema."""
    meta = ddf._meta
    row = {c: "" for c in meta.columns}
    row.update({"article_id": "x", "outlet": "X", "title": "A title", "language": "en",
                "text": 'He said "this is a sample." Officials met.\n\nMore text here.',
                "date": pd.Timestamp("2020-01-01")})
    return pd.DataFrame([row], columns=meta.columns).astype(meta.dtypes.to_dict())



# ---------------------------------------------------------------- distinctive_terms: counts summed in a tree
def distinctive_terms(ddf: dd.DataFrame, params: dict[str, Any], *, split_every: int = 8, persist: bool | None = None,
                      lazy: bool = False) -> pd.DataFrame:
    """:func:`mediakit.distinctive_terms` on a Dask corpus; same parameters (but ``n_boot``), same rows.

    Each partition is vectorised with the same settings but without the vocabulary limits (``min_df``,
    ``max_df``, ``max_features`` apply to the whole corpus); its (group x term) counts and document
    frequencies are summed in a tree; the limits are applied to the totals as scikit-learn applies them and
    :func:`mediakit.terms.scores_from_counts` makes the table. Not distributed: ``n_boot`` (the bootstrap
    resamples articles) and ``vectorizer=`` objects.
    """
    if lazy:
        raise ValueError("distinctive_terms has no lazy form: its result is one small table")
    if persist:
        ddf = ddf.persist()
    return _distinctive_terms(ddf, split_every=split_every, **params)


def _distinctive_terms(ddf: dd.DataFrame, by: str = "outlet", method: str = "log_odds", *,
                       pair: Any = None, top: int | None = None, min_docs: int = 2,
                       prior: Any = None, prior_scale: float | None = None, variance: str = "monroe",
                       n_boot: int = 0, ci: float = 0.95, random_state: int | None = 0,
                       collapse_ngrams: bool = True, discount_reuse: bool | pd.DataFrame = False,
                       vectorizer: Any = None, split_every: int = 8, **vectorizer_params_: Any) -> pd.DataFrame:
    _terms.check_params(method, prior, prior_scale, variance, ci)
    if n_boot:
        raise ValueError("n_boot is not available on Dask (the bootstrap resamples single articles); "
                         "run mediakit.distinctive_terms on a sample, or drop --n-boot")
    if vectorizer is not None:
        raise ValueError("vectorizer= is not available on Dask; pass vectoriser settings (ngram_range, min_df, "
                         "stop_words, ...) instead")
    if by not in ddf.columns or "text" not in ddf.columns:
        raise KeyError(f"articles need 'text' and {by!r} columns; columns are {list(ddf.columns)}")
    t0 = time.perf_counter()
    # settings that depend on the whole corpus: its languages (stop words) and its groups
    kw = dict(vectorizer_params_)
    kw.setdefault("stop_words", "auto")
    if isinstance(kw["stop_words"], str) and kw["stop_words"] == "auto":
        langs = (pd.DataFrame({"language": list(ddf["language"].dropna().astype(str).unique().compute())})
                 if "language" in ddf.columns else None)
        kw["stop_words"] = _vec._resolve_auto("auto", langs)
    vectorizer = _vec.make_vectorizer(**kw)
    groups = sorted({str(v) for v in ddf[by].dropna().unique().compute()})
    reuse = None
    if discount_reuse is not False and discount_reuse is not None:
        reuse = _find_reuse(ddf, split_every) if discount_reuse is True else discount_reuse
    cols = list(dict.fromkeys(["article_id", "text", by] if reuse is not None else ["text", by]))
    parts = [dask.delayed(_count_part)(p, vectorizer, by, groups, reuse) for p in ddf[cols].to_delayed()]
    terms, counts, docfreq, ndocs, n_all = tree_reduce(parts, _combine, split_every).compute()
    t1 = time.perf_counter()

    # the vocabulary limits, on corpus totals, as scikit-learn's CountVectorizer._limit_features does
    keep = _vocabulary_mask(vectorizer, docfreq.sum(axis=0), counts.sum(axis=0), n_all)
    terms, counts, docfreq = terms[keep], counts[:, keep], docfreq[:, keep]
    if not len(terms):
        raise ValueError("no terms left after min_df/max_df; lower min_df or raise max_df")
    vectorizer.vocabulary_ = {t: i for i, t in enumerate(terms)}   # now a fitted vectoriser (background priors)
    out, _alpha, alpha0, prior_label = _terms.scores_from_counts(
        counts, docfreq, groups, terms, vectorizer, by=by, method=method, pair=pair, top=top, min_docs=min_docs,
        prior=prior, prior_scale=prior_scale, variance=variance, collapse_ngrams=collapse_ngrams)
    out = out.drop(columns=["_gi", "_gj", "_t"])
    out.attrs.update(_terms.result_attrs(
        method=method, by=by, pair=pair, top=top, min_docs=min_docs, prior_label=prior_label, alpha0=alpha0,
        variance=variance, n_boot=0, ci=ci, random_state=random_state, discount_reuse=discount_reuse,
        vectorizer=vectorizer, groups=groups, ndocs=ndocs, n_terms=len(terms),
        timings={"vectorise": t1 - t0, "statistics": time.perf_counter() - t1, "bootstrap": 0.0}))
    return out


def _count_part(part: pd.DataFrame, vectorizer: Any, by: str, groups: list[str],
                reuse: pd.DataFrame | None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]:
    """(terms, counts, document frequencies, articles) per group of one partition, and its article count."""
    index = {g: i for i, g in enumerate(groups)}
    codes = np.array([index.get(str(v), -1) if pd.notna(v) else -1 for v in part[by]], dtype=np.int64)
    texts = _vec.article_texts(part, discount_reuse=reuse if reuse is not None else False)
    vec = clone(vectorizer).set_params(min_df=1, max_df=1.0, max_features=None)
    try:
        X = sp.csr_matrix(vec.fit_transform(texts))
        terms = np.asarray(vec.get_feature_names_out(), dtype=object)
    except ValueError:  # an empty vocabulary: nothing but stop words in this partition
        X, terms = sp.csr_matrix((len(texts), 0), dtype=np.int64), np.zeros(0, dtype=object)
    counts = _vec.sum_by_group(X, codes, len(groups))
    Xb = X.copy()
    Xb.data = np.ones_like(Xb.data)
    docfreq = _vec.sum_by_group(Xb, codes, len(groups))
    ndocs = np.bincount(codes[codes >= 0], minlength=len(groups))
    return terms, counts, docfreq, ndocs, len(texts)


def _combine(items: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]]):
    """Sum partition results over the union of their vocabularies (kept sorted, as scikit-learn's is)."""
    terms = np.unique(np.concatenate([t for t, *_ in items]))
    n_groups = items[0][1].shape[0]
    counts = np.zeros((n_groups, len(terms)))
    docfreq = np.zeros((n_groups, len(terms)))
    ndocs = np.zeros(n_groups, dtype=np.int64)
    n_all = 0
    for t, c, d, n, k in items:
        n_all += k
        pos = np.searchsorted(terms, t)
        counts[:, pos] += c
        docfreq[:, pos] += d
        ndocs += n
    return terms.astype(object), counts, docfreq, ndocs, n_all


def _vocabulary_mask(vectorizer: Any, dfs: np.ndarray, tfs: np.ndarray, n_docs: int) -> np.ndarray:
    min_df, max_df, limit = vectorizer.min_df, vectorizer.max_df, vectorizer.max_features
    max_doc = max_df if isinstance(max_df, int | np.integer) else max_df * n_docs
    min_doc = min_df if isinstance(min_df, int | np.integer) else min_df * n_docs
    if max_doc < min_doc:
        raise ValueError("max_df corresponds to < documents than min_df")
    mask = (dfs >= min_doc) & (dfs <= max_doc)
    if limit is not None and mask.sum() > limit:
        order = (-tfs[mask]).argsort()[:limit]     # scikit-learn's (unstable) sort, so that ties agree
        new = np.zeros(len(dfs), dtype=bool)
        new[np.where(mask)[0][order]] = True
        mask = new
    return mask


ADAPTERS = {"distinctive_terms": distinctive_terms, "score_frames": score_frames}
