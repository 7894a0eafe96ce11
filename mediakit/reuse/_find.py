"""find_reuse: the analysis (partition -> merge -> finalize), the direction of each pair and the table.

Candidate search is :mod:`mediakit.reuse._candidates`', alignment the shingle index's
(:mod:`mediakit.reuse._shingles`); what a passage is (reprint, shared quote, boilerplate) is
:mod:`mediakit.reuse._kinds`'.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..analysis import Analysis, register, reject_dask, run_local
from ..corpus import validate_corpus
from ._candidates import fingerprint_pairs
from ._direction import REUSE_COLUMNS, order_pair
from ._kinds import passage_kinds
from ._shingles import ShingleIndex, Stages, token_spans
from ._translation import translation_passages

__all__ = ["find_reuse", "aligned_passages", "ReuseStats"]



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
    cross_lingual: bool = False,
    n_jobs: int = 1,
    with_text: bool = False,
    return_stats: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, ReuseStats]:
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
    min_shared : fingerprints two articles must share to be aligned, ``min_shared - 1`` of them held by 4
        articles or fewer unless one is part of a passage reprinted in more (stock phrases in more articles
        add to a pair's count but never make a pair: see :func:`mediakit.reuse.fingerprint_pairs`).
    max_df : fingerprints in more articles than this are ignored as stock phrases.
    same_outlet : also report pairs of articles of one outlet (flagged ``same_outlet``); False skips them.
    candidates : ``"shingles"`` (default, finds partial reuse) or ``"minhash"`` (datasketch MinHash LSH on
        whole articles at Jaccard ``lsh_threshold``; finds near-duplicate articles only).
    cross_lingual : also find translated reprints: runs of sentences of one article that translate a run of
        another article in another language (:func:`mediakit.reuse.find_translations` with its defaults;
        multilingual sentence embeddings, see :mod:`mediakit.reuse._translation`). They join the table
        with ``kind`` ``"translation"``, and the table gains ``source_language`` and ``target_language``
        (the ``language`` column, detected when missing). On a Dask corpus the translations are found in
        the finalize step, on all articles gathered into the client (the shingle work stays per partition).
    n_jobs : processes that embed sentences when ``cross_lingual`` (1: in this process).
    with_text : add ``source_text`` and ``target_text``, the passages themselves.
    return_stats : also return a :class:`ReuseStats` (candidate pairs aligned, seconds per stage).

    Returns
    -------
    One row per passage, columns :data:`REUSE_COLUMNS`: ``source_id, target_id`` (the source is the earlier
    article), character offsets ``source_start, source_end, target_start, target_end`` into each article's
    ``text``, ``similarity`` (0-1), ``same_outlet``, outlets and dates of both, ``same_day`` (published the
    same day, at the coarser date precision of the two: the direction is then a guess),
    ``direction_basis`` (``date``, ``time``, ``credit``, ``mention``, ``tie`` or ``undated``), passage
    length in words on both sides (``source_words``, ``words``), the share of each article the passage
    covers and ``kind``: ``reprint``, ``shared_quote`` (mostly inside quotation marks in both articles: two
    outlets quoting one statement) or ``boilerplate`` (repeated in at least three articles of the source
    outlet); see :mod:`mediakit.reuse._kinds`; with ``cross_lingual``, also ``translation``. Offsets are ``Int64``. Rows are sorted with cross-outlet
    pairs first. ``attrs`` holds ``analysis`` and the parameters.

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

    Translated reprints (``cross_lingual=True``): an English agency story and its Russian translation the
    next day, and an unrelated Russian article.

    >>> en = ("The court sentenced the former mayor to five years in prison. The mayor denied every charge. "
    ...       "His lawyers said they would appeal the verdict. The city council will elect a new mayor in May. "
    ...       "Turnout in the last election was low.")
    >>> ru = ("Суд приговорил бывшего мэра к пяти годам лишения свободы. Бывший мэр отрицал все обвинения. "
    ...       "Его адвокаты заявили, что обжалуют приговор. Городской совет выберет нового мэра в мае. "
    ...       "Явка на прошлых выборах была низкой.")
    >>> other = "Погода в выходные будет солнечной. В парке открылся новый каток. Вход на каток бесплатный."
    >>> df = pd.DataFrame({"article_id": ["en", "ru", "other"], "outlet": ["Wire", "Daily", "Daily"],
    ...                    "text": [en, ru, other], "language": ["en", "ru", "ru"],
    ...                    "date": pd.to_datetime(["2024-05-01", "2024-05-02", "2024-05-02"])})
    >>> r = find_reuse(df, cross_lingual=True)
    >>> r[["source_id", "target_id", "kind", "source_language", "target_language"]].values.tolist()
    [['en', 'ru', 'translation', 'en', 'ru']]
    >>> ru[r.target_start[0]:r.target_end[0]] == ru
    True
    """
    reject_dask(articles, "find_reuse")
    validate_corpus(articles, ["article_id", "text"], where="find_reuse")
    return run_local(FIND_REUSE, articles, min_words=min_words, min_similarity=min_similarity, shingle=shingle,
                     window=window, max_gap=max_gap, min_shared=min_shared, max_df=max_df,
                     same_outlet=same_outlet, candidates=candidates, lsh_threshold=lsh_threshold,
                     cross_lingual=cross_lingual, n_jobs=n_jobs, with_text=with_text, return_stats=return_stats)


@dataclass(frozen=True)
class ReuseStats:
    """How a find_reuse run went (``find_reuse(..., return_stats=True)``): diagnostics, not in ``attrs``.

    ``timings`` are wall-clock seconds per stage and ``cpu`` CPU seconds of this process per stage:
    ``tokens`` (tokenising), ``shingles`` (token and shingle hashes), ``fingerprints`` (winnowing, sorted by
    hash), ``merge`` (partitions' fingerprints merged; Dask only), ``candidates`` (pairs sharing
    fingerprints), ``alignment``, ``offsets`` (the table), ``kinds`` and, with ``cross_lingual``,
    ``translations``.

    >>> ReuseStats(candidates=3, timings={"alignment": 0.1}).candidates
    3
    """

    candidates: int
    timings: dict[str, float] = field(default_factory=dict)
    translation: dict[str, Any] = field(default_factory=dict)  # cross_lingual: pairs probed, aligned, sentences embedded
    cpu: dict[str, float] = field(default_factory=dict)


# ---------------------------------------------------------------- find_reuse as partition -> merge -> finalize
# (mediakit.analysis). partition: the winnowed fingerprints of a partition's texts, numbered by corpus row
# (a shingle's hash depends only on its words and windows never straddle two texts, so they equal those of
# one index over the whole corpus); merge: fingerprint tables concatenated, sorted by (hash, row);
# finalize: fingerprints -> candidate pairs -> alignment of each pair on the articles involved.
_ARTICLE_COLUMNS = ["article_id", "text", "outlet", "date", "date_precision", "wire"]
# cross_lingual on Dask: the shingle fingerprints are partition work as always; the translation finder runs
# in finalize on every article (rows_needed asks for all of them), because its candidate probe compares
# each article with every article of another language within max_days, wherever it lies.


class _Fingerprints:
    """Partial result of find_reuse: winnowed fingerprints ``fp`` (uint64) of corpus rows ``pos``, sorted
    by (fp, pos), for ``n`` rows; ``clock`` the seconds of the stages so far; ``index`` is the shingle index
    itself while the partial covers the whole corpus in one partition (pandas: alignment reuses it instead
    of tokenising again)."""

    def __init__(self, fp: np.ndarray, pos: np.ndarray, n: int, clock: Stages,
                 index: ShingleIndex | None = None):
        self.fp, self.pos, self.n, self.clock, self.index = fp, pos, n, clock, index
        self._pairs: dict[tuple[int, int], np.ndarray] = {}

    def __getstate__(self) -> dict[str, Any]:  # never ship the index between processes
        return {**self.__dict__, "index": None, "_pairs": {}}

    def pairs(self, max_df: int, min_shared: int) -> np.ndarray:
        """Corpus row pairs ``(a, b)``, ``a < b``, that are candidates (:func:`fingerprint_pairs` on the
        merged fingerprints, so the same for any partitioning)."""
        key = (max_df, min_shared)
        if key not in self._pairs:
            codes, _ = fingerprint_pairs(self.fp, self.pos, self.n, max_df, min_shared)
            n = np.int64(max(self.n, 1))
            self._pairs[key] = np.stack([codes // n, codes % n], axis=1).reshape(-1, 2)
        return self._pairs[key]


def _reuse_validate(columns: list[str], *, engine: str, min_words: int, min_similarity: float, shingle: int,
                    window: int, max_gap: int, min_shared: int, max_df: int, same_outlet: bool, candidates: str,
                    lsh_threshold: float, with_text: bool, return_stats: bool = False, cross_lingual: bool = False,
                    n_jobs: int = 1) -> dict[str, Any]:
    validate_corpus(pd.DataFrame(columns=columns), ["article_id", "text"], where="find_reuse")
    if candidates not in ("shingles", "minhash"):
        raise ValueError(f"candidates={candidates!r} is not known; use 'shingles' or 'minhash'")
    if candidates == "minhash" and engine != "local":
        raise ValueError("candidates='minhash' is not distributed (datasketch's LSH is in memory); use "
                         "candidates='shingles' on Dask, or find_reuse on a pandas corpus")
    if shingle < 1 or window < 1 or min_words < shingle:
        raise ValueError(f"need shingle >= 1, window >= 1 and min_words >= shingle (got {shingle}, {window}, {min_words})")
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool) or n_jobs < 1:
        raise ValueError(f"find_reuse: n_jobs must be a positive int, got {n_jobs!r}")
    return {"min_words": min_words, "min_similarity": min_similarity, "shingle": shingle, "window": window,
            "max_gap": max_gap, "min_shared": min_shared, "max_df": max_df, "same_outlet": same_outlet,
            "candidates": candidates, "lsh_threshold": lsh_threshold, "cross_lingual": bool(cross_lingual),
            "n_jobs": n_jobs, "with_text": with_text, "return_stats": bool(return_stats)}


def _reuse_columns(*, cross_lingual: bool = False, **_: Any) -> list[str]:
    return _ARTICLE_COLUMNS + (["language"] if cross_lingual else [])


def _reuse_partition(part: pd.DataFrame, *, offset: int, shingle: int, window: int, candidates: str,
                     **_: Any) -> _Fingerprints:
    index = ShingleIndex(part["text"].fillna("").astype(str).tolist(), shingle)
    clock = index.clock
    if candidates == "shingles":
        fh, fd = index.fingerprints(window)
    else:  # minhash works on the index itself (pandas only: see _reuse_validate)
        fh, fd = np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    fd = np.asarray(fd, dtype=np.int64)
    if offset:  # (no copy of every fingerprint's text for the first partition, or the only one)
        fd = fd + offset
    clock.lap("fingerprints")
    return _Fingerprints(fh, fd, len(part), clock, index if offset == 0 else None)


def _reuse_merge(parts: list[_Fingerprints]) -> _Fingerprints:
    if len(parts) == 1:
        p = parts[0]
        return _Fingerprints(p.fp, p.pos, p.n, p.clock)
    clock = Stages()
    fp = np.concatenate([p.fp for p in parts]) if parts else np.zeros(0, dtype=np.uint64)
    pos = np.concatenate([p.pos for p in parts]) if parts else np.zeros(0, dtype=np.int64)
    order = np.lexsort((pos, fp))
    fp, pos = fp[order], pos[order]
    clock.lap("merge")
    for p in parts:
        clock.add(p.clock)
    return _Fingerprints(fp, pos, sum(p.n for p in parts), clock)


def _reuse_rows_needed(partial: _Fingerprints, *, max_df: int, min_shared: int, cross_lingual: bool = False,
                       **_: Any) -> np.ndarray:
    if cross_lingual:
        return np.arange(partial.n, dtype=np.int64)
    return np.unique(partial.pairs(max_df, min_shared))


def _reuse_finalize(partial: _Fingerprints, *, rows: pd.DataFrame, min_words: int, min_similarity: float,
                    shingle: int, window: int, max_gap: int, min_shared: int, max_df: int, same_outlet: bool,
                    candidates: str, lsh_threshold: float, with_text: bool, return_stats: bool,
                    cross_lingual: bool = False, n_jobs: int = 1,
                    **_: Any) -> pd.DataFrame | tuple[pd.DataFrame, ReuseStats]:
    """Candidate pairs, then the passages of each: ``rows`` are the articles involved (index: corpus row)."""
    params = {"analysis": "find_reuse", "min_words": min_words, "min_similarity": min_similarity, "shingle": shingle, "window": window,
              "max_gap": max_gap, "min_shared": min_shared, "max_df": max_df, "same_outlet": same_outlet,
              "candidates": candidates, "lsh_threshold": lsh_threshold, "with_text": with_text}
    if cross_lingual:
        params["cross_lingual"] = True
    clock = Stages()
    clock.add(partial.clock)
    translated = _translations(rows.sort_index(), same_outlet, with_text, n_jobs, clock) if cross_lingual else None
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
    clock.lap("candidates")  # the texts' list below is the alignment's (it was 0.16 s of "candidates" at 100k)
    texts = arts["text"].fillna("").astype(str).tolist()
    outlets = (arts["outlet"].fillna("").astype(str) if "outlet" in arts else pd.Series([""] * len(arts)))
    # pairs within one outlet are aligned even when same_outlet=False: they tell boilerplate from reprints
    if index is None:
        index = ShingleIndex(texts, shingle)
        clock.add(index.clock)  # its tokens and shingles
        clock.skip()
    out = _aligned(arts, texts, index, pairs, outlets.tolist(), max_gap=max_gap, min_words=min_words,
                   min_similarity=min_similarity, with_text=with_text, clock=clock)
    out.insert(out.columns.get_loc("target_share") + 1, "kind",
               pd.Series(passage_kinds(out, dict(zip(arts["article_id"].astype(str), texts))), index=out.index,
                         dtype="str"))
    if not same_outlet:
        out = out[~out["same_outlet"]].reset_index(drop=True)
    clock.lap("kinds")
    if translated is not None:
        out = _with_translations(out, *translated[:2])
    out.attrs = params
    if return_stats:
        return out, ReuseStats(candidates=len(pairs), timings=clock.wall, cpu=clock.cpu,
                               translation=translated[2] if translated is not None else {})
    return out


def _translations(rows: pd.DataFrame, same_outlet: bool, with_text: bool, n_jobs: int,
                  clock: Stages) -> tuple[pd.DataFrame, dict[str, str], dict[str, Any]]:
    """Translated reprints among ``rows`` (every article) and each article's language."""
    clock.skip()
    arts = rows.reset_index(drop=True)
    found, langs, stats = translation_passages(arts, same_outlet=same_outlet, with_text=with_text, n_jobs=n_jobs)
    clock.lap("translations")
    return found, dict(zip(arts["article_id"].astype(str), langs)), stats


def _with_translations(out: pd.DataFrame, found: pd.DataFrame, langs: dict[str, str]) -> pd.DataFrame:
    """The monolingual passages and the translated ones in one table, both languages on every row."""
    out = out.assign(source_language=out["source_id"].map(langs).astype(object),
                     target_language=out["target_id"].map(langs).astype(object))
    cols = REUSE_COLUMNS + ["source_language", "target_language"] + (
        ["source_text", "target_text"] if "source_text" in out else [])
    parts = [t[cols] for t in (out, found) if len(t)]
    if not parts:
        return out[cols]
    both = pd.concat(parts, ignore_index=True).astype({"kind": "str"})
    return both.sort_values(["same_outlet", "source_date", "source_id", "target_id", "target_start"],
                            kind="stable", na_position="last").reset_index(drop=True)


FIND_REUSE = register(Analysis("find_reuse", partition=_reuse_partition, merge=_reuse_merge,
                               finalize=_reuse_finalize, validate=_reuse_validate,
                               rows_needed=_reuse_rows_needed, positional=True, columns=_reuse_columns,
                               public=find_reuse))


def aligned_passages(articles: pd.DataFrame, texts: list[str], index: ShingleIndex, pairs: np.ndarray,
                     outlets: list[str], *, max_gap: int, min_words: int, min_similarity: float,
                     with_text: bool = False, timings: dict[str, float] | None = None) -> pd.DataFrame:
    """Candidate pairs (row numbers ``a < b`` of ``articles``) -> the reuse table (:data:`REUSE_COLUMNS`).

    The step after candidate search (find_reuse's finalize; on Dask it gets the articles the pairs
    involve, in corpus order).
    """
    clock = Stages()
    out = _aligned(articles, texts, index, pairs, outlets, max_gap=max_gap, min_words=min_words,
                   min_similarity=min_similarity, with_text=with_text, clock=clock)
    if timings is not None:
        timings.update(clock.wall)
    return out


def _aligned(articles: pd.DataFrame, texts: list[str], index: ShingleIndex, pairs: np.ndarray,
             outlets: list[str], *, max_gap: int, min_words: int, min_similarity: float, with_text: bool,
             clock: Stages) -> pd.DataFrame:
    """:func:`aligned_passages`, its stages charged to ``clock`` (``alignment``, ``offsets``)."""
    clock.skip()
    found: list[tuple[int, int, int, int, int, int, float]] = []
    for a, b in pairs:
        for p in index.align(int(a), int(b), max_gap=max_gap, min_words=min_words,
                             min_similarity=min_similarity):
            found.append((int(a), int(b), *p))
    clock.lap("alignment")
    out = _assemble(articles, texts, index, found, outlets, with_text)
    clock.lap("offsets")
    return out


# ---------------------------------------------------------------- direction and output
def _assemble(articles: pd.DataFrame, texts: list[str], index: ShingleIndex, found: list[tuple],
              outlets: list[str], with_text: bool) -> pd.DataFrame:
    ids = articles["article_id"].astype(str).tolist()
    dates = articles["date"] if "date" in articles else pd.Series([pd.NaT] * len(ids))
    spans: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    rows = []
    orders: dict[tuple[int, int], tuple[int, int, bool, str]] = {}
    for a, b, a0, a1, b0, b1, sim in found:
        if (a, b) not in orders:
            orders[(a, b)] = order_pair(articles, a, b, outlets, texts)
        src, tgt, same_day, basis = orders[(a, b)]
        s0, s1, t0, t1 = (a0, a1, b0, b1) if src == a else (b0, b1, a0, a1)
        for x in (src, tgt):
            if x not in spans:
                spans[x] = token_spans(texts[x])
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
    cols = [c for c in REUSE_COLUMNS if c != "kind"] + (["source_text", "target_text"] if with_text else [])
    out = pd.DataFrame(rows, columns=cols)
    out = out.astype({"source_start": "Int64", "source_end": "Int64", "target_start": "Int64",
                      "target_end": "Int64", "similarity": "float64", "same_outlet": "bool",
                      "same_day": "bool", "source_words": "int64", "words": "int64",
                      "source_share": "float64", "target_share": "float64"})
    if not len(out):
        out = out.astype({"source_id": "str", "target_id": "str", "source_outlet": "str", "target_outlet": "str",
                          "direction_basis": "str"})
        date_type = dates.dtype if pd.api.types.is_datetime64_any_dtype(dates) else "datetime64[ns]"
        out["source_date"] = pd.to_datetime(out["source_date"]).astype(date_type)
        out["target_date"] = pd.to_datetime(out["target_date"]).astype(date_type)
        return out
    out = out.sort_values(["same_outlet", "source_date", "source_id", "target_id", "target_start"],
                          kind="stable", na_position="last").reset_index(drop=True)
    return out
