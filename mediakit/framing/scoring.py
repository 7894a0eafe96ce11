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

import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..analysis import Analysis, bind, register, reject_dask, run_local
from ..corpus import ColumnError, validate_corpus
from ..parsed import parse_corpus
from ..spans import as_spans, merge_spans
from ..spans import mostly_inside as _mostly_inside_all
from .codebook import Codebook, load_codebook
from .zeroshot import EMBEDDING_THRESHOLD, similarity_matrix

__all__ = [
    "PARTS",
    "TEXT_PARTS",
    "SCORE_COLUMNS",
    "score_frames",
    "frame_evidence",
    "dominant_frames",
    "reused_sentence_mask",
    "reused_span_index",
    "reuse_spans",
    "mostly_inside",
]

PARTS = ("headline", "lead", "body")
METHODS = ("cues", "embedding")
TEXT_PARTS = ("lead", "body")
SCORE_COLUMNS = ["article_id", "outlet", "date", "part", "sentence", "start", "end", "frame", "score", "cues",
                 "dominant", "text"]
_DTYPES = {"article_id": object, "outlet": object, "date": "datetime64[ns]", "part": object, "sentence": "Int64",
           "start": "Int64", "end": "Int64", "frame": object, "score": "float64", "cues": object,
           "dominant": "bool", "text": object}


# ---------------------------------------------------------------- scoring
def score_frames(
    articles: pd.DataFrame,
    codebook: str | Path | Codebook = "policy_frames",
    *,
    parts: Sequence[str] = PARTS,
    lead_sentences: int = 3,
    min_score: float | None = None,
    discount_reuse: bool | pd.DataFrame | None = None,
    method: str = "cues",
) -> pd.DataFrame:
    """Score every sentence of ``articles`` against a codebook; one row per sentence and matched frame.

    ``articles`` needs ``article_id`` and ``text``; ``title``, ``outlet``, ``date`` and ``language`` are used
    when present. ``codebook`` is a shipped name (default ``"policy_frames"``, issue-general), a story
    pack's name (its ``codebook.yaml``), a YAML path or a :class:`Codebook`. ``parts`` selects headline /
    lead / body. A frame counts in a sentence when its score reaches ``min_score`` (default: the codebook's).

    ``method="cues"`` (default) scores the codebook's cue lexicon (English words; Russian and Turkish
    lemmas where the codebook has them). ``method="embedding"`` scores each sentence, in any of the
    embedding model's languages, by its cosine similarity to each frame's description and examples
    (:mod:`mediakit.framing.zeroshot`): ``score`` is that similarity, ``cues`` is empty and ``min_score``
    defaults to :data:`~mediakit.framing.zeroshot.EMBEDDING_THRESHOLD` (calibrated on English headlines;
    see there).

    ``discount_reuse`` drops lead/body sentences lying (for at least half of their length) inside text
    reused from an earlier article, so that one wire story counts once: pass a :func:`mediakit.find_reuse`
    result or a spans table (``article_id, start, end``, :func:`mediakit.reused_spans`); ``True`` computes
    the reuse here (and warns: compute it once and pass it); None/False: no discounting.

    When the codebook lists its ``languages`` and some articles are in others, a warning gives the share of
    articles in uncovered languages and ``attrs["fit_note"]`` says the same. ``attrs`` holds the parameters
    (``analysis``, ``codebook``, ``codebook_version``, ``frames``, ``parts``, ``min_score``, ``method``,
    ``lead_sentences``, ``discount_reuse``) and two counts (``n_articles``, ``reused_sentences_dropped``).

    >>> arts = pd.DataFrame({"article_id": ["a"], "title": ["Tariffs bite"],
    ...                      "text": ["Talks failed.\\n\\nThe court ruled the tariffs illegal."]})
    >>> s = score_frames(arts)
    >>> s[["part", "sentence", "start", "end", "frame", "score"]].values.tolist()
    [['headline', 0, 0, 12, 'economic', 1.0], ['lead', 0, 0, 13, 'external_regulation', 1.0], \
['body', 1, 15, 51, 'economic', 1.0], ['body', 1, 15, 51, 'legality', 3.0], ['body', 1, 15, 51, 'crime_punishment', 1.0]]
    >>> s.loc[3, "text"] == arts.loc[0, "text"][15:51]
    True
    >>> z = score_frames(arts, method="embedding")
    >>> z[z.dominant][["part", "frame"]].values.tolist()
    [['headline', 'economic'], ['lead', 'policy_prescription'], ['body', 'legality']]
    """
    reject_dask(articles, "score_frames")
    validate_corpus(articles, ["article_id", "text"], where="score_frames")
    return run_local(SCORE_FRAMES, articles, **bind(score_frames, (codebook,), {
        "parts": parts, "lead_sentences": lead_sentences, "min_score": min_score, "discount_reuse": discount_reuse,
        "method": method}))


# The analysis as partition work -> concatenated sentence tables -> the table (mediakit.analysis; the Dask
# engine runs the same hooks). With discount_reuse=True the reuse is computed first (the ``prepare`` step).
def _validate(columns: list[str], *, engine: str, codebook: Any, parts: Sequence[str], lead_sentences: int,
              min_score: float | None, discount_reuse: Any, method: str = "cues") -> dict[str, Any]:
    validate_corpus(pd.DataFrame(columns=list(columns)), ["article_id", "text"], where="score_frames")
    cb = load_codebook(codebook)
    if isinstance(parts, str):
        parts = (parts,)
    bad = set(parts) - set(PARTS)
    if bad:
        raise ValueError(f"score_frames: unknown part(s) {sorted(bad)}; use some of {PARTS}")
    if isinstance(lead_sentences, bool) or not isinstance(lead_sentences, int | np.integer) or lead_sentences < 0:
        raise ValueError(f"score_frames: lead_sentences must be a whole number >= 0, not {lead_sentences!r}")
    if method not in METHODS:
        raise ValueError(f"score_frames: method must be one of {', '.join(map(repr, METHODS))}, not {method!r}")
    default = cb.min_score if method == "cues" else EMBEDDING_THRESHOLD
    threshold = default if min_score is None else float(min_score)
    return {"codebook": cb, "parts": tuple(p for p in PARTS if p in parts), "lead_sentences": int(lead_sentences),
            "min_score": threshold, "discount_reuse": reuse_param(discount_reuse, "score_frames"),
            "method": method}


def _partition(part: pd.DataFrame, *, context: Any, codebook: Codebook, parts: tuple[str, ...],
               lead_sentences: int, min_score: float, discount_reuse: Any, method: str = "cues", **_: Any) -> tuple:
    spans = context if discount_reuse is True else discount_reuse
    table, dropped = _score(part, codebook, parts, lead_sentences, min_score, spans, method)
    langs = Counter(_languages(part))
    return [table], dropped, len(part), langs


def _merge(partials: list[tuple]) -> tuple:
    tables = [t for p in partials for t in p[0] if len(t)]
    merged = [pd.concat(tables, ignore_index=True)] if len(tables) > 1 else tables
    langs: Counter = Counter()
    for p in partials:
        langs.update(p[3])
    return merged, sum(p[1] for p in partials), sum(p[2] for p in partials), langs


def _finalize(partial: tuple, *, codebook: Codebook, parts: tuple[str, ...], lead_sentences: int, min_score: float,
              discount_reuse: Any, method: str = "cues", **_: Any) -> pd.DataFrame:
    tables, dropped, n_articles, langs = partial
    out = tables[0] if tables else pd.DataFrame({c: [] for c in SCORE_COLUMNS})
    out = out.reset_index(drop=True).astype(_DTYPES)
    out.attrs = {"analysis": "score_frames", "codebook": codebook.name, "codebook_version": codebook.version,
                 "frames": codebook.frame_names, "parts": list(parts), "min_score": min_score, "method": method,
                 "lead_sentences": lead_sentences,
                 "discount_reuse": discount_reuse is not None,
                 "reused_sentences_dropped": int(dropped), "n_articles": int(n_articles)}
    note = codebook_fit_note(codebook, langs) if method == "cues" else None
    if note:
        warnings.warn(note, UserWarning, stacklevel=2)
        out.attrs["fit_note"] = note
    return out


def _languages(part: pd.DataFrame) -> list[str]:
    if "language" not in part.columns:
        return [""] * len(part)
    return [v if isinstance(v, str) else "" for v in part["language"].tolist()]


def codebook_fit_note(codebook: Codebook, languages: Counter | dict[str, int]) -> str | None:
    """One sentence when articles are in languages the codebook does not cover (None when all are covered).

    ``languages`` counts articles per language code (``""``: unknown, not counted against the codebook).

    >>> cb = load_codebook("policy_frames")
    >>> codebook_fit_note(cb, {"en": 3, "de": 1})
    "codebook 'policy_frames' covers en, ru, tr: 25% of the articles (1 of 4) are in other languages (de); \
their frames are under-counted"
    >>> codebook_fit_note(cb, {"en": 2, "ru": 1, "tr": 1}) is None
    True
    """
    covered = {c.lower() for c in codebook.languages}
    total = sum(languages.values())
    if not covered or not total:
        return None
    other = {k: v for k, v in languages.items() if k and k.lower() not in covered and v}
    n = sum(other.values())
    if not n:
        return None
    return (f"codebook {codebook.name!r} covers {', '.join(codebook.languages)}: {n / total:.0%} of the articles "
            f"({n} of {total}) are in other languages ({', '.join(sorted(other))}); their frames are under-counted")


def _score(articles: pd.DataFrame, cb: Codebook, parts: tuple[str, ...], lead_sentences: int, threshold: float,
           spans: pd.DataFrame | None, method: str = "cues") -> tuple[pd.DataFrame, int]:
    """The sentence table of some articles (columns as SCORE_COLUMNS) and the number of reused sentences dropped."""
    matcher = cb.matcher
    names = cb.frame_names
    cols: dict[str, list[Any]] = {c: [] for c in SCORE_COLUMNS}
    if not len(articles):
        return pd.DataFrame(cols), 0
    n = len(articles)
    ids = articles["article_id"].tolist()
    langs = _languages(articles)
    outlets = articles["outlet"].tolist() if "outlet" in articles.columns else [None] * n
    dates = articles["date"].tolist() if "date" in articles.columns else [pd.NaT] * n
    jobs: list[tuple[str, Any]] = []  # (kind, parsed corpus): the titles, the texts
    if "headline" in parts and "title" in articles.columns:
        jobs.append(("headline", parse_corpus(articles, text_col="title")))
    if any(p in parts for p in TEXT_PARTS):
        jobs.append(("text", parse_corpus(articles)))
    dropped = 0
    reused = _reused_mask(jobs, spans)
    per_row: list[list[tuple]] = [[] for _ in range(n)]
    for kind, pc in jobs:
        sent = pc.sentences
        starts = sent["start"].to_numpy()
        ends = sent["end"].to_numpy()
        bounds = pc.sentence_bounds
        for i in range(n):
            text = pc.texts[i]
            lo, hi = int(bounds[i]), int(bounds[i + 1])
            if lo == hi or not text.strip():
                continue
            sp = list(zip(starts[lo:hi].tolist(), ends[lo:hi].tolist()))
            if kind == "headline":
                labels = ["headline"] * len(sp)
                keep = list(range(len(sp)))
            else:
                labels = _parts_of(text, sp, lead_sentences)
                keep = [k for k in range(len(sp)) if labels[k] in parts]
                if reused is not None:
                    before = len(keep)
                    keep = [k for k in keep if not reused[lo + k]]
                    dropped += before - len(keep)
            chosen = [sp[k] for k in keep]
            per_row[i].append((chosen, [labels[k] for k in keep], keep, text))
    embedded = _embedding_hits(cb, per_row) if method == "embedding" else None
    for i in range(n):
        aid, outlet, date = ids[i], outlets[i], dates[i]
        for k, (chosen, labels, index, source) in enumerate(per_row[i]):
            if embedded is not None:
                results = embedded[i][k]
            else:
                results = matcher.match_spans(source, chosen, language=langs[i] or None)
            for (s, e), part, si, hits in zip(chosen, labels, index, results):
                framed = [(fi, sc, cues) for fi, (sc, cues) in hits.items() if sc >= threshold]
                sent = source[s:e]
                if not framed:
                    _append_row(cols, aid, outlet, date, part, si, s, e, "none", 0.0, "", True, sent)
                    continue
                best = max(framed, key=lambda t: (t[1], len(set(t[2])), -t[0]))[0]
                for fi, sc, cues in sorted(framed):
                    _append_row(cols, aid, outlet, date, part, si, s, e, names[fi], float(sc),
                                "; ".join(dict.fromkeys(cues)), fi == best, sent)
    return pd.DataFrame(cols), dropped


def _embedding_hits(cb: Codebook, per_row: list[list[tuple]]) -> list[list[list[dict[int, tuple[float, list]]]]]:
    """Zero-shot hits in the shape of ``CueMatcher.match_spans``: per article, per part, per sentence
    ``{frame index: (cosine similarity, [])}`` for every non-residual frame (the threshold is applied later)."""
    texts = [source[s:e] for row in per_row for chosen, _l, _i, source in row for s, e in chosen]
    names, sims = similarity_matrix(texts, cb)
    index = [cb.frame_names.index(f) for f in names]
    out, r = [], 0
    for row in per_row:
        parts_out = []
        for chosen, _l, _i, _s in row:
            parts_out.append([{fi: (float(sims[r + j, c]), []) for c, fi in enumerate(index)}
                              for j in range(len(chosen))])
            r += len(chosen)
        out.append(parts_out)
    return out


def _reused_mask(jobs: list[tuple[str, Any]], spans: pd.DataFrame | None) -> np.ndarray | None:
    """Per sentence of the text parse: True where it lies mostly inside reused text (None: no discounting)."""
    text_jobs = [pc for kind, pc in jobs if kind == "text"]
    if spans is None or not text_jobs or not len(spans):
        return None
    sent = text_jobs[0].sentences
    return _mostly_inside_all(sent["article_id"].tolist(), sent["start"].to_numpy(), sent["end"].to_numpy(), spans)


def _append_row(cols, aid, outlet, date, part, si, s, e, frame, score, cues, dominant, text) -> None:
    for k, v in zip(SCORE_COLUMNS, (aid, outlet, date, part, si, s, e, frame, score, cues, dominant, text)):
        cols[k].append(v)


def _parts_of(text: str, spans: list[tuple[int, int]], lead_sentences: int) -> list[str]:
    """'lead' for the sentences of the first paragraph (at most ``lead_sentences``), 'body' after."""
    first_break = text.find("\n\n")
    if first_break < 0:
        first_break = len(text)
    return ["lead" if s < first_break and i < lead_sentences else "body" for i, (s, _e) in enumerate(spans)]


# ---------------------------------------------------------------- reuse
def reuse_param(discount_reuse: Any, where: str) -> pd.DataFrame | bool | None:
    """A ``discount_reuse=`` argument checked: None (no discounting), True (compute; warns) or a spans table.

    A :func:`mediakit.find_reuse` result becomes its spans table (target side, merged), so that the work
    after it only ever sees ``article_id, start, end``.

    >>> reuse_param(pd.DataFrame({"article_id": ["a"], "start": [0], "end": [5]}), "f").values.tolist()
    [['a', 0, 5]]
    >>> reuse_param(False, "f") is None
    True
    """
    if discount_reuse is None or discount_reuse is False:
        return None
    if discount_reuse is True:
        warnings.warn(f"{where}: discount_reuse=True computes find_reuse again; compute it once "
                      "(reuse = mk.find_reuse(corpus)) and pass discount_reuse=reuse", UserWarning, stacklevel=4)
        return True
    if isinstance(discount_reuse, pd.DataFrame):
        try:
            return merge_spans(discount_reuse)
        except ValueError as exc:
            raise ColumnError(f"{where}: discount_reuse {exc}") from None
    raise TypeError(f"{where}: discount_reuse must be a find_reuse result, a spans table (article_id, start, end), "
                    f"True or None, not {type(discount_reuse).__name__}")


def reuse_spans(articles: pd.DataFrame, discount_reuse: Any, *, where: str) -> pd.DataFrame | None:
    """The reused spans for a pandas analysis: None, the given table as spans, or (``True``) computed here.

    >>> reuse_spans(None, None, where="f") is None
    True
    """
    value = reuse_param(discount_reuse, where)
    if value is True:
        from ..reuse import find_reuse, reused_spans

        return reused_spans(None, find_reuse(articles))
    return value


def _reuse_defaults() -> dict[str, Any]:
    from ..reuse import FIND_REUSE

    return bind(FIND_REUSE.public)


def _ctx_partition(part: pd.DataFrame, *, offset: int, discount_reuse: Any, **_: Any) -> Any:
    if discount_reuse is not True:
        return None
    from ..reuse import FIND_REUSE

    return FIND_REUSE.partition(part, offset=offset, context=None, **_reuse_defaults())


def _ctx_merge(partials: list[Any]) -> Any:
    found = [p for p in partials if p is not None]
    if not found:
        return None
    from ..reuse import FIND_REUSE

    return FIND_REUSE.merge(found)


def _ctx_rows(partial: Any, **_: Any) -> Sequence[int]:
    if partial is None:
        return []
    from ..reuse import FIND_REUSE

    return FIND_REUSE.rows_needed(partial, **_reuse_defaults())


def _ctx_finalize(partial: Any, *, rows: pd.DataFrame | None, **_: Any) -> pd.DataFrame | None:
    if partial is None:
        return None
    from ..reuse import FIND_REUSE, reused_spans

    return reused_spans(None, FIND_REUSE.finalize(partial, rows=rows, context=None, **_reuse_defaults()))


# find_reuse with its defaults, run first when discount_reuse=True (on Dask too: one pass over the corpus)
_REUSE_FIRST = Analysis("score_frames:reuse", partition=_ctx_partition, merge=_ctx_merge, finalize=_ctx_finalize,
                        rows_needed=_ctx_rows, positional=True)
SCORE_FRAMES = register(Analysis("score_frames", partition=_partition, merge=_merge, finalize=_finalize,
                                 validate=_validate, prepare=_REUSE_FIRST, public=score_frames))


def reused_span_index(articles: pd.DataFrame | None,
                      discount_reuse: bool | pd.DataFrame | None) -> dict[Any, list[tuple[int, int]]]:
    """Reused text per article as ``{article_id: [(start, end), ...]}``, following the ``discount_reuse`` convention.

    None/False gives ``{}``; a DataFrame is taken as a spans table (``article_id, start, end``) or a
    ``find_reuse`` result; ``True`` computes :func:`mediakit.find_reuse` on ``articles`` (and warns).

    >>> spans = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 40], "end": [10, 60]})
    >>> reused_span_index(None, spans)
    {'a': [(0, 10), (40, 60)]}
    """
    spans = reuse_spans(articles, discount_reuse, where="reused_span_index")
    out: dict[Any, list[tuple[int, int]]] = {}
    if spans is None:
        return out
    for aid, s, e in spans[["article_id", "start", "end"]].itertuples(index=False):
        out.setdefault(aid, []).append((int(s), int(e)))
    return out


def mostly_inside(span: tuple[int, int], reused: Sequence[tuple[int, int]]) -> bool:
    """True when at least half of ``span`` lies inside the (non-overlapping) ``reused`` spans.

    (:func:`mediakit.spans.mostly_inside` does the same for many spans at once.)

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
    spans = as_spans(reuse)
    inside = _mostly_inside_all(scores["article_id"].astype(str).tolist(), scores["start"].to_numpy(dtype=np.int64),
                                scores["end"].to_numpy(dtype=np.int64), spans)
    return pd.Series(inside & (scores["part"] != "headline").to_numpy(), index=scores.index, dtype=bool)


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
    cols = ["article_id", "outlet", "part", "sentence", "start", "end", "text"]
    rows = []
    if len(articles):
        pc = parse_corpus(articles)
        starts, ends = pc.sentences["start"].to_numpy(), pc.sentences["end"].to_numpy()
        outlets = articles["outlet"].tolist() if "outlet" in articles.columns else [None] * len(articles)
        for i, (aid, outlet) in enumerate(zip(articles["article_id"].tolist(), outlets)):
            text = pc.texts[i]
            lo, hi = int(pc.sentence_bounds[i]), int(pc.sentence_bounds[i + 1])
            sp = list(zip(starts[lo:hi].tolist(), ends[lo:hi].tolist()))
            for k, ((s, e), part) in enumerate(zip(sp, _parts_of(text, sp, lead_sentences))):
                if part in parts:
                    rows.append((aid, outlet, part, k, s, e, text[s:e]))
    return pd.DataFrame(rows, columns=cols).astype({"sentence": "Int64", "start": "Int64", "end": "Int64"})
