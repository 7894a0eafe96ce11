"""Distinctive terms: keyness statistics (log-odds with a Dirichlet prior, G², X²), priors, bootstrap."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy import stats
from scipy.special import xlogy

from ..vectorize import (
    _resolve_auto,
    article_texts,
    group_codes,
    make_vectorizer,
    sum_by_group,
    vectorizer_params,
)

__all__ = ["METHODS", "term_scores", "distinctive_terms", "check_params", "scores_from_counts", "result_attrs"]

METHODS = ("log_odds", "g2", "chi2")


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
    """Raise a ValueError naming the first invalid distinctive_terms setting.

    >>> check_params("g2", None, None, "monroe", 0.95)
    >>> check_params("g2", 10, None, "monroe", 0.95)
    Traceback (most recent call last):
    ValueError: prior and prior_scale apply to method='log_odds' only, not 'g2'
    """
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

    >>> from mediakit.vectorize import make_vectorizer
    >>> vec = make_vectorizer(stop_words=None).fit(["deal sanctions", "deal restrictions"])
    >>> counts = np.array([[1, 2, 0], [1, 0, 2]])               # A, B x deal, restrictions, sanctions
    >>> out, *_ = scores_from_counts(counts, counts.clip(0, 1), ["A", "B"], vec.get_feature_names_out(), vec,
    ...                              min_docs=1)
    >>> out.loc[out.group == "A", "term"].iloc[0], out.loc[out.group == "B", "term"].iloc[0]
    ('restrictions', 'sanctions')
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
    """The ``df.attrs`` of a distinctive_terms result: parameters, sizes and timings.

    >>> a = result_attrs(method="g2", by="outlet", pair=None, top=10, min_docs=2, prior_label=None, alpha0=None,
    ...                  variance="monroe", n_boot=0, ci=0.95, random_state=0, discount_reuse=False,
    ...                  vectorizer=make_vectorizer(), groups=["A", "B"], ndocs=np.array([3, 4]), n_terms=50, timings={})
    >>> a["n_articles"], a["articles_per_group"], a["variance"]
    (7, {'A': 3, 'B': 4}, None)
    """
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
