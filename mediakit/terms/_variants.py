"""Variant discovery: candidate names for a concept from the slots its known names fill."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..corpus import ColumnError, validate_corpus
from ..vectorize import NewsTokenizer, load_stop_words, resolve_stop_words
from ._naming import _matches, load_lexicon
from ._patterns import TOKEN_RE

__all__ = ["suggest_variants"]

_BIG = 1 << 32          # context key = slot * _BIG + word id


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
    ("CAATSA" in "CAATSA sanctions") do not look like substitutes. Profiles are weighted by positive
    pointwise mutual information (PPMI) and ranked by cosine similarity to the concept's profile.
    Written by hand: scikit-learn has no positional context-window counter that keeps offsets.

    Returns ``candidate, similarity, count, docs, groups, example_id, example_start, example_end`` where
    ``groups`` lists who uses the candidate ("Volga Wire 21; TASS 2") and the example offsets point at its
    first occurrence.

    >>> texts = [f"On {d} the US imposed {w} on Ankara." for d, w in
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
    known_by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for aid, s, e in zip(known["article_id"], known["start"], known["end"]):
        known_by_article[aid].append((s, e))
    tok = NewsTokenizer()
    lo, hi = ngram_range
    ids = articles["article_id"].astype(str).tolist()
    groups = articles[by].astype(str).tolist() if by in articles else [""] * len(articles)
    vocab: dict[str, int] = {"<concept>": 0}                 # word -> id; id 0 marks a known mention
    normal: dict[str, int] = {}                               # raw token -> id of its normalised form
    stop_flag, alpha_flag = ["<concept>" in stop], [False]    # per word id: a stop word, has a letter
    # Events in the order the contexts and candidates are first seen (article, then the concept's own
    # contexts, then n-grams by n and position), so context and candidate ids number them the same way.
    ctx_rows: list[np.ndarray] = []       # candidate id (0 = the concept) of each context event, < 0 pending
    ctx_keys: list[np.ndarray] = []       # slot * len(vocab) + word id of each context event (word ids final)
    ev_grams: list[np.ndarray] = []       # (events x hi) word ids of each candidate n-gram, -1 padded
    ev_art: list[np.ndarray] = []
    ev_start: list[np.ndarray] = []
    ev_end: list[np.ndarray] = []
    slot_of = [(i, d) for d in range(1, window + 1) for i in (-d, d)]   # context slots in the order added
    n_events = 0
    for a, (aid, text) in enumerate(zip(ids, articles["text"].fillna("").astype(str))):
        ms = list(TOKEN_RE.finditer(text))
        se = np.array([m.span() for m in ms], dtype=np.int64).reshape(-1, 2)
        starts, ends = se[:, 0], se[:, 1]
        raw = [m.group() for m in ms]
        wids = [normal.get(r) for r in raw]
        if None in wids:                                      # tokens not seen before: normalise them once
            for k, r in enumerate(raw):
                if wids[k] is None:
                    wid = normal.get(r)
                    if wid is None:
                        word = tok.normalize(r)
                        wid = vocab.get(word)
                        if wid is None:
                            wid = vocab[word] = len(vocab)
                            stop_flag.append(word in stop)
                            alpha_flag.append(any(c.isalpha() for c in word))
                        normal[r] = wid
                    wids[k] = wid
        w = np.array(wids, dtype=np.int64)
        n_w = len(w)
        blocked = np.zeros(n_w + 1, dtype=np.int64)
        spans = []
        for s_, e_ in known_by_article.get(aid, []):
            i, j = int(np.searchsorted(ends, s_, "right")), int(np.searchsorted(starts, e_, "left"))
            if j > i:
                spans.append((i, j))
                blocked[i:j] = 1
        is_stop, has_alpha = np.asarray(stop_flag, dtype=bool), np.asarray(alpha_flag, dtype=bool)
        cw = np.where(blocked[:n_w] > 0, 0, w)                # context words: known mentions -> <concept>
        cum = np.concatenate([[0], np.cumsum(blocked[:n_w])])
        # the concept's own contexts
        rows_a, keys_a = [], []
        for i, j in spans:
            for slot, (_label, d) in enumerate(slot_of):
                k = i + _label if _label < 0 else j - 1 + d
                if 0 <= k < n_w:
                    rows_a.append(0)
                    keys_a.append(slot * _BIG + cw[k])
        ctx_rows.append(np.asarray(rows_a, dtype=np.int64))
        ctx_keys.append(np.asarray(keys_a, dtype=np.int64))
        for n in range(lo, hi + 1):
            if n_w - n + 1 <= 0:
                continue
            i = np.arange(n_w - n + 1)
            ok = ((cum[i + n] - cum[i]) == 0) & ~is_stop[w[i]] & ~is_stop[w[i + n - 1]] & has_alpha[w[i]]
            i = i[ok]
            if not len(i):
                continue
            grams = np.full((len(i), hi), -1, dtype=np.int64)
            for t in range(n):
                grams[:, t] = w[i + t]
            ev_grams.append(grams)
            ev_art.append(np.full(len(i), a))
            ev_start.append(starts[i])
            ev_end.append(ends[i + n - 1])
            k = np.empty((len(i), len(slot_of)), dtype=np.int64)
            valid = np.empty_like(k, dtype=bool)
            for slot, (label, d) in enumerate(slot_of):
                pos = i + label if label < 0 else i + n - 1 + d
                valid[:, slot] = (pos >= 0) & (pos < n_w)
                k[:, slot] = slot * _BIG + cw[np.clip(pos, 0, max(n_w - 1, 0))]
            ev_index = np.repeat(np.arange(n_events, n_events + len(i)), len(slot_of)).reshape(k.shape)
            ctx_rows.append(-1 - ev_index[valid])             # pending: -1 - event number
            ctx_keys.append(k[valid])
            n_events += len(i)
    columns = ["candidate", "similarity", "count", "docs", "groups", "example_id", "example_start", "example_end"]
    rows_c = np.concatenate(ctx_rows) if ctx_rows else np.zeros(0, dtype=np.int64)
    if not (rows_c == 0).any():
        return pd.DataFrame(columns=columns)
    grams = np.concatenate(ev_grams) if ev_grams else np.zeros((0, hi), dtype=np.int64)
    code = np.zeros(len(grams), dtype=np.int64)
    for t in range(hi):                                       # n-gram -> one integer, then first-seen ids
        code = pd.factorize(code * (len(vocab) + 1) + grams[:, t] + 1)[0].astype(np.int64)
    cand = pd.factorize(code)[0].astype(np.int64) + 1        # row 0 is the concept
    rows_c = np.where(rows_c >= 0, rows_c, cand[np.maximum(-1 - rows_c, 0)] if len(cand) else 0)
    cols_c = pd.factorize(np.concatenate(ctx_keys))[0]
    n_cand = int(cand.max()) + 1 if len(cand) else 1
    M = _ppmi(sp.csr_matrix((np.ones(len(rows_c)), (rows_c, cols_c)), shape=(n_cand, int(cols_c.max()) + 1)))
    norms = np.sqrt(np.asarray(M.multiply(M).sum(axis=1)).ravel())
    dots = np.asarray((M @ M[0].T).todense()).ravel()
    denom = norms * norms[0]
    sims = np.divide(dots, denom, out=np.zeros_like(dots), where=denom > 0)
    counts = np.bincount(cand, minlength=n_cand)
    ok = np.flatnonzero(counts >= min_count)
    words = np.empty(len(vocab), dtype=object)
    for word, wid in vocab.items():
        words[wid] = word
    first_event = np.full(n_cand, -1, dtype=np.int64)
    first_event[cand[::-1]] = np.arange(len(cand))[::-1]
    names = np.array([" ".join(words[g] for g in grams[first_event[r]] if g >= 0) if r else "<concept>"
                      for r in ok], dtype=object)
    pick = np.lexsort((names.astype(str), -sims[ok]))[:top]
    art = np.concatenate(ev_art) if ev_art else np.zeros(0, dtype=np.int64)
    ev_s = np.concatenate(ev_start) if ev_start else np.zeros(0, dtype=np.int64)
    ev_e = np.concatenate(ev_end) if ev_end else np.zeros(0, dtype=np.int64)
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
