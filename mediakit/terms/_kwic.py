"""Keyword in context and collocations around a search pattern."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from typing import Any

import numpy as np
import pandas as pd
from scipy.special import xlogy

from ..vectorize import NewsTokenizer, article_texts, load_stop_words, resolve_stop_words
from ._patterns import TOKEN_RE, compile_pattern, token_index

__all__ = ["kwic", "collocations"]


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
                starts, ends = token_index(text)
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
        key = out["left"].map(lambda s: " ".join(reversed(TOKEN_RE.findall(s.lower()))))
        out = out.iloc[np.argsort(key.to_numpy(dtype=str), kind="stable")]
    elif sort == "right":
        key = out["right"].map(lambda s: " ".join(TOKEN_RE.findall(s.lower())))
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
    stop = load_stop_words(resolve_stop_words(stop_words, articles)) if stop_words is not None else frozenset()
    tok = NewsTokenizer()
    texts = article_texts(articles, discount_reuse=discount_reuse)
    labels = articles[by].astype(str).tolist() if by else ["all"] * len(articles)
    co: dict[str, Counter] = defaultdict(Counter)
    freq: dict[str, Counter] = defaultdict(Counter)
    n_tok: Counter = Counter()
    n_node: Counter = Counter()
    n_slots: Counter = Counter()
    for grp, text in zip(labels, texts):
        starts, ends = token_index(text)
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
