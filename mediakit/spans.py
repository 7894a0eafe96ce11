"""Character spans of article texts: overlap, merging, blanking and "is it inside" look-ups.

A spans table is a DataFrame ``article_id, start, end`` whose offsets index the article's ``text``
(``text[start:end]`` is the span). Reused passages (:func:`mediakit.reuse.reused_spans`), quotes, names and
sentences are all spans; the functions here work on any of them, per article, with numpy
``searchsorted`` instead of a Python loop per (query, span) pair.

>>> spans = pd.DataFrame({"article_id": ["a", "a", "b"], "start": [0, 5, 2], "end": [8, 12, 4]})
>>> merge_spans(spans).values.tolist()
[['a', 0, 12], ['b', 2, 4]]
>>> inside_any(["a", "b", "b"], [11, 4, 3], spans).tolist()
[True, False, True]
>>> blank_spans("abcdefgh", [(1, 3), (5, 6)])
'a  de gh'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "as_spans",
    "overlap",
    "merge_intervals",
    "union_length",
    "merge_spans",
    "spans_by_article",
    "blank_spans",
    "blank_texts",
    "covered_length",
    "mostly_inside",
    "inside_any",
]

SPAN_COLUMNS = ["article_id", "start", "end"]
_STRIDE = np.int64(1) << np.int64(40)  # articles are laid end to end on one axis, 1 TiB apart


def as_spans(table: pd.DataFrame) -> pd.DataFrame:
    """A spans table (``article_id, start, end``, int64 offsets) from a spans table or a ``find_reuse`` result.

    A reuse result gives its target side (the later article's text that repeats an earlier one).

    >>> reuse = pd.DataFrame({"source_id": ["a"], "target_id": ["b"], "target_start": [3], "target_end": [9]})
    >>> as_spans(reuse).values.tolist()
    [['b', 3, 9]]
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"spans must be a DataFrame (article_id, start, end), not {type(table).__name__}")
    cols = set(table.columns)
    if set(SPAN_COLUMNS) <= cols:
        out = table[SPAN_COLUMNS]
    elif {"target_id", "target_start", "target_end"} <= cols:
        out = table.rename(columns={"target_id": "article_id", "target_start": "start",
                                    "target_end": "end"})[SPAN_COLUMNS]
    else:
        raise ValueError(f"spans table has columns {sorted(cols)}; expected article_id, start, end "
                         "(or a find_reuse() result with target_id, target_start, target_end)")
    out = out.astype({"article_id": str}) if len(out) else out
    return out.astype({"start": "int64", "end": "int64"}).reset_index(drop=True)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Number of characters two ``(start, end)`` spans share (0 when they are apart).

    >>> overlap((0, 10), (5, 20)), overlap((0, 5), (5, 9))
    (5, 0)
    """
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def merge_intervals(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of ``(start, end)`` intervals, sorted; touching intervals join.

    >>> merge_intervals([(5, 9), (0, 3), (3, 4), (8, 12)])
    [(0, 4), (5, 12)]
    """
    merged: list[list[int]] = []
    for s, e in sorted((int(s), int(e)) for s, e in intervals):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def union_length(intervals: Iterable[tuple[int, int]]) -> int:
    """Characters covered by the union of ``intervals``.

    >>> union_length([(0, 10), (5, 15), (20, 22)])
    17
    """
    return sum(e - s for s, e in merge_intervals(intervals))


def merge_spans(spans: pd.DataFrame) -> pd.DataFrame:
    """Union of the spans of each article: disjoint ``article_id, start, end`` rows, sorted (vectorised).

    Accepts what :func:`as_spans` accepts. Touching spans join, as in :func:`merge_intervals`.

    >>> merge_spans(pd.DataFrame({"article_id": ["b", "a", "a"], "start": [1, 4, 0], "end": [2, 9, 4]})).values.tolist()
    [['a', 0, 9], ['b', 1, 2]]
    """
    s = as_spans(spans)
    if not len(s):
        return s
    s = s.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)
    aid = s["article_id"].to_numpy()
    start = s["start"].to_numpy()
    end = s["end"].to_numpy()
    new_article = np.r_[True, aid[1:] != aid[:-1]]
    # running maximum of ends within each article: blocks start where a span begins after it
    codes = np.cumsum(new_article) - 1
    reach = np.maximum.accumulate(end + codes * _STRIDE) - codes * _STRIDE
    new_block = new_article.copy()
    new_block[1:] |= start[1:] > reach[:-1]
    first = np.flatnonzero(new_block)
    last = np.r_[first[1:], len(s)] - 1
    out = pd.DataFrame({"article_id": aid[first], "start": start[first], "end": reach[last]})
    return out.astype({"start": "int64", "end": "int64"})


def spans_by_article(spans: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """``{article_id: [(start, end), ...]}`` in table order (ids as strings).

    >>> spans_by_article(pd.DataFrame({"article_id": ["a", "b", "a"], "start": [0, 1, 5], "end": [2, 3, 7]}))
    {'a': [(0, 2), (5, 7)], 'b': [(1, 3)]}
    """
    out: dict[str, list[tuple[int, int]]] = {}
    for aid, s, e in as_spans(spans).itertuples(index=False):
        out.setdefault(str(aid), []).append((int(s), int(e)))
    return out


def blank_spans(text: str, spans: Iterable[tuple[int, int]], fill: str = " ") -> str:
    """``text`` with every span replaced by ``fill`` characters: same length, so every offset still holds.

    ``fill="\\n"`` also stops n-grams and phrases from bridging the removed passage.

    >>> blank_spans("wire copy. own words", [(0, 10)], fill="\\n") == "\\n" * 10 + " own words"
    True
    """
    if len(fill) != 1:
        raise ValueError(f"fill={fill!r} must be one character, so that offsets stay the same")
    merged = merge_intervals((max(0, s), min(len(text), e)) for s, e in spans)
    if not merged:
        return text
    parts, pos = [], 0
    for s, e in merged:
        if e <= s:
            continue
        parts.append(text[pos:s])
        parts.append(fill * (e - s))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def blank_texts(texts: Sequence[str], article_ids: Sequence[Any], spans: pd.DataFrame, fill: str = " ") -> list[str]:
    """:func:`blank_spans` for each article: ``texts[i]`` belongs to ``article_ids[i]``.

    >>> blank_texts(["abc", "xyz"], ["a", "b"], pd.DataFrame({"article_id": ["b"], "start": [1], "end": [2]}))
    ['abc', 'x z']
    """
    if len(texts) != len(article_ids):
        raise ValueError(f"{len(texts)} texts but {len(article_ids)} article ids; pass one id per text")
    by_id = spans_by_article(spans) if len(spans) else {}
    return [blank_spans(t, by_id[str(a)], fill) if str(a) in by_id else t for t, a in zip(texts, article_ids)]


def _axis(spans: pd.DataFrame, article_ids: Sequence[Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Merged spans and the queries' articles laid on one int64 axis: (span starts, span ends, cumulative
    covered length before each span, per-query article offset or -1 when the article has no spans)."""
    merged = merge_spans(spans)
    ids = pd.Index(pd.unique(merged["article_id"]))
    offsets = ids.get_indexer(merged["article_id"]).astype(np.int64) * _STRIDE
    starts = merged["start"].to_numpy(np.int64) + offsets
    ends = merged["end"].to_numpy(np.int64) + offsets
    cum = np.r_[np.int64(0), np.cumsum(ends - starts)]
    q = ids.get_indexer(pd.Index([str(a) for a in article_ids])).astype(np.int64)
    q_off = np.where(q >= 0, q * _STRIDE, -1)
    return starts, ends, cum, q_off


def _covered_before(x: np.ndarray, starts: np.ndarray, ends: np.ndarray, cum: np.ndarray) -> np.ndarray:
    i = np.searchsorted(starts, x, side="right") - 1
    ic = np.clip(i, 0, None)
    within = np.clip(x - starts[ic], 0, ends[ic] - starts[ic]) if len(starts) else np.zeros_like(x)
    return np.where(i >= 0, cum[ic] + within, 0)


def covered_length(article_ids: Sequence[Any], starts: Sequence[int], ends: Sequence[int],
                   spans: pd.DataFrame) -> np.ndarray:
    """For each query ``(article_id, start, end)``: characters of it covered by the article's spans (merged).

    >>> spans = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 10], "end": [4, 20]})
    >>> covered_length(["a", "a", "b"], [2, 0, 0], [12, 30, 5], spans).tolist()
    [4, 14, 0]
    """
    s = np.asarray(starts, dtype=np.int64)
    e = np.asarray(ends, dtype=np.int64)
    if not len(s) or spans is None or not len(spans):
        return np.zeros(len(s), dtype=np.int64)
    sp_s, sp_e, cum, q_off = _axis(spans, article_ids)
    has = q_off >= 0
    out = _covered_before(e + q_off, sp_s, sp_e, cum) - _covered_before(s + q_off, sp_s, sp_e, cum)
    return np.where(has, out, 0).astype(np.int64)


def mostly_inside(article_ids: Sequence[Any], starts: Sequence[int], ends: Sequence[int], spans: pd.DataFrame,
                  min_share: float = 0.5) -> np.ndarray:
    """True where at least ``min_share`` of a query span lies inside its article's spans.

    An empty query span counts as one character (so it is inside only when ``min_share`` is 0).

    >>> spans = pd.DataFrame({"article_id": ["a"], "start": [0], "end": [10]})
    >>> mostly_inside(["a", "a", "b"], [5, 8, 0], [15, 20, 4], spans).tolist()
    [True, False, False]
    """
    s = np.asarray(starts, dtype=np.int64)
    e = np.asarray(ends, dtype=np.int64)
    covered = covered_length(article_ids, s, e, spans)
    return covered >= min_share * np.maximum(1, e - s)


def inside_any(article_ids: Sequence[Any], positions: Sequence[int], spans: pd.DataFrame) -> np.ndarray:
    """True where character ``positions[i]`` of article ``article_ids[i]`` lies inside one of its spans.

    >>> spans = pd.DataFrame({"article_id": ["a"], "start": [3], "end": [6]})
    >>> inside_any(["a", "a", "a", "b"], [2, 3, 6, 4], spans).tolist()
    [False, True, False, False]
    """
    pos = np.asarray(positions, dtype=np.int64)
    if not len(pos) or spans is None or not len(spans):
        return np.zeros(len(pos), dtype=bool)
    sp_s, sp_e, _cum, q_off = _axis(spans, article_ids)
    x = pos + q_off
    i = np.searchsorted(sp_s, x, side="right") - 1
    ic = np.clip(i, 0, None)
    return (q_off >= 0) & (i >= 0) & (x < sp_e[ic])
