"""Outlet-against-outlet vocabulary: distinctive terms, competing names, keyword in context, collocations.

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")                                    # doctest: +SKIP
>>> mk.distinctive_terms(corpus, by="outlet", top=10)                       # doctest: +SKIP
>>> mk.naming_table(corpus, lexicon="s400")                                 # doctest: +SKIP
>>> mk.kwic(corpus, "restrictions", sort="right")                           # doctest: +SKIP
>>> mk.collocations(corpus, "sanction*", kind="glob", by="outlet")          # doctest: +SKIP

Every row that points into a text carries ``article_id`` and ``start``/``end`` offsets into the corpus
``text`` column, so ``text[start:end]`` is what the row shows. Computation only: nothing here draws or
writes files (see :mod:`mediakit.plotting.terms`).
"""

from __future__ import annotations

import bisect
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
import yaml
from scipy import stats
from scipy.special import xlogy

from .text import TOKEN_PATTERN, fold
from .vectorize import (
    NewsTokenizer,
    _resolve_auto,
    article_texts,
    group_codes,
    load_stop_words,
    make_vectorizer,
    sum_by_group,
    vectorizer_params,
)

__all__ = [
    "METHODS",
    "distinctive_terms",
    "term_scores",
    "load_lexicon",
    "naming_matches",
    "naming_table",
    "suggest_variants",
    "kwic",
    "compile_pattern",
    "collocations",
]

METHODS = ("log_odds", "g2", "chi2")
_TOKEN_RE = re.compile(TOKEN_PATTERN)


# ================================================================ statistics
def term_scores(method: str, y_i: np.ndarray, y_j: np.ndarray, n_i: Any, n_j: Any,
                alpha: np.ndarray | None = None, alpha0: Any = None, *,
                variance: str = "monroe") -> tuple[np.ndarray, np.ndarray]:
    """``(score, z)`` of each term for a group with counts ``y_i`` (total ``n_i``) against ``y_j`` (``n_j``).

    - ``"log_odds"`` (Monroe, Colaresi & Quinn 2008, eqs. 16 and 18-22), with prior ``alpha`` (per term)
      and ``alpha0`` (its sum)::

          score = log((y_i + a) / (n_i + a0 - y_i - a)) - log((y_j + a) / (n_j + a0 - y_j - a))
          z     = score / sqrt(1 / (y_i + a) + 1 / (y_j + a))

      ``variance="full"`` uses the four-term variance 1/(y_i+a) + 1/(n_i+a0-y_i-a) + 1/(y_j+a) +
      1/(n_j+a0-y_j-a) instead of the paper's approximation (eq. 20); scattertext uses that one.

    - ``"g2"``: log-likelihood G² = 2 Σ O ln(O/E) over the 2×2 table (term / other terms × group / other),
      ``"chi2"``: Pearson's X² over the same table without continuity correction. Both are signed
      (negative when the term is relatively rarer in the group) and ``z = sign · sqrt(statistic)``.

    Arrays broadcast, so the bootstrap evaluates many replicates at once.

    >>> s, z = term_scores("g2", np.array([10.]), np.array([2.]), 100., 100.)
    >>> round(float(s[0]), 4), round(float(z[0]), 4)
    (6.1626, 2.4825)
    """
    y_i = np.asarray(y_i, dtype=float)
    y_j = np.asarray(y_j, dtype=float)
    n_i = np.asarray(n_i, dtype=float)
    n_j = np.asarray(n_j, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "log_odds":
            a = np.asarray(alpha, dtype=float)
            a0 = np.asarray(alpha0, dtype=float)
            score = np.log((y_i + a) / (n_i + a0 - y_i - a)) - np.log((y_j + a) / (n_j + a0 - y_j - a))
            var = 1.0 / (y_i + a) + 1.0 / (y_j + a)
            if variance == "full":
                var = var + 1.0 / (n_i + a0 - y_i - a) + 1.0 / (n_j + a0 - y_j - a)
            elif variance != "monroe":
                raise ValueError(f"variance={variance!r} is not known; use 'monroe' (the paper's) or 'full'")
            z = score / np.sqrt(var)
        elif method in ("g2", "chi2"):
            o11, o12 = y_i, y_j                     # the term in the group / in the other
            o21, o22 = n_i - y_i, n_j - y_j         # all other terms
            n = n_i + n_j
            r1, r2 = o11 + o12, o21 + o22
            e11, e12, e21, e22 = r1 * n_i / n, r1 * n_j / n, r2 * n_i / n, r2 * n_j / n
            if method == "g2":
                stat = 2.0 * (xlogy(o11, o11 / e11) + xlogy(o12, o12 / e12) + xlogy(o21, o21 / e21)
                              + xlogy(o22, o22 / e22))
            else:
                stat = n * (o11 * o22 - o12 * o21) ** 2 / (r1 * r2 * n_i * n_j)
            stat = np.where(np.isfinite(stat), np.maximum(stat, 0.0), 0.0)
            sign = np.sign(y_i / n_i - y_j / n_j)
            score = sign * stat
            z = sign * np.sqrt(stat)
        else:
            raise ValueError(f"method={method!r} is not known; use one of {', '.join(METHODS)}")
    return score, z


def _log_ratio(y_i: np.ndarray, y_j: np.ndarray, n_i: Any, n_j: Any) -> np.ndarray:
    """Hardie's (2014) log ratio: log2 of the ratio of relative frequencies, 0.5 standing in for a zero."""
    a = np.where(y_i > 0, y_i, 0.5)
    b = np.where(y_j > 0, y_j, 0.5)
    return np.log2((a / n_i) / (b / n_j))


def _p_value(method: str, score: np.ndarray, z: np.ndarray) -> np.ndarray:
    if method == "log_odds":
        return 2.0 * stats.norm.sf(np.abs(z))
    return stats.chi2.sf(np.abs(score), 1)


# ================================================================ distinctive terms
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
    vectorizer: Any = None,
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
        ``ci_low``/``ci_high``, the percentile interval of ``score`` at level ``ci``.
    collapse_ngrams : with ``top`` and n-grams, one n-gram that always occurs inside a longer one with the
        same count in the group ("rhine", "radio", "rhine radio") takes one row, the longest.
    discount_reuse : ignore text reused from an earlier article (True computes it; or pass a find_reuse
        result), so one wire story counts once.
    vectorizer, **vectorizer_params_ : a scikit-learn vectoriser, or settings for
        :func:`mediakit.vectorize.make_vectorizer` (``ngram_range``, ``min_df``, ``stop_words`` ...;
        ``stop_words`` defaults to ``"auto"``: the shipped lists of the corpus's languages).

    Returns
    -------
    DataFrame ``group, term, count, count_other, score, z, other, docs, docs_other, total, total_other,
    log_ratio, p`` (+ ``ci_low, ci_high``), sorted by group and descending z. ``other`` is "rest" or the
    second group of ``pair``; ``docs`` counts the group's articles using the term; ``total`` is the number
    of tokens counted in the group (after stop words); ``p`` is uncorrected for the many terms tested. Parameters (and timings) are in ``df.attrs``.

    >>> df = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "text": [
    ...     "restrictions restrictions deal", "restrictions deal", "sanctions deal", "sanctions sanctions deal"]})
    >>> out = distinctive_terms(df, min_docs=2)
    >>> out.loc[out.group == "A", "term"].iloc[0], out.loc[out.group == "B", "term"].iloc[0]
    ('restrictions', 'sanctions')
    """
    check_params(method, prior, prior_scale, variance, ci)
    if vectorizer is None:
        vectorizer_params_.setdefault("stop_words", "auto")
        vectorizer_params_["stop_words"] = _resolve_auto(vectorizer_params_["stop_words"], articles)
        vectorizer = make_vectorizer(**vectorizer_params_)
    elif vectorizer_params_:
        raise TypeError(f"pass either vectorizer= or vectoriser settings, not both (got {sorted(vectorizer_params_)})")

    t0 = time.perf_counter()
    codes, groups = group_codes(articles, by)
    texts = article_texts(articles, discount_reuse=discount_reuse)
    X = sp.csr_matrix(vectorizer.fit_transform(texts))
    del texts
    if not np.issubdtype(X.dtype, np.integer):
        raise ValueError(f"distinctive_terms needs term counts, but the vectoriser gives {X.dtype} weights; "
                         "pass a count vectoriser (make_vectorizer(kind='count'))")
    t1 = time.perf_counter()
    terms = np.asarray(vectorizer.get_feature_names_out(), dtype=object)
    counts = sum_by_group(X, codes, len(groups))                  # groups x terms
    Xb = X.copy()
    Xb.data = np.ones_like(Xb.data)
    docfreq = sum_by_group(Xb, codes, len(groups))
    ndocs = np.bincount(codes[codes >= 0], minlength=len(groups))
    out, alpha, alpha0, prior_label = scores_from_counts(
        counts, docfreq, groups, terms, vectorizer, by=by, method=method, pair=pair, top=top, min_docs=min_docs,
        prior=prior, prior_scale=prior_scale, variance=variance, collapse_ngrams=collapse_ngrams)
    t2 = time.perf_counter()
    if n_boot:
        lo, hi = _bootstrap(out, X, codes, len(groups), method, prior, prior_scale, alpha, n_boot, ci, random_state)
        out["ci_low"], out["ci_high"] = lo, hi
    out = out.drop(columns=["_gi", "_gj", "_t"])
    out.attrs.update(result_attrs(
        method=method, by=by, pair=pair, top=top, min_docs=min_docs, prior_label=prior_label, alpha0=alpha0,
        variance=variance, n_boot=n_boot, ci=ci, random_state=random_state, discount_reuse=discount_reuse,
        vectorizer=vectorizer, groups=groups, ndocs=ndocs, n_terms=len(terms),
        timings={"vectorise": t1 - t0, "statistics": t2 - t1, "bootstrap": time.perf_counter() - t2}))
    return out


# Hooks shared with mediakit.scale_terms (the same statistics from counts summed over Dask partitions).
def check_params(method: str, prior: Any, prior_scale: float | None, variance: str, ci: float) -> None:
    """Raise a ValueError naming the first invalid distinctive_terms setting."""
    if method not in METHODS:
        raise ValueError(f"method={method!r} is not known; use one of {', '.join(METHODS)}")
    if method != "log_odds" and (prior is not None or prior_scale is not None):
        raise ValueError(f"prior and prior_scale apply to method='log_odds' only, not {method!r}")
    if variance not in ("monroe", "full"):
        raise ValueError(f"variance={variance!r} is not known; use 'monroe' (the paper's) or 'full'")
    if not 0 < ci < 1:
        raise ValueError(f"ci={ci} must lie between 0 and 1 (e.g. 0.95)")


def scores_from_counts(counts: np.ndarray, docfreq: np.ndarray, groups: list[str], terms: np.ndarray,
                       vectorizer: Any, *, by: str = "outlet", method: str = "log_odds",
                       pair: Sequence[str] | None = None, top: int | None = None, min_docs: int = 2,
                       prior: Any = None, prior_scale: float | None = None, variance: str = "monroe",
                       collapse_ngrams: bool = True) -> tuple[pd.DataFrame, Any, Any, str | None]:
    """Counts -> the distinctive_terms table: ``(table, alpha, alpha0, prior label)``.

    ``counts`` and ``docfreq`` are groups x terms (term counts, articles using the term), ``terms`` the
    fitted vocabulary of ``vectorizer`` (used for background priors). The table keeps the helper columns
    ``_gi, _gj, _t`` (group, other group or -1, term index) for the bootstrap; drop them afterwards.
    """
    totals = counts.sum(axis=1)
    # comparisons: (row label, other label, index of group i, index of group j or -1 for "rest")
    if pair is not None:
        if len(pair) != 2 or pair[0] == pair[1]:
            raise ValueError(f"pair={pair!r} must name two different groups, e.g. pair=('Volga Wire', 'Potomac Herald')")
        missing = [str(g) for g in pair if str(g) not in groups]
        if missing:
            raise ValueError(f"pair group(s) {missing} not found in column {by!r}; groups are {groups}")
        a, b = groups.index(str(pair[0])), groups.index(str(pair[1]))
        comparisons = [(a, b), (b, a)]
    else:
        if len(groups) < 2:
            raise ValueError(f"distinctive_terms needs at least two groups in {by!r}; found {groups}")
        comparisons = [(g, -1) for g in range(len(groups))]

    alpha, alpha0, prior_label = _prior(method, prior, prior_scale, counts.sum(axis=0), vectorizer)
    all_counts, all_docs, all_total = counts.sum(axis=0), docfreq.sum(axis=0), totals.sum()

    frames = []
    for gi, gj in comparisons:
        y_i, d_i, n_i = counts[gi], docfreq[gi], totals[gi]
        if gj < 0:
            y_j, d_j, n_j = all_counts - y_i, all_docs - d_i, all_total - n_i
        else:
            y_j, d_j, n_j = counts[gj], docfreq[gj], totals[gj]
        score, z = term_scores(method, y_i, y_j, n_i, n_j, alpha, alpha0, variance=variance)
        keep = (y_i + y_j) > 0
        keep &= np.where(z >= 0, d_i >= min_docs, d_j >= min_docs)
        idx = np.flatnonzero(keep)
        # descending z; a stable sort keeps ties in vocabulary order, which scikit-learn makes alphabetical
        idx = idx[np.argsort(-z[idx], kind="stable")]
        if top is not None:
            idx = idx[z[idx] > 0]
            idx = _collapse_nested(idx, terms, y_i, top) if collapse_ngrams else idx[:top]
        frames.append(pd.DataFrame({
            "group": groups[gi], "term": terms[idx],
            "count": y_i[idx].astype(np.int64), "count_other": y_j[idx].astype(np.int64),
            "score": score[idx], "z": z[idx], "other": "rest" if gj < 0 else groups[gj],
            "docs": d_i[idx].astype(np.int64), "docs_other": d_j[idx].astype(np.int64),
            "total": np.int64(n_i), "total_other": np.int64(n_j),
            "log_ratio": _log_ratio(y_i[idx], y_j[idx], n_i, n_j), "p": _p_value(method, score[idx], z[idx]),
            "_gi": gi, "_gj": gj, "_t": idx,
        }))
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return out, alpha, alpha0, prior_label


def result_attrs(*, method: str, by: str, pair: Sequence[str] | None, top: int | None, min_docs: int,
                 prior_label: str | None, alpha0: Any, variance: str, n_boot: int, ci: float,
                 random_state: int | None, discount_reuse: Any, vectorizer: Any, groups: list[str],
                 ndocs: np.ndarray, n_terms: int, timings: dict[str, float]) -> dict[str, Any]:
    """The ``df.attrs`` of a distinctive_terms result: parameters, sizes and timings."""
    return {
        "method": method, "by": by, "pair": list(pair) if pair is not None else None, "top": top,
        "min_docs": min_docs, "prior": prior_label, "prior_scale": float(alpha0) if method == "log_odds" else None,
        "variance": variance if method == "log_odds" else None,
        "n_boot": n_boot, "ci": ci if n_boot else None, "random_state": random_state,
        "discount_reuse": discount_reuse if isinstance(discount_reuse, bool) else "find_reuse table",
        "vectorizer": vectorizer_params(vectorizer), "n_articles": int(ndocs.sum()),
        "articles_per_group": dict(zip(groups, ndocs.tolist())), "n_terms": n_terms,
        "timings": timings,
    }


def _collapse_nested(idx: np.ndarray, terms: np.ndarray, counts: np.ndarray, top: int) -> np.ndarray:
    """Take up to ``top`` of ``idx`` (already ranked), merging n-grams nested in each other with equal counts.

    A term inside an already chosen longer term (same count) is skipped; a term containing chosen shorter
    ones takes the place of the first and the others go.
    """
    chosen: list[int] = []
    for t in idx:
        term = f" {terms[t]} "
        nested = [c for c in chosen if counts[c] == counts[t] and (term in f" {terms[c]} " or f" {terms[c]} " in term)]
        if any(term in f" {terms[c]} " for c in nested):
            continue
        if nested:
            pos = chosen.index(nested[0])
            chosen[pos] = t
            chosen = [c for c in chosen if c not in nested[1:]]
        elif len(chosen) < top:
            chosen.append(t)
        elif len(chosen) >= top:
            break
    return np.asarray(chosen, dtype=np.int64)


def _prior(method: str, prior: Any, prior_scale: float | None, corpus_counts: np.ndarray,
           vectorizer: Any) -> tuple[np.ndarray | None, float | None, str | None]:
    """alpha per term, alpha0 = sum(alpha), and a label for attrs."""
    if method != "log_odds":
        return None, None, None
    terms = vectorizer.get_feature_names_out()
    if prior is None:
        raw, label = corpus_counts.astype(float), "corpus"
    elif isinstance(prior, int | float) and not isinstance(prior, bool):
        if prior <= 0:
            raise ValueError(f"prior={prior} must be a positive number of pseudo-counts per term")
        raw, label = np.full(len(terms), float(prior)), f"uniform({prior})"
    elif isinstance(prior, pd.DataFrame):
        if "text" not in prior:
            raise KeyError("prior DataFrame (background corpus) has no 'text' column; pass load_corpus() output")
        bg = vectorizer.transform(prior["text"].fillna("").astype(str).tolist())
        raw, label = np.asarray(bg.sum(axis=0)).ravel().astype(float) + 1.0, f"background({len(prior)} articles)+1"
    elif isinstance(prior, Mapping | pd.Series):
        series = pd.Series(prior, dtype=float)
        raw = series.reindex(terms).fillna(0.0).to_numpy() + 1.0
        label = f"background({len(series)} terms)+1"
    else:
        raise TypeError(f"prior must be None, a number, a background corpus DataFrame or a term->count mapping, "
                        f"not {type(prior).__name__}")
    total = raw.sum()
    alpha0 = float(prior_scale) if prior_scale is not None else float(total)
    if alpha0 <= 0:
        raise ValueError(f"prior_scale={prior_scale} must be positive")
    return raw * (alpha0 / total), alpha0, label


def _bootstrap(out: pd.DataFrame, X: sp.csr_matrix, codes: np.ndarray, n_groups: int, method: str, prior: Any,
               prior_scale: float | None, alpha: np.ndarray | None, n_boot: int, ci: float,
               random_state: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of each row's score over ``n_boot`` resamples of articles within groups.

    Only the columns of terms in ``out`` are summed, in chunks, so memory stays bounded on large corpora.
    With the corpus as prior, the prior is recomputed on each resample (it is part of the statistic).
    """
    if not len(out):
        return np.array([]), np.array([])
    rng = np.random.default_rng(random_state)
    members = [np.flatnonzero(codes == g) for g in range(n_groups)]
    # Weights: how often each article is drawn in each replicate (rows: replicate*n_groups + group).
    rows, cols, vals = [], [], []
    for b in range(n_boot):
        for g, idx in enumerate(members):
            if not len(idx):
                continue
            draws = np.bincount(rng.integers(0, len(idx), len(idx)), minlength=len(idx))
            nz = draws > 0
            rows.append(np.full(int(nz.sum()), b * n_groups + g))
            cols.append(idx[nz])
            vals.append(draws[nz].astype(float))
    W = sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                      shape=(n_boot * n_groups, X.shape[0]))
    doc_len = np.asarray(X.sum(axis=1)).ravel()
    n_b = (W @ doc_len).reshape(n_boot, n_groups)                          # tokens per replicate and group
    n_all = n_b.sum(axis=1)                                                # (B,)

    gi, gj, tcol = out["_gi"].to_numpy(), out["_gj"].to_numpy(), out["_t"].to_numpy()
    uniq, inv = np.unique(tcol, return_inverse=True)
    lo = np.empty(len(out))
    hi = np.empty(len(out))
    q = [100 * (1 - ci) / 2, 100 * (1 + ci) / 2]
    chunk = max(1, int(2e7 // max(1, n_boot * n_groups)))
    Xc = X.tocsc()
    for start in range(0, len(uniq), chunk):
        cols_ = uniq[start:start + chunk]
        C = np.asarray((W @ Xc[:, cols_]).todense()).reshape(n_boot, n_groups, len(cols_))
        sel = np.flatnonzero((inv >= start) & (inv < start + len(cols_)))
        k = inv[sel] - start
        y_i = C[:, gi[sel], k]                                             # (B, rows)
        n_i = n_b[:, gi[sel]]
        rest = gj[sel] < 0
        tot = C.sum(axis=1)[:, k]
        y_j = np.where(rest, tot - y_i, C[:, np.maximum(gj[sel], 0), k])
        n_j = np.where(rest, n_all[:, None] - n_i, n_b[:, np.maximum(gj[sel], 0)])
        if method == "log_odds" and prior is None:
            a0 = float(prior_scale) if prior_scale is not None else n_all[:, None]
            a = a0 * tot / n_all[:, None]
        elif method == "log_odds":
            a = alpha[cols_][k][None, :]
            a0 = alpha.sum()
        else:
            a = a0 = None
        score, _z = term_scores(method, y_i, y_j, n_i, n_j, a, a0)
        score = np.where(np.isfinite(score), score, np.nan)
        with np.errstate(all="ignore"):
            pct = np.nanpercentile(score, q, axis=0)
        lo[sel], hi[sel] = pct[0], pct[1]
    return lo, hi


# ================================================================ patterns (KWIC, naming)
def _fold_classes() -> dict[str, str]:
    """For each ASCII letter, the Latin letters that fold to it (for diacritic-insensitive patterns)."""
    classes: dict[str, set[str]] = defaultdict(set)
    for cp in list(range(0xC0, 0x250)) + [0x1E9E]:
        ch = chr(cp)
        f = fold(ch)
        if len(f) == 1 and f.isascii() and f.isalpha() and f != ch:
            classes[f].add(ch)
    return {k: "".join(sorted(v)) for k, v in classes.items()}


_FOLD_CLASSES = _fold_classes()


def _word_regex(word: str, *, glob: bool, fold_diacritics: bool) -> str:
    out = []
    for ch in word:
        if glob and ch == "*":
            out.append(r"\w*")
        elif glob and ch == "?":
            out.append(r"\w")
        elif fold_diacritics and ch.isalpha() and len(fold(ch)) == 1 and fold(ch).isascii():
            out.append(_letter_class(fold(ch)))
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _letter_class(base: str) -> str:
    """``base`` and the accented letters of the same case that fold to it (IGNORECASE adds the other case)."""
    extra = _FOLD_CLASSES.get(base, "")
    return f"[{base}{extra}]" if extra else re.escape(base)


def _is_caps_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=512)
def compile_pattern(pattern: str, kind: str = "phrase", *, case: bool | None = None,
                    fold_diacritics: bool = False) -> re.Pattern[str]:
    """Compile a search pattern: ``"phrase"`` (whole words, any whitespace between them), ``"glob"`` (a
    phrase whose ``*`` matches any letters and ``?`` one letter) or ``"regex"`` (as written).

    ``case=None`` ignores case except in words written in capitals ("US" does not find "us"); True
    respects case; False ignores it. ``fold_diacritics`` makes Erdogan find Erdoğan.

    >>> bool(compile_pattern("sanction*", "glob").search("CAATSA Sanctions"))
    True
    >>> bool(compile_pattern("US").search("told us")), bool(compile_pattern("erdogan", fold_diacritics=True).search("Erdoğan"))
    (False, True)
    """
    if kind == "regex":
        flags = re.IGNORECASE if case is False else 0
        try:
            return re.compile(pattern, flags)
        except re.error as exc:
            raise ValueError(f"regex {pattern!r} does not compile ({exc}); check brackets and escapes") from exc
    if kind not in ("phrase", "glob"):
        raise ValueError(f"kind={kind!r} is not a pattern kind; use 'phrase', 'glob' or 'regex'")
    words = pattern.split()
    if not words:
        raise ValueError("empty search pattern; pass a word or phrase")
    parts = []
    for w in words:
        rx = _word_regex(w, glob=kind == "glob", fold_diacritics=fold_diacritics)
        insensitive = case is False or (case is None and not _is_caps_word(w))
        parts.append(f"(?i:{rx})" if insensitive else rx)
    body = r"\s+".join(parts)
    return re.compile(rf"(?<![\w]){body}(?![\w])")


# ================================================================ KWIC
def _token_index(text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for m in _TOKEN_RE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def kwic(
    articles: pd.DataFrame,
    pattern: str,
    *,
    kind: str = "phrase",
    window: int = 8,
    case: bool | None = None,
    fold_diacritics: bool = False,
    sort: str | None = None,
    by: str = "outlet",
) -> pd.DataFrame:
    """Keyword in context: every match of ``pattern`` with ``window`` words either side.

    Returns ``article_id, <by>, start, end, match, left, right, left_start, right_end``:
    ``text[start:end] == match``, ``text[left_start:start] == left``, ``text[end:right_end] == right``.
    ``sort="left"`` orders by the words before the match read outwards (nearest first), ``"right"`` by the
    words after it, ``"match"`` by the matched text; None keeps corpus order. See :func:`compile_pattern`.

    >>> df = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ["The US imposed restrictions on Ankara."]})
    >>> kwic(df, "restrictions", window=2)[["left", "match", "right"]].values.tolist()
    [['US imposed ', 'restrictions', ' on Ankara']]
    """
    if window < 0:
        raise ValueError(f"window={window} must be >= 0 words")
    rx = compile_pattern(pattern, kind, case=case, fold_diacritics=fold_diacritics)
    rows = []
    ids = articles["article_id"].astype(str).tolist() if "article_id" in articles else [str(i) for i in range(len(articles))]
    groups = articles[by].tolist() if by in articles else [None] * len(articles)
    for aid, grp, text in zip(ids, groups, articles["text"].fillna("").astype(str)):
        starts = ends = None
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            if starts is None:
                starts, ends = _token_index(text)
            s, e = m.start(), m.end()
            i = bisect.bisect_right(ends, s)                 # first token ending after s
            left_start = starts[max(0, i - window)] if window and i > 0 else s
            left_start = min(left_start, s)
            j = bisect.bisect_left(starts, e)                # first token starting at/after e
            right_end = ends[min(len(ends), j + window) - 1] if window and j < len(starts) else e
            right_end = max(right_end, e)
            rows.append((aid, grp, s, e, text[s:e], text[left_start:s], text[e:right_end], left_start, right_end))
    out = pd.DataFrame(rows, columns=["article_id", by, "start", "end", "match", "left", "right", "left_start",
                                      "right_end"])
    out = out.astype({"start": "int64", "end": "int64", "left_start": "int64", "right_end": "int64"})
    if sort == "left":
        key = out["left"].map(lambda s: " ".join(reversed(_TOKEN_RE.findall(s.lower()))))
        out = out.iloc[np.argsort(key.to_numpy(dtype=str), kind="stable")]
    elif sort == "right":
        key = out["right"].map(lambda s: " ".join(_TOKEN_RE.findall(s.lower())))
        out = out.iloc[np.argsort(key.to_numpy(dtype=str), kind="stable")]
    elif sort == "match":
        out = out.iloc[np.argsort(out["match"].str.lower().to_numpy(dtype=str), kind="stable")]
    elif sort is not None:
        raise ValueError(f"sort={sort!r} is not known; use 'left', 'right', 'match' or None")
    out = out.reset_index(drop=True)
    out.attrs.update({"pattern": pattern, "kind": kind, "window": window})
    return out


# ================================================================ collocations
def collocations(
    articles: pd.DataFrame,
    term: str,
    *,
    by: str | None = None,
    window: int = 5,
    kind: str = "phrase",
    case: bool | None = None,
    min_count: int = 2,
    stop_words: Any = "auto",
    discount_reuse: bool | pd.DataFrame = False,
) -> pd.DataFrame:
    """Words that occur near ``term`` more often than chance, per group, with the counts behind them.

    For each collocate c of the node (``term``, matched like :func:`kwic`) in a group: ``count`` = O, how
    often c occurs within ``window`` tokens left or right of the node; ``window_tokens`` = R, the number of
    token positions in those windows; ``collocate_count`` = C, the frequency of c; ``tokens`` = N, the
    group's token count. With the expected count E = R·C/N (Evert 2008, surface co-occurrence):

    - ``pmi`` = log2(O / E);
    - ``g2`` = 2 Σ O_ij ln(O_ij / E_ij) over the 2×2 table (in window / elsewhere × c / other words).

    Tokens are case-folded like the vectoriser (acronyms kept); stop words are dropped as collocates
    (``stop_words="auto"``: the lists of the corpus's languages; None keeps them).

    Returns ``group, term, collocate, count, node_count, collocate_count, window_tokens, tokens, expected,
    pmi, g2`` sorted by group and descending g2.

    >>> df = pd.DataFrame({"article_id": list("ab"), "text": ["Washington imposed sanctions. Washington imposed sanctions."] * 2})
    >>> collocations(df, "sanctions", window=1, min_count=1)[["collocate", "count"]].values.tolist()
    [['imposed', 4], ['washington', 2]]
    """
    rx = compile_pattern(term, kind, case=case)
    stop = load_stop_words(_resolve_auto(stop_words, articles)) if stop_words is not None else frozenset()
    tok = NewsTokenizer()
    texts = article_texts(articles, discount_reuse=discount_reuse)
    labels = articles[by].astype(str).tolist() if by else ["all"] * len(articles)
    co: dict[str, Counter] = defaultdict(Counter)
    freq: dict[str, Counter] = defaultdict(Counter)
    n_tok: Counter = Counter()
    n_node: Counter = Counter()
    n_slots: Counter = Counter()
    for grp, text in zip(labels, texts):
        starts, ends = _token_index(text)
        words = [tok.normalize(text[s:e]) for s, e in zip(starts, ends)]
        n_tok[grp] += len(words)
        freq[grp].update(words)
        nodes = []
        for m in rx.finditer(text):
            i = bisect.bisect_right(ends, m.start())
            j = bisect.bisect_left(starts, m.end())
            if j > i:
                nodes.append((i, j))
        if not nodes:
            continue
        in_node = np.zeros(len(words), dtype=bool)
        for i, j in nodes:
            in_node[i:j] = True
        for i, j in nodes:
            n_node[grp] += 1
            for k in list(range(max(0, i - window), i)) + list(range(j, min(len(words), j + window))):
                if in_node[k]:
                    continue
                n_slots[grp] += 1
                co[grp][words[k]] += 1
    rows = []
    for grp in sorted(co):
        N, R = n_tok[grp], n_slots[grp]
        for w, o in co[grp].items():
            if o < min_count or w in stop or w.lower() in stop:
                continue
            c = freq[grp][w]
            rows.append((grp, term, w, o, n_node[grp], c, R, N))
    out = pd.DataFrame(rows, columns=["group", "term", "collocate", "count", "node_count", "collocate_count",
                                      "window_tokens", "tokens"])
    o = out["count"].to_numpy(float)
    r = out["window_tokens"].to_numpy(float)
    c = out["collocate_count"].to_numpy(float)
    n = out["tokens"].to_numpy(float)
    e = r * c / n if len(out) else np.array([])
    out["expected"] = e
    with np.errstate(divide="ignore", invalid="ignore"):
        out["pmi"] = np.log2(o / e)
        o12, o21 = np.maximum(r - o, 0), np.maximum(c - o, 0)
        o22 = np.maximum(n - r - c + o, 0)
        e12, e21, e22 = r * (n - c) / n, (n - r) * c / n, (n - r) * (n - c) / n
        out["g2"] = 2 * (xlogy(o, o / e) + xlogy(o12, o12 / e12) + xlogy(o21, o21 / e21) + xlogy(o22, o22 / e22))
    out = out.sort_values(["group", "g2", "collocate"], ascending=[True, False, True], kind="stable")
    out = out.reset_index(drop=True)
    out.attrs.update({"term": term, "kind": kind, "window": window, "min_count": min_count, "by": by})
    return out


# ================================================================ naming
def load_lexicon(lexicon: str | Path | Mapping[str, Any] = "s400") -> dict[str, Any]:
    """A naming lexicon: a shipped name ("s400"), a YAML file, or a dict of the same shape.

    Shape: ``{"concepts": {concept: {"label": str, "variants": {variant: [pattern, ...]},
    "exclude": [pattern, ...]}}}``; pattern syntax in ``mediakit/resources/naming/s400.yaml``.

    >>> sorted(load_lexicon("s400")["concepts"])[:3]
    ['agency', 'f35_exit', 'nato_status']
    """
    if isinstance(lexicon, Mapping):
        data = dict(lexicon)
        where = "the lexicon dict"
    else:
        path = Path(lexicon)
        if not path.suffix:
            shipped = resources.files("mediakit.resources").joinpath("naming").joinpath(f"{lexicon}.yaml")
            if not shipped.is_file():
                names = sorted(p.name[:-5] for p in resources.files("mediakit.resources").joinpath("naming").iterdir()
                               if p.name.endswith(".yaml"))
                raise ValueError(f"no shipped lexicon {lexicon!r}; available: {', '.join(names)} "
                                 "(or pass the path of your own YAML file)")
            text, where = shipped.read_text(encoding="utf-8"), f"lexicon {lexicon!r}"
        else:
            if not path.is_file():
                raise FileNotFoundError(f"lexicon file {path} not found; check the path")
            text, where = path.read_text(encoding="utf-8"), str(path)
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            raise ValueError(f"{where} is not valid YAML ({str(exc).splitlines()[0]}); fix the file") from exc
    concepts = data.get("concepts")
    if not isinstance(concepts, Mapping) or not concepts:
        raise ValueError(f"{where} has no 'concepts' mapping; see mediakit/resources/naming/s400.yaml for the shape")
    for name, c in concepts.items():
        if not isinstance(c, Mapping) or not isinstance(c.get("variants"), Mapping) or not c["variants"]:
            raise ValueError(f"concept {name!r} in {where} needs a 'variants' mapping of name -> [patterns]")
        for v, pats in c["variants"].items():
            if isinstance(pats, str):
                c["variants"][v] = [pats]
            elif not pats:
                raise ValueError(f"variant {v!r} of concept {name!r} in {where} has no patterns")
    return data


def _pattern_regex(pattern: str) -> str:
    """Lexicon pattern -> regex source (phrase with globs, caps words exact, diacritics ignored)."""
    if pattern.startswith("re:"):
        return pattern[3:]
    return compile_pattern(pattern, "glob", case=None, fold_diacritics=True).pattern


@lru_cache(maxsize=64)
def _concept_regex(patterns: tuple[tuple[str, str], ...], exclude: tuple[str, ...]) -> tuple[re.Pattern[str], list[str]]:
    """One alternation per concept: exclusions first, then patterns longest first (leftmost-longest match)."""
    alts, names = [], []
    for p in exclude:
        alts.append(_pattern_regex(p))
        names.append("")
    for variant, p in sorted(patterns, key=lambda vp: -len(vp[1])):
        alts.append(_pattern_regex(p))
        names.append(variant)
    rx = re.compile("|".join(f"(?P<g{i}>{a})" for i, a in enumerate(alts)))
    return rx, names


def naming_matches(
    articles: pd.DataFrame,
    lexicon: str | Path | Mapping[str, Any] = "s400",
    *,
    concepts: Iterable[str] | None = None,
    by: str = "outlet",
    context: int = 60,
    discount_reuse: bool | pd.DataFrame = False,
) -> pd.DataFrame:
    """Every mention of every concept's names: the contexts behind :func:`naming_table`.

    Returns ``article_id, <by>, concept, variant, start, end, match, left, right`` with
    ``text[start:end] == match`` and ``context`` characters either side.
    """
    lex = load_lexicon(lexicon)
    wanted = list(lex["concepts"]) if concepts is None else list(concepts)
    unknown = [c for c in wanted if c not in lex["concepts"]]
    if unknown:
        raise ValueError(f"concept(s) {unknown} not in the lexicon; it has {list(lex['concepts'])}")
    texts = article_texts(articles, discount_reuse=discount_reuse)
    originals = articles["text"].fillna("").astype(str).tolist()
    ids = articles["article_id"].astype(str).tolist()
    groups = articles[by].tolist() if by in articles else [None] * len(articles)
    rows = []
    for concept in wanted:
        spec = lex["concepts"][concept]
        pats = tuple((v, p) for v, ps in spec["variants"].items() for p in ps)
        rx, names = _concept_regex(pats, tuple(spec.get("exclude") or ()))
        for aid, grp, text, orig in zip(ids, groups, texts, originals):
            for m in rx.finditer(text):
                variant = names[int(m.lastgroup[1:])]
                if not variant or m.end() == m.start():
                    continue
                s, e = m.start(), m.end()
                rows.append((aid, grp, concept, variant, s, e, orig[s:e], orig[max(0, s - context):s],
                             orig[e:e + context]))
    out = pd.DataFrame(rows, columns=["article_id", by, "concept", "variant", "start", "end", "match", "left", "right"])
    return out.astype({"start": "int64", "end": "int64"})


def naming_table(
    articles: pd.DataFrame,
    lexicon: str | Path | Mapping[str, Any] = "s400",
    *,
    by: str = "outlet",
    concepts: Iterable[str] | None = None,
    discount_reuse: bool | pd.DataFrame = False,
) -> pd.DataFrame:
    """For each concept, the competing names and how often each group uses each one.

    Returns one row per concept × variant × group (zeros included): ``concept, label, variant, group,
    count, docs, share, concept_count, example_id, example_start, example_end, example``. ``share`` is the
    variant's part of the group's mentions of the concept (NaN when the group never mentions it);
    ``example_*`` point at the first mention (``text[example_start:example_end]``) and ``example`` shows
    it in context; :func:`naming_matches` lists every mention, :func:`kwic` searches further.

    >>> df = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                    "text": ["New restrictions were imposed.", "CAATSA sanctions and more sanctions."]})
    >>> t = naming_table(df, concepts=["sanctions"])
    >>> t[t["count"] > 0][["group", "variant", "count", "share"]].values.tolist()
    [['X', 'restrictions', 1, 1.0], ['Y', 'CAATSA sanctions', 1, 0.5], ['Y', 'sanctions', 1, 0.5]]
    """
    lex = load_lexicon(lexicon)
    matches = naming_matches(articles, lex, concepts=concepts, by=by, discount_reuse=discount_reuse)
    wanted = list(lex["concepts"]) if concepts is None else list(concepts)
    all_groups = sorted({str(g) for g in articles[by].dropna()}) if by in articles else ["None"]
    rows = []
    m = matches.assign(group=matches[by].astype(str)) if len(matches) else matches.assign(group=pd.Series(dtype=str))
    for concept in wanted:
        spec = lex["concepts"][concept]
        mc = m[m["concept"] == concept]
        for grp in all_groups:
            mg = mc[mc["group"] == grp]
            total = len(mg)
            for variant in spec["variants"]:
                mv = mg[mg["variant"] == variant]
                first = mv.iloc[0] if len(mv) else None
                rows.append({
                    "concept": concept, "label": spec.get("label", concept), "variant": variant, "group": grp,
                    "count": len(mv), "docs": mv["article_id"].nunique(),
                    "share": len(mv) / total if total else np.nan, "concept_count": total,
                    "example_id": first["article_id"] if first is not None else None,
                    "example_start": int(first["start"]) if first is not None else -1,
                    "example_end": int(first["end"]) if first is not None else -1,
                    "example": (f"…{first['left']}[{first['match']}]{first['right']}…" if first is not None else ""),
                })
    out = pd.DataFrame(rows)
    out.attrs.update({"lexicon": lex.get("name", "custom"), "by": by,
                      "discount_reuse": discount_reuse if isinstance(discount_reuse, bool) else "find_reuse table"})
    return out


def suggest_variants(
    articles: pd.DataFrame,
    concept: str,
    *,
    lexicon: str | Path | Mapping[str, Any] = "s400",
    window: int = 2,
    min_count: int = 2,
    ngram_range: tuple[int, int] = (1, 3),
    top: int = 20,
    stop_words: Any = "auto",
    by: str = "outlet",
) -> pd.DataFrame:
    """Candidate names for ``concept``: words and phrases used in the same slots as its known names.

    Distributional similarity with positional contexts: each known mention contributes the words at
    positions -window..-1 and +1..+window around it ("-1:the", "+1:on") to the concept's profile; every
    other n-gram seen at least ``min_count`` times (not starting or ending with a stop word) gets a profile
    the same way. A known name next to a candidate counts as the context "<concept>", so modifiers
    ("CAATSA" in "CAATSA sanctions") do not look like substitutes. Profiles are weighted by positive
    pointwise mutual information (PPMI) and ranked by cosine similarity to the concept's profile.
    Written by hand: scikit-learn has no positional context-window counter that keeps offsets.

    Returns ``candidate, similarity, count, docs, groups, example_id, example_start, example_end`` where
    ``groups`` lists who uses the candidate ("Volga Wire 21; TASS 2") and the example offsets point at its
    first occurrence.
    """
    lex = load_lexicon(lexicon)
    if concept not in lex["concepts"]:
        raise ValueError(f"concept {concept!r} not in the lexicon; it has {list(lex['concepts'])}")
    if window < 1:
        raise ValueError(f"window={window} must be at least 1 word")
    stop = load_stop_words(_resolve_auto(stop_words, articles)) if stop_words is not None else frozenset()
    known = naming_matches(articles, lex, concepts=[concept], by=by)
    known_by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for aid, s, e in zip(known["article_id"], known["start"], known["end"]):
        known_by_article[aid].append((s, e))
    tok = NewsTokenizer()
    lo, hi = ngram_range
    ctx_vocab: dict[str, int] = {}
    cand_vocab: dict[str, int] = {"<concept>": 0}              # row 0 holds the concept's own profile
    rows_c: list[int] = []
    cols_c: list[int] = []
    occurrences: dict[str, list[tuple[str, str, int, int]]] = defaultdict(list)
    ids = articles["article_id"].astype(str).tolist()
    groups = articles[by].astype(str).tolist() if by in articles else [""] * len(articles)

    def add_contexts(row: int, words: list[str], i: int, j: int) -> None:
        for d in range(1, window + 1):
            for k, label in ((i - d, -d), (j - 1 + d, d)):
                if 0 <= k < len(words):
                    rows_c.append(row)
                    cols_c.append(ctx_vocab.setdefault(f"{label:+d}:{words[k]}", len(ctx_vocab)))

    for aid, grp, text in zip(ids, groups, articles["text"].fillna("").astype(str)):
        starts, ends = _token_index(text)
        words = [tok.normalize(text[s:e]) for s, e in zip(starts, ends)]
        spans = []
        for s, e in known_by_article.get(aid, []):
            i, j = bisect.bisect_right(ends, s), bisect.bisect_left(starts, e)
            if j > i:
                spans.append((i, j))
        blocked = np.zeros(len(words), dtype=bool)
        for i, j in spans:
            blocked[i:j] = True
        ctx_words = ["<concept>" if b else w for w, b in zip(words, blocked)]
        for i, j in spans:
            add_contexts(0, ctx_words, i, j)
        for n in range(lo, hi + 1):
            for i in range(len(words) - n + 1):
                if blocked[i:i + n].any() or words[i] in stop or words[i + n - 1] in stop:
                    continue
                if not any(c.isalpha() for c in words[i]):
                    continue
                phrase = " ".join(words[i:i + n])
                row = cand_vocab.setdefault(phrase, len(cand_vocab))
                occurrences[phrase].append((aid, grp, starts[i], ends[i + n - 1]))
                add_contexts(row, ctx_words, i, i + n)
    columns = ["candidate", "similarity", "count", "docs", "groups", "example_id", "example_start", "example_end"]
    if not rows_c or 0 not in set(rows_c):
        return pd.DataFrame(columns=columns)
    M = _ppmi(sp.csr_matrix((np.ones(len(rows_c)), (rows_c, cols_c)), shape=(len(cand_vocab), len(ctx_vocab))))
    norms = np.sqrt(np.asarray(M.multiply(M).sum(axis=1)).ravel())
    dots = np.asarray((M @ M[0].T).todense()).ravel()
    denom = norms * norms[0]
    sims = np.divide(dots, denom, out=np.zeros_like(dots), where=denom > 0)
    names = np.empty(len(cand_vocab), dtype=object)
    for phrase, i in cand_vocab.items():
        names[i] = phrase
    counts = np.array([len(occurrences.get(p, ())) for p in names])
    ok = np.flatnonzero(counts >= min_count)
    order = ok[np.lexsort((names[ok].astype(str), -sims[ok]))][:top]
    rows = []
    for i in order:
        occ = occurrences[names[i]]
        per = Counter(g for _a, g, _s, _e in occ)
        rows.append({"candidate": names[i], "similarity": float(sims[i]), "count": len(occ),
                     "docs": len({a for a, _g, _s, _e in occ}),
                     "groups": "; ".join(f"{g} {n}" for g, n in per.most_common()),
                     "example_id": occ[0][0], "example_start": int(occ[0][2]), "example_end": int(occ[0][3])})
    out = pd.DataFrame(rows, columns=columns)
    out.attrs.update({"concept": concept, "window": window, "known_mentions": len(known)})
    return out


def _ppmi(M: sp.csr_matrix) -> sp.csr_matrix:
    """Positive pointwise mutual information of a co-occurrence count matrix (rows x contexts)."""
    M = M.tocoo()
    total = M.sum()
    row = np.asarray(M.sum(axis=1)).ravel()
    col = np.asarray(M.sum(axis=0)).ravel()
    with np.errstate(divide="ignore"):
        pmi = np.log(M.data * total / (row[M.row] * col[M.col]))
    data = np.maximum(pmi, 0)
    return sp.csr_matrix((data, (M.row, M.col)), shape=M.shape)

