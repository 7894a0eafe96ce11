"""Where each article's information comes from: credit lines and in-text attributions to other media
(:func:`article_sourcing`, public as :func:`mediakit.sources.article_sourcing`).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from .corpus import validate_corpus
from .quotes import Gazetteer, as_gazetteer

__all__ = ["article_sourcing"]


def _countable(quotes: pd.DataFrame) -> pd.DataFrame:
    # the rule of mediakit.sources.countable_quotes (that module imports this one)
    if "fragment" not in quotes:
        return quotes
    return quotes[~quotes["fragment"].fillna(False).astype(bool)]


def _gz_label(gazetteer) -> str | None:
    """The gazetteer option as a small attrs value: None, the story name or path, or "<Gazetteer>"."""
    if gazetteer is None or isinstance(gazetteer, str):
        return gazetteer
    return str(gazetteer) if isinstance(gazetteer, Path) else "<Gazetteer>"


# ---------------------------------------------------------------- sourcing per article
_CREDIT_PATTERNS = [
    re.compile(r"^Photo:\s*(?P<who>[^/]+?)\s*/\s*(?P<src>.+)$", re.I),
    re.compile(r"^Based on materials (?:from|of)\s+(?P<src>.+?)\.?$", re.I),
    re.compile(r"^(?P<src>.+?)\s+contributed to this report\.?$", re.I),
    re.compile(r"^Reporting by\s+(?P<who>.+?)(?:;|$)", re.I),
    re.compile(r"^[A-ZÇĞİÖŞÜ ,.\-]+\((?P<src>[^)]+)\)\s*[-—–]?$"),
    re.compile(r"^(?P<src>[^,]+),\s*\d{1,2}\s+\w+\s+\d{4}$"),
]


def _media_regex(gz: Gazetteer):
    names = gz.media_names()
    alts = "|".join(re.escape(n) for n, _ in names)
    canon = {n.lower(): c for n, c in names}
    return re.compile(rf"(?<![\w])({alts})(?![\w])"), canon


_LEFT_CUES = [
    ("according_to", re.compile(r"(?:according to|as reported by|reported by|cited by|quoted by|\bper|"
                                r"по данным|по словам|по информации|согласно|сообщает|сообщил[аи]?|"
                                r"передает)\s+(?:the\s+)?$", re.I)),
    ("interview", re.compile(r"(?:\btold|\bto|\bwith|interview with|speaking to|talking to|in comments to|"
                             r"\bfor|в интервью|заявил[аи]?|сказал[аи]?)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
                             re.I)),
]
_RIGHT_CUES = [
    ("reported", re.compile(r"^\s*(?:has\s+)?(?:reported|reports|said|quoted|cited|wrote|announced|"
                            r"news agency reported|reported on|сообщил[аи]?|сообщает|haberine göre|"
                            r"bildirdi|yazdı)", re.I)),
    ("interview", re.compile(r"^['’](?:ye|ya|e|a|na|ne)\b|^['’](?:ye|ya|e|a) (?:konuşan|yaptığı|verdiği)", re.I)),
    ("according_to", re.compile(r"^['’](?:ye|ya|e|a|na|ne)? göre|^['’]nın haberine göre", re.I)),
]


def article_sourcing(articles: pd.DataFrame, quotes: pd.DataFrame | None = None, *,
                     gazetteer: str | Path | Gazetteer | None = None) -> pd.DataFrame:
    """Where each article's information comes from: the loader's credit lines (``wire``, ``credits``)
    and attributions in the text to other media ("told the BBC", "according to AFP", "Reuters reported"),
    plus quotes whose speaker is a news organisation.

    One row per source mention: ``article_id, outlet, source, how, evidence, start, end`` with ``how`` one
    of credit, wire, interview, according_to, reported, quoted; offsets (``Int64``) point into ``text``
    (``<NA>`` for credit lines, which the loader removed from the text). An outlet's credits to itself
    ("Photo: X / Daily Planet" in Daily Planet) are left out. The media known are the generic gazetteer's
    news organisations, plus a story's (``gazetteer=``, as in :func:`mediakit.extract_quotes`).

    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "wire": [""], "credits": [""],
    ...     "text": ["The minister told the BBC the work went on, according to AFP."]})
    >>> article_sourcing(arts)[["source", "how", "evidence"]].values.tolist()
    [['BBC', 'interview', 'BBC'], ['AFP', 'according_to', 'AFP']]
    """
    validate_corpus(articles, ["article_id", "text"], where="article_sourcing")
    gz = as_gazetteer(gazetteer)
    rx, canon = _media_regex(gz)
    rows = []
    outlets = articles["outlet"].astype(str) if "outlet" in articles else pd.Series([""] * len(articles))
    for aid, outlet, text, wire, credits in zip(
            articles["article_id"], outlets, articles["text"].fillna("").astype(str),
            articles["wire"].fillna("").astype(str) if "wire" in articles else [""] * len(articles),
            articles["credits"].fillna("").astype(str) if "credits" in articles else [""] * len(articles)):
        if wire:
            e = gz.lookup(wire, surname=False)
            rows.append({"article_id": aid, "outlet": outlet, "source": e.name if e else wire, "how": "wire",
                         "evidence": wire, "start": np.nan, "end": np.nan})
        for line in [c.strip() for c in credits.split(";") if c.strip()]:
            for pat in _CREDIT_PATTERNS:
                m = pat.search(line)
                if m and m.groupdict().get("src"):
                    src = m.group("src").strip().strip(".")
                    e = gz.lookup(src, surname=False)
                    name = e.name if e else src
                    if name.lower() != outlet.lower():  # an outlet crediting itself names no source
                        rows.append({"article_id": aid, "outlet": outlet, "source": name, "how": "credit",
                                     "evidence": line, "start": np.nan, "end": np.nan})
                    break
        for m in rx.finditer(text):
            left = text[max(0, m.start() - 60):m.start()]
            right = text[m.end():m.end() + 40]
            how = None
            for name, pat in _LEFT_CUES:
                if pat.search(left):
                    how = name
                    break
            if how is None:
                for name, pat in _RIGHT_CUES:
                    if pat.search(right):
                        how = name
                        break
            if how is None:
                continue
            rows.append({"article_id": aid, "outlet": outlet, "source": canon.get(m.group(1).lower(), m.group(1)),
                         "how": how, "evidence": m.group(1), "start": m.start(1), "end": m.end(1)})
    out = pd.DataFrame(rows, columns=["article_id", "outlet", "source", "how", "evidence", "start", "end"])
    if quotes is not None and len(quotes):
        media = _countable(quotes)
        media = media[media["speaker_type"] == "media"]
        extra = pd.DataFrame({
            "article_id": media["article_id"], "outlet": media["outlet"], "source": media["speaker_canonical"],
            "how": "quoted", "evidence": media["speaker"], "start": media["speaker_start"],
            "end": media["speaker_end"]})
        out = pd.concat([out, extra], ignore_index=True) if len(out) else extra.reset_index(drop=True)
    out["start"] = pd.to_numeric(out["start"], errors="coerce").astype("Int64")
    out["end"] = pd.to_numeric(out["end"], errors="coerce").astype("Int64")
    out = out.drop_duplicates().reset_index(drop=True)
    out.attrs = {"analysis": "article_sourcing", "gazetteer": _gz_label(gazetteer)}
    return out
