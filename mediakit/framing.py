"""Frames per sentence from an editable codebook, outlet profiles with uncertainty, and the sentences behind them.

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")                       # doctest: +SKIP
>>> scores = mk.score_frames(corpus, "s400")                   # doctest: +SKIP
>>> profile = mk.frame_profile(scores, by="outlet")            # doctest: +SKIP
>>> profile.attrs["test"]                                      # doctest: +SKIP
>>> mk.frame_evidence(scores, "Volga Wire", "russia_gain")     # doctest: +SKIP

The sentence table (:func:`score_frames`) has one row per sentence and frame it matches, plus one
``frame="none"`` row for each sentence that matches no frame:

=============  =====================================================================================
article_id     the article
outlet, date   copied from the corpus (when present)
part           ``headline``, ``lead`` (the first paragraph, at most ``lead_sentences`` sentences) or ``body``
sentence       sentence index: within the title for headline rows, within ``text`` for lead and body rows
start, end     character offsets. **Lead and body offsets index the corpus ``text`` column; headline
               offsets index the ``title`` column** (``title[start:end]``), never ``text``.
frame          a codebook frame name, or ``none``
score          summed weights of the matched cues minus negative cues (``0`` for ``none``)
cues           the matched cues as written in the codebook, ``"; "``-separated (negatives as ``-cue``)
dominant       True on the sentence's highest-scoring frame (ties: more distinct cues, then codebook order)
text           the sentence itself
=============  =====================================================================================

The validation loop is here too (:func:`sample_for_coding`, :func:`agreement`, :func:`krippendorff_alpha`,
:class:`FrameClassifier`); topics and tone live in :mod:`mediakit.topics` and :mod:`mediakit.tone` and
are re-exported here. The codebook format is documented in :mod:`mediakit.codebook`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.base import BaseEstimator, ClassifierMixin

from .codebook import Codebook, CodebookError, load_codebook
from .text import sentence_spans

__all__ = [
    "load_codebook",
    "CodebookError",
    "score_frames",
    "frame_shares",
    "frame_profile",
    "frame_difference_test",
    "frame_evidence",
    "frames_over_time",
    "headline_vs_body",
    "dominant_frames",
    "reused_sentence_mask",
    "sample_for_coding",
    "agreement",
    "krippendorff_alpha",
    "FrameClassifier",
    "topic_model",
    "tone_toward",
    "actor_mentions",
    "load_actors",
]

PARTS = ("headline", "lead", "body")
TEXT_PARTS = ("lead", "body")
SCORE_COLUMNS = ["article_id", "outlet", "date", "part", "sentence", "start", "end", "frame", "score", "cues",
                 "dominant", "text"]


# ---------------------------------------------------------------- scoring
def score_frames(
    articles: pd.DataFrame,
    codebook: str | Path | Codebook = "s400",
    *,
    parts: Sequence[str] = PARTS,
    lead_sentences: int = 3,
    min_score: float | None = None,
    discount_reuse: bool | pd.DataFrame = False,
) -> pd.DataFrame:
    """Score every sentence of ``articles`` against a codebook; one row per sentence and matched frame.

    ``articles`` needs ``article_id`` and ``text``; ``title``, ``outlet`` and ``date`` are used when present.
    ``parts`` selects headline / lead / body. A frame counts in a sentence when its score reaches
    ``min_score`` (default: the codebook's). ``discount_reuse`` drops lead/body sentences lying (for at least
    half of their length) inside text reused from an earlier article, so that one wire story counts once:
    ``True`` computes the reuse with :func:`mediakit.reuse.reused_spans`, a DataFrame is taken as a
    precomputed ``find_reuse`` result. ``df.attrs`` records the codebook, its version and what was dropped.

    >>> arts = pd.DataFrame({"article_id": ["a"], "title": ["Sanctions bite"],
    ...                      "text": ["Talks failed.\\n\\nThe US imposed CAATSA sanctions."]})
    >>> s = score_frames(arts, "s400")
    >>> s[["part", "sentence", "start", "end", "frame", "score"]].values.tolist()
    [['headline', 0, 0, 14, 'sanctions_legality', 0.75], ['lead', 0, 0, 13, 'diplomacy', 1.0], \
['body', 1, 15, 47, 'sanctions_legality', 1.75]]
    """
    cb = load_codebook(codebook)
    for col in ("article_id", "text"):
        if col not in articles.columns:
            raise KeyError(f"score_frames: articles lack a {col!r} column; pass a corpus from load_corpus()")
    bad = set(parts) - set(PARTS)
    if bad:
        raise ValueError(f"score_frames: unknown part(s) {sorted(bad)}; use some of {PARTS}")
    threshold = cb.min_score if min_score is None else float(min_score)
    matcher = cb.matcher
    names = cb.frame_names
    n_frames = len(names)
    reused = _reused_spans(articles, discount_reuse)
    cols: dict[str, list[Any]] = {c: [] for c in SCORE_COLUMNS}
    dropped = 0
    has_title = "title" in articles.columns and "headline" in parts
    outlets = articles["outlet"].tolist() if "outlet" in articles.columns else [None] * len(articles)
    dates = articles["date"].tolist() if "date" in articles.columns else [pd.NaT] * len(articles)
    titles = articles["title"].tolist() if has_title else [None] * len(articles)
    want_text = any(p in parts for p in TEXT_PARTS)
    for aid, text, title, outlet, date in zip(articles["article_id"].tolist(), articles["text"].tolist(), titles,
                                              outlets, dates):
        jobs: list[tuple[str, str, list[tuple[int, int]], list[str], list[int]]] = []
        if has_title and isinstance(title, str) and title.strip():
            spans = sentence_spans(title)
            jobs.append(("headline", title, spans, ["headline"] * len(spans), list(range(len(spans)))))
        if want_text and isinstance(text, str) and text:
            spans = sentence_spans(text)
            labels = _parts_of(text, spans, lead_sentences)
            idx = list(range(len(spans)))
            keep = [i for i in idx if labels[i] in parts]
            if aid in reused:
                before = len(keep)
                keep = [i for i in keep if not _mostly_inside(spans[i], reused[aid])]
                dropped += before - len(keep)
            jobs.append(("text", text, [spans[i] for i in keep], [labels[i] for i in keep], keep))
        for _kind, source, spans, labels, index in jobs:
            results = matcher.match_spans(source, spans)
            for (s, e), part, si, hits in zip(spans, labels, index, results):
                framed = [(fi, sc, cues) for fi, (sc, cues) in hits.items() if sc >= threshold and fi < n_frames]
                sent = source[s:e]
                if not framed:
                    _append_row(cols, aid, outlet, date, part, si, s, e, "none", 0.0, "", True, sent)
                    continue
                best = max(framed, key=lambda t: (t[1], len(set(t[2])), -t[0]))[0]
                for fi, sc, cues in sorted(framed):
                    _append_row(cols, aid, outlet, date, part, si, s, e, names[fi], float(sc),
                                "; ".join(dict.fromkeys(cues)), fi == best, sent)
    out = pd.DataFrame(cols)
    out["sentence"] = out["sentence"].astype(int)
    out["start"] = out["start"].astype(int)
    out["end"] = out["end"].astype(int)
    out["score"] = out["score"].astype(float)
    out["dominant"] = out["dominant"].astype(bool)
    if "date" in articles.columns:
        out["date"] = pd.to_datetime(out["date"])
    out.attrs.update({"codebook": cb.name, "codebook_version": cb.version, "frames": names,
                      "min_score": threshold, "lead_sentences": lead_sentences,
                      "reused_sentences_dropped": dropped, "n_articles": int(len(articles))})
    return out


def _append_row(cols, aid, outlet, date, part, si, s, e, frame, score, cues, dominant, text) -> None:
    for k, v in zip(SCORE_COLUMNS, (aid, outlet, date, part, si, s, e, frame, score, cues, dominant, text)):
        cols[k].append(v)


def _parts_of(text: str, spans: list[tuple[int, int]], lead_sentences: int) -> list[str]:
    """'lead' for the sentences of the first paragraph (at most ``lead_sentences``), 'body' after."""
    first_break = text.find("\n\n")
    if first_break < 0:
        first_break = len(text)
    out = []
    for i, (s, _e) in enumerate(spans):
        out.append("lead" if s < first_break and i < lead_sentences else "body")
    return out


def _reused_spans(articles: pd.DataFrame, discount_reuse: bool | pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """Spans of reused text per article, from issue 7's interface (or a find_reuse DataFrame directly)."""
    if discount_reuse is False or discount_reuse is None:
        return {}
    if isinstance(discount_reuse, pd.DataFrame):
        if {"article_id", "start", "end"} <= set(discount_reuse.columns):
            spans = discount_reuse
        else:
            spans = _spans_from_reuse(articles, discount_reuse)
    elif discount_reuse is True:
        try:
            from .reuse import reused_spans
        except ImportError as exc:
            raise ImportError("discount_reuse=True needs mediakit.reuse.reused_spans, which is not available; "
                              "pass a find_reuse() DataFrame instead") from exc
        spans = reused_spans(articles)
    else:
        raise TypeError(f"discount_reuse must be True, False or a find_reuse DataFrame, not {type(discount_reuse).__name__}")
    out: dict[str, list[tuple[int, int]]] = {}
    for aid, s, e in spans[["article_id", "start", "end"]].itertuples(index=False):
        out.setdefault(aid, []).append((int(s), int(e)))
    return out


def _spans_from_reuse(articles: pd.DataFrame, reuse: pd.DataFrame) -> pd.DataFrame:
    try:
        from .reuse import reused_spans

        return reused_spans(articles, reuse=reuse)
    except ImportError:  # the consumer side works without issue 7's module: the target side is the reuse
        need = {"target_id", "target_start", "target_end"}
        if not need <= set(reuse.columns):
            raise KeyError(f"discount_reuse DataFrame lacks {sorted(need - set(reuse.columns))}; pass a "
                           "find_reuse() result or a table of article_id, start, end") from None
        return reuse.rename(columns={"target_id": "article_id", "target_start": "start", "target_end": "end"})[
            ["article_id", "start", "end"]]


def _mostly_inside(span: tuple[int, int], reused: list[tuple[int, int]]) -> bool:
    s, e = span
    covered = sum(max(0, min(e, b) - max(s, a)) for a, b in reused)
    return covered * 2 >= (e - s)


def reused_sentence_mask(scores: pd.DataFrame, reuse: pd.DataFrame) -> pd.Series:
    """Boolean Series over ``scores`` rows: True where a lead/body sentence lies mostly inside reused text.

    ``reuse`` is a find_reuse result or a table of ``article_id, start, end`` (reused_spans output).
    """
    spans = _reused_spans(scores[["article_id"]].drop_duplicates(), reuse)
    return pd.Series([part != "headline" and aid in spans and _mostly_inside((s, e), spans[aid])
                      for aid, part, s, e in scores[["article_id", "part", "start", "end"]].itertuples(index=False)],
                     index=scores.index, dtype=bool)


# ---------------------------------------------------------------- shares and profiles
def dominant_frames(scores: pd.DataFrame, *, parts: Sequence[str] | None = TEXT_PARTS) -> pd.DataFrame:
    """One row per sentence: its dominant frame (``none`` when it matches no frame)."""
    d = scores[scores["dominant"]]
    if parts is not None:
        d = d[d["part"].isin(list(parts))]
    return d.reset_index(drop=True)


def frame_shares(scores: pd.DataFrame, *, parts: Sequence[str] | None = TEXT_PARTS, count: str = "dominant",
                 include_none: bool = False) -> pd.DataFrame:
    """Article-level frame shares: for each article and frame, ``n`` sentences and their ``share``.

    ``count="dominant"`` counts each sentence once, under its dominant frame; ``"any"`` counts a sentence
    under every frame it matches. Shares are over framed sentences (``none`` excluded unless
    ``include_none``), so an article's shares sum to 1 when it has any framed sentence.

    >>> s = pd.DataFrame({"article_id": ["a", "a", "a"], "part": ["body"] * 3, "sentence": [0, 1, 2],
    ...                   "frame": ["x", "y", "x"], "dominant": [True] * 3})
    >>> frame_shares(s)[["frame", "n", "share"]].values.tolist()
    [['x', 2, 0.6666666666666666], ['y', 1, 0.3333333333333333]]
    """
    if count not in ("dominant", "any"):
        raise ValueError(f"count must be 'dominant' or 'any', not {count!r}")
    d = scores if parts is None else scores[scores["part"].isin(list(parts))]
    if count == "dominant":
        d = d[d["dominant"]]
    if not include_none:
        d = d[d["frame"] != "none"]
    keys = ["article_id"] + [c for c in ("outlet",) if c in d.columns]
    n = d.groupby(keys + ["frame"], sort=True, dropna=False).size().rename("n").reset_index()
    total = n.groupby("article_id")["n"].transform("sum")
    n["share"] = n["n"] / total
    n["n_framed"] = total
    return n


def _count_matrix(scores: pd.DataFrame, by: str, parts, count: str, frames: Sequence[str] | None):
    shares = frame_shares(scores, parts=parts, count=count)
    if by not in shares.columns:
        if by in scores.columns:
            key = scores[["article_id", by]].drop_duplicates("article_id")
            shares = shares.merge(key, on="article_id", how="left")
        else:
            raise KeyError(f"frame_profile: scores have no {by!r} column; score a corpus that has it")
    table = shares.pivot_table(index=["article_id", by], columns="frame", values="n", aggfunc="sum", fill_value=0)
    if frames is not None:
        table = table.reindex(columns=list(frames), fill_value=0)
    table = table.sort_index(axis=1)
    return table


def frame_profile(
    scores: pd.DataFrame,
    by: str = "outlet",
    *,
    parts: Sequence[str] | None = TEXT_PARTS,
    count: str = "dominant",
    n_boot: int = 2000,
    ci: float = 0.95,
    n_perm: int = 2000,
    seed: int = 0,
    test: bool = True,
) -> pd.DataFrame:
    """Frame shares per group with bootstrap confidence intervals over articles, plus a test of differences.

    A group's share of frame f is (sentences of f) / (framed sentences) over its articles. The CI resamples
    the group's articles with replacement ``n_boot`` times (percentile interval), so sentences of one
    article move together. ``df.attrs["test"]`` holds :func:`frame_difference_test` (chi-square with a
    permutation p-value and Cramér's V). Returns ``group, frame, share, ci_low, ci_high, n, n_framed,
    n_articles`` (the group column is named after ``by``; ``n_articles`` counts articles with at least one
    framed sentence, the units the bootstrap resamples).

    >>> rng = np.random.default_rng(0)
    >>> s = pd.DataFrame({"article_id": [f"a{i // 4}" for i in range(40)], "outlet": ["A"] * 20 + ["B"] * 20,
    ...                   "part": "body", "sentence": range(40), "dominant": True,
    ...                   "frame": ["x"] * 15 + ["y"] * 5 + ["y"] * 15 + ["x"] * 5})
    >>> p = frame_profile(s, n_boot=200, n_perm=200)
    >>> p[p.frame == "x"][["outlet", "share"]].values.tolist()
    [['A', 0.75], ['B', 0.25]]
    """
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, e.g. 0.95, not {ci!r}")
    table = _count_matrix(scores, by, parts, count, None)
    frames = list(table.columns)
    rng = np.random.default_rng(seed)
    alpha = (1 - ci) / 2
    rows = []
    for group, sub in table.groupby(level=by, sort=True):
        counts = sub.to_numpy(dtype=float)
        m = counts.shape[0]
        totals = counts.sum(axis=0)
        framed = totals.sum()
        point = totals / framed if framed else np.full(len(frames), np.nan)
        if m > 1 and n_boot > 0 and framed:
            idx = rng.integers(0, m, size=(n_boot, m))
            sums = counts[idx].sum(axis=1)
            denom = sums.sum(axis=1, keepdims=True)
            with np.errstate(invalid="ignore", divide="ignore"):
                boot = sums / denom
            lo, hi = np.nanquantile(boot, [alpha, 1 - alpha], axis=0)
        else:
            lo = hi = np.full(len(frames), np.nan)
        for j, f in enumerate(frames):
            rows.append({by: group, "frame": f, "share": point[j], "ci_low": lo[j], "ci_high": hi[j],
                         "n": int(totals[j]), "n_framed": int(framed), "n_articles": m})
    out = pd.DataFrame(rows, columns=[by, "frame", "share", "ci_low", "ci_high", "n", "n_framed", "n_articles"])
    out.attrs.update({"by": by, "count": count, "parts": list(parts) if parts else None, "ci": ci,
                      "n_boot": n_boot, "seed": seed, "codebook": scores.attrs.get("codebook")})
    if test:
        out.attrs["test"] = frame_difference_test(scores, by, parts=parts, count=count, n_perm=n_perm, seed=seed)
    return out


def frame_difference_test(scores: pd.DataFrame, by: str = "outlet", *, parts: Sequence[str] | None = TEXT_PARTS,
                          count: str = "dominant", n_perm: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Do groups differ in frame use? Chi-square on the group × frame table of sentences, with Cramér's V.

    Sentences of one article are not independent, so besides the asymptotic p-value the test permutes the
    group labels of whole articles ``n_perm`` times and reports the share of permuted chi-squares at least
    as large (``p_perm``, with the +1 correction). The first row (``frame="all"``) tests the whole table;
    then one row per frame tests that frame against all others (2 × groups table).

    Columns: ``frame, chi2, dof, p_chi2, p_perm, cramers_v, n_sentences, n_articles, n_groups``.
    """
    table = _count_matrix(scores, by, parts, count, None)
    table = table.loc[:, table.sum(axis=0) > 0]
    groups = table.index.get_level_values(by).to_numpy()
    codes, uniq = pd.factorize(groups, sort=True)
    counts = table.to_numpy(dtype=float)
    k, m, F = len(uniq), counts.shape[0], counts.shape[1]
    names = ["all"] + (list(table.columns) if F > 2 else [])
    observed = _spec_chi2(_group_tables(counts, codes[None, :], k), F > 2)[0]
    ge = np.zeros(len(names))
    done = 0
    if k > 1 and n_perm > 0:
        rng = np.random.default_rng(seed)
        while done < n_perm:  # batches keep memory flat for large corpora
            b = min(200, n_perm - done)
            perm_codes = np.array([rng.permutation(codes) for _ in range(b)])
            chi = _spec_chi2(_group_tables(counts, perm_codes, k), F > 2)
            ge += (chi >= observed[None, :] - 1e-9).sum(axis=0)
            done += b
    obs_table = _group_tables(counts, codes[None, :], k)[0]
    rows = []
    for i, name in enumerate(names):
        mat = obs_table if name == "all" else np.column_stack([obs_table[:, i - 1],
                                                               obs_table.sum(axis=1) - obs_table[:, i - 1]])
        r = int((mat.sum(axis=1) > 0).sum())
        c = int((mat.sum(axis=0) > 0).sum())
        n = float(mat.sum())
        if r < 2 or c < 2:
            rows.append({"frame": name, "chi2": np.nan, "dof": 0, "p_chi2": np.nan, "p_perm": np.nan,
                         "cramers_v": np.nan, "n_sentences": int(n), "n_articles": m, "n_groups": k})
            continue
        chi2, dof = float(observed[i]), (r - 1) * (c - 1)
        rows.append({"frame": name, "chi2": chi2, "dof": dof, "p_chi2": float(stats.chi2.sf(chi2, dof)),
                     "p_perm": (ge[i] + 1) / (done + 1) if done else np.nan,
                     "cramers_v": float(np.sqrt(chi2 / (n * (min(r, c) - 1)))), "n_sentences": int(n),
                     "n_articles": m, "n_groups": k})
    out = pd.DataFrame(rows, columns=["frame", "chi2", "dof", "p_chi2", "p_perm", "cramers_v", "n_sentences",
                                      "n_articles", "n_groups"])
    out.attrs.update({"by": by, "n_perm": n_perm, "seed": seed})
    return out


def _group_tables(counts: np.ndarray, codes: np.ndarray, k: int) -> np.ndarray:
    """Group × frame tables, one per row of ``codes`` (B × articles): one bincount per table."""
    B, F = codes.shape[0], counts.shape[1]
    flat = (np.arange(B)[:, None, None] * k * F + codes[:, :, None] * F + np.arange(F)[None, None, :]).ravel()
    weights = np.broadcast_to(counts, (B,) + counts.shape).ravel()
    return np.bincount(flat, weights=weights, minlength=B * k * F).reshape(B, k, F)


def _chi2_batch(obs: np.ndarray) -> np.ndarray:
    """Pearson chi-square of each table in ``obs`` (B × r × c); empty rows/columns contribute nothing."""
    total = obs.sum(axis=(1, 2), keepdims=True)
    expected = obs.sum(axis=2, keepdims=True) * obs.sum(axis=1, keepdims=True) / np.where(total == 0, 1, total)
    with np.errstate(invalid="ignore", divide="ignore"):
        cells = np.where(expected > 0, (obs - expected) ** 2 / expected, 0.0)
    return cells.sum(axis=(1, 2))


def _spec_chi2(tables: np.ndarray, per_frame: bool) -> np.ndarray:
    """Chi-square of the whole table and, if ``per_frame``, of each frame against the rest: B × specs."""
    out = [_chi2_batch(tables)]
    if per_frame:
        rowsum = tables.sum(axis=2)
        for j in range(tables.shape[2]):
            out.append(_chi2_batch(np.stack([tables[:, :, j], rowsum - tables[:, :, j]], axis=2)))
    return np.column_stack(out)


def frames_over_time(scores: pd.DataFrame, *, freq: str = "QS", by: str | None = None,
                     parts: Sequence[str] | None = TEXT_PARTS, count: str = "dominant") -> pd.DataFrame:
    """Frame shares per period (``freq``: pandas offset alias, default quarter) and optionally per group.

    Returns ``period, [by], frame, n, share`` (share of the period's framed sentences); undated articles are
    left out (their number is in ``df.attrs["undated_articles"]``).
    """
    if "date" not in scores.columns:
        raise KeyError("frames_over_time: scores have no 'date' column; score a corpus that has dates")
    d = scores if parts is None else scores[scores["part"].isin(list(parts))]
    if count == "dominant":
        d = d[d["dominant"]]
    d = d[d["frame"] != "none"]
    undated = int(d.loc[d["date"].isna(), "article_id"].nunique())
    d = d.dropna(subset=["date"])
    keys = [pd.Grouper(key="date", freq=freq)] + ([by] if by else [])
    n = d.groupby(keys + ["frame"]).size().rename("n").reset_index().rename(columns={"date": "period"})
    n["share"] = n["n"] / n.groupby(["period"] + ([by] if by else []))["n"].transform("sum")
    n.attrs["undated_articles"] = undated
    return n


def headline_vs_body(scores: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """Frame shares in headlines, leads and bodies side by side: ``[by], part, frame, n, share``.

    Shares are of each part's framed sentences (dominant frame), so a frame that headlines push more than
    the body shows a higher headline share.
    """
    d = scores[scores["dominant"] & (scores["frame"] != "none")]
    keys = ([by] if by else []) + ["part"]
    n = d.groupby(keys + ["frame"]).size().rename("n").reset_index()
    n["share"] = n["n"] / n.groupby(keys)["n"].transform("sum")
    order = {p: i for i, p in enumerate(PARTS)}
    return n.sort_values(keys[:-1] + ["part", "frame"], key=lambda s: s.map(order) if s.name == "part" else s,
                         ignore_index=True)


def frame_evidence(scores: pd.DataFrame, outlet: str | None, frame: str, *, by: str = "outlet",
                   parts: Sequence[str] | None = None, dominant_only: bool = True, n: int | None = None) -> pd.DataFrame:
    """The sentences behind one cell of a profile: rows of ``scores`` for ``frame`` in ``outlet``.

    Sorted by score (strongest evidence first). Lead/body rows index ``text``; headline rows index ``title``.
    ``outlet=None`` takes every group.

    >>> s = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "part": ["body", "body"],
    ...                   "sentence": [0, 0], "start": [0, 0], "end": [5, 5], "frame": ["f", "f"],
    ...                   "score": [1.0, 2.0], "cues": ["c", "c"], "dominant": [True, True], "text": ["t", "u"]})
    >>> frame_evidence(s, "Y", "f")["article_id"].tolist()
    ['b']
    """
    names = set(scores["frame"].unique()) | set(scores.attrs.get("frames", []))
    if frame not in names:
        raise KeyError(f"frame_evidence: no frame {frame!r} in these scores; frames: {', '.join(sorted(names))}")
    d = scores[scores["frame"] == frame]
    if outlet is not None:
        if by not in scores.columns:
            raise KeyError(f"frame_evidence: scores have no {by!r} column")
        if outlet not in set(scores[by]):
            raise KeyError(f"frame_evidence: no {by} {outlet!r} in these scores; {by}s: "
                           f"{', '.join(sorted(map(str, scores[by].dropna().unique())))}")
        d = d[d[by] == outlet]
    if parts is not None:
        d = d[d["part"].isin(list(parts))]
    if dominant_only:
        d = d[d["dominant"]]
    d = d.sort_values(["score", "article_id", "sentence"], ascending=[False, True, True], ignore_index=True)
    return d.head(n) if n else d


# ---------------------------------------------------------------- validation loop
def sample_for_coding(
    articles: pd.DataFrame,
    n: int,
    stratify: str | None = "outlet",
    *,
    path: str | Path | None = None,
    parts: Sequence[str] = TEXT_PARTS,
    codebook: str | Path | Codebook | None = "s400",
    seed: int = 0,
) -> pd.DataFrame:
    """Draw ``n`` sentences for hand coding, spread evenly over the ``stratify`` groups; write a CSV if ``path``.

    The sheet has ``coding_id, article_id, outlet, part, sentence, start, end, text`` and an empty ``frame``
    column for the coder (and ``notes``). The machine's frames are deliberately NOT in the sheet, so that
    coders are not anchored by them. When ``codebook`` is given, ``df.attrs["frames"]`` lists the allowed
    codes (written as a comment-free companion ``<path>.codes.txt`` beside the CSV). After coding, pass the
    CSV to :func:`agreement` with ``score_frames`` output. Groups with too few sentences give all they have;
    the rest is drawn from the other groups.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                      "text": ["One. Two. Three.", "Four. Five."]})
    >>> sample_for_coding(arts, 4, codebook=None)["outlet"].value_counts().tolist()
    [2, 2]
    """
    if n <= 0:
        raise ValueError(f"sample_for_coding: n must be positive, got {n}")
    sents = _sentence_table(articles, parts=parts)
    if stratify is not None and stratify not in sents.columns:
        raise KeyError(f"sample_for_coding: articles have no {stratify!r} column to stratify by; pass stratify=None")
    rng = np.random.default_rng(seed)
    if stratify is None or sents.empty:
        take = rng.permutation(len(sents))[:n]
        chosen = sents.iloc[np.sort(take)]
    else:
        groups = {g: rng.permutation(idx.to_numpy()) for g, idx in sents.groupby(stratify).groups.items()}
        quota = _allocate(n, {g: len(v) for g, v in groups.items()})
        chosen = sents.loc[np.concatenate([groups[g][:q] for g, q in quota.items()]) if quota else []]
        chosen = chosen.sort_values([stratify, "article_id", "sentence"])
    out = chosen.reset_index(drop=True)
    out.insert(0, "coding_id", range(1, len(out) + 1))
    out["frame"] = ""
    out["notes"] = ""
    frames: list[str] = []
    if codebook is not None:
        frames = load_codebook(codebook).frame_names + ["none"]
        out.attrs["frames"] = frames
    if path is not None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        out.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        if frames:
            Path(str(path) + ".codes.txt").write_text("\n".join(frames) + "\n", encoding="utf-8")
    return out


def _allocate(n: int, sizes: dict[Any, int]) -> dict[Any, int]:
    """Equal allocation over groups, capped by group size; leftovers go to groups that still have sentences."""
    quota = dict.fromkeys(sizes, 0)
    left = min(n, sum(sizes.values()))
    while left > 0:
        open_groups = [g for g in sorted(sizes, key=str) if quota[g] < sizes[g]]
        share = max(1, left // len(open_groups))
        for g in open_groups:
            add = min(share, sizes[g] - quota[g], left)
            quota[g] += add
            left -= add
            if left == 0:
                break
    return {g: q for g, q in quota.items() if q}


def _sentence_table(articles: pd.DataFrame, *, parts: Sequence[str] = TEXT_PARTS, lead_sentences: int = 3) -> pd.DataFrame:
    rows = []
    has_outlet = "outlet" in articles.columns
    for rec in articles.itertuples(index=False):
        text = rec.text
        if not isinstance(text, str):
            continue
        spans = sentence_spans(text)
        labels = _parts_of(text, spans, lead_sentences)
        for i, ((s, e), part) in enumerate(zip(spans, labels)):
            if part in parts:
                rows.append({"article_id": rec.article_id, "outlet": rec.outlet if has_outlet else None,
                             "part": part, "sentence": i, "start": s, "end": e, "text": text[s:e]})
    return pd.DataFrame(rows, columns=["article_id", "outlet", "part", "sentence", "start", "end", "text"])


def krippendorff_alpha(data: pd.DataFrame | np.ndarray | Sequence[Sequence[Any]], *, level: str = "nominal") -> float:
    """Krippendorff's alpha for nominal data: coders in rows, units in columns, missing values as NaN/None.

    alpha = 1 - D_o / D_e from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
    Alpha-Reliability"); units with fewer than two values are left out. Written by hand: the formula is
    short and scikit-learn / scipy have no Krippendorff's alpha.

    >>> round(krippendorff_alpha([["a", "a", "b", "b"], ["a", "a", "b", "a"]]), 4)
    0.5333
    """
    if level != "nominal":
        raise ValueError("krippendorff_alpha: only level='nominal' is implemented (frames are categories)")
    arr = np.asarray(data, dtype=object)
    if arr.ndim != 2:
        raise ValueError("krippendorff_alpha: data must be 2-D (coders × units)")
    values: dict[Any, int] = {}
    units = []
    for j in range(arr.shape[1]):
        col = [v for v in arr[:, j] if not _missing(v)]
        if len(col) >= 2:
            units.append([values.setdefault(v, len(values)) for v in col])
    if not units:
        return float("nan")
    q = len(values)
    o = np.zeros((q, q))
    for col in units:
        m = len(col)
        cnt = np.bincount(col, minlength=q).astype(float)
        # pairable values within the unit: each ordered pair of different coders, weighted 1/(m-1)
        o += (np.outer(cnt, cnt) - np.diag(cnt)) / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    d_o = o.sum() - np.trace(o)
    d_e = (n * n - (n_c ** 2).sum()) / (n - 1)
    if d_e == 0:
        return 1.0 if d_o == 0 else 0.0
    return float(1 - d_o / d_e)


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and np.isnan(v):
        return True
    return isinstance(v, str) and not v.strip()


def agreement(coded: pd.DataFrame, predicted: pd.DataFrame, *, labels: Sequence[str] | None = None,
              exclude_from_macro: Iterable[str] = ("none",)) -> pd.DataFrame:
    """Compare hand-coded sentences with machine frames: per-frame precision, recall, F1 and Krippendorff's alpha.

    ``coded`` has ``article_id, frame`` and either ``start, end`` (offsets in ``text``) or ``sentence``;
    rows with an empty frame are skipped (not yet coded). ``predicted`` is :func:`score_frames` output
    (its dominant frame per sentence is used) or any table with the same keys and ``frame``. Sentences are
    matched on identical offsets, else on the predicted sentence that overlaps the coded span most.

    Returns one row per frame (``precision, recall, f1, support`` = coded count, ``predicted`` = predicted
    count) and a final ``macro`` row (mean over frames with support, leaving out ``exclude_from_macro``).
    ``df.attrs`` holds ``alpha`` (Krippendorff, nominal, coder vs machine), ``accuracy``, ``n_units`` and
    ``unmatched`` (coded sentences with no predicted sentence).

    >>> coded = pd.DataFrame({"article_id": ["a"] * 4, "sentence": [0, 1, 2, 3], "frame": ["x", "x", "y", "y"]})
    >>> pred = coded.assign(frame=["x", "x", "y", "x"])
    >>> a = agreement(coded, pred)
    >>> a.set_index("frame").loc["x", ["precision", "recall"]].round(3).tolist(), round(a.attrs["alpha"], 4)
    ([0.667, 1.0], 0.5333)
    """
    from sklearn.metrics import precision_recall_fscore_support

    pairs = _align(coded, predicted)
    y_true = pairs["frame_coded"].astype(str).to_numpy()
    y_pred = pairs["frame_predicted"].astype(str).to_numpy()
    if labels is None:
        labels = sorted(set(y_true) | set(y_pred))
    labels = list(labels)
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    npred = pd.Series(y_pred).value_counts()
    out = pd.DataFrame({"frame": labels, "precision": p, "recall": r, "f1": f, "support": s.astype(int),
                        "predicted": [int(npred.get(lab, 0)) for lab in labels]})
    excl = set(exclude_from_macro)
    macro = out[(out["support"] > 0) & ~out["frame"].isin(excl)]
    out = pd.concat([out, pd.DataFrame([{"frame": "macro", "precision": macro["precision"].mean(),
                                         "recall": macro["recall"].mean(), "f1": macro["f1"].mean(),
                                         "support": int(macro["support"].sum()),
                                         "predicted": int(macro["predicted"].sum())}])], ignore_index=True)
    out.attrs.update({
        "alpha": krippendorff_alpha([y_true, y_pred]) if len(pairs) else float("nan"),
        "accuracy": float((y_true == y_pred).mean()) if len(pairs) else float("nan"),
        "n_units": int(len(pairs)), "unmatched": int(pairs.attrs.get("unmatched", 0)),
        "macro_excludes": sorted(excl),
    })
    return out


def _align(coded: pd.DataFrame, predicted: pd.DataFrame) -> pd.DataFrame:
    for name, df in (("coded", coded), ("predicted", predicted)):
        if not {"article_id", "frame"} <= set(df.columns):
            raise KeyError(f"agreement: {name} needs article_id and frame columns")
    c = coded[coded["frame"].map(lambda v: not _missing(v))].copy()
    c["frame"] = c["frame"].astype(str).str.strip()
    pred = predicted
    if "dominant" in pred.columns:
        pred = pred[pred["dominant"]]
    if "part" in pred.columns:
        pred = pred[pred["part"] != "headline"]
    if {"start", "end"} <= set(c.columns) and {"start", "end"} <= set(pred.columns):
        by_article: dict[Any, list[tuple[int, int, str]]] = {}
        for aid, s, e, f in pred[["article_id", "start", "end", "frame"]].itertuples(index=False):
            by_article.setdefault(aid, []).append((int(s), int(e), f))
        found, unmatched = [], 0
        for aid, s, e in c[["article_id", "start", "end"]].itertuples(index=False):
            best, best_ov = None, 0
            for ps, pe, f in by_article.get(aid, ()):
                ov = min(e, pe) - max(s, ps)
                if ps == s and pe == e:
                    best, best_ov = f, ov
                    break
                if ov > best_ov:
                    best, best_ov = f, ov
            found.append(best)
            unmatched += best is None
        c["frame_predicted"] = found
        c = c.rename(columns={"frame": "frame_coded"})
    elif "sentence" in c.columns and "sentence" in pred.columns:
        m = c.merge(pred[["article_id", "sentence", "frame"]].drop_duplicates(["article_id", "sentence"]),
                    on=["article_id", "sentence"], how="left", suffixes=("_coded", "_predicted"))
        unmatched = int(m["frame_predicted"].isna().sum())
        c = m
    else:
        raise KeyError("agreement: coded and predicted need start/end offsets or a sentence index to be matched")
    c = c[c["frame_predicted"].notna()].reset_index(drop=True)
    c.attrs["unmatched"] = unmatched
    return c


# ---------------------------------------------------------------- supervised classifier
class FrameClassifier(ClassifierMixin, BaseEstimator):
    """Frames learned from hand-coded sentences: TF-IDF + logistic regression, C chosen by cross-validation.

    For going beyond the dictionary once a sample is coded (:func:`sample_for_coding`). ``fit(X, y)`` takes
    sentences (list/Series, or a DataFrame with a ``text`` column, whose ``frame`` column is used as ``y``
    when ``y`` is None). With ``C=None`` the regularisation strength is chosen among ``Cs`` by stratified
    ``cv``-fold cross-validation on ``scoring`` (macro-F1); otherwise ``C`` is used and still
    cross-validated so that ``cv_score_`` reports the expected macro-F1.

    ``analyzer``: ``"word"`` (word n-grams, ``ngram_range``), ``"char_wb"`` (character 2-5-grams inside
    words, robust to inflection, e.g. Turkish), ``"word+char"`` (both) or ``"auto"`` (default: the one of
    the three with the best cross-validated score, chosen together with C).

    Learned attributes: ``pipeline_`` (the fitted scikit-learn Pipeline), ``classes_``, ``analyzer_``,
    ``C_``, ``cv_score_`` (mean CV score of the chosen setting), ``cv_results_`` (DataFrame, one row per
    analyzer and C tried).

    >>> X = ["sanctions under the law", "talks and a summit", "new sanctions law", "summit talks resume"] * 3
    >>> y = ["sanctions", "diplomacy", "sanctions", "diplomacy"] * 3
    >>> FrameClassifier(cv=3).fit(X, y).predict(["more sanctions"]).tolist()
    ['sanctions']
    """

    def __init__(self, *, C: float | None = None, Cs: Sequence[float] = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0),
                 cv: int = 5, analyzer: str = "auto", ngram_range: tuple[int, int] = (1, 2), min_df: int = 1,
                 sublinear_tf: bool = True, class_weight: str | None = "balanced", scoring: str = "f1_macro",
                 solver: str = "newton-cg", max_iter: int = 5000, random_state: int = 0, n_jobs: int | None = None):
        self.C = C
        self.Cs = Cs
        self.cv = cv
        self.analyzer = analyzer
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.sublinear_tf = sublinear_tf
        self.class_weight = class_weight
        self.scoring = scoring
        self.solver = solver
        self.max_iter = max_iter
        self.random_state = random_state
        self.n_jobs = n_jobs

    def _pipeline(self, C: float, analyzer: str | None = None):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion, Pipeline

        from .text import TOKEN_PATTERN

        word = TfidfVectorizer(token_pattern=TOKEN_PATTERN, ngram_range=self.ngram_range, min_df=self.min_df,
                               sublinear_tf=self.sublinear_tf, lowercase=True)
        char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=self.min_df,
                               sublinear_tf=self.sublinear_tf, lowercase=True)
        analyzer = analyzer or self.analyzer
        if analyzer == "word":
            vec = word
        elif analyzer == "char_wb":
            vec = char
        elif analyzer == "word+char":
            vec = FeatureUnion([("word", word), ("char", char)])
        else:
            raise ValueError(f"FrameClassifier: analyzer must be 'auto', 'word', 'char_wb' or 'word+char', "
                             f"not {analyzer!r}")
        # newton-cg: ~10x faster than lbfgs on sparse TF-IDF with many classes, same optimum
        clf = LogisticRegression(C=C, class_weight=self.class_weight, solver=self.solver, max_iter=self.max_iter,
                                 random_state=self.random_state)
        return Pipeline([("tfidf", vec), ("clf", clf)])

    def fit(self, X: Any, y: Any = None) -> FrameClassifier:
        # Multithreaded BLAS on small sparse problems spends more time synchronising than computing
        # (6x slower on 2 cores); scikit-learn's own threadpoolctl keeps it to one thread during fit.
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=1, user_api="blas"):
            return self._fit(X, y)

    def _fit(self, X: Any, y: Any) -> FrameClassifier:
        from sklearn.model_selection import StratifiedKFold, cross_val_score

        texts, y = _texts_labels(X, y)
        labels, counts = np.unique(y, return_counts=True)
        if len(labels) < 2:
            raise ValueError(f"FrameClassifier.fit: need at least two different frames, got {list(labels)}")
        folds = int(min(self.cv, counts.min()))
        Cs = [self.C] if self.C is not None else list(self.Cs)
        analyzers = ["word", "char_wb", "word+char"] if self.analyzer == "auto" else [self.analyzer]
        rows = []
        if folds >= 2:
            splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=self.random_state)
            for an in analyzers:
                for C in Cs:
                    sc = cross_val_score(self._pipeline(C, an), texts, y, cv=splitter, scoring=self.scoring,
                                         n_jobs=self.n_jobs)
                    rows.append({"analyzer": an, "C": C, "mean": float(sc.mean()), "std": float(sc.std()),
                                 "folds": folds})
        else:  # a frame coded only once: no cross-validation is possible
            rows = [{"analyzer": analyzers[0], "C": Cs[0], "mean": np.nan, "std": np.nan, "folds": 0}]
        self.cv_results_ = pd.DataFrame(rows)
        best = self.cv_results_["mean"].fillna(-np.inf).idxmax()
        self.analyzer_ = str(self.cv_results_.loc[best, "analyzer"])
        self.C_ = float(self.cv_results_.loc[best, "C"])
        self.cv_score_ = float(self.cv_results_.loc[best, "mean"])
        self.pipeline_ = self._pipeline(self.C_, self.analyzer_).fit(texts, y)
        self.classes_ = self.pipeline_.classes_
        return self

    def _check(self) -> None:
        if not hasattr(self, "pipeline_"):
            from sklearn.exceptions import NotFittedError

            raise NotFittedError("FrameClassifier is not fitted yet; call fit(sentences, frames) first")

    def predict(self, X: Any) -> np.ndarray:
        self._check()
        return self.pipeline_.predict(_texts_labels(X, None, need_y=False)[0])

    def predict_proba(self, X: Any) -> np.ndarray:
        self._check()
        return self.pipeline_.predict_proba(_texts_labels(X, None, need_y=False)[0])

    def decision_function(self, X: Any) -> np.ndarray:
        self._check()
        return self.pipeline_.decision_function(_texts_labels(X, None, need_y=False)[0])

    def top_terms(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` features with the largest weight for each frame: ``frame, rank, term, weight``."""
        self._check()
        vec = self.pipeline_.named_steps["tfidf"]
        names = np.asarray(vec.get_feature_names_out())
        coef = self.pipeline_.named_steps["clf"].coef_
        if coef.shape[0] == 1:  # binary: one row of coefficients for classes_[1]
            coef = np.vstack([-coef[0], coef[0]])
        rows = []
        for k, frame in enumerate(self.classes_):
            for rank, j in enumerate(np.argsort(-coef[k])[:n], start=1):
                rows.append({"frame": frame, "rank": rank, "term": names[j], "weight": float(coef[k, j])})
        return pd.DataFrame(rows)

    def score_sentences(self, articles: pd.DataFrame, *, parts: Sequence[str] = TEXT_PARTS) -> pd.DataFrame:
        """Classify every lead/body sentence of ``articles``: a table shaped like :func:`score_frames` output
        (one dominant row per sentence, ``score`` = predicted probability), usable with :func:`frame_profile`.
        """
        self._check()
        sents = _sentence_table(articles, parts=parts)
        if sents.empty:
            return pd.DataFrame(columns=SCORE_COLUMNS)
        proba = self.pipeline_.predict_proba(sents["text"].tolist())
        best = proba.argmax(axis=1)
        out = sents.assign(frame=self.classes_[best], score=proba[np.arange(len(best)), best], cues="",
                           dominant=True)
        if "date" in articles.columns:
            out = out.merge(articles[["article_id", "date"]], on="article_id", how="left")
        else:
            out["date"] = pd.NaT
        out = out[SCORE_COLUMNS]
        out.attrs.update({"codebook": "FrameClassifier", "frames": list(self.classes_)})
        return out


def _texts_labels(X: Any, y: Any, *, need_y: bool = True) -> tuple[list[str], np.ndarray | None]:
    if isinstance(X, pd.DataFrame):
        if "text" not in X.columns:
            raise KeyError("FrameClassifier: a DataFrame X needs a 'text' column (the sentences)")
        if y is None and need_y:
            if "frame" not in X.columns:
                raise KeyError("FrameClassifier.fit: give y or a DataFrame with a 'frame' column")
            X = X[X["frame"].map(lambda v: not _missing(v))]
            y = X["frame"].astype(str).str.strip()
        texts = X["text"].astype(str).tolist()
    elif isinstance(X, str):
        raise TypeError("FrameClassifier: X must be a list of sentences, not one string; wrap it in a list")
    else:
        texts = [str(t) for t in X]
    if need_y:
        if y is None:
            raise ValueError("FrameClassifier.fit: y (the coded frames) is missing")
        y = np.asarray(list(y), dtype=object)
        if len(y) != len(texts):
            raise ValueError(f"FrameClassifier.fit: {len(texts)} sentences but {len(y)} labels")
    return texts, y


# Topics and tone live in their own modules; their public names are importable from here too.
from .tone import actor_mentions, load_actors, tone_toward  # noqa: E402
from .topics import topic_model  # noqa: E402
