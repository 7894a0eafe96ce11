"""Text reuse: passages that one article shares with another (wire copy, reprints, lifted paragraphs).

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")
>>> reuse = mk.find_reuse(corpus)
>>> len(reuse), int(reuse.same_outlet.sum())
(8, 0)
>>> mk.reuse_edges(reuse)["passages"].tolist()                # per (source outlet, reprinting outlet)
[3, 2, 2, 1]
>>> mk.original_share(corpus, reuse, by="outlet")["original_share"].round(2).tolist()
[0.88, 0.89, 0.92, 1.0, 1.0, 1.0, 0.97]

Every passage has exact character offsets in both articles' ``text`` (``text[source_start:source_end]``
is the passage in the source), a similarity, and a direction: the earlier article is the source; pairs
published the same day are flagged (``same_day``) and ordered by a wire credit or a mention of the other
outlet when there is one. Pairs within one outlet are flagged ``same_outlet`` so that they can be kept
apart from reuse between outlets.

How it works, and why it grows about linearly with the corpus
--------------------------------------------------------------
1. Tokens: each text is tokenised with :data:`mediakit.text.TOKEN_PATTERN`, lower-cased, and every run of
   ``shingle`` (5) words is hashed to a 64-bit integer.
2. Candidates (a shingle index): winnowing (Schleimer, Wilkerson & Aiken 2003) keeps the smallest hash in
   every window of ``window`` shingles, which guarantees that any exact run of ``window + shingle - 1``
   words shared by two articles leaves at least one common fingerprint. Fingerprints found in more than
   ``max_df`` articles (stock phrases, boilerplate) are dropped, so one fingerprint yields at most
   ``max_df**2 / 2`` pairs whatever the corpus size. Pairs sharing ``min_shared`` fingerprints are candidates.
3. Alignment (seed and extend): in each candidate pair, equal shingles are seeds; seeds on one diagonal
   form exact runs; runs are chained into a passage across small edits (gaps of at most ``max_gap`` words
   on either side). A passage is kept when both sides have ``min_words`` words and its similarity (the
   share of its words covered by exact matches) reaches ``min_similarity``.

Written by hand rather than with a library, and why: datasketch's MinHash LSH (offered here as
``candidates="minhash"``) estimates the Jaccard similarity of whole articles, so a 60-word wire paragraph
inside two 800-word articles (Jaccard about 0.04) goes unseen, and it gives no offsets. difflib aligns
well but in pure Python per word and with quadratic worst cases; the alignment here works on numpy arrays
of shingle hashes and only on candidate pairs.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .analysis import Analysis, register, reject_dask, run_local
from .text import TOKEN_PATTERN

__all__ = ["find_reuse", "original_share", "reused_spans", "reuse_edges", "REUSE_COLUMNS"]

REUSE_COLUMNS = [
    "source_id", "target_id", "source_start", "source_end", "target_start", "target_end", "similarity",
    "same_outlet", "source_outlet", "target_outlet", "source_date", "target_date", "same_day",
    "direction_basis", "source_words", "words", "source_share", "target_share",
]
_TOKEN_RE = re.compile(TOKEN_PATTERN)
_U64 = np.uint64
_MASK64 = (1 << 64) - 1


# ---------------------------------------------------------------- public API
def find_reuse(
    articles: pd.DataFrame,
    *,
    min_words: int = 25,
    min_similarity: float = 0.9,
    shingle: int = 5,
    window: int = 4,
    max_gap: int = 8,
    min_shared: int = 3,
    max_df: int = 100,
    same_outlet: bool = True,
    candidates: str = "shingles",
    lsh_threshold: float = 0.3,
    with_text: bool = False,
) -> pd.DataFrame:
    """Find passages of at least ``min_words`` words that two articles share, allowing small edits.

    Parameters
    ----------
    articles : DataFrame with ``article_id`` and ``text``; ``outlet``, ``date``, ``date_precision`` and
        ``wire`` are used when present (direction, ties, ``same_outlet``).
    min_words : shortest passage reported, in words, on both sides.
    min_similarity : lowest share of a passage's words covered by exact matches of ``shingle`` words
        (1.0 = verbatim; a reprint with one word changed in ten scores about 0.9).
    shingle, window : words per shingle and winnowing window (see the module notes).
    max_gap : largest edit (words inserted, deleted or replaced in a row) bridged inside one passage.
    min_shared : fingerprints two articles must share to be aligned.
    max_df : fingerprints in more articles than this are ignored as stock phrases.
    same_outlet : also report pairs of articles of one outlet (flagged ``same_outlet``); False skips them.
    candidates : ``"shingles"`` (default, finds partial reuse) or ``"minhash"`` (datasketch MinHash LSH on
        whole articles at Jaccard ``lsh_threshold``; finds near-duplicate articles only).
    with_text : add ``source_text`` and ``target_text``, the passages themselves.

    Returns
    -------
    One row per passage, columns :data:`REUSE_COLUMNS`: ``source_id, target_id`` (the source is the earlier
    article), character offsets ``source_start, source_end, target_start, target_end`` into each article's
    ``text``, ``similarity`` (0-1), ``same_outlet``, outlets and dates of both, ``same_day`` (published the
    same day, at the coarser date precision of the two: the direction is then a guess),
    ``direction_basis`` (``date``, ``time``, ``credit``, ``mention``, ``tie`` or ``undated``), passage
    length in words on both sides (``source_words``, ``words``) and the share of each article the passage
    covers. Rows are sorted with cross-outlet pairs first. ``attrs["params"]`` holds the parameters,
    ``attrs["timings"]`` the seconds spent per stage, ``attrs["candidates"]`` the number of pairs aligned.

    Example
    -------
    >>> text = " ".join(f"w{i}" for i in range(40))
    >>> df = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "text": [text, "New lede. " + text],
    ...                    "date": pd.to_datetime(["2020-01-01", "2020-01-02"])})
    >>> r = find_reuse(df)
    >>> r[["source_id", "target_id", "words", "similarity"]].values.tolist()
    [['a', 'b', 40, 1.0]]
    >>> df.text[1][r.target_start[0]:r.target_end[0]] == text
    True
    """
    reject_dask(articles, "find_reuse")
    _check_articles(articles)
    return run_local(FIND_REUSE, articles, min_words=min_words, min_similarity=min_similarity, shingle=shingle,
                     window=window, max_gap=max_gap, min_shared=min_shared, max_df=max_df,
                     same_outlet=same_outlet, candidates=candidates, lsh_threshold=lsh_threshold,
                     with_text=with_text)


# ---------------------------------------------------------------- find_reuse as partition -> merge -> finalize
# (mediakit.analysis). partition: the winnowed fingerprints of a partition's texts, numbered by corpus row
# (a shingle's hash depends only on its words and windows never straddle two texts, so they equal those of
# one index over the whole corpus); merge: fingerprint tables concatenated, sorted by (hash, row);
# finalize: fingerprints -> candidate pairs -> alignment of each pair on the articles involved.
_ARTICLE_COLUMNS = ["article_id", "text", "outlet", "date", "date_precision", "wire"]


class _Fingerprints:
    """Partial result of find_reuse: winnowed fingerprints ``fp`` (uint64) of corpus rows ``pos``, sorted
    by (fp, pos), for ``n`` rows; ``index`` is the shingle index itself while the partial covers the whole
    corpus in one partition (pandas: alignment reuses it instead of tokenising again)."""

    def __init__(self, fp: np.ndarray, pos: np.ndarray, n: int, seconds: float,
                 index: _ShingleIndex | None = None):
        self.fp, self.pos, self.n, self.seconds, self.index = fp, pos, n, seconds, index
        self._pairs: dict[tuple[int, int], np.ndarray] = {}

    def __getstate__(self) -> dict[str, Any]:  # never ship the index between processes
        return {**self.__dict__, "index": None, "_pairs": {}}

    def pairs(self, max_df: int, min_shared: int) -> np.ndarray:
        """Corpus row pairs ``(a, b)``, ``a < b``, sharing at least ``min_shared`` fingerprints."""
        key = (max_df, min_shared)
        if key not in self._pairs:
            codes, counts = fingerprint_pairs(self.fp, self.pos, self.n, max_df)
            codes = codes[counts >= min_shared]
            n = np.int64(max(self.n, 1))
            self._pairs[key] = np.stack([codes // n, codes % n], axis=1).reshape(-1, 2)
        return self._pairs[key]


def _reuse_validate(columns: list[str], *, engine: str, min_words: int, min_similarity: float, shingle: int,
                    window: int, max_gap: int, min_shared: int, max_df: int, same_outlet: bool, candidates: str,
                    lsh_threshold: float, with_text: bool) -> dict[str, Any]:
    missing = {"article_id", "text"} - set(columns)
    if missing:
        raise ValueError(f"articles lack column(s) {sorted(missing)}; pass the table load_corpus() returns")
    if candidates not in ("shingles", "minhash"):
        raise ValueError(f"candidates={candidates!r} is not known; use 'shingles' or 'minhash'")
    if candidates == "minhash" and engine != "local":
        raise ValueError("candidates='minhash' is not distributed (datasketch's LSH is in memory); use "
                         "candidates='shingles' on Dask, or find_reuse on a pandas corpus")
    if shingle < 1 or window < 1 or min_words < shingle:
        raise ValueError(f"need shingle >= 1, window >= 1 and min_words >= shingle (got {shingle}, {window}, {min_words})")
    return {"min_words": min_words, "min_similarity": min_similarity, "shingle": shingle, "window": window,
            "max_gap": max_gap, "min_shared": min_shared, "max_df": max_df, "same_outlet": same_outlet,
            "candidates": candidates, "lsh_threshold": lsh_threshold, "with_text": with_text}


def _reuse_columns(**_: Any) -> list[str]:
    return _ARTICLE_COLUMNS


def _reuse_partition(part: pd.DataFrame, *, offset: int, shingle: int, window: int, candidates: str,
                     **_: Any) -> _Fingerprints:
    t0 = time.perf_counter()
    index = _ShingleIndex(part["text"].fillna("").astype(str).tolist(), shingle)
    if candidates == "shingles":
        fh, fd = index.fingerprints(window)
    else:  # minhash works on the index itself (pandas only: see _reuse_validate)
        fh, fd = np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    return _Fingerprints(fh, np.asarray(fd, dtype=np.int64) + offset, len(part), time.perf_counter() - t0,
                         index if offset == 0 else None)


def _reuse_merge(parts: list[_Fingerprints]) -> _Fingerprints:
    if len(parts) == 1:
        p = parts[0]
        return _Fingerprints(p.fp, p.pos, p.n, p.seconds)
    fp = np.concatenate([p.fp for p in parts]) if parts else np.zeros(0, dtype=np.uint64)
    pos = np.concatenate([p.pos for p in parts]) if parts else np.zeros(0, dtype=np.int64)
    order = np.lexsort((pos, fp))
    return _Fingerprints(fp[order], pos[order], sum(p.n for p in parts), sum(p.seconds for p in parts))


def _reuse_rows_needed(partial: _Fingerprints, *, max_df: int, min_shared: int, **_: Any) -> np.ndarray:
    return np.unique(partial.pairs(max_df, min_shared))


def _reuse_finalize(partial: _Fingerprints, *, rows: pd.DataFrame, min_words: int, min_similarity: float,
                    shingle: int, window: int, max_gap: int, min_shared: int, max_df: int, same_outlet: bool,
                    candidates: str, lsh_threshold: float, with_text: bool, **_: Any) -> pd.DataFrame:
    """Candidate pairs, then the passages of each: ``rows`` are the articles involved (index: corpus row)."""
    params = {"min_words": min_words, "min_similarity": min_similarity, "shingle": shingle, "window": window,
              "max_gap": max_gap, "min_shared": min_shared, "max_df": max_df, "same_outlet": same_outlet,
              "candidates": candidates, "lsh_threshold": lsh_threshold}
    timings: dict[str, float] = {"tokens": partial.seconds}
    t0 = time.perf_counter()
    local = partial.index is not None and len(rows) == partial.n
    if candidates == "shingles":
        pairs = partial.pairs(max_df, min_shared)
    else:
        pairs = partial.index.minhash_pairs(threshold=lsh_threshold)
    rows = rows.sort_index()
    if local:
        arts, index = rows.reset_index(drop=True), partial.index
    else:  # only the articles the pairs involve, in corpus order, with their own index
        arts = rows.loc[np.unique(pairs)] if len(pairs) else rows.iloc[:0]
        where = pd.Series(np.arange(len(arts), dtype=np.int64), index=arts.index)
        pairs = np.stack([where.reindex(pairs[:, 0]).to_numpy(dtype=np.int64),
                          where.reindex(pairs[:, 1]).to_numpy(dtype=np.int64)], axis=1).reshape(-1, 2)
        arts = arts.reset_index(drop=True)
        index = None
    texts = arts["text"].fillna("").astype(str).tolist()
    outlets = (arts["outlet"].fillna("").astype(str) if "outlet" in arts else pd.Series([""] * len(arts)))
    if not same_outlet and len(pairs):
        codes = pd.factorize(outlets)[0]
        pairs = pairs[codes[pairs[:, 0]] != codes[pairs[:, 1]]]
    timings["candidates"] = time.perf_counter() - t0
    if index is None:
        t0 = time.perf_counter()
        index = _ShingleIndex(texts, shingle)
        timings["tokens"] += time.perf_counter() - t0
    out = aligned_passages(arts, texts, index, pairs, outlets.tolist(), max_gap=max_gap, min_words=min_words,
                           min_similarity=min_similarity, with_text=with_text, timings=timings)
    out.attrs["params"] = params
    out.attrs["timings"] = timings
    out.attrs["candidates"] = len(pairs)
    return out


FIND_REUSE = register(Analysis("find_reuse", partition=_reuse_partition, merge=_reuse_merge,
                               finalize=_reuse_finalize, validate=_reuse_validate,
                               rows_needed=_reuse_rows_needed, positional=True, columns=_reuse_columns,
                               public=find_reuse))


def aligned_passages(articles: pd.DataFrame, texts: list[str], index: _ShingleIndex, pairs: np.ndarray,
                     outlets: list[str], *, max_gap: int, min_words: int, min_similarity: float,
                     with_text: bool = False, timings: dict[str, float] | None = None) -> pd.DataFrame:
    """Candidate pairs (row numbers ``a < b`` of ``articles``) -> the reuse table (:data:`REUSE_COLUMNS`).

    The step after candidate search (find_reuse's finalize; on Dask it gets the articles the pairs
    involve, in corpus order).
    """
    timings = {} if timings is None else timings
    t0 = time.perf_counter()
    found: list[tuple[int, int, int, int, int, int, float]] = []
    for a, b in pairs:
        for p in index.align(int(a), int(b), max_gap=max_gap, min_words=min_words,
                             min_similarity=min_similarity):
            found.append((int(a), int(b), *p))
    timings["alignment"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    out = _assemble(articles, texts, index, found, outlets, with_text)
    timings["offsets"] = time.perf_counter() - t0
    return out


def reused_spans(articles: pd.DataFrame, reuse: pd.DataFrame | None = None, *,
                 include_same_outlet: bool = True, **kw: Any) -> pd.DataFrame:
    """Spans of each article's ``text`` that repeat an earlier article (the target side of reuse).

    The interface that ``discount_reuse`` options consume: ignore tokens, sentences or quotes lying inside
    these spans and one wire story is counted once (in its earliest article).

    Parameters
    ----------
    articles : the corpus (used to compute ``reuse`` when it is None).
    reuse : a :func:`find_reuse` result; None computes it with ``**kw``.
    include_same_outlet : also count an outlet repeating its own earlier text.

    Returns
    -------
    DataFrame ``article_id, start, end`` (overlapping passages merged), sorted.

    >>> reuse = pd.DataFrame({"source_id": ["a", "a"], "target_id": ["b", "b"], "target_start": [0, 50],
    ...                       "target_end": [60, 90], "same_outlet": [False, False]})
    >>> reused_spans(None, reuse).values.tolist()
    [['b', 0, 90]]
    """
    if reuse is None:
        reuse = find_reuse(articles, **kw)
    missing = {"target_id", "target_start", "target_end"} - set(reuse.columns)
    if missing:
        raise ValueError(f"reuse table lacks {sorted(missing)}; pass the result of find_reuse()")
    r = reuse
    if not include_same_outlet and "same_outlet" in r:
        r = r[~r["same_outlet"].astype(bool)]
    rows = []
    for aid, g in r.groupby("target_id", sort=True):
        for s, e in _merge_intervals(zip(g["target_start"].astype(int), g["target_end"].astype(int))):
            rows.append((aid, s, e))
    return pd.DataFrame(rows, columns=["article_id", "start", "end"]).astype({"start": "int64", "end": "int64"})


def original_share(articles: pd.DataFrame, reuse: pd.DataFrame | None = None, *, by: str = "article",
                   include_same_outlet: bool = False, **kw: Any) -> pd.DataFrame:
    """The share of each article's (or outlet's) words that is not taken from an earlier article.

    Parameters
    ----------
    articles : the corpus (``article_id``, ``text``, ``outlet``).
    reuse : a :func:`find_reuse` result; None computes it with ``**kw``.
    by : ``"article"`` (one row per article) or ``"outlet"`` (words summed per outlet).
    include_same_outlet : count an outlet repeating its own earlier copy as reuse too (default: no, only
        text taken from another outlet makes an article less original).

    Returns
    -------
    by article: ``article_id, outlet, words, reused_words, original_share, sources`` (source articles);
    by outlet: ``outlet, articles, words, reused_words, original_share, reprints`` (articles at least
    half reused).

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "text": ["one two", "one two three four"]})
    >>> reuse = pd.DataFrame({"source_id": ["a"], "target_id": ["b"], "target_start": [0], "target_end": [7],
    ...                       "same_outlet": [False]})
    >>> original_share(arts, reuse)["original_share"].tolist()
    [1.0, 0.5]
    """
    _check_articles(articles)
    if by not in ("article", "outlet"):
        raise ValueError(f"by={by!r} is not known; use 'article' or 'outlet'")
    if reuse is None:
        reuse = find_reuse(articles, **kw)
    spans = reused_spans(articles, reuse, include_same_outlet=include_same_outlet)
    r = reuse if include_same_outlet or "same_outlet" not in reuse else reuse[~reuse["same_outlet"].astype(bool)]
    sources = r.groupby("target_id")["source_id"].nunique() if len(r) else pd.Series(dtype="int64")
    by_article = {aid: list(zip(g["start"], g["end"])) for aid, g in spans.groupby("article_id")}
    rows = []
    outlets = articles["outlet"] if "outlet" in articles else pd.Series([""] * len(articles), index=articles.index)
    for aid, outlet, text in zip(articles["article_id"], outlets, articles["text"].fillna("")):
        starts = np.array([m.start() for m in _TOKEN_RE.finditer(text)], dtype=np.int64)
        reused = 0
        for s, e in by_article.get(aid, []):
            reused += int(np.searchsorted(starts, e, "left") - np.searchsorted(starts, s, "left"))
        words = len(starts)
        rows.append({"article_id": aid, "outlet": outlet, "words": words, "reused_words": reused,
                     "original_share": 1.0 - reused / words if words else np.nan,
                     "sources": int(sources.get(aid, 0))})
    table = pd.DataFrame(rows, columns=["article_id", "outlet", "words", "reused_words", "original_share",
                                        "sources"])
    if by == "article":
        return table
    table["reprint"] = table["reused_words"] >= 0.5 * table["words"]
    g = table.groupby("outlet", sort=True).agg(articles=("article_id", "size"), words=("words", "sum"),
                                               reused_words=("reused_words", "sum"), reprints=("reprint", "sum"))
    g["original_share"] = 1.0 - g["reused_words"] / g["words"].where(g["words"] > 0)
    return g.reset_index()[["outlet", "articles", "words", "reused_words", "original_share", "reprints"]]


def reuse_edges(reuse: pd.DataFrame, *, level: str = "outlet", include_same_outlet: bool = False,
                with_dates: bool = False) -> pd.DataFrame:
    """Who takes text from whom: one row per (source, target) with passages, words and article pairs.

    ``level="outlet"`` sums over outlets (``source_outlet, target_outlet``), ``"article"`` keeps article pairs
    (``source_id, target_id``). This is the table behind :func:`mediakit.plotting.plot_reuse_graph`.

    ``with_dates=True`` adds when the reuse happened. By article: both articles' ``source_outlet,
    target_outlet, source_date, target_date`` and ``lag_days`` (days from the source's date to the
    reprint's). By outlet: ``first_date, last_date`` (the earliest and latest reprint) and
    ``median_lag_days`` (over article pairs). Undated articles give NaT / NaN.

    >>> r = pd.DataFrame({"source_id": ["a", "a", "c"], "target_id": ["b", "b", "d"], "source_outlet": ["X", "X", "X"],
    ...                   "target_outlet": ["Y", "Y", "Y"], "words": [30, 40, 50], "same_outlet": [False] * 3,
    ...                   "source_date": pd.to_datetime(["2020-01-01", "2020-01-01", "2020-02-01"]),
    ...                   "target_date": pd.to_datetime(["2020-01-02", "2020-01-02", "2020-02-04"])})
    >>> reuse_edges(r).values.tolist()
    [['X', 'Y', 3, 120, 2]]
    >>> reuse_edges(r, with_dates=True)[["first_date", "last_date", "median_lag_days"]].values.tolist()
    [[Timestamp('2020-01-02 00:00:00'), Timestamp('2020-02-04 00:00:00'), 2.0]]
    >>> reuse_edges(r, level="article", with_dates=True)[["source_id", "target_id", "passages", "lag_days"]]
      source_id target_id  passages  lag_days
    0         a         b         2       1.0
    1         c         d         1       3.0
    """
    if level not in ("outlet", "article"):
        raise ValueError(f"level={level!r} is not known; use 'outlet' or 'article'")
    keys = ["source_outlet", "target_outlet"] if level == "outlet" else ["source_id", "target_id"]
    dated = (["source_outlet", "target_outlet", "source_date", "target_date", "lag_days"] if level == "article"
             else ["first_date", "last_date", "median_lag_days"])
    cols = keys + ["passages", "words", "article_pairs"] + (dated if with_dates else [])
    r = reuse
    if not include_same_outlet and "same_outlet" in r:
        r = r[~r["same_outlet"].astype(bool)]
    needed = set(keys) | ({"source_outlet", "target_outlet", "source_date", "target_date"} if with_dates else set())
    missing = needed - set(r.columns)
    if missing:
        raise ValueError(f"reuse table lacks {sorted(missing)}; pass the result of find_reuse()")
    if not len(r):
        return pd.DataFrame(columns=cols)
    r = r.assign(_pair=r["source_id"].astype(str) + "\x1f" + r["target_id"].astype(str))
    out = r.groupby(keys, sort=True).agg(passages=("_pair", "size"), words=("words", "sum"),
                                         article_pairs=("_pair", "nunique")).reset_index()
    if with_dates:
        out = out.merge(_dated_pairs(r, level), on=keys, how="left", validate="one_to_one")
    return out.sort_values(["passages", *keys], ascending=[False, True, True], kind="stable").reset_index(drop=True)[cols]


def _dated_pairs(r: pd.DataFrame, level: str) -> pd.DataFrame:
    """Outlets, dates and lag of each article pair in ``r``; by outlet, the reprints' date range and median lag."""
    pairs = r.drop_duplicates(["source_id", "target_id"])[
        ["source_id", "target_id", "source_outlet", "target_outlet", "source_date", "target_date"]].copy()
    for col in ("source_date", "target_date"):
        pairs[col] = pd.to_datetime(pairs[col], errors="coerce")
    pairs["lag_days"] = (pairs["target_date"] - pairs["source_date"]).dt.total_seconds() / 86400.0
    if level == "article":
        return pairs
    return (pairs.groupby(["source_outlet", "target_outlet"], sort=True)
            .agg(first_date=("target_date", "min"), last_date=("target_date", "max"),
                 median_lag_days=("lag_days", "median"))
            .reset_index())


# ---------------------------------------------------------------- the shingle index
def _splitmix64(x: np.ndarray) -> np.ndarray:
    """A fast 64-bit mixer (Steele et al. 2014), vectorised: spreads ids and rolling sums over all bits."""
    with np.errstate(over="ignore"):
        x = x + _U64(0x9E3779B97F4A7C15)
        x = (x ^ (x >> _U64(30))) * _U64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> _U64(27))) * _U64(0x94D049BB133111EB)
        return x ^ (x >> _U64(31))


def _token_hashes(tokens: list[str]) -> np.ndarray:
    """A 64-bit id per token string that is the same in every process (blake2b; Python's hash() is salted)."""
    from hashlib import blake2b

    return np.fromiter((int.from_bytes(blake2b(t.encode("utf-8"), digest_size=8).digest(), "little")
                        for t in tokens), dtype=np.uint64, count=len(tokens))


def fingerprint_pairs(fh: np.ndarray, fd: np.ndarray, n: int, max_df: int) -> tuple[np.ndarray, np.ndarray]:
    """Article pairs sharing fingerprints: ``(codes, counts)`` with ``code = a * n + b`` (``a < b``).

    ``fh, fd`` are fingerprint hashes and text numbers sorted by hash then text, unique (as
    :meth:`_ShingleIndex.fingerprints` returns them, or merged over partitions by find_reuse's hooks);
    fingerprints in more than ``max_df`` texts are skipped. ``counts`` is the number of shared fingerprints.
    """
    if len(fh) < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    fd = np.asarray(fd, dtype=np.int64)
    bounds = np.flatnonzero(np.r_[True, fh[1:] != fh[:-1], True])
    gstart, gsize = bounds[:-1], np.diff(bounds)
    codes = []
    n = np.int64(n)
    for s in np.unique(gsize):
        if s < 2 or s > max_df:
            continue
        st = gstart[gsize == s]
        members = fd[st[:, None] + np.arange(s)]
        iu, ju = np.triu_indices(int(s), 1)
        codes.append((members[:, iu] * n + members[:, ju]).ravel())
    if not codes:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    uniq, counts = np.unique(np.concatenate(codes), return_counts=True)
    return uniq, counts.astype(np.int64)


class _ShingleIndex:
    """Token ids and hashed word shingles of a list of texts, stored flat with per-text pointers."""

    def __init__(self, texts: Sequence[str], k: int):
        self.k = k
        vocab: dict[str, int] = {}
        setdefault = vocab.setdefault
        flat: list[int] = []
        lens = np.zeros(len(texts), dtype=np.int64)
        for i, text in enumerate(texts):
            low = _match_text(text)
            if low is not None:
                toks = _TOKEN_RE.findall(low)
            else:  # lower-casing changed the length: lower each token instead
                toks = _TOKEN_RE.findall(text)
                toks = "\x00".join(toks).lower().split("\x00") if toks else toks
            if not toks:
                continue
            flat.extend([setdefault(t, len(vocab)) for t in toks])
            lens[i] = len(toks)
        self.n_tokens = lens
        # A token's id is a hash of the token itself (not its place in this index's vocabulary), so
        # indexes built separately (one per partition, on Dask) give the same shingle hashes.
        ids = _token_hashes(list(vocab))[np.asarray(flat, dtype=np.int64)]
        n_sh = np.maximum(lens - k + 1, 0)
        self.ptr = np.concatenate([[0], np.cumsum(n_sh)]).astype(np.int64)
        tok_ptr = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)
        total = len(ids)
        if total >= k:
            with np.errstate(over="ignore"):
                h = ids[: total - k + 1].copy()
                for j in range(1, k):
                    h = h * _U64(0x100000001B3) + ids[j: total - k + 1 + j]
            h = _splitmix64(h)
            # keep the shingles that lie inside one text
            starts = np.repeat(tok_ptr[:-1], n_sh) + (np.arange(int(n_sh.sum())) - np.repeat(self.ptr[:-1], n_sh))
            self.hashes = h[starts]
        else:
            self.hashes = np.zeros(0, dtype=np.uint64)
        self.doc = np.repeat(np.arange(len(texts), dtype=np.int64), n_sh)

    # -- candidates
    def fingerprints(self, window: int) -> tuple[np.ndarray, np.ndarray]:
        """Winnowed (hash, text) pairs, unique, sorted by hash then text."""
        h = self.hashes
        n = len(h)
        if n == 0:
            return h, self.doc
        # Windows never straddle two texts, so a text's fingerprints depend on that text alone (and a
        # corpus split into partitions gives the same fingerprints); texts shorter than a window keep all.
        keep = np.zeros(n, dtype=bool)
        if n >= window:
            # m[s] = min of the window starting at s; shingle i is kept when it is the minimum of a window
            # that contains it (shifted numpy minimum/compare: much faster than argmin over a strided view).
            m = h[: n - window + 1].copy()
            for j in range(1, window):
                np.minimum(m, h[j: n - window + 1 + j], out=m)
            inside = self.doc[: n - window + 1] == self.doc[window - 1:]
            for j in range(window):
                keep[j: j + len(m)] |= (h[j: j + len(m)] == m) & inside
        n_sh = np.diff(self.ptr)
        keep |= (n_sh < window)[self.doc]
        pos = np.flatnonzero(keep)
        fh, fd = h[pos], self.doc[pos]
        order = np.argsort(fh, kind="stable")  # positions run in text order, so ties stay sorted by text
        fh, fd = fh[order], fd[order]
        first = np.ones(len(fh), dtype=bool)
        first[1:] = (fh[1:] != fh[:-1]) | (fd[1:] != fd[:-1])
        return fh[first], fd[first]

    def candidate_pairs(self, *, window: int, max_df: int, min_shared: int) -> np.ndarray:
        """Pairs ``(a, b)``, ``a < b``, sharing at least ``min_shared`` fingerprints."""
        fh, fd = self.fingerprints(window)
        codes, counts = fingerprint_pairs(fh, fd, len(self.ptr) - 1, max_df)
        codes = codes[counts >= min_shared]
        n = np.int64(len(self.ptr) - 1)
        return np.stack([codes // n, codes % n], axis=1)

    def minhash_pairs(self, *, threshold: float, num_perm: int = 128) -> np.ndarray:
        """Pairs of whole texts whose shingle sets reach Jaccard ``threshold`` by datasketch MinHash LSH."""
        from datasketch import MinHash, MinHashLSH

        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        sigs = {}
        for i in range(len(self.ptr) - 1):
            hs = np.unique(self.hashes[self.ptr[i]: self.ptr[i + 1]])
            if not len(hs):
                continue
            m = MinHash(num_perm=num_perm, seed=1, hashfunc=int)
            m.update_batch((hs >> _U64(32)).tolist())  # datasketch wants 32-bit hash values
            sigs[i] = m
            lsh.insert(i, m)
        pairs = {(min(i, j), max(i, j)) for i, m in sigs.items() for j in lsh.query(m) if j != i}
        return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)

    # -- alignment
    def align(self, a: int, b: int, *, max_gap: int, min_words: int, min_similarity: float) -> list[tuple]:
        """Passages shared by texts ``a`` and ``b`` as token spans ``(a0, a1, b0, b1, similarity)``."""
        k = self.k
        ha = self.hashes[self.ptr[a]: self.ptr[a + 1]]
        hb = self.hashes[self.ptr[b]: self.ptr[b + 1]]
        if not len(ha) or not len(hb):
            return []
        ob = np.argsort(hb, kind="stable")
        hbs = hb[ob]
        lo = np.searchsorted(hbs, ha, "left")
        cnt = np.searchsorted(hbs, ha, "right") - lo
        if not cnt.any():
            return []
        i = np.repeat(np.arange(len(ha)), cnt)
        first = np.repeat(np.cumsum(cnt) - cnt, cnt)
        j = ob[np.repeat(lo, cnt) + np.arange(len(i)) - first]
        d = j - i
        order = np.lexsort((i, d))
        i, d = i[order], d[order]
        brk = np.flatnonzero(np.r_[True, (d[1:] != d[:-1]) | (np.diff(i) != 1)])
        run_end = np.r_[brk[1:], len(i)] - 1
        runs = sorted(zip(i[brk].tolist(), (i[run_end] + k).tolist(), d[brk].tolist()))
        # Chain runs (sorted by start in a) into passages across gaps of at most max_gap words.
        passages: list[list[Any]] = []  # [a0, a1, b0, b1, [(a0, a1) covered], [(b0, b1) covered]]
        for a0, a1, dd in runs:
            b0, b1 = a0 + dd, a1 + dd
            best, best_gap = None, None
            for p in passages:
                ga, gb = a0 - p[1], b0 - p[3]
                if -k < ga <= max_gap and -k < gb <= max_gap and b0 > p[2]:
                    g = max(ga, gb)
                    if best_gap is None or g < best_gap:
                        best, best_gap = p, g
            if best is None:
                passages.append([a0, a1, b0, b1, [(a0, a1)], [(b0, b1)]])
            else:
                best[1], best[3] = max(best[1], a1), max(best[3], b1)
                best[4].append((a0, a1))
                best[5].append((b0, b1))
        out = []
        for a0, a1, b0, b1, ca, cb in passages:
            la, lb = a1 - a0, b1 - b0
            if min(la, lb) < min_words:
                continue
            covered = _union_length(ca) + _union_length(cb)
            sim = covered / (la + lb)
            if sim >= min_similarity:
                out.append((a0, a1, b0, b1, round(sim, 4)))
        # drop passages contained in another one on both sides (echoes of repeated phrases)
        out.sort(key=lambda p: (p[0] - p[1], p[0]))
        kept: list[tuple] = []
        for p in out:
            if not any(q[0] <= p[0] and p[1] <= q[1] and q[2] <= p[2] and p[3] <= q[3] for q in kept):
                kept.append(p)
        return sorted(kept)


def _union_length(intervals: list[tuple[int, int]]) -> int:
    return sum(e - s for s, e in _merge_intervals(intervals))


def _merge_intervals(intervals: Any) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in sorted(intervals):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _match_text(text: str) -> str | None:
    """``text`` lower-cased with the same length (so offsets carry over), or None when that is impossible.

    Only "İ" lower-cases to two characters in Python; it becomes "i" here. Token boundaries do not depend
    on case, so the tokens of this string are those of ``text``, at the same offsets.
    """
    low = text.replace("İ", "I").lower()
    return low if len(low) == len(text) else None


def _token_spans(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Offsets of the tokens _ShingleIndex counted in ``text`` (the same text form, so the same tokens)."""
    low = _match_text(text)
    spans = np.array([m.span() for m in _TOKEN_RE.finditer(low if low is not None else text)],
                     dtype=np.int64).reshape(-1, 2)
    return spans[:, 0], spans[:, 1]


# ---------------------------------------------------------------- direction and output
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def _order(articles: pd.DataFrame, a: int, b: int, outlets: list[str], texts: list[str]) -> tuple[int, int, bool, str]:
    """(source, target, same_day, basis) for rows ``a`` and ``b`` of ``articles``."""
    da = articles["date"].iat[a] if "date" in articles else pd.NaT
    db = articles["date"].iat[b] if "date" in articles else pd.NaT
    if pd.isna(da) or pd.isna(db):
        return a, b, False, "undated"
    da, db = pd.Timestamp(da), pd.Timestamp(db)
    prec = "day"
    if "date_precision" in articles:
        pa = str(articles["date_precision"].iat[a] or "day")
        pb = str(articles["date_precision"].iat[b] or "day")
        prec = max((pa, pb), key=lambda p: _PRECISION_RANK.get(p, 0))
    freq = {"day": "D", "month": "M", "year": "Y"}.get(prec, "D")
    ka, kb = da.to_period(freq), db.to_period(freq)
    if ka != kb:
        return (a, b, False, "date") if ka < kb else (b, a, False, "date")
    # Same day (or month/year at coarser precision): look for evidence of who copied whom.
    oa, ob = outlets[a], outlets[b]
    if "wire" in articles:
        wa, wb = str(articles["wire"].iat[a] or ""), str(articles["wire"].iat[b] or "")
        a_credits_b = bool(ob) and ob != oa and ob.lower() in wa.lower()
        b_credits_a = bool(oa) and oa != ob and oa.lower() in wb.lower()
        if a_credits_b != b_credits_a:
            return (b, a, True, "credit") if a_credits_b else (a, b, True, "credit")
    if oa and ob and oa != ob:
        a_names_b, b_names_a = ob in texts[a], oa in texts[b]
        if a_names_b != b_names_a:
            return (b, a, True, "mention") if a_names_b else (a, b, True, "mention")
    timed = prec == "day" and da != da.normalize() and db != db.normalize()
    if timed and da != db:
        return (a, b, True, "time") if da < db else (b, a, True, "time")
    return a, b, True, "tie"


def _assemble(articles: pd.DataFrame, texts: list[str], index: _ShingleIndex, found: list[tuple],
              outlets: list[str], with_text: bool) -> pd.DataFrame:
    ids = articles["article_id"].astype(str).tolist()
    dates = articles["date"] if "date" in articles else pd.Series([pd.NaT] * len(ids))
    spans: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    rows = []
    orders: dict[tuple[int, int], tuple[int, int, bool, str]] = {}
    for a, b, a0, a1, b0, b1, sim in found:
        if (a, b) not in orders:
            orders[(a, b)] = _order(articles, a, b, outlets, texts)
        src, tgt, same_day, basis = orders[(a, b)]
        s0, s1, t0, t1 = (a0, a1, b0, b1) if src == a else (b0, b1, a0, a1)
        for x in (src, tgt):
            if x not in spans:
                spans[x] = _token_spans(texts[x])
        ss, se = spans[src]
        ts, te = spans[tgt]
        row = {
            "source_id": ids[src], "target_id": ids[tgt],
            "source_start": int(ss[s0]), "source_end": int(se[s1 - 1]),
            "target_start": int(ts[t0]), "target_end": int(te[t1 - 1]),
            "similarity": float(sim), "same_outlet": outlets[src] == outlets[tgt] and outlets[src] != "",
            "source_outlet": outlets[src], "target_outlet": outlets[tgt],
            "source_date": dates.iat[src], "target_date": dates.iat[tgt],
            "same_day": same_day, "direction_basis": basis,
            "source_words": s1 - s0, "words": t1 - t0,
            "source_share": round((s1 - s0) / max(int(index.n_tokens[src]), 1), 4),
            "target_share": round((t1 - t0) / max(int(index.n_tokens[tgt]), 1), 4),
        }
        if with_text:
            row["source_text"] = texts[src][row["source_start"]: row["source_end"]]
            row["target_text"] = texts[tgt][row["target_start"]: row["target_end"]]
        rows.append(row)
    cols = REUSE_COLUMNS + (["source_text", "target_text"] if with_text else [])
    out = pd.DataFrame(rows, columns=cols)
    if not len(out):
        out = out.astype({"source_start": "int64", "source_end": "int64", "target_start": "int64",
                          "target_end": "int64", "similarity": "float64", "same_outlet": "bool",
                          "same_day": "bool", "source_words": "int64", "words": "int64"})
        out["source_date"] = pd.to_datetime(out["source_date"])
        out["target_date"] = pd.to_datetime(out["target_date"])
        return out
    out = out.sort_values(["same_outlet", "source_date", "source_id", "target_id", "target_start"],
                          kind="stable", na_position="last").reset_index(drop=True)
    return out


def _check_articles(articles: pd.DataFrame) -> None:
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"articles must be a DataFrame (from load_corpus), not {type(articles).__name__}")
    missing = {"article_id", "text"} - set(articles.columns)
    if missing:
        raise ValueError(f"articles lack column(s) {sorted(missing)}; pass the table load_corpus() returns")
