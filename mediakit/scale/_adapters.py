"""TEMPORARY adapters: distinctive_terms and extract_quotes on Dask through their existing code.

These analyses are being moved into packages (mediakit/terms/, framing/, quotes/) while this engine
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

from .. import sources as _sources
from .. import terms as _terms
from .. import vectorize as _vec
from ..analysis import get
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


# ---------------------------------------------------------------- extract_quotes: per article + a global merge
def extract_quotes(ddf: dd.DataFrame, params: dict[str, Any], *, split_every: int = 8, persist: bool | None = None,
                   lazy: bool = False) -> pd.DataFrame | dd.DataFrame:
    """:func:`mediakit.extract_quotes` on a Dask corpus; the quote table (a lazy Dask one with ``lazy``).

    Each partition is extracted with ``merge_speakers=False``; then, as on one table, names are merged with
    :func:`mediakit.quotes_speakers.merge_names` (fed with the name counts of all partitions, in corpus
    order) and a speaker's type and country are shared between articles (the most frequent value, ties to
    the alphabetically first, from (name, value) counts summed over partitions and over the spellings
    merged into one name).

    ``persist``: keep the extracted quotes in the cluster's memory (spilled to disk by Dask when short), so
    the text is parsed once; False parses it twice (once for the name counts, once when the result is
    computed) and holds nothing, for quote tables larger than the cluster's memory.

    >>> quotes = extract_quotes(ddf, {})                          # doctest: +SKIP
    """
    from ..quotes_speakers import load_gazetteer, merge_names

    persist = True if persist is None else persist
    merge_speakers = params.get("merge_speakers", True)
    gazetteer = params.get("gazetteer")
    discount_reuse = params.get("discount_reuse", False)

    gz = gazetteer if gazetteer is not None else load_gazetteer()
    meta = _sources.extract_quotes(_sample(ddf), merge_speakers=False, gazetteer=gz).iloc[:0]
    # Large lookup tables go into the graph once, as one key every task depends on, instead of being
    # copied into each partition's task (the 1M-article run built a 43 MB graph that way).
    gz_once = dask.delayed(gz, traverse=False)
    q = ddf.map_partitions(_sources.extract_quotes, merge_speakers=False, gazetteer=gz_once, meta=meta,
                           enforce_metadata=False)
    if merge_speakers:
        if persist:
            q = q.persist()
        names, type_counts, country_counts = dask.compute(
            q.map_partitions(_name_counts, meta=_NAME_META),
            q.map_partitions(_role_counts, "speaker_type", meta=_ROLE_META).groupby(["name", "value"])["n"].sum(),
            q.map_partitions(_role_counts, "speaker_country", meta=_ROLE_META).groupby(["name", "value"])["n"].sum())
        names = names.groupby("name", sort=False)["n"].sum()      # first-occurrence order, as one table gives
        mapping = merge_names([nm for nm, k in names.items() for _ in range(int(k))])
        types = _mode_of(_renamed(type_counts, mapping))
        countries = _mode_of(_renamed(country_counts, mapping))
        tables = [dask.delayed(t, traverse=False) for t in (mapping, types, countries)]
        q = q.map_partitions(_merge_speakers, *tables, meta=meta, enforce_metadata=False)
    spans = _reuse_spans(ddf, discount_reuse, split_every)
    if isinstance(spans, pd.DataFrame):
        q = q.map_partitions(_drop_inside, spans, meta=meta, enforce_metadata=False)
    if lazy:
        return q
    out = q.compute().reset_index(drop=True)
    out.attrs = {}
    return out


_NAME_META = pd.DataFrame({"name": pd.Series(dtype=str), "n": pd.Series(dtype="int64")})


def _renamed(counts: pd.Series, mapping: dict[str, str]) -> pd.Series:
    """(name, value) counts with each name replaced by its merged spelling, summed."""
    if not len(counts):
        return counts
    df = counts.rename("n").reset_index()
    df["name"] = df["name"].map(lambda c: mapping.get(c, c))
    return df.groupby(["name", "value"])["n"].sum()


def _merge_speakers(q: pd.DataFrame, mapping: dict[str, str], types: pd.Series, countries: pd.Series) -> pd.DataFrame:
    return _apply_roles(_rename_speakers(q, mapping), types, countries)


def _name_counts(q: pd.DataFrame) -> pd.DataFrame:
    c = q["speaker_canonical"]
    c = c[c.map(lambda v: isinstance(v, str) and v != "")]
    vc = c.value_counts(sort=False)
    order = pd.unique(c)
    return pd.DataFrame({"name": pd.Series(order, dtype=str), "n": vc.reindex(order).to_numpy(dtype="int64")})


_ROLE_META = pd.DataFrame({"name": pd.Series(dtype=str), "value": pd.Series(dtype=str),
                           "n": pd.Series(dtype="int64")})


def _role_counts(q: pd.DataFrame, col: str) -> pd.DataFrame:
    """(name, value) counts of the rows _share_roles learns from: a known type (and a country)."""
    known = q[(q["speaker_type"] != "unknown") & q["speaker_canonical"].notna()]
    if col == "speaker_country":
        known = known[known["speaker_country"].astype(bool)]
    g = known.groupby(["speaker_canonical", col]).size()
    return pd.DataFrame({"name": g.index.get_level_values(0).astype(str),
                         "value": g.index.get_level_values(1).astype(str), "n": g.to_numpy(dtype="int64")})


def _rename_speakers(q: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    q = q.copy()
    q["speaker_canonical"] = q["speaker_canonical"].map(lambda c: mapping.get(c, c) if isinstance(c, str) else c)
    return q


def _mode_of(counts: pd.Series) -> pd.Series:
    """Per first index level, the second-level value with the highest count (ties: the smallest value),
    which is what ``Series.mode().iat[0]`` gives on the rows themselves."""
    if not len(counts):
        return pd.Series(dtype=object)
    df = counts.rename("n").reset_index()
    key, val = df.columns[0], df.columns[1]
    df = df.sort_values([key, "n", val], ascending=[True, False, True], kind="stable")
    return df.drop_duplicates(key).set_index(key)[val]


def _apply_roles(q: pd.DataFrame, types: pd.Series, countries: pd.Series) -> pd.DataFrame:
    # the second half of mediakit.sources._share_roles, with the global per-name modes
    q = q.copy()
    if len(types):
        unknown = (q["speaker_type"] == "unknown") & q["speaker_canonical"].isin(types.index)
        q.loc[unknown, "speaker_type"] = q.loc[unknown, "speaker_canonical"].map(types)
    if len(countries):
        no_country = ~q["speaker_country"].astype(bool) & q["speaker_canonical"].isin(countries.index)
        q.loc[no_country, "speaker_country"] = q.loc[no_country, "speaker_canonical"].map(countries)
    return q


def _drop_inside(q: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    return q[~_sources._inside_spans(q, spans)].reset_index(drop=True) if len(q) else q


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


ADAPTERS = {"distinctive_terms": distinctive_terms, "extract_quotes": extract_quotes}
