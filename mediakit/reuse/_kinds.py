"""What a reused passage is: a reprint, a quote two outlets share, or an outlet's own boilerplate; agency copy.

find_reuse labels every passage with a ``kind``:

- ``boilerplate``: the passage repeats in at least :data:`BOILERPLATE_ARTICLES` articles of the source
  outlet (an editor's note, a sign-off, a standing paragraph): it says nothing about who copied whom.
- ``shared_quote``: at least :data:`QUOTE_SHARE` of the passage lies inside quotation marks in both
  articles: two outlets quoting the same statement, not one reprinting the other.
- ``reprint``: anything else, text taken from the earlier article.

:func:`agency_credit` tells which articles an agency is credited for (``wire``, or a ``credits`` line
naming a news agency): :func:`mediakit.original_share` counts them as agency copy.

>>> quote_spans('He said: "We will not go back." Then he left.')
[(10, 30)]
>>> agency_credit(pd.DataFrame({"wire": ["", "", "AFP"], "credits": ["Photo: X / AFP", "With AP", ""]})).tolist()
['', 'AP', 'AFP']
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import numpy as np
import pandas as pd

from ..spans import mostly_inside

__all__ = ["KINDS", "QUOTE_SHARE", "BOILERPLATE_ARTICLES", "quote_spans", "passage_kinds", "agency_credit"]

KINDS = ("reprint", "shared_quote", "boilerplate")
#: share of a passage that must lie inside quotation marks, in both articles, for a shared quote ("mostly")
QUOTE_SHARE = 0.6
#: articles of the source outlet a passage must appear in (the source included) to be boilerplate (3/7 item 1)
BOILERPLATE_ARTICLES = 3
#: share of a passage's span another passage must overlap to count as the same text repeated
_SAME_TEXT = 0.5

# International news agencies: generic media data (no story), matched whole-word in credit lines.
_AGENCIES = ("Associated Press", "AP", "AFP", "Agence France-Presse", "Reuters", "dpa", "Deutsche Presse-Agentur",
             "EFE", "ANSA", "Xinhua", "Kyodo", "Yonhap", "UPI", "United Press International", "PA Media",
             "Press Association", "Interfax", "TASS", "RIA Novosti", "Anadolu Agency", "Anadolu", "AAP",
             "Canadian Press", "PTI", "Press Trust of India", "Bernama", "Antara", "APA", "Bloomberg")
_AGENCY_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in sorted(_AGENCIES, key=len, reverse=True))
                        + r")(?![\w-])")
_PICTURE_CREDIT = re.compile(r"^\s*(photo|photograph|picture|image|video|graphic|illustration)s?\b", re.I)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the quoted stretches of ``text`` (inside the marks), in text order.

    The quotes package's mark finder when it is there (every common quotation style, nesting, quotes
    running over paragraphs).

    >>> quote_spans("«Да», сказал он. “Yes,” she said.")
    [(1, 3), (18, 22)]
    """
    return [(int(q.start), int(q.end)) for q in _find_quotes()(text)]


def _find_quotes() -> Any:
    try:  # the quotes package (mediakit/quotes/); before it lands, the module it grew from
        from ..quotes import find_quotes
    except ImportError:
        from ..quotes_marks import find_quotes
    return find_quotes


def passage_kinds(table: pd.DataFrame, texts: dict[str, str]) -> np.ndarray:
    """The ``kind`` of each passage of a find_reuse table (``KINDS``); ``texts`` maps article id -> text.

    ``table`` must hold every passage found, those within one outlet included: boilerplate is text that
    one outlet repeats across its own articles.
    """
    n = len(table)
    kinds = np.full(n, "reprint", dtype=object)
    if not n:
        return kinds
    kinds[_boilerplate(table)] = "boilerplate"
    quoted = _shared_quotes(table, texts)
    kinds[quoted & (kinds == "reprint")] = "shared_quote"
    return kinds


def _boilerplate(t: pd.DataFrame) -> np.ndarray:
    """True where a passage's source-side text appears in >= BOILERPLATE_ARTICLES articles of its outlet."""
    # every article's side of every passage: article, span, the article on the other side, same outlet
    sides: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    same = t["same_outlet"].to_numpy(bool)
    for i, (sid, tid, s0, s1, t0, t1) in enumerate(zip(t["source_id"], t["target_id"], t["source_start"],
                                                       t["source_end"], t["target_start"], t["target_end"])):
        if same[i]:
            sides[sid].append((int(s0), int(s1), tid))
            sides[tid].append((int(t0), int(t1), sid))
    out = np.zeros(len(t), dtype=bool)
    for i, (sid, s0, s1) in enumerate(zip(t["source_id"], t["source_start"], t["source_end"])):
        s0, s1 = int(s0), int(s1)
        need = _SAME_TEXT * max(1, s1 - s0)
        others = {other for a, b, other in sides.get(sid, ()) if min(b, s1) - max(a, s0) >= need}
        out[i] = len(others) + 1 >= BOILERPLATE_ARTICLES
    return out


def _shared_quotes(t: pd.DataFrame, texts: dict[str, str]) -> np.ndarray:
    ids = pd.unique(pd.concat([t["source_id"], t["target_id"]]).astype(str))
    rows = [(aid, s, e) for aid in ids for s, e in quote_spans(texts.get(aid, ""))]
    if not rows:
        return np.zeros(len(t), dtype=bool)
    quotes = pd.DataFrame(rows, columns=["article_id", "start", "end"])
    src = mostly_inside(t["source_id"].astype(str).tolist(), t["source_start"].to_numpy(np.int64),
                        t["source_end"].to_numpy(np.int64), quotes, QUOTE_SHARE)
    tgt = mostly_inside(t["target_id"].astype(str).tolist(), t["target_start"].to_numpy(np.int64),
                        t["target_end"].to_numpy(np.int64), quotes, QUOTE_SHARE)
    return src & tgt


def agency_credit(articles: pd.DataFrame) -> pd.Series:
    """The news agency each article is credited to ("" when none): ``wire``, else a ``credits`` line naming
    an agency (picture credits aside). An outlet credited for its own article (a wire service's own story)
    is not agency copy. Indexed like ``articles``.
    """
    out = pd.Series("", index=articles.index, dtype=object)
    if "credits" in articles:
        out = articles["credits"].map(_credited_agency).astype(object)
    if "wire" in articles:
        wire = articles["wire"].fillna("").astype(str).str.strip()
        out = wire.where(wire != "", out)
    out = out.fillna("").astype(object)
    if "outlet" in articles:
        own = out.str.casefold() == articles["outlet"].fillna("").astype(str).str.strip().str.casefold()
        out = out.where(~own, "")
    return out


def _credited_agency(credits: Any) -> str:
    if credits is None or (not isinstance(credits, list | tuple) and pd.isna(credits)):
        return ""
    lines = credits if isinstance(credits, list | tuple) else str(credits).split(";")
    for line in lines:
        if _PICTURE_CREDIT.match(str(line)):
            continue
        m = _AGENCY_RE.search(str(line))
        if m:
            return m.group(1)
    return ""
