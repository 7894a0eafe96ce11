"""The reuse table's columns and the direction of a pair of articles (which one is the source).

Shared by the monolingual finder (:mod:`mediakit.reuse._find`) and the translation finder
(:mod:`mediakit.reuse._translation`), so that both kinds of passage land in one table, ordered alike.

>>> arts = pd.DataFrame({"date": pd.to_datetime(["2020-01-02", "2020-01-01"])})
>>> order_pair(arts, 0, 1, ["X", "Y"], ["", ""])
(1, 0, False, 'date')
"""

from __future__ import annotations

import pandas as pd

__all__ = ["REUSE_COLUMNS", "order_pair"]

REUSE_COLUMNS = [
    "source_id", "target_id", "source_start", "source_end", "target_start", "target_end", "similarity",
    "same_outlet", "source_outlet", "target_outlet", "source_date", "target_date", "same_day",
    "direction_basis", "source_words", "words", "source_share", "target_share", "kind",
]


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def order_pair(articles: pd.DataFrame, a: int, b: int, outlets: list[str], texts: list[str]) -> tuple[int, int, bool, str]:
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
