"""Variant discovery: candidate names for a concept from the slots its known names fill."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..vectorize import NewsTokenizer, _resolve_auto, load_stop_words
from ._naming import load_lexicon, naming_matches
from ._patterns import token_index

__all__ = ["suggest_variants"]


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
        starts, ends = token_index(text)
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
