"""Scoring sentences against a codebook: the sentence table, its parts, reuse discounting and evidence.

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
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ..text import sentence_spans
from .codebook import Codebook, load_codebook

__all__ = [
    "PARTS",
    "TEXT_PARTS",
    "SCORE_COLUMNS",
    "score_frames",
    "frame_evidence",
    "dominant_frames",
    "reused_sentence_mask",
    "reused_span_index",
    "mostly_inside",
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
    reused = reused_span_index(articles, discount_reuse)
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
                keep = [i for i in keep if not mostly_inside(spans[i], reused[aid])]
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


def reused_span_index(articles: pd.DataFrame | None,
                      discount_reuse: bool | pd.DataFrame | None) -> dict[Any, list[tuple[int, int]]]:
    """Reused text per article as ``{article_id: [(start, end), ...]}``, following the ``discount_reuse`` convention.

    ``False``/``None`` gives ``{}``; ``True`` computes :func:`mediakit.reuse.reused_spans` on ``articles``; a
    DataFrame is taken as a ``reused_spans`` table (``article_id, start, end``) or a ``find_reuse`` result.

    >>> spans = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 40], "end": [10, 60]})
    >>> reused_span_index(None, spans)
    {'a': [(0, 10), (40, 60)]}
    """
    if discount_reuse is False or discount_reuse is None:
        return {}
    if isinstance(discount_reuse, pd.DataFrame):
        if {"article_id", "start", "end"} <= set(discount_reuse.columns):
            spans = discount_reuse
        else:
            from ..reuse import reused_spans

            spans = reused_spans(articles, reuse=discount_reuse)
    elif discount_reuse is True:
        from ..reuse import reused_spans

        spans = reused_spans(articles)
    else:
        raise TypeError(f"discount_reuse must be True, False or a find_reuse DataFrame, not {type(discount_reuse).__name__}")
    out: dict[Any, list[tuple[int, int]]] = {}
    for aid, s, e in spans[["article_id", "start", "end"]].itertuples(index=False):
        out.setdefault(aid, []).append((int(s), int(e)))
    return out


def mostly_inside(span: tuple[int, int], reused: Sequence[tuple[int, int]]) -> bool:
    """True when at least half of ``span`` lies inside the (non-overlapping) ``reused`` spans.

    >>> mostly_inside((0, 10), [(5, 20)]), mostly_inside((0, 10), [(6, 20)])
    (True, False)
    """
    s, e = span
    covered = sum(max(0, min(e, b) - max(s, a)) for a, b in reused)
    return covered * 2 >= (e - s)


def reused_sentence_mask(scores: pd.DataFrame, reuse: pd.DataFrame) -> pd.Series:
    """Boolean Series over ``scores`` rows: True where a lead/body sentence lies mostly inside reused text.

    ``reuse`` is a find_reuse result or a table of ``article_id, start, end`` (reused_spans output).

    >>> scores = pd.DataFrame({"article_id": ["a", "a"], "part": ["body", "body"], "start": [0, 20], "end": [15, 30]})
    >>> reuse = pd.DataFrame({"article_id": ["a"], "start": [0], "end": [12]})
    >>> reused_sentence_mask(scores, reuse).tolist()
    [True, False]
    """
    spans = reused_span_index(scores[["article_id"]].drop_duplicates(), reuse)
    return pd.Series([part != "headline" and aid in spans and mostly_inside((s, e), spans[aid])
                      for aid, part, s, e in scores[["article_id", "part", "start", "end"]].itertuples(index=False)],
                     index=scores.index, dtype=bool)



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


def dominant_frames(scores: pd.DataFrame, *, parts: Sequence[str] | None = TEXT_PARTS) -> pd.DataFrame:
    """One row per sentence: its dominant frame (``none`` when it matches no frame).

    >>> s = pd.DataFrame({"article_id": ["a", "a"], "part": ["body", "body"], "frame": ["x", "y"],
    ...                   "dominant": [True, False]})
    >>> dominant_frames(s)["frame"].tolist()
    ['x']
    """
    d = scores[scores["dominant"]]
    if parts is not None:
        d = d[d["part"].isin(list(parts))]
    return d.reset_index(drop=True)


def _sentence_table(articles: pd.DataFrame, *, parts: Sequence[str] = TEXT_PARTS, lead_sentences: int = 3) -> pd.DataFrame:
    """Every lead/body sentence of ``articles`` (for hand coding and the classifier), unscored."""
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

