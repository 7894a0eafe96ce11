"""Keyword in context and collocations around a search pattern (tokens from the parsed corpus)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import numpy as np
import pandas as pd
from scipy.special import xlogy

from ..corpus import ColumnError, validate_corpus
from ..parsed import ParsedCorpus, parse_corpus
from ..text import tokenize
from ..vectorize import article_texts, load_stop_words, resolve_stop_words
from ._patterns import compile_pattern
from ._reuse import reuse_label, reuse_table

KWIC_OFFSETS = ["start", "end", "left_start", "right_end"]
COLLOCATION_COLUMNS = ["group", "term", "collocate", "count", "node_count", "collocate_count", "window_tokens",
                       "tokens", "expected", "pmi", "g2"]

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
    by: str | None = "outlet",
) -> pd.DataFrame:
    """Keyword in context: every match of ``pattern`` with ``window`` words either side.

    Returns ``article_id, <by>, start, end, match, left, right, left_start, right_end`` (offsets ``Int64``):
    ``text[start:end] == match``, ``text[left_start:start] == left``, ``text[end:right_end] == right``.
    ``sort="left"`` orders by the words before the match read outwards (nearest first), ``"right"`` by the
    words after it, ``"match"`` by the matched text; None keeps corpus order. See :func:`compile_pattern`.
    ``by``: the corpus column shown beside each line (None: none). Words come from
    :func:`mediakit.parsed.parse_corpus` (parsed once per corpus, shared with the other analyses).

    >>> df = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ["The board imposed restrictions on imports."]})
    >>> kwic(df, "restrictions", window=2)[["left", "match", "right"]].values.tolist()
    [['board imposed ', 'restrictions', ' on imports']]
    """
    validate_corpus(articles, ["article_id", "text"], where="kwic")
    _check_by(articles, by, "kwic")
    if window < 0:
        raise ValueError(f"window={window} must be >= 0 words")
    if sort not in (None, "left", "right", "match"):
        raise ValueError(f"sort={sort!r} is not known; use 'left', 'right', 'match' or None")
    rx = compile_pattern(pattern, kind, case=case, fold_diacritics=fold_diacritics)
    pc = parse_corpus(articles)
    rows = []
    groups = articles[by].tolist() if by is not None else [None] * len(articles)
    for i, (aid, grp, text) in enumerate(zip(pc.article_ids, groups, pc.texts)):
        starts = ends = None
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            if starts is None:
                starts, ends = _token_offsets(pc, i)
            s, e = m.start(), m.end()
            k = int(np.searchsorted(ends, s, "right"))       # first token ending after s
            left_start = int(starts[max(0, k - window)]) if window and k > 0 else s
            left_start = min(left_start, s)
            j = int(np.searchsorted(starts, e, "left"))      # first token starting at/after e
            right_end = int(ends[min(len(ends), j + window) - 1]) if window and j < len(starts) else e
            right_end = max(right_end, e)
            rows.append((aid, grp, s, e, text[s:e], text[left_start:s], text[e:right_end], left_start, right_end))
    out = pd.DataFrame(rows, columns=["article_id", by or "_by", "start", "end", "match", "left", "right",
                                      "left_start", "right_end"])
    if by is None:
        out = out.drop(columns="_by")
    out = out.astype({c: "Int64" for c in KWIC_OFFSETS})
    if sort == "left":
        key = out["left"].map(lambda s: " ".join(reversed(tokenize(s.lower()))))
        out = out.iloc[np.argsort(key.to_numpy(dtype=str), kind="stable")]
    elif sort == "right":
        key = out["right"].map(lambda s: " ".join(tokenize(s.lower())))
        out = out.iloc[np.argsort(key.to_numpy(dtype=str), kind="stable")]
    elif sort == "match":
        out = out.iloc[np.argsort(out["match"].str.lower().to_numpy(dtype=str), kind="stable")]
    out = out.reset_index(drop=True)
    out.attrs.update({"analysis": "kwic", "pattern": pattern, "kind": kind, "window": window, "case": case,
                      "fold_diacritics": fold_diacritics, "sort": sort, "by": by})
    return out


def _token_offsets(pc: ParsedCorpus, i: int) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the tokens of article ``i`` of a parsed corpus."""
    lo, hi = pc.token_bounds[i], pc.token_bounds[i + 1]
    return pc.tokens["start"].to_numpy()[lo:hi], pc.tokens["end"].to_numpy()[lo:hi]


def _check_by(articles: pd.DataFrame, by: str | None, where: str) -> None:
    if by is not None and by not in articles.columns:
        raise ColumnError(f"{where}: column {by!r} missing (by={by!r}); pass by= naming a corpus column "
                          f"({', '.join(map(str, articles.columns))}) or by=None")


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
    pmi, g2`` sorted by group and descending g2; ``group`` holds the ``by`` column's value ("all" when
    ``by=None``) and ``attrs["by"]`` names the column. ``discount_reuse``: a find_reuse result or spans
    table (True computes it and warns). Tokens come from :func:`mediakit.parsed.parse_corpus`.

    >>> df = pd.DataFrame({"article_id": list("ab"), "text": ["Washington imposed sanctions. Washington imposed sanctions."] * 2})
    >>> collocations(df, "sanctions", window=1, min_count=1)[["collocate", "count"]].values.tolist()
    [['imposed', 4], ['washington', 2]]
    """
    reuse = discount_reuse is not None and discount_reuse is not False
    validate_corpus(articles, ["text"] + (["article_id"] if reuse else []), where="collocations")
    _check_by(articles, by, "collocations")
    if window < 1:
        raise ValueError(f"window={window} must be >= 1 word")
    rx = compile_pattern(term, kind, case=case)
    stop = load_stop_words(resolve_stop_words(stop_words, articles)) if stop_words is not None else frozenset()
    texts = article_texts(articles, discount_reuse=reuse_table(articles, discount_reuse, "collocations"))
    ids = articles["article_id"].to_numpy() if "article_id" in articles.columns else np.arange(len(articles))
    pc = parse_corpus(pd.DataFrame({"article_id": ids, "text": texts}))
    norms = pc.tokens["norm"].to_numpy()
    labels = articles[by].astype(str).tolist() if by else ["all"] * len(articles)
    co: dict[str, Counter] = defaultdict(Counter)
    freq: dict[str, Counter] = defaultdict(Counter)
    n_tok: Counter = Counter()
    n_node: Counter = Counter()
    n_slots: Counter = Counter()
    for a, (grp, text) in enumerate(zip(labels, pc.texts)):
        starts, ends = _token_offsets(pc, a)
        words = norms[pc.token_bounds[a]:pc.token_bounds[a + 1]].tolist()
        n_tok[grp] += len(words)
        freq[grp].update(words)
        nodes = []
        for m in rx.finditer(text):
            i = int(np.searchsorted(ends, m.start(), "right"))
            j = int(np.searchsorted(starts, m.end(), "left"))
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
    out = pd.DataFrame(rows, columns=COLLOCATION_COLUMNS[:8]).astype(
        {c: "int64" for c in ("count", "node_count", "collocate_count", "window_tokens", "tokens")})
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
    out.attrs.update({"analysis": "collocations", "by": by, "term": term, "kind": kind, "window": window,
                      "case": case, "min_count": min_count,
                      "stop_words": stop_words if stop_words is None or isinstance(stop_words, str) else len(stop),
                      "discount_reuse": reuse_label(discount_reuse)})
    return out
