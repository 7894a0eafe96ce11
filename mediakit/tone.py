"""Tone toward actors: VADER sentiment of the sentences that name an actor, per outlet, with uncertainty.

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")                  # doctest: +SKIP
>>> mk.tone_toward(corpus, "s400")                        # doctest: +SKIP

Tone here is the sentiment of the whole sentence that mentions the actor (VADER's compound score, -1 to
+1), not sentiment aimed at the actor: "Moscow welcomed the deal" is positive and counts for Moscow. A
sentence naming two actors counts for both. VADER is an English lexicon, so only English articles
(``language`` "en" or empty) are scored; the number left out is in ``df.attrs["skipped_articles"]``.
Read the sentences behind a cell with :func:`actor_mentions` before reporting a difference.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from .framing.scoring import mostly_inside, reused_span_index
from .text import sentence_spans

__all__ = ["load_actors", "actor_mentions", "tone_toward", "ActorsError"]


class ActorsError(ValueError):
    """An actor list is malformed; the message names the file and the fix."""


def load_actors(actors: str | Path | Mapping[str, Sequence[str]] | pd.DataFrame = "s400") -> pd.DataFrame:
    """Actor aliases as a table ``actor, alias``: a shipped name (``"s400"``), a YAML path, a dict
    ``{actor: [aliases]}`` or a DataFrame with those columns. An actor's own name is always an alias.

    >>> load_actors({"NATO": ["the alliance"]}).values.tolist()
    [['NATO', 'NATO'], ['NATO', 'the alliance']]
    """
    where = "<dict>"
    if isinstance(actors, pd.DataFrame):
        if not {"actor", "alias"} <= set(actors.columns):
            raise ActorsError("actors DataFrame needs 'actor' and 'alias' columns")
        mapping: dict[str, list[str]] = {}
        for a, al in actors[["actor", "alias"]].itertuples(index=False):
            mapping.setdefault(str(a), []).append(str(al))
    elif isinstance(actors, Mapping):
        mapping = {str(k): [str(v) for v in (vs if isinstance(vs, list | tuple) else [vs])] for k, vs in actors.items()}
    else:
        text_name = str(actors)
        if not text_name.endswith((".yaml", ".yml")) and "/" not in text_name:
            res = resources.files("mediakit.resources").joinpath("actors").joinpath(f"{text_name}.yaml")
            if not res.is_file():
                raise ActorsError(f"no actor list named {text_name!r}; shipped: s400, or pass a YAML path")
            raw, where = res.read_text(encoding="utf-8"), f"mediakit/resources/actors/{text_name}.yaml"
        else:
            path = Path(text_name)
            if not path.exists():
                raise ActorsError(f"{path}: no such actor file; check the path")
            raw, where = path.read_text(encoding="utf-8"), str(path)
        mapping = _parse_actors(raw, where)
    rows, owner = [], {}
    for actor, aliases in mapping.items():
        if not actor.strip():
            raise ActorsError(f"{where}: an actor has an empty name")
        for alias in dict.fromkeys([actor, *aliases]):
            alias = alias.strip()
            if not alias:
                continue
            if alias in owner and owner[alias] != actor:
                raise ActorsError(f"{where}: alias {alias!r} belongs to both {owner[alias]!r} and {actor!r}; keep it in one")
            owner[alias] = actor
            rows.append({"actor": actor, "alias": alias})
    return pd.DataFrame(rows, columns=["actor", "alias"]).drop_duplicates(ignore_index=True)


def _parse_actors(raw: str, where: str) -> dict[str, list[str]]:
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise ActorsError(f"{where}: not valid YAML ({exc}); check indentation") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ActorsError(f"{where}: expected 'entries:' with a list of {{name: ..., aliases: [...]}}")
    out: dict[str, list[str]] = {}
    for i, e in enumerate(data["entries"], start=1):
        if not isinstance(e, dict) or not isinstance(e.get("name"), str):
            raise ActorsError(f"{where}: entry #{i} needs 'name:' and 'aliases:'")
        aliases = e.get("aliases") or []
        if not isinstance(aliases, list):
            raise ActorsError(f"{where}: entry #{i} ({e['name']}): aliases must be a list")
        out[e["name"]] = [str(a) for a in aliases]
    return out


def _alias_regex(table: pd.DataFrame) -> re.Pattern[str]:
    aliases = sorted(table["alias"], key=len, reverse=True)  # longest first: "the Kremlin" before "Kremlin"
    body = "|".join(re.escape(a) for a in aliases)
    return re.compile(rf"(?<![\w.])(?:{body})(?!\w)")


@lru_cache(maxsize=1)
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def actor_mentions(articles: pd.DataFrame, actors: Any = "s400", *, include_headline: bool = False,
                   discount_reuse: bool | pd.DataFrame = False) -> pd.DataFrame:
    """One row per sentence and actor it names, with the sentence's VADER tone.

    Columns: ``article_id, outlet, date, part, sentence, start, end, actor, aliases, tone, text``; offsets
    index ``text`` (``title`` for headline rows, only with ``include_headline``).

    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "language": ["en"],
    ...                      "text": ["Washington made a terrible mistake. Moscow was pleased."]})
    >>> actor_mentions(arts)[["actor", "start", "end"]].values.tolist()
    [['United States', 0, 35], ['Russia', 36, 55]]
    """
    table = load_actors(actors)
    alias_to_actor = dict(zip(table["alias"], table["actor"]))
    rx = _alias_regex(table)
    vader = _analyzer()
    reused = reused_span_index(articles, discount_reuse)
    rows: list[dict[str, Any]] = []
    skipped = 0
    for rec in articles.to_dict("records"):
        lang = rec.get("language") or ""
        if isinstance(lang, str) and lang not in ("", "en"):
            skipped += 1
            continue
        sources = [("text", rec.get("text"))]
        if include_headline:
            sources.insert(0, ("headline", rec.get("title")))
        for kind, src in sources:
            if not isinstance(src, str) or not src:
                continue
            spans = sentence_spans(src)
            starts = [s for s, _ in spans]
            found: dict[int, dict[str, list[str]]] = {}
            for m in rx.finditer(src):
                si = bisect.bisect_right(starts, m.start()) - 1
                if si < 0 or m.start() >= spans[si][1]:
                    continue
                found.setdefault(si, {}).setdefault(alias_to_actor[m.group()], []).append(m.group())
            for si, by_actor in sorted(found.items()):
                s, e = spans[si]
                if kind == "text" and rec["article_id"] in reused and mostly_inside((s, e), reused[rec["article_id"]]):
                    continue
                sent = src[s:e]
                tone = vader.polarity_scores(sent)["compound"]
                part = "headline" if kind == "headline" else "text"
                for actor, al in sorted(by_actor.items()):
                    rows.append({"article_id": rec["article_id"], "outlet": rec.get("outlet"), "date": rec.get("date"),
                                 "part": part, "sentence": si, "start": s, "end": e, "actor": actor,
                                 "aliases": "; ".join(dict.fromkeys(al)), "tone": float(tone), "text": sent})
    out = pd.DataFrame(rows, columns=["article_id", "outlet", "date", "part", "sentence", "start", "end", "actor",
                                      "aliases", "tone", "text"])
    out.attrs["skipped_articles"] = skipped
    return out


def tone_toward(articles: pd.DataFrame, actors: Any = "s400", *, by: str = "outlet", n_boot: int = 2000,
                ci: float = 0.95, seed: int = 0, min_sentences: int = 1, include_headline: bool = False,
                discount_reuse: bool | pd.DataFrame = False) -> pd.DataFrame:
    """Mean tone of sentences naming each actor, per ``by`` group × actor, with bootstrap CIs over articles.

    Columns: ``[by], actor, tone`` (mean VADER compound), ``ci_low, ci_high`` (percentile bootstrap that
    resamples articles, so one long article cannot dominate the interval), ``share_negative`` and
    ``share_positive`` (compound <= -0.05 / >= 0.05, VADER's usual cut-offs), ``n_sentences, n_articles``.
    Cells with fewer than ``min_sentences`` sentences are dropped.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "X"], "language": ["en", "en"],
    ...                      "text": ["Moscow was pleased and happy.", "Moscow made a terrible, awful mistake."]})
    >>> t = tone_toward(arts, n_boot=100)
    >>> t[["outlet", "actor", "n_sentences", "n_articles"]].values.tolist()
    [['X', 'Russia', 2, 2]]
    """
    m = actor_mentions(articles, actors, include_headline=include_headline, discount_reuse=discount_reuse)
    if by not in m.columns or m[by].isna().all():
        if by in articles.columns:
            m = m.drop(columns=[by], errors="ignore").merge(articles[["article_id", by]], on="article_id", how="left")
        else:
            raise KeyError(f"tone_toward: articles have no {by!r} column")
    rng = np.random.default_rng(seed)
    lo_q, hi_q = (1 - ci) / 2, 1 - (1 - ci) / 2
    rows = []
    for (group, actor), sub in m.groupby([by, "actor"], sort=True):
        if len(sub) < min_sentences:
            continue
        per_article = sub.groupby("article_id")["tone"].agg(["sum", "count"]).to_numpy()
        k = len(per_article)
        mean = float(sub["tone"].mean())
        lo = hi = np.nan
        if k > 1 and n_boot > 0:
            idx = rng.integers(0, k, size=(n_boot, k))
            boot = per_article[idx, 0].sum(axis=1) / per_article[idx, 1].sum(axis=1)
            lo, hi = (float(x) for x in np.quantile(boot, [lo_q, hi_q]))
        rows.append({by: group, "actor": actor, "tone": mean, "ci_low": lo, "ci_high": hi,
                     "share_negative": float((sub["tone"] <= -0.05).mean()),
                     "share_positive": float((sub["tone"] >= 0.05).mean()),
                     "n_sentences": int(len(sub)), "n_articles": int(k)})
    out = pd.DataFrame(rows, columns=[by, "actor", "tone", "ci_low", "ci_high", "share_negative", "share_positive",
                                      "n_sentences", "n_articles"])
    out.attrs.update({"skipped_articles": m.attrs.get("skipped_articles", 0), "ci": ci, "n_boot": n_boot,
                      "method": "VADER compound of sentences naming the actor"})
    return out
