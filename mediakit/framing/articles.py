"""Frames at article level: which frames an article carries (multi-label), by a documented, calibrated rule.

A frame is **present** in an article when at least ``min_sentences`` of its sentences (in ``parts``) count
the frame and those sentences are at least ``min_share`` of the article's sentences. With ``count=
"dominant"`` a sentence counts only its dominant frame; with ``"any"`` every frame it reaches the
threshold for. An article with no frame present gets one ``frame="none"`` row.

The defaults (:data:`MIN_SENTENCES` = 1, :data:`MIN_SHARE` = 0.05, ``count="dominant"``) were calibrated
on the English articles of the demo corpus' gold (``data/s400/gold/frames.csv``: 50 English articles,
3.1 coded frames each, an article's gold being the frames of its coded sentences) with the s400 codebook,
as the rule of best micro-F1 over a grid of 1-4 sentences x 0-30 % (``bench/frames.py languages``): an
in-sample figure (the codebook's cues were revised on the same gold), 0.71 against 0.52 for the baseline
that gives every article the four most frequent frames. Validate the rule on articles of your own.

>>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "text": [
...     "Tariffs cost farmers billions. The court ruled them illegal. Talks went on.", "It rained."]})
>>> article_frames(arts)[["article_id", "frame", "n", "n_sentences"]].values.tolist()
[['a', 'economic', 1, 3], ['a', 'legality', 1, 3], ['a', 'external_regulation', 1, 3], ['b', 'none', 0, 1]]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..analysis import Analysis, bind, register, reject_dask, run_local
from ..corpus import ColumnError, validate_corpus
from . import scoring
from .codebook import Codebook

__all__ = ["article_frames", "article_presence", "ARTICLE_COLUMNS", "MIN_SENTENCES", "MIN_SHARE"]

MIN_SENTENCES = 1
MIN_SHARE = 0.05
COUNTS = ("dominant", "any")
ARTICLE_COLUMNS = ["article_id", "outlet", "date", "frame", "n", "share", "n_sentences"]
_DTYPES = {"article_id": object, "outlet": object, "date": "datetime64[ns]", "frame": object, "n": "int64",
           "share": "float64", "n_sentences": "int64"}


def article_presence(scores: pd.DataFrame, *, min_sentences: int = MIN_SENTENCES, min_share: float = MIN_SHARE,
                     count: str = "dominant", parts: Sequence[str] | None = scoring.TEXT_PARTS) -> pd.DataFrame:
    """The frames present in each article of a :func:`score_frames` table (the rule of the module notes).

    One row per article and present frame (``none`` when none is): ``article_id, outlet, date, frame, n,
    share, n_sentences`` (``n`` sentences count the frame, ``share`` = n / n_sentences, the article's
    sentences in ``parts``).

    >>> s = pd.DataFrame({"article_id": ["a"] * 4, "part": "body", "sentence": [0, 1, 2, 2],
    ...                   "frame": ["x", "none", "y", "x"], "dominant": [True, True, True, False]})
    >>> article_presence(s)[["frame", "n", "n_sentences"]].values.tolist()
    [['x', 1, 3], ['y', 1, 3]]
    >>> article_presence(s, count="any", min_sentences=2)[["frame", "n"]].values.tolist()
    [['x', 2]]
    """
    for col in ("article_id", "sentence", "frame", "dominant", "part"):
        if col not in scores.columns:
            raise ColumnError(f"article_presence: column {col!r} is not a column of the scores; pass the table "
                              "score_frames returns")
    _check_rule(min_sentences, min_share, count, "article_presence")
    d = scores if parts is None else scores[scores["part"].isin(list(parts))]
    if not len(d):
        return _typed(pd.DataFrame({c: [] for c in ARTICLE_COLUMNS}))
    key = ["article_id", "part", "sentence"]
    n_sent = d.drop_duplicates(key).groupby("article_id", sort=False).size()
    framed = d[d["frame"] != "none"]
    if count == "dominant":
        framed = framed[framed["dominant"].astype(bool)]
    n = framed.drop_duplicates([*key, "frame"]).groupby(["article_id", "frame"], sort=False).size().rename("n")
    n = n.reset_index()
    n["n_sentences"] = n["article_id"].map(n_sent).astype("int64")
    n["share"] = n["n"] / n["n_sentences"]
    present = n[(n["n"] >= min_sentences) & (n["share"] >= min_share)]
    order = {f: i for i, f in enumerate(scores.attrs.get("frames") or [])}
    present = present.assign(_o=present["frame"].map(lambda f: order.get(f, len(order))))
    missing = [a for a in n_sent.index if a not in set(present["article_id"])]
    none = pd.DataFrame({"article_id": missing, "frame": "none", "n": 0, "share": 0.0,
                         "n_sentences": n_sent.loc[missing].to_numpy() if missing else [], "_o": -1})
    out = pd.concat([present, none], ignore_index=True) if len(none) else present
    first = {a: i for i, a in enumerate(n_sent.index)}
    out = out.assign(_a=out["article_id"].map(first)).sort_values(["_a", "_o", "frame"], kind="stable")
    meta = d.drop_duplicates("article_id").set_index("article_id")
    for col in ("outlet", "date"):
        out[col] = out["article_id"].map(meta[col]) if col in meta.columns else (None if col == "outlet" else pd.NaT)
    return _typed(out[ARTICLE_COLUMNS].reset_index(drop=True))


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    return df.astype(_DTYPES)


def _check_rule(min_sentences: Any, min_share: Any, count: Any, where: str) -> None:
    if isinstance(min_sentences, bool) or not isinstance(min_sentences, int | np.integer) or min_sentences < 1:
        raise ValueError(f"{where}: min_sentences must be a whole number >= 1, not {min_sentences!r}")
    if isinstance(min_share, bool) or not isinstance(min_share, int | float) or not 0 <= min_share <= 1:
        raise ValueError(f"{where}: min_share must be a share between 0 and 1 (e.g. 0.05), not {min_share!r}")
    if count not in COUNTS:
        raise ValueError(f"{where}: count must be 'dominant' or 'any', not {count!r}")


def article_frames(
    articles: pd.DataFrame,
    codebook: str | Path | Codebook = "policy_frames",
    *,
    method: str = "cues",
    min_score: float | None = None,
    parts: Sequence[str] = scoring.TEXT_PARTS,
    count: str = "dominant",
    min_sentences: int = MIN_SENTENCES,
    min_share: float = MIN_SHARE,
    lead_sentences: int = 3,
    discount_reuse: bool | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The frames each article carries (multi-label): :func:`score_frames`, then the article rule.

    ``codebook``, ``method`` (``"cues"`` or ``"embedding"``), ``min_score``, ``parts``, ``lead_sentences``
    and ``discount_reuse`` are :func:`score_frames`'s; ``count``, ``min_sentences`` and ``min_share`` are the
    rule (:func:`article_presence`; the defaults and where they were calibrated: the module notes).
    Returns ``article_id, outlet, date, frame, n, share, n_sentences``: one row per article and present
    frame, one ``none`` row for an article without any. ``attrs`` holds the parameters.

    >>> arts = pd.DataFrame({"article_id": ["ru"], "language": ["ru"],
    ...                      "text": ["Суд признал пошлины незаконными. Цены выросли."]})
    >>> article_frames(arts)["frame"].tolist()
    ['economic', 'legality']
    """
    reject_dask(articles, "article_frames")
    validate_corpus(articles, ["article_id", "text"], where="article_frames")
    return run_local(ARTICLE_FRAMES, articles, **bind(article_frames, (codebook,), {
        "method": method, "min_score": min_score, "parts": parts, "count": count, "min_sentences": min_sentences,
        "min_share": min_share, "lead_sentences": lead_sentences, "discount_reuse": discount_reuse}))


def _validate(columns: list[str], *, engine: str, count: str, min_sentences: int, min_share: float,
              **score: Any) -> dict[str, Any]:
    _check_rule(min_sentences, min_share, count, "article_frames")
    params = scoring._validate(columns, engine=engine, **score)
    return {**params, "count": count, "min_sentences": int(min_sentences), "min_share": float(min_share)}


def _partition(part: pd.DataFrame, *, context: Any, count: str, min_sentences: int, min_share: float,
               **score: Any) -> list[pd.DataFrame]:
    tables, _dropped, _n, _langs = scoring._partition(part, context=context, **score)
    if not tables:
        return []
    scores = tables[0]
    scores.attrs["frames"] = score["codebook"].frame_names
    return [article_presence(scores, min_sentences=min_sentences, min_share=min_share, count=count, parts=None)]


def _merge(partials: list[list[pd.DataFrame]]) -> list[pd.DataFrame]:
    tables = [t for p in partials for t in p if len(t)]
    return [pd.concat(tables, ignore_index=True)] if len(tables) > 1 else tables


def _finalize(partial: list[pd.DataFrame], *, codebook: Codebook, method: str, min_score: float,
              parts: tuple[str, ...], count: str, min_sentences: int, min_share: float, lead_sentences: int,
              discount_reuse: Any, **_: Any) -> pd.DataFrame:
    out = partial[0] if partial else pd.DataFrame({c: [] for c in ARTICLE_COLUMNS})
    out = _typed(out.reset_index(drop=True)[ARTICLE_COLUMNS])
    out.attrs = {"analysis": "article_frames", "codebook": codebook.name, "codebook_version": codebook.version,
                 "frames": codebook.frame_names, "method": method, "min_score": min_score, "parts": list(parts),
                 "count": count, "min_sentences": min_sentences, "min_share": min_share,
                 "lead_sentences": lead_sentences, "discount_reuse": discount_reuse is not None}
    return out


ARTICLE_FRAMES = register(Analysis("article_frames", partition=_partition, merge=_merge, finalize=_finalize,
                                   validate=_validate, prepare=scoring._REUSE_FIRST, public=article_frames))
