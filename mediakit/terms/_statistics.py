"""Distinctive terms: keyness statistics (log-odds with a Dirichlet prior, G², X²), priors, bootstrap."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy import stats
from scipy.special import xlogy

from ..vectorize import vectorizer_params

__all__ = ["METHODS", "term_scores", "check_params", "scores_from_counts", "result_attrs", "bootstrap_interval"]

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


# Hooks of distinctive_terms (mediakit.terms._distinctive): the statistics from counts.
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
                       collapse_ngrams: bool = True, drop: Mapping[int, np.ndarray] | None = None
                       ) -> tuple[pd.DataFrame, Any, Any, str | None]:
    """Counts -> the distinctive_terms table: ``(table, alpha, alpha0, prior label)``.

    ``counts`` and ``docfreq`` are groups x terms (term counts, articles using the term), ``terms`` the
    fitted vocabulary of ``vectorizer`` (used for background priors). The table keeps the helper columns
    ``_gi, _gj, _t`` (group, other group or -1, term index) for the bootstrap; drop them afterwards.
    ``drop`` maps a group's index to a mask of terms its rows leave out (an outlet's own name); the
    statistics of every other term stay as they are.

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
            raise ValueError(f"pair={pair!r} must name two different groups, e.g. pair=('Outlet A', 'Outlet B')")
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
        if drop is not None and gi in drop:
            keep &= ~drop[gi]
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
                 random_state: int | None, discount_reuse: Any, vectorizer: Any,
                 collapse_ngrams: bool = True, keep_own_name: bool | None = None) -> dict[str, Any]:
    """The ``df.attrs`` of a distinctive_terms result: its parameters (docs/contract.md), nothing else.
    ``keep_own_name`` is None where the option does not apply (groups other than outlets, or ``pair``).

    >>> from mediakit.vectorize import make_vectorizer
    >>> a = result_attrs(method="g2", by="outlet", pair=None, top=10, min_docs=2, prior_label=None, alpha0=None,
    ...                  variance="monroe", n_boot=0, ci=0.95, random_state=0, discount_reuse=False,
    ...                  vectorizer=make_vectorizer())
    >>> a["analysis"], a["by"], a["variance"], a["vectorizer"]["ngram_range"]
    ('distinctive_terms', 'outlet', None, (1, 1))
    """
    return {
        "analysis": "distinctive_terms", "by": by, "method": method,
        "pair": list(pair) if pair is not None else None, "top": top, "min_docs": min_docs,
        "prior": prior_label, "prior_scale": float(alpha0) if method == "log_odds" and alpha0 is not None else None,
        "variance": variance if method == "log_odds" else None,
        "n_boot": int(n_boot), "ci": ci if n_boot else None, "random_state": random_state,
        "collapse_ngrams": bool(collapse_ngrams),
        "keep_own_name": keep_own_name if keep_own_name is None else bool(keep_own_name),
        "discount_reuse": discount_reuse if isinstance(discount_reuse, bool | str) else "find_reuse table",
        "vectorizer": vectorizer_params(vectorizer),
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


def bootstrap_interval(out: pd.DataFrame, X: sp.csr_matrix, codes: np.ndarray, n_groups: int, method: str, prior: Any,
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
