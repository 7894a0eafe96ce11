"""The evidence browsers' data: framed sentences with their cues, quotes per speaker, reuse pairs with a
word diff. Every span is an offset into the article's ``text`` (``title`` for headline sentences)."""

from __future__ import annotations

import difflib
import re
from typing import Any

import pandas as pd

__all__ = ["frame_data", "quote_data", "reuse_data"]

_WORD = re.compile(r"\S+")


def _col(df: pd.DataFrame, *names: str) -> pd.Series | None:
    """The first of ``names`` that is a column of ``df`` (output columns may be renamed while we work)."""
    for n in names:
        if n in df.columns:
            return df[n]
    return None


def _int(v: Any) -> int | None:
    return None if v is None or pd.isna(v) else int(v)


def _glob_regex(cue: str) -> str:
    """A codebook cue ("defen* industr*": words, ``*`` any letters, ``?`` one) as a regex over whole words."""
    words = []
    for w in cue.split():
        words.append("".join(r"\w*" if ch == "*" else r"\w" if ch == "?" else re.escape(ch) for ch in w))
    return r"\s+".join(words)


def _cue_spans(sentences: pd.DataFrame) -> dict[int, list[list[int]]]:
    """Row position -> ``[start, end, negative]`` of each of its cues found in the sentence (absolute offsets).

    One :func:`mediakit.kwic` call finds every cue of the codebook (cues are globs: "sanction*",
    "defen* industr*"); a match is kept in a sentence only when it is one of the cues listed for it."""
    from ..terms import kwic

    listed: list[list[tuple[re.Pattern[str], int]]] = []
    compiled: dict[str, re.Pattern[str]] = {}
    for cues in sentences["cues"].fillna("").astype(str):
        mine = []
        for cue in (c.strip() for c in cues.split(";")):
            neg = cue.startswith("-")
            pattern = cue[1:].strip() if neg else cue
            if pattern:
                if pattern not in compiled:
                    compiled[pattern] = re.compile(_glob_regex(pattern), re.IGNORECASE)
                mine.append((compiled[pattern], int(neg)))
        listed.append(mine)
    out: dict[int, list[list[int]]] = {}
    if not compiled:
        return out
    # longest cues first, so that "defen* industr*" wins over "industr*" where both match
    alternation = "|".join(sorted((rx.pattern for rx in compiled.values()), key=len, reverse=True))
    sub = pd.DataFrame({"article_id": [str(r) for r in range(len(sentences))],
                        "text": sentences["text"].fillna("").astype(str).tolist()})
    hits = kwic(sub, rf"(?<!\w)(?:{alternation})(?!\w)", kind="regex", window=0, case=False, by=None)
    starts = sentences["start"].to_numpy()
    for aid, s, e, m in zip(hits["article_id"], hits["start"], hits["end"], hits["match"]):
        r = int(aid)
        for rx, neg in listed[r]:
            if rx.fullmatch(m):
                out.setdefault(r, []).append([int(starts[r]) + int(s), int(starts[r]) + int(e), neg])
                break
    return out


def frame_data(frames: pd.DataFrame, by: str, art: dict[str, int], *, per_cell: int) -> dict[str, Any]:
    """Sentence counts per group x frame and up to ``per_cell`` sentences per cell (highest score first)."""
    if by not in frames.columns or not len(frames):
        return {"frames": [], "groups": [], "cells": {}, "counts": {}, "sentences": {}}
    key = ["article_id", "part", "sentence"] if "part" in frames else ["article_id", "sentence"]
    per_group = frames.drop_duplicates(key).groupby(by).size()
    framed = frames[(frames["frame"].astype(str) != "none") & (frames["score"] > 0)]
    names = list(dict.fromkeys(framed["frame"].astype(str)))
    groups = sorted(str(g) for g in per_group.index)
    counts = framed.groupby([by, "frame"]).size()
    cells: dict[str, list[list[Any]]] = {}
    picked = (framed.sort_values(["score"], ascending=False, kind="stable")
              .groupby([by, "frame"], sort=False).head(per_cell).reset_index(drop=True))
    spans = _cue_spans(picked)
    parts = _col(picked, "part")
    for pos, row in enumerate(picked.itertuples(index=False)):
        g, f = str(getattr(row, by)), str(row.frame)
        part = str(parts.iloc[pos]) if parts is not None else "body"
        cells.setdefault(f"{g}\u0001{f}", []).append(
            [art[str(row.article_id)], "title" if part == "headline" else "text", int(row.start), int(row.end),
             round(float(row.score), 3), str(row.text), spans.get(pos, [])])
    return {"frames": names, "groups": groups,
            "counts": {f"{g}\u0001{f}": int(n) for (g, f), n in counts.items()},
            "sentences_per_group": {str(g): int(n) for g, n in per_group.items()}, "cells": cells}


def quote_data(quotes: pd.DataFrame, art: dict[str, int], outlet_of: dict[str, str], *, max_speakers: int,
               per_speaker: int) -> dict[str, Any]:
    """The ``max_speakers`` most quoted speakers and up to ``per_speaker`` of their quotes, taken in turn
    from each outlet so that the columns side by side all get some."""
    if not len(quotes):
        return {"speakers": [], "quotes": {}}
    canon = _col(quotes, "speaker_canonical")
    mention = _col(quotes, "speaker")
    name = pd.Series("", index=quotes.index, dtype=object)
    if mention is not None:
        name = mention.fillna("").astype(str)
    if canon is not None:
        c = canon.fillna("").astype(str)
        name = c.where(c.str.len() > 0, name)
    q = quotes.assign(mk_speaker=name.str.strip())
    q = q[q["mk_speaker"].str.len() > 0]
    q = q.assign(mk_outlet=q["article_id"].astype(str).map(outlet_of).fillna(""))
    sizes = q.groupby("mk_speaker").size().sort_values(ascending=False, kind="stable")
    speakers = list(sizes.index[:max_speakers])
    q = q[q["mk_speaker"].isin(speakers)]
    q = q.assign(mk_turn=q.groupby(["mk_speaker", "mk_outlet"]).cumcount())
    q = q.sort_values(["mk_speaker", "mk_turn", "mk_outlet"], kind="stable").groupby("mk_speaker").head(per_speaker)
    kind, verb = _col(q, "kind"), _col(q, "verb")
    rows: dict[str, list[list[Any]]] = {}
    for pos, row in enumerate(q.itertuples(index=False)):
        rows.setdefault(row.mk_speaker, []).append(
            [art[str(row.article_id)], "" if kind is None else str(kind.iloc[pos]),
             "" if verb is None or pd.isna(verb.iloc[pos]) else str(verb.iloc[pos]),
             "" if mention is None else str(q["speaker"].iloc[pos] if pd.notna(q["speaker"].iloc[pos]) else ""),
             int(row.start), int(row.end), str(row.quote)])
    return {"speakers": [[s, int(sizes[s])] for s in speakers], "quotes": rows}


def _word_diff(a: str, b: str) -> list[list[Any]]:
    """Word-level changes between two passages: ``[tag, a_start, a_end, b_start, b_end]`` (offsets in each
    passage) for every replace/delete/insert of :class:`difflib.SequenceMatcher`."""
    wa, wb = list(_WORD.finditer(a)), list(_WORD.finditer(b))
    sm = difflib.SequenceMatcher(None, [m.group() for m in wa], [m.group() for m in wb], autojunk=False)
    ops = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        a_s = wa[i1].start() if i1 < i2 else (wa[i1].start() if i1 < len(wa) else len(a))
        a_e = wa[i2 - 1].end() if i1 < i2 else a_s
        b_s = wb[j1].start() if j1 < j2 else (wb[j1].start() if j1 < len(wb) else len(b))
        b_e = wb[j2 - 1].end() if j1 < j2 else b_s
        ops.append([tag, a_s, a_e, b_s, b_e])
    return ops


def reuse_data(reuse: pd.DataFrame, texts: dict[str, str], art: dict[str, int], *, max_pairs: int) -> dict[str, Any]:
    """Up to ``max_pairs`` reuse passages (most similar, then longest first), both sides and their word diff."""
    if not len(reuse):
        return {"pairs": [], "n": 0}
    r = reuse.assign(_len=reuse["target_end"] - reuse["target_start"])
    r = r.sort_values(["similarity", "_len"], ascending=False, kind="stable").head(max_pairs)
    pairs = []
    for row in r.itertuples(index=False):
        sid, tid = str(row.source_id), str(row.target_id)
        ss, se, ts, te = (_int(row.source_start), _int(row.source_end), _int(row.target_start), _int(row.target_end))
        a, b = texts[sid][ss:se], texts[tid][ts:te]
        pairs.append([art[sid], art[tid], ss, se, ts, te, round(float(row.similarity), 4), a, b, _word_diff(a, b)])
    return {"pairs": pairs, "n": int(len(reuse))}
