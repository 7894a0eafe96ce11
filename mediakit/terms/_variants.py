"""Variant discovery: candidate names for a concept from the slots its known names fill."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..corpus import ColumnError, validate_corpus
from ..parsed import parse_corpus
from ..vectorize import load_stop_words, resolve_stop_words
from ._naming import _lexicon_name, _matches, load_lexicon

__all__ = ["suggest_variants"]

_BIG = 1 << 32          # context key = slot * _BIG + word id
_AXIS = 1 << 40         # articles laid end to end on one offset axis, 1 TiB apart


def suggest_variants(
    articles: pd.DataFrame,
    concept: str,
    *,
    lexicon: str | Path | Mapping[str, Any] | None = None,
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
    ("tariff" in "tariff measures") do not look like substitutes. Profiles are weighted by positive
    pointwise mutual information (PPMI) and ranked by cosine similarity to the concept's profile.
    Written by hand: scikit-learn has no positional context-window counter that keeps offsets.

    Returns ``candidate, similarity, count, docs, groups, example_id, example_start, example_end`` where
    ``groups`` lists who uses the candidate ("Outlet A 21; Outlet B 2") and the example offsets (``Int64``)
    point at its first occurrence. ``lexicon`` (required) holds the concept's known names: a story pack
    name or folder, a naming YAML file or a dict (:func:`load_lexicon`).

    >>> texts = [f"On {d} the board imposed {w} on imports." for d, w in
    ...          [("Monday", "sanctions"), ("Friday", "restrictions"), ("Sunday", "restrictions")]]
    >>> df = pd.DataFrame({"article_id": list("abc"), "outlet": "X", "text": texts})
    >>> lex = {"concepts": {"measures": {"variants": {"sanctions": ["sanctions"]}}}}
    >>> suggest_variants(df, "measures", lexicon=lex, stop_words=None, top=1)[["candidate", "count"]].values.tolist()
    [['restrictions', 2]]
    """
    validate_corpus(articles, ["article_id", "text"], where="suggest_variants")
    if lexicon is None:
        raise ValueError("suggest_variants needs the concept's known names: pass lexicon= (a story pack name or "
                         "folder, a naming YAML file or a dict; see mediakit.load_lexicon)")
    if by not in articles.columns:
        raise ColumnError(f"suggest_variants: column {by!r} missing (by={by!r}); pass by= naming a corpus column")
    lex = load_lexicon(lexicon)
    if concept not in lex["concepts"]:
        raise ValueError(f"concept {concept!r} not in the lexicon; it has {list(lex['concepts'])}")
    if window < 1:
        raise ValueError(f"window={window} must be at least 1 word")
    stop = load_stop_words(resolve_stop_words(stop_words, articles)) if stop_words is not None else frozenset()
    known, _lex = _matches(articles, lex, concepts=[concept], by=by, context=0, discount_reuse=False,
                           where="suggest_variants", fit=False)
    lo, hi = ngram_range
    if not 1 <= lo <= hi:
        raise ValueError(f"ngram_range={ngram_range!r} is invalid; use (min_n, max_n) with 1 <= min_n <= max_n")
    ids = articles["article_id"].astype(str).tolist()
    groups = articles[by].astype(str).tolist()
    # The whole corpus at once: tokens of every article from the parsed corpus, laid end to end.
    pc = parse_corpus(articles)
    tokens = pc.tokens
    starts, ends = tokens["start"].to_numpy(np.int64), tokens["end"].to_numpy(np.int64)
    n_tok = len(tokens)
    art = np.repeat(np.arange(len(ids), dtype=np.int64), np.diff(pc.token_bounds))
    codes, uniques = pd.factorize(tokens["norm"].to_numpy(dtype=object))
    w = codes.astype(np.int64) + 1                               # word ids in first-seen order; 0 = a known name
    n_words = len(uniques) + 1
    is_stop = np.fromiter(("<concept>" in stop, *(u in stop for u in uniques)), dtype=bool, count=n_words)
    has_alpha = np.fromiter((False, *(any(c.isalpha() for c in u) for u in uniques)), dtype=bool, count=n_words)
    # known mentions -> token spans [i, j) (articles 1 TiB apart on one axis, so one searchsorted finds them)
    row_of = {aid: k for k, aid in enumerate(ids)}
    k_art = np.array([row_of[a] for a in known["article_id"].astype(str)], dtype=np.int64)
    axis_s, axis_e = art * _AXIS + starts, art * _AXIS + ends
    ki = np.searchsorted(axis_e, k_art * _AXIS + known["start"].to_numpy(np.int64), "right")
    kj = np.searchsorted(axis_s, k_art * _AXIS + known["end"].to_numpy(np.int64), "left")
    keep = kj > ki
    ki, kj, k_art = ki[keep], kj[keep], k_art[keep]
    step = np.zeros(n_tok + 1, dtype=np.int64)
    np.add.at(step, ki, 1)
    np.add.at(step, kj, -1)
    blocked = (np.cumsum(step)[:n_tok] > 0).astype(np.int64)
    cw = np.where(blocked > 0, 0, w)                             # context words: known mentions -> <concept>
    cum = np.concatenate([[0], np.cumsum(blocked)])
    slot_of = [(i, d) for d in range(1, window + 1) for i in (-d, d)]   # context slots in the order added
    n_slots = len(slot_of)
    last = max(n_tok - 1, 0)

    def contexts(first: np.ndarray, final: np.ndarray, owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Context keys (slot * _BIG + word id) around token runs [first, final], and which are in the article."""
        k = np.empty((len(first), n_slots), dtype=np.int64)
        valid = np.empty_like(k, dtype=bool)
        for slot, (label, d) in enumerate(slot_of):
            pos = first + label if label < 0 else final + d
            inside = (pos >= 0) & (pos < n_tok)
            clipped = np.clip(pos, 0, last)
            valid[:, slot] = inside & (art[clipped] == owner) if n_tok else inside
            k[:, slot] = slot * _BIG + (cw[clipped] if n_tok else 0)
        return k, valid

    # the concept's own contexts (row 0)
    ck, cv = contexts(ki, kj - 1, k_art)
    c_keys, c_art = ck[cv], np.broadcast_to(k_art[:, None], ck.shape)[cv]
    # candidate n-grams: by n, every start position whose n tokens lie in one article and outside known names
    ev_i, ev_n = [], []
    for n in range(lo, hi + 1):
        i = np.arange(max(n_tok - n + 1, 0))
        ok = (art[i] == art[i + n - 1]) & ((cum[i + n] - cum[i]) == 0)
        ok &= ~is_stop[w[i]] & ~is_stop[w[i + n - 1]] & has_alpha[w[i]]
        ev_i.append(i[ok])
        ev_n.append(np.full(int(ok.sum()), n, dtype=np.int64))
    ev_i, ev_n = np.concatenate(ev_i), np.concatenate(ev_n)
    order = np.argsort(art[ev_i], kind="stable")                # events by article, then n, then position
    ev_i, ev_n = ev_i[order], ev_n[order]
    ev_art = art[ev_i]
    grams = np.full((len(ev_i), hi), -1, dtype=np.int64)
    for t in range(hi):
        has = ev_n > t
        grams[has, t] = w[ev_i[has] + t]
    ek, ev = contexts(ev_i, ev_i + ev_n - 1, ev_art)
    e_rows = -1 - np.broadcast_to(np.arange(len(ev_i))[:, None], ek.shape)[ev]   # pending: -1 - event number
    e_keys, e_art = ek[ev], np.broadcast_to(ev_art[:, None], ek.shape)[ev]
    # all contexts by article, the concept's first (the order the ids below are numbered in)
    by_art = np.argsort(np.concatenate([c_art, e_art]), kind="stable")
    rows_c = np.concatenate([np.zeros(len(c_keys), dtype=np.int64), e_rows])[by_art]
    ctx_keys = np.concatenate([c_keys, e_keys])[by_art]
    ev_start, ev_end = starts[ev_i], ends[ev_i + ev_n - 1]
    columns = ["candidate", "similarity", "count", "docs", "groups", "example_id", "example_start", "example_end"]
    if not (rows_c == 0).any():
        return _empty(columns, _attrs(concept, window, lex, lexicon, ngram_range, min_count, top, stop_words, by))
    code = np.zeros(len(grams), dtype=np.int64)
    for t in range(hi):                                       # n-gram -> one integer, then first-seen ids
        code = pd.factorize(code * (n_words + 1) + grams[:, t] + 1)[0].astype(np.int64)
    cand = pd.factorize(code)[0].astype(np.int64) + 1        # row 0 is the concept
    rows_c = np.where(rows_c >= 0, rows_c, cand[np.maximum(-1 - rows_c, 0)] if len(cand) else 0)
    cols_c = pd.factorize(ctx_keys)[0]
    n_cand = int(cand.max()) + 1 if len(cand) else 1
    M = _ppmi(sp.csr_matrix((np.ones(len(rows_c)), (rows_c, cols_c)), shape=(n_cand, int(cols_c.max()) + 1)))
    norms = np.sqrt(np.asarray(M.multiply(M).sum(axis=1)).ravel())
    dots = np.asarray((M @ M[0].T).todense()).ravel()
    denom = norms * norms[0]
    sims = np.divide(dots, denom, out=np.zeros_like(dots), where=denom > 0)
    counts = np.bincount(cand, minlength=n_cand)
    ok = np.flatnonzero(counts >= min_count)
    words = np.concatenate([np.array(["<concept>"], dtype=object), np.asarray(uniques, dtype=object)])
    first_event = np.full(n_cand, -1, dtype=np.int64)
    first_event[cand[::-1]] = np.arange(len(cand))[::-1]
    names = np.array([" ".join(words[g] for g in grams[first_event[r]] if g >= 0) if r else "<concept>"
                      for r in ok], dtype=object)
    pick = np.lexsort((names.astype(str), -sims[ok]))[:top]
    art, ev_s, ev_e = ev_art, ev_start, ev_end
    rows = []
    for p_ in pick:
        r = ok[p_]
        occ = np.flatnonzero(cand == r)
        per = Counter(groups[x] for x in art[occ])
        rows.append({"candidate": names[p_], "similarity": float(sims[r]), "count": len(occ),
                     "docs": len({ids[x] for x in art[occ]}),
                     "groups": "; ".join(f"{g} {n}" for g, n in per.most_common()),
                     "example_id": ids[art[occ[0]]], "example_start": int(ev_s[occ[0]]),
                     "example_end": int(ev_e[occ[0]])})
    out = pd.DataFrame(rows, columns=columns).astype({"example_start": "Int64", "example_end": "Int64"})
    out.attrs.update(_attrs(concept, window, lex, lexicon, ngram_range, min_count, top, stop_words, by))
    return out


def _attrs(concept: str, window: int, lex: Mapping[str, Any], lexicon: Any, ngram_range: tuple[int, int],
           min_count: int, top: int, stop_words: Any, by: str) -> dict[str, Any]:
    return {"analysis": "suggest_variants", "concept": concept, "lexicon": _lexicon_name(lexicon, lex),
            "window": window, "ngram_range": list(ngram_range), "min_count": min_count, "top": top,
            "stop_words": stop_words if stop_words is None or isinstance(stop_words, str) else "custom", "by": by}


def _empty(columns: list[str], attrs: dict[str, Any]) -> pd.DataFrame:
    dtypes = {"similarity": float, "count": "int64", "docs": "int64", "example_start": "Int64", "example_end": "Int64"}
    out = pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, object)) for c in columns})
    out.attrs.update(attrs)
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
