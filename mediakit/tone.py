"""Tone toward actors: VADER sentiment of the sentences that name an actor, per outlet, with uncertainty.

>>> import mediakit as mk, pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "language": ["en", "en"],
...                      "text": ["Acme welcomed the deal.", "Acme Corp made a terrible mistake."]})
>>> t = mk.tone_toward(arts, {"Union": ["Acme", "Acme Corp"]}, n_boot=100)
>>> t[["group", "actor", "n_sentences"]].values.tolist(), t.attrs["by"]
([['X', 'Union', 1], ['Y', 'Union', 1]], 'outlet')

Tone here is the sentiment of the whole sentence that mentions the actor (VADER's compound score, -1 to
+1), not sentiment aimed at the actor: "Berlin welcomed the deal" is positive and counts for Berlin. A
sentence naming two actors counts for both. VADER is an English lexicon: **only English articles**
(``language`` "en" or empty) are scored, and the others are left out, not guessed at; the number left out
is ``attrs["n_skipped_articles"]`` (per language: ``attrs["skipped_languages"]``, out of
``attrs["n_corpus_articles"]``) and ``attrs["note"]`` says so in one sentence. No multilingual method is
offered: without Russian or Turkish text labelled for tone there is nothing to validate one against, so
other languages are not scored with an English lexicon or a translation of one. Read the sentences
behind a cell with :func:`actor_mentions` before reporting a difference.

Actors are a story's: there is no default list. ``actors=None`` gives an empty table whose
``attrs["note"]`` says that an actors list (a dict, a YAML file or a story pack's ``actors.yaml``) is
needed. Aliases are matched with :class:`mediakit.matching.TermMatcher`, respecting case (an alias is a
name as written: "WASHINGTON —" in a dateline is not a mention of Washington), whole words only,
diacritics folded (Muller finds Müller).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from ._yaml import load_yaml
from .corpus import ColumnError, validate_corpus
from .framing.scoring import reuse_spans
from .matching import TermMatcher
from .packs import pack_file
from .parsed import parse_corpus
from .spans import mostly_inside

__all__ = ["load_actors", "actor_mentions", "tone_toward", "ActorsError"]

MENTION_COLUMNS = ["article_id", "outlet", "date", "part", "sentence", "start", "end", "actor", "aliases", "tone",
                   "text"]
TONE_COLUMNS = ["group", "actor", "tone", "ci_low", "ci_high", "share_negative", "share_positive", "n_sentences",
                "n_articles"]
NO_ACTORS_NOTE = ("no actors given: tone toward actors needs an actors list ({actor: [aliases]}, a YAML file) "
                  "or a story pack with actors.yaml")


class ActorsError(ValueError):
    """An actor list is malformed; the message names the file and the fix."""


def load_actors(actors: str | Path | Mapping[str, Sequence[str]] | pd.DataFrame | None = None) -> pd.DataFrame:
    """Actor aliases as a table ``actor, alias``: a story pack's name or folder (its ``actors.yaml``), a
    YAML path, a dict ``{actor: [aliases]}`` or a DataFrame with those columns; None gives an empty table.
    An actor's own name is always an alias.

    >>> load_actors({"NATO": ["the alliance"]}).values.tolist()
    [['NATO', 'NATO'], ['NATO', 'the alliance']]
    >>> len(load_actors(None))
    0
    """
    where = "<dict>"
    if actors is None:
        mapping: dict[str, list[str]] = {}
    elif isinstance(actors, pd.DataFrame):
        if not {"actor", "alias"} <= set(actors.columns):
            raise ActorsError("actors DataFrame needs 'actor' and 'alias' columns")
        mapping = {}
        for a, al in actors[["actor", "alias"]].itertuples(index=False):
            mapping.setdefault(str(a), []).append(str(al))
    elif isinstance(actors, Mapping):
        mapping = {str(k): [str(v) for v in (vs if isinstance(vs, list | tuple) else [vs])] for k, vs in actors.items()}
    else:
        text_name = str(actors)
        packed = pack_file(actors, "actors")
        if packed is not None:
            raw, where = packed.read_text(encoding="utf-8"), str(packed)
        elif not text_name.endswith((".yaml", ".yml")) and "/" not in text_name:
            raise ActorsError(f"no actor list named {text_name!r}; pass a story pack name or folder with "
                              "actors.yaml, a YAML path or a dict {actor: [aliases]}")
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
        data = load_yaml(raw)
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


@lru_cache(maxsize=1)
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def actor_mentions(articles: pd.DataFrame, actors: Any = None, *, include_headline: bool = False,
                   discount_reuse: bool | pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per sentence and actor it names, with the sentence's VADER tone (English articles only).

    Columns: ``article_id, outlet, date, part, sentence, start, end, actor, aliases, tone, text``; offsets
    (Int64) index ``text`` (``title`` for headline rows, only with ``include_headline``). Articles in other
    languages are left out (``attrs["n_skipped_articles"]``, ``attrs["note"]``). ``discount_reuse`` takes a
    :func:`mediakit.find_reuse` result or a spans table and drops sentences mostly inside reused text.

    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "language": ["en"],
    ...                      "text": ["Acme made a terrible mistake. The Ministry was pleased."]})
    >>> m = actor_mentions(arts, {"Acme": ["Acme Corp"], "Ministry": ["the Ministry"]})
    >>> m[["actor", "start", "end"]].values.tolist()
    [['Acme', 0, 29], ['Ministry', 30, 55]]
    """
    validate_corpus(articles, ["article_id", "text"], where="actor_mentions")
    table = load_actors(actors)
    params = {"analysis": "actor_mentions", "include_headline": include_headline,
              "discount_reuse": discount_reuse is not None and discount_reuse is not False}
    if not len(table):
        out = _empty(MENTION_COLUMNS)
        out.attrs = {**params, "n_corpus_articles": int(len(articles)), "n_skipped_articles": 0, "skipped_languages": {},
                     "note": NO_ACTORS_NOTE}
        return out
    spans = reuse_spans(articles, discount_reuse, where="actor_mentions")
    english = _english(articles)
    arts = articles[english]
    skipped = int((~english).sum())
    left_out = _skipped_languages(articles, english)
    matcher = TermMatcher({actor: list(g["alias"]) for actor, g in table.groupby("actor", sort=False)},
                          case=True)
    vader = _analyzer()
    rows: list[tuple] = []
    sources = [("text", "text")] + ([("headline", "title")] if include_headline and "title" in arts.columns else [])
    outlets = arts["outlet"].tolist() if "outlet" in arts.columns else [None] * len(arts)
    dates = arts["date"].tolist() if "date" in arts.columns else [pd.NaT] * len(arts)
    ids = arts["article_id"].tolist()
    for part, col in sources:
        pc = parse_corpus(arts, text_col=col)
        starts, ends = pc.sentences["start"].to_numpy(), pc.sentences["end"].to_numpy()
        for i, text in enumerate(pc.texts):
            lo, hi = int(pc.sentence_bounds[i]), int(pc.sentence_bounds[i + 1])
            if lo == hi:
                continue
            found: dict[int, dict[str, list[str]]] = {}
            for s, e, actor in matcher.find(text):
                k = int(np.searchsorted(starts[lo:hi], s, side="right")) - 1
                if k < 0 or e > ends[lo + k]:
                    continue
                found.setdefault(k, {}).setdefault(actor, []).append(text[s:e])
            for k, by_actor in sorted(found.items()):
                s, e = int(starts[lo + k]), int(ends[lo + k])
                sent = text[s:e]
                tone = float(vader.polarity_scores(sent)["compound"])
                for actor, al in sorted(by_actor.items()):
                    rows.append((ids[i], outlets[i], dates[i], part, k, s, e, actor, "; ".join(dict.fromkeys(al)),
                                 tone, sent))
    out = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    if spans is not None and len(out):
        body = (out["part"] == "text").to_numpy()
        inside = mostly_inside(out["article_id"].astype(str).tolist(), out["start"].to_numpy(dtype=np.int64),
                               out["end"].to_numpy(dtype=np.int64), spans)
        out = out[~(body & inside)].reset_index(drop=True)
    if not len(out):
        out = _empty(MENTION_COLUMNS)
    out = out.astype({"sentence": "Int64", "start": "Int64", "end": "Int64", "tone": float})
    out.attrs = {**params, "n_corpus_articles": int(len(articles)), "n_skipped_articles": skipped,
                 "skipped_languages": left_out}
    note = _english_note(skipped, len(articles))
    if note:
        out.attrs["note"] = note
    return out


def _english(articles: pd.DataFrame) -> pd.Series:
    """True for the articles VADER can score: ``language`` "en" (or en-GB ...), empty or absent."""
    if "language" not in articles.columns:
        return pd.Series(True, index=articles.index)
    lang = articles["language"].map(lambda v: v.lower() if isinstance(v, str) else "")
    return (lang == "") | (lang == "en") | lang.str.startswith("en-") | lang.str.startswith("en_")


def _skipped_languages(articles: pd.DataFrame, english: pd.Series) -> dict[str, int]:
    """Articles left out per language code (sorted by code)."""
    if "language" not in articles.columns or english.all():
        return {}
    counts = articles.loc[~english, "language"].astype(str).str.lower().value_counts()
    return {str(k): int(counts[k]) for k in sorted(counts.index)}


def _english_note(skipped: int, total: int) -> str | None:
    if not skipped:
        return None
    return f"VADER is English-only: {skipped} of {total} articles in other languages were left out"


def _empty(columns: list[str]) -> pd.DataFrame:
    dtypes = {"sentence": "Int64", "start": "Int64", "end": "Int64", "tone": float, "date": "datetime64[ns]",
              "ci_low": float, "ci_high": float, "share_negative": float, "share_positive": float,
              "n_sentences": "int64", "n_articles": "int64"}
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, object)) for c in columns})


def tone_toward(articles: pd.DataFrame, actors: Any = None, *, by: str = "outlet", n_boot: int = 1000,
                ci: float = 0.95, random_state: int | None = 0, min_sentences: int = 1,
                include_headline: bool = False, discount_reuse: bool | pd.DataFrame | None = None) -> pd.DataFrame:
    """Mean tone of sentences naming each actor, per ``by`` group × actor, with bootstrap CIs over articles.

    Columns: ``group`` (the value of ``by``, named in ``attrs["by"]``), ``actor, tone`` (mean VADER
    compound), ``ci_low, ci_high`` (percentile bootstrap that resamples articles, so one long article cannot
    dominate the interval), ``share_negative`` and ``share_positive`` (compound <= -0.05 / >= 0.05, VADER's
    usual cut-offs), ``n_sentences, n_articles``. Cells with fewer than ``min_sentences`` sentences are
    dropped. English articles only: ``attrs["n_skipped_articles"]`` counts the others and ``attrs["note"]``
    says so; with ``actors=None`` the table is empty and the note says what is needed.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "X"], "language": ["en", "tr"],
    ...                      "text": ["Acme was pleased and happy.", "Acme memnun."]})
    >>> t = tone_toward(arts, {"Acme": ["Acme Corp"]}, n_boot=100)
    >>> t[["group", "actor", "n_sentences", "n_articles"]].values.tolist()
    [['X', 'Acme', 1, 1]]
    >>> t.attrs["note"]
    'VADER is English-only: 1 of 2 articles in other languages were left out'
    >>> t.attrs["n_skipped_articles"], t.attrs["skipped_languages"]
    (1, {'tr': 1})
    """
    validate_corpus(articles, ["article_id", "text"], where="tone_toward")
    if by not in articles.columns:
        raise ColumnError(f"tone_toward: by={by!r} is not a column of the articles; name one (e.g. outlet)")
    if not 0 < ci < 1:
        raise ValueError(f"tone_toward: ci must be between 0 and 1, e.g. 0.95, not {ci!r}")
    m = actor_mentions(articles, actors, include_headline=include_headline, discount_reuse=discount_reuse)
    found = dict(m.attrs)
    m = m.drop(columns=["outlet"]).merge(articles[["article_id", by]].rename(columns={by: "group"}),
                                          on="article_id", how="left")
    rng = np.random.default_rng(random_state)
    lo_q, hi_q = (1 - ci) / 2, 1 - (1 - ci) / 2
    rows = []
    for (group, actor), sub in (m.groupby(["group", "actor"], sort=True) if len(m) else []):
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
        rows.append((group, actor, mean, lo, hi, float((sub["tone"] <= -0.05).mean()),
                     float((sub["tone"] >= 0.05).mean()), int(len(sub)), int(k)))
    out = pd.DataFrame(rows, columns=TONE_COLUMNS) if rows else _empty(TONE_COLUMNS)
    out.attrs = {"analysis": "tone_toward", "by": by, "n_boot": n_boot, "ci": ci, "random_state": random_state,
                 "min_sentences": min_sentences, "include_headline": include_headline,
                 "discount_reuse": found.get("discount_reuse", False),
                 "method": "VADER compound of sentences naming the actor (English articles only)",
                 "n_corpus_articles": int(len(articles)), "n_skipped_articles": found.get("n_skipped_articles", 0),
                 "skipped_languages": found.get("skipped_languages", {})}
    if "note" in found:
        out.attrs["note"] = found["note"]
    return out
