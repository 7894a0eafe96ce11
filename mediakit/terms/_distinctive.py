"""distinctive_terms as one analysis (mediakit.analysis): partition counts -> summed counts -> statistics.

The pandas path runs the hooks on the whole table as one partition; the Dask engine (mediakit.scale) maps
the partition step over partitions and merges the counts in a tree, then the same finalize. ``prepare`` is
a first pass collecting the corpus's groups and languages (stop words ``"auto"``) and building the
vectoriser every partition uses; each partition fits a copy without the vocabulary limits (``min_df``,
``max_df``, ``max_features`` apply to corpus totals, in finalize, as scikit-learn applies them; on the pandas
path the one partition is the whole corpus, so ``min_df`` and ``max_df`` already prune while counting).
Without a bootstrap, a partition's counts are summed per group straight from the tokens
(:func:`mediakit.vectorize.fit_group_counts`): no article x term matrix is built.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import scipy.sparse as sp
from sklearn.base import clone

from ..analysis import Analysis, register
from ..corpus import ColumnError, validate_corpus
from ..spans import merge_spans
from ..vectorize import (
    article_texts,
    fit_counts,
    fit_group_counts,
    make_vectorizer,
    resolve_stop_words,
    sum_by_group,
    vocabulary_mask,
)
from ._own_name import (
    learn_written_names,
    merge_written,
    name_part_counts,
    own_name_drops,
    tokenizer_normalize,
    written_name_counts,
)
from ._reuse import reuse_label, reuse_table
from ._statistics import bootstrap_interval, check_params, result_attrs, scores_from_counts

__all__ = ["distinctive_terms", "DISTINCTIVE_TERMS"]

COLUMNS = ["group", "term", "count", "count_other", "score", "z", "other", "docs", "docs_other", "total",
           "total_other", "log_ratio", "p"]
_DTYPES = {"group": object, "term": object, "count": "int64", "count_other": "int64", "score": float,
           "z": float, "other": object, "docs": "int64", "docs_other": "int64", "total": "int64",
           "total_other": "int64", "log_ratio": float, "p": float, "ci_low": float, "ci_high": float}


def distinctive_terms(
    articles: pd.DataFrame,
    by: str = "outlet",
    method: str = "log_odds",
    *,
    pair: Sequence[str] | None = None,
    top: int | None = None,
    min_docs: int = 2,
    prior: Any = None,
    prior_scale: float | None = None,
    variance: str = "monroe",
    n_boot: int = 0,
    ci: float = 0.95,
    random_state: int | None = 0,
    collapse_ngrams: bool = True,
    discount_reuse: bool | pd.DataFrame = False,
    keep_own_name: bool = False,
    vectorizer: Any = None,
    n_jobs: int | None = 1,
    **vectorizer_params_: Any,
) -> pd.DataFrame:
    """Terms each group (outlet) uses more than the others, with a statistic a reviewer accepts.

    Parameters
    ----------
    articles : corpus table (``text`` and the ``by`` column).
    by : column defining the groups (default ``outlet``).
    method : ``"log_odds"`` (default; log-odds ratio with an informative Dirichlet prior and z-scores,
        Monroe, Colaresi & Quinn 2008), ``"g2"`` (log-likelihood keyness) or ``"chi2"`` (Pearson keyness);
        formulas in :func:`term_scores`. Every method also reports Hardie's log ratio as effect size.
    pair : ``("A", "B")`` compares two groups with each other (rows for A and for B, scores of B = the
        mirror image); default: each group against all other articles ("rest").
    top : keep the ``top`` rows per group with the highest positive z (the terms most typical of the group;
        a group with no term passing ``min_docs`` gets no rows).
    min_docs : a row is kept only when the term occurs in at least this many articles of the side it leans
        to (the group for z >= 0, the other side for z < 0): one long article cannot make a term distinctive.
    prior : log_odds only. None: the term counts of the whole corpus (all groups); a number: a flat prior
        of that many pseudo-counts per term; a corpus DataFrame (background articles, vectorised with the
        same vocabulary) or a term -> count mapping/Series. Background counts get +1 so no term has a zero prior.
    prior_scale : log_odds only: the prior's total weight a0 (its counts are rescaled to sum to it);
        None keeps the prior counts as they are.
    variance : log_odds only: ``"monroe"`` (the paper's approximation, eq. 20) or ``"full"`` (four terms,
        as scattertext computes it); changes z, not the score.
    n_boot : bootstrap replicates over articles (resampled with replacement within each group); adds
        ``ci_low``/``ci_high``, the percentile interval of ``score`` at level ``ci``. Default 0 (off: z
        already carries an analytic variance; docs/contract.md). pandas only.
    random_state : seed of the bootstrap (an int, or None for fresh entropy).
    collapse_ngrams : with ``top`` and n-grams, one n-gram that always occurs inside a longer one with the
        same count in the group ("rhine", "radio", "rhine radio") takes one row, the longest.
    discount_reuse : ignore text reused from an earlier article, so one wire story counts once: a
        :func:`mediakit.find_reuse` result or a spans table (``article_id, start, end``); True computes
        find_reuse here and warns (pandas only: compute it once and pass it).
    keep_own_name : with ``by="outlet"``, an outlet's own name is furniture ("told NEWSLINE", "Copyright
        METRO TODAY"), so by default it is left out of that outlet's rows: the terms that are its name as the
        ``outlet`` value writes it (any case, "-"/"_" read as spaces, or run together: "metro-today" -> "metro
        today", "metrotoday"), n-grams containing it, and a part of a multi-word name ("metro", "today") when
        most of its uses in the outlet's articles are inside the name; the same for the name its articles
        write when the value is an id that abbreviates it ("harb-post": Harbour Post, "hdl": Harbour Daily
        Ledger; learned from 3+ of its articles). Counts and scores are unchanged; other
        outlets' names stay (a reference to a rival is content). True lists them like any other term.
        With ``pair`` nothing is left out: the two sides are one comparison of the whole shared vocabulary.
    vectorizer, **vectorizer_params_ : a scikit-learn vectoriser, or settings for
        :func:`mediakit.vectorize.make_vectorizer` (``ngram_range``, ``min_df``, ``stop_words`` ...;
        ``stop_words`` defaults to ``"auto"``: the shipped lists of the corpus's languages). With n-grams
        on a large corpus, ``min_df=min_docs`` drops terms no row could report before the statistics
        (less memory; the totals then count only the terms kept, so scores move slightly).
    n_jobs : processes that count the articles (-1: every core); the same table as ``n_jobs=1``, for count
        vectorisers (:func:`mediakit.vectorize.fit_counts`). pandas only: Dask runs partitions in parallel.

    Returns
    -------
    DataFrame ``group, term, count, count_other, score, z, other, docs, docs_other, total, total_other,
    log_ratio, p`` (+ ``ci_low, ci_high``), sorted by group and descending z. ``other`` is "rest" or the
    second group of ``pair``; ``docs`` counts the group's articles using the term; ``total`` is the number
    of tokens counted in the group (after stop words); ``p`` is uncorrected for the many terms tested.
    ``attrs``: the parameters, ``analysis`` and ``by``. No articles: an empty table with these columns.

    >>> df = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "text": [
    ...     "restrictions restrictions deal", "restrictions deal", "sanctions deal", "sanctions sanctions deal"]})
    >>> out = distinctive_terms(df, min_docs=2)
    >>> out.loc[out.group == "A", "term"].iloc[0], out.loc[out.group == "B", "term"].iloc[0]
    ('restrictions', 'sanctions')
    >>> own = pd.DataFrame({"outlet": ["Post", "Post", "Star", "Star"], "text": [
    ...     "the Post reports rain", "rain, the Post said", "the Star reports sun", "sun, the Star said"]})
    >>> top = distinctive_terms(own, top=2, stop_words="en")
    >>> top.loc[top.group == "Post", "term"].tolist(), top.loc[top.group == "Star", "term"].tolist()
    (['rain'], ['sun'])
    >>> kept = distinctive_terms(own, top=2, stop_words="en", keep_own_name=True)
    >>> kept.loc[kept.group == "Post", "term"].tolist()
    ['post', 'rain']
    """
    validate_corpus(articles, ["text", by] if isinstance(by, str) else ["text"], where="distinctive_terms")
    params = dict(by=by, method=method, pair=pair, top=top, min_docs=min_docs, prior=prior, prior_scale=prior_scale,
                  variance=variance, n_boot=n_boot, ci=ci, random_state=random_state,
                  collapse_ngrams=collapse_ngrams, discount_reuse=discount_reuse, keep_own_name=keep_own_name,
                  vectorizer=vectorizer, n_jobs=n_jobs, **vectorizer_params_)
    params = _validate(list(articles.columns), engine="local", **params)
    params["discount_reuse"] = reuse_table(articles, discount_reuse, "distinctive_terms")
    context = _prepare_finalize(_prepare_partition(articles, **params), **params)
    partial = _partition(articles, offset=0, context=context, whole=True, **params)
    out = _finalize(partial, rows=None, context=context, **params)
    out.attrs["discount_reuse"] = reuse_label(discount_reuse)
    return out


# ---------------------------------------------------------------- hooks
def _validate(columns: list[str], *, engine: str, by: str, method: str, pair: Any, top: Any, min_docs: int,
              prior: Any, prior_scale: Any, variance: str, n_boot: int, ci: float, random_state: Any,
              collapse_ngrams: bool, discount_reuse: Any, vectorizer: Any, n_jobs: int | None = 1,
              keep_own_name: bool = False, **vectorizer_params_: Any) -> dict:
    for col in ("text", by):
        if col not in columns:
            raise ColumnError(f"distinctive_terms: column {col!r} missing; pass a corpus from mediakit.load_corpus"
                              + (" or add the column" if col == "text" else f" or another by= (columns: {columns})"))
    check_params(method, prior, prior_scale, variance, ci)
    if n_boot < 0:
        raise ValueError(f"distinctive_terms: n_boot={n_boot} must be >= 0 (0: no bootstrap)")
    if engine != "local":
        if n_jobs not in (None, 1):
            raise ValueError("n_jobs is not available on Dask (its workers count the partitions in parallel); "
                             "drop n_jobs")
        if n_boot:
            raise ValueError("n_boot is not available on Dask (the bootstrap resamples single articles); "
                             "run mediakit.distinctive_terms on a sample, or drop --n-boot")
        if vectorizer is not None:
            raise ValueError("vectorizer= is not available on Dask; pass vectoriser settings (ngram_range, "
                             "min_df, stop_words, ...) instead")
        if discount_reuse is True:
            raise ValueError("discount_reuse=True is not available on Dask; compute reuse once "
                             "(reuse = mk.find_reuse(ddf)) and pass discount_reuse=reuse")
        if isinstance(discount_reuse, pd.DataFrame) and "article_id" not in columns:
            raise ColumnError("distinctive_terms: column 'article_id' missing (discount_reuse needs it); pass a "
                              "corpus from mediakit.load_corpus")
    if vectorizer is not None and vectorizer_params_:
        raise TypeError(f"pass either vectorizer= or vectoriser settings, not both (got {sorted(vectorizer_params_)})")
    if vectorizer is None:
        make_vectorizer(**{**vectorizer_params_, "stop_words": None})   # settings checked before any work
    if isinstance(discount_reuse, pd.DataFrame):   # a find_reuse result or spans -> merged spans (small to ship)
        discount_reuse = merge_spans(discount_reuse)
    return dict(by=by, method=method, pair=pair, top=top, min_docs=min_docs, prior=prior, prior_scale=prior_scale,
                variance=variance, n_boot=int(n_boot), ci=ci, random_state=random_state,
                collapse_ngrams=collapse_ngrams, discount_reuse=discount_reuse, vectorizer=vectorizer,
                n_jobs=n_jobs, keep_own_name=bool(keep_own_name), **vectorizer_params_)


def _columns(*, by: str, discount_reuse: Any, **_: Any) -> list[str]:
    reuse = discount_reuse is not False and discount_reuse is not None
    return ["text", by, "language"] + (["article_id"] if reuse else [])


class _Corpus(NamedTuple):
    """What prepare learns from the whole corpus: its groups and the vectoriser every partition fits."""
    groups: list[str]
    vectorizer: Any


def _prepare_partition(part: pd.DataFrame, *, by: str, **_: Any) -> tuple[set[str], set[str]]:
    langs = set(part["language"].dropna().astype(str)) if "language" in part.columns else set()
    return {str(v) for v in part[by].dropna()}, langs


def _prepare_merge(items: list[tuple[set[str], set[str]]]) -> tuple[set[str], set[str]]:
    return set().union(*(g for g, _ in items)), set().union(*(lang for _, lang in items))


def _prepare_finalize(partial: tuple[set[str], set[str]], *, vectorizer: Any = None, **params: Any) -> _Corpus:
    groups, langs = partial
    if vectorizer is None:
        kw = {k: v for k, v in params.items() if k not in _PARAMS}
        kw.setdefault("stop_words", "auto")
        kw["stop_words"] = resolve_stop_words(kw["stop_words"], sorted(langs) or None)
        vectorizer = make_vectorizer(**kw)
    return _Corpus(sorted(groups), vectorizer)


_PARAMS = {"by", "method", "pair", "top", "min_docs", "prior", "prior_scale", "variance", "n_boot", "ci",
           "random_state", "collapse_ngrams", "discount_reuse", "vectorizer", "rows", "context", "offset",
           "n_jobs", "keep_own_name"}


class _Counts(NamedTuple):
    """Counts of some articles: terms (sorted), groups x terms counts and document frequencies, articles
    per group, articles in all, (pandas with n_boot only) the article x term matrix, per group the
    occurrences of parts of its own name inside the name (:func:`name_part_counts`) and the names its id
    abbreviates in its articles (:func:`written_name_counts`)."""
    terms: np.ndarray
    counts: np.ndarray
    docfreq: np.ndarray
    ndocs: np.ndarray
    n: int
    X: sp.csr_matrix | None = None
    codes: np.ndarray | None = None
    inside: dict | None = None
    written: dict | None = None


def _partition(part: pd.DataFrame, *, context: _Corpus, by: str, discount_reuse: Any, n_boot: int = 0,
               n_jobs: int | None = 1, whole: bool = False, pair: Any = None, keep_own_name: bool = False,
               **_: Any) -> _Counts:
    """Counts of a partition; ``whole``: it is the whole corpus, so min_df / max_df may prune terms already."""
    counts, texts, codes = _count(part, context=context, by=by, discount_reuse=discount_reuse, n_boot=n_boot,
                                  n_jobs=n_jobs, whole=whole)
    if not _own_names_apply(by, pair, keep_own_name):
        return counts
    normalize = tokenizer_normalize(context.vectorizer)
    inside = name_part_counts(texts, codes, context.groups, normalize)
    return counts._replace(inside=inside, written=written_name_counts(texts, codes, context.groups, normalize))


def _count(part: pd.DataFrame, *, context: _Corpus, by: str, discount_reuse: Any, n_boot: int,
           n_jobs: int | None, whole: bool) -> tuple[_Counts, Any, np.ndarray]:
    """The counts, the texts counted and each text's group code."""
    groups = context.groups
    index = {g: i for i, g in enumerate(groups)}
    codes = np.array([index.get(str(v), -1) if pd.notna(v) else -1 for v in part[by]], dtype=np.int64)
    ndocs = np.bincount(codes[codes >= 0], minlength=len(groups))
    reuse = discount_reuse is not None and discount_reuse is not False
    if not n_boot:     # counts per group straight from the tokens: no article x term matrix
        texts = article_texts(part, discount_reuse=discount_reuse) if reuse else _text_array(part)
        try:
            counts, docfreq, terms = fit_group_counts(context.vectorizer, texts, codes, len(groups), n_jobs=n_jobs,
                                                      prune=whole)
        except ValueError as err:
            if str(err).startswith("fit_group_counts needs term counts"):
                raise ValueError(str(err).replace("fit_group_counts", "distinctive_terms", 1)) from None
            raise
        return _Counts(terms, counts, docfreq, ndocs, len(texts)), texts, codes
    texts = article_texts(part, discount_reuse=discount_reuse if reuse else False)
    X, terms = fit_counts(context.vectorizer, texts, n_jobs=n_jobs)   # no vocabulary limits (finalize)
    if not np.issubdtype(X.dtype, np.integer):
        raise ValueError(f"distinctive_terms needs term counts, but the vectoriser gives {X.dtype} weights; "
                         "pass a count vectoriser (make_vectorizer(kind='count'))")
    counts = sum_by_group(X, codes, len(groups))
    Xb = sp.csr_matrix((np.ones_like(X.data), X.indices, X.indptr), shape=X.shape)   # shares X's indices
    docfreq = sum_by_group(Xb, codes, len(groups))
    return _Counts(terms, counts, docfreq, ndocs, len(texts), X, codes), texts, codes


def _text_array(part: pd.DataFrame) -> pa.Array:
    """The texts as one pyarrow string array (pandas keeps them in one): no Python string per article, so
    forked counting processes share them without copying pages."""
    arr = pa.array(part["text"].fillna("").astype(str), from_pandas=True)
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


def _merge(items: list[_Counts]) -> _Counts:
    """Sum counts over the union of the vocabularies (kept sorted, as scikit-learn's is)."""
    if len(items) == 1:
        return items[0]
    inside = None
    if any(c.inside is not None for c in items):    # occurrences inside own names: summed per group
        inside = {}
        for c in items:
            for g, found in (c.inside or {}).items():
                inside.setdefault(g, Counter()).update(found)
    terms = np.unique(np.concatenate([c.terms for c in items])).astype(object)
    n_groups = items[0].counts.shape[0]
    counts = np.zeros((n_groups, len(terms)))
    docfreq = np.zeros((n_groups, len(terms)))
    ndocs = np.zeros(n_groups, dtype=np.int64)
    mats, codes = [], []
    for c in items:
        pos = np.searchsorted(terms, c.terms)
        counts[:, pos] += c.counts
        docfreq[:, pos] += c.docfreq
        ndocs += c.ndocs
        if c.X is not None:
            X = c.X.tocsr()
            mats.append(sp.csr_matrix((X.data, pos[X.indices], X.indptr), shape=(X.shape[0], len(terms))))
            codes.append(c.codes)
    n = sum(c.n for c in items)
    if mats and len(mats) != len(items):
        raise ValueError("distinctive_terms: cannot merge partitions with and without article matrices")
    X = sp.vstack(mats).tocsr() if mats else None
    written = merge_written([c.written for c in items]) if any(c.written is not None for c in items) else None
    return _Counts(terms, counts, docfreq, ndocs, n, X, np.concatenate(codes) if codes else None, inside, written)


def _finalize(partial: _Counts, *, context: _Corpus, by: str, method: str, pair: Any, top: Any, min_docs: int,
              prior: Any, prior_scale: Any, variance: str, n_boot: int, ci: float, random_state: Any,
              collapse_ngrams: bool, discount_reuse: Any, keep_own_name: bool = False, **_: Any) -> pd.DataFrame:
    groups, vectorizer = context.groups, clone(context.vectorizer)
    attrs = dict(method=method, by=by, pair=pair, top=top, min_docs=min_docs, variance=variance,
                 n_boot=n_boot, ci=ci, random_state=random_state, discount_reuse=discount_reuse,
                 vectorizer=vectorizer, collapse_ngrams=collapse_ngrams,
                 keep_own_name=keep_own_name if _own_names_apply(by, pair) else None)
    if partial.n == 0:  # no articles: the documented columns, no rows
        out = _empty(n_boot)
        out.attrs.update(result_attrs(prior_label=_prior_label(method, prior), alpha0=prior_scale, **attrs))
        return out
    keep = vocabulary_mask(vectorizer, partial.docfreq.sum(axis=0), partial.counts.sum(axis=0), partial.n)
    terms, counts, docfreq = partial.terms[keep], partial.counts[:, keep], partial.docfreq[:, keep]
    if not len(terms):
        raise ValueError("no terms left after min_df/max_df; lower min_df or raise max_df")
    vectorizer.vocabulary_ = {t: i for i, t in enumerate(terms)}   # now a fitted vectoriser (background priors)
    drop = (own_name_drops(terms, counts, groups, partial.inside, learn_written_names(partial.written))
            if _own_names_apply(by, pair, keep_own_name) else None)
    out, alpha, alpha0, prior_label = scores_from_counts(
        counts, docfreq, groups, terms, vectorizer, by=by, method=method, pair=pair, top=top, min_docs=min_docs,
        prior=prior, prior_scale=prior_scale, variance=variance, collapse_ngrams=collapse_ngrams, drop=drop)
    if n_boot:
        if partial.X is None:
            raise ValueError("n_boot needs the article x term matrix, kept on the pandas path only")
        lo, hi = bootstrap_interval(out, partial.X[:, np.flatnonzero(keep)], partial.codes, len(groups), method,
                                    prior, prior_scale, alpha, n_boot, ci, random_state)
        out["ci_low"], out["ci_high"] = lo, hi
    out = out.drop(columns=["_gi", "_gj", "_t"]).astype({k: v for k, v in _DTYPES.items() if k in out.columns})
    out.attrs.update(result_attrs(prior_label=prior_label, alpha0=alpha0, **attrs))
    return out


def _own_names_apply(by: str, pair: Any, keep_own_name: bool = False) -> bool:
    """Outlets' own names are left out of their rows: groups are outlets, each against the rest, by default.
    (A pair's rows are one comparison of the two outlets' whole vocabulary, B's the mirror image of A's.)"""
    return by == "outlet" and pair is None and not keep_own_name


def _prior_label(method: str, prior: Any) -> str | None:
    if method != "log_odds":
        return None
    if prior is None:
        return "corpus"
    if isinstance(prior, int | float):
        return f"uniform({prior})"
    return "background"


def _empty(n_boot: int) -> pd.DataFrame:
    cols = COLUMNS + (["ci_low", "ci_high"] if n_boot else [])
    return pd.DataFrame({c: pd.Series(dtype=_DTYPES[c]) for c in cols})


_PREPARE = Analysis("distinctive_terms:prepare", partition=_prepare_partition, merge=_prepare_merge,
                    finalize=lambda partial, **params: _prepare_finalize(partial, **params))

DISTINCTIVE_TERMS = register(Analysis("distinctive_terms", partition=_partition, merge=_merge, finalize=_finalize,
                                      validate=_validate, prepare=_PREPARE, columns=_columns,
                                      public=distinctive_terms))
