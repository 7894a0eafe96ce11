"""``mediakit story init``: a first story pack drafted from a corpus, every file marked for checking by hand.

The drafts are suggestions computed from the articles, never facts about the story: coverage peaks become
candidate events (``status: suggested``), each outlet's most distinctive phrase seeds a naming concept whose
other names come from :func:`mediakit.terms.suggest_variants`, the most quoted names become speaker
entries with their detected type and country, and the generic Policy Frames Codebook is copied as the
codebook to adapt.
"""

from __future__ import annotations

import re
import warnings
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ..packs import PACK_FILES
from ._pack import StoryError

__all__ = ["init_story"]

_PEAK_SD = 2.0          # a period is a peak when its count exceeds mean + 2 sd of the period counts
_DAILY_UP_TO = 60       # days of corpus span up to which peaks are looked for per day, beyond per week
_N_CONCEPTS = 4         # naming concepts seeded (one per outlet's most distinctive phrase)
_N_VARIANTS = 5         # suggested names per concept
_N_SPEAKERS = 25        # most quoted names listed


def _q(value: Any) -> str:
    """A YAML scalar (quoted when needed), on one line."""
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000).strip().removesuffix(
        "\n...").strip()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_") or "concept"


def _header(lines: list[str]) -> str:
    return "".join(f"# {line}\n" if line else "#\n" for line in lines)


def _story_yaml(name: str, corpus: pd.DataFrame, source: str) -> str:
    langs = sorted({str(x) for x in corpus.get("language", pd.Series(dtype=str)) if re.fullmatch(r"[a-z]{2}", str(x))})
    dates = pd.to_datetime(corpus["date"], errors="coerce").dropna() if "date" in corpus else pd.Series([])
    out = _header([
        f"Story pack drafted by `mediakit story init` from {source}. Check by hand:",
        "  - title and description: say in a sentence or two what the story is;",
        "  - languages: the languages found in the corpus (ISO 639-1); add any you will add articles in;",
        "  - date_range: the first and last article dates; widen it to the period the story covers.",
        "The other files of the pack are drafts too: read the comments at the top of each.",
    ])
    out += f"name: {_q(name)}\n"
    out += f"title: {_q(f'Coverage collected in {Path(source).name or source}')}\n"
    outlets = corpus["outlet"].nunique() if "outlet" in corpus else 0
    description = f"{len(corpus)} articles from {outlets} outlets. (Write what the story is.)"
    out += f"description: {_q(description)}\n"
    out += f"languages: [{', '.join(langs)}]\n"
    if len(dates):
        out += f"date_range: [\"{dates.min():%Y-%m-%d}\", \"{dates.max():%Y-%m-%d}\"]\n"
    else:
        out += "# date_range: no article has a date; add [YYYY-MM-DD, YYYY-MM-DD] when you know the period.\n"
    return out


def _peaks(corpus: pd.DataFrame) -> tuple[str, list[dict[str, Any]]]:
    """Periods (days or weeks) with unusually many articles, each with its articles' ids."""
    from ..timeline import coverage_timeline

    dated = corpus[pd.to_datetime(corpus["date"], errors="coerce").notna()] if "date" in corpus else corpus.head(0)
    if not len(dated):
        return "day", []
    span = (dated["date"].max() - dated["date"].min()).days
    freq = "D" if span <= _DAILY_UP_TO else "W"
    unit = "day" if freq == "D" else "week"
    tl = coverage_timeline(dated.assign(date_precision="day"), freq, by=None)
    counts = tl["articles"].astype(float)
    if len(counts) < 3 or counts.std(ddof=0) == 0:
        return unit, []
    limit = counts.mean() + _PEAK_SD * counts.std(ddof=0)
    periods = dated["date"].dt.tz_localize(None) if dated["date"].dt.tz is not None else dated["date"]
    starts = periods.dt.to_period(freq).dt.start_time
    peaks = []
    for row in tl[counts > limit].itertuples(index=False):
        ids = dated.loc[(starts == row.period).to_numpy(), "article_id"].tolist()
        peaks.append({"start": pd.Timestamp(row.period), "articles": int(row.articles), "ids": ids,
                      "mean": float(counts.mean()), "limit": float(limit)})
    return unit, peaks


def _peak_label(corpus: pd.DataFrame, ids: list[str]) -> str:
    """The period's most distinctive headline terms against all other headlines."""
    from ..terms import distinctive_terms

    titles = corpus.assign(text=corpus["title"].fillna("").astype(str),
                           _period=corpus["article_id"].isin(ids).map({True: "peak", False: "rest"}))
    try:
        dt = distinctive_terms(titles, by="_period", top=3, min_docs=1, ngram_range=(1, 2))
    except ValueError:
        return ""
    terms = dt.loc[dt["group"] == "peak", "term"].tolist()[:3]
    return ", ".join(terms)


def _events_yaml(name: str, corpus: pd.DataFrame) -> str:
    unit, peaks = _peaks(corpus)
    out = _header([
        "Events drafted by `mediakit story init`: the " + unit + "s with unusually many articles",
        f"(more than the mean + {_PEAK_SD:g} standard deviations of the {unit}ly counts), each labelled with",
        "that period's most distinctive headline terms. They are peaks of attention, not events yet. Check by",
        "hand: find what happened (read the articles of the period), give the real date and a short label,",
        "write the description, then change 'status: suggested' to 'status: checked' or delete the entry.",
        "Add the story's events that caused no peak. Form: id, date (YYYY-MM-DD, YYYY-MM or YYYY), precision",
        "(day, month, year), end (optional), label, description.",
    ])
    out += f"name: {_q(name)}\nevents:\n"
    if not peaks:
        out += "  []\n# No peak found (or no dated articles): add the story's events by hand.\n"
        return out
    for p in peaks:
        start = p["start"]
        end = start if unit == "day" else start + pd.Timedelta(days=6)
        terms = _peak_label(corpus, p["ids"])
        label = f"Peak: {terms}" if terms else f"Peak of {p['articles']} articles"
        out += f"  - id: {_q(f'peak-{start:%Y-%m-%d}')}\n"
        out += f"    date: \"{start:%Y-%m-%d}\"\n    precision: day\n"
        if unit == "week":
            out += f"    end: \"{end:%Y-%m-%d}\"\n"
        out += f"    label: {_q(label)}\n"
        desc = (f"{p['articles']} articles in the {unit} from {start:%Y-%m-%d} (mean {p['mean']:.1f} per {unit}, "
                f"peak threshold {p['limit']:.1f}). Write what happened.")
        out += f"    description: {_q(desc)}\n    status: suggested\n"
    return out


def _naming_yaml(name: str, corpus: pd.DataFrame) -> str:
    from ..terms import distinctive_terms, suggest_variants

    out = _header([
        "Naming lexicon drafted by `mediakit story init`. Kept simple: each concept is seeded with the most",
        "distinctive two- or three-word phrase of one outlet (log-odds against the other outlets), and its",
        "other names are the phrases mediakit.suggest_variants finds in the same slots (distributional",
        "similarity). Many suggestions will be wrong. Check by hand: rename each concept after the thing it",
        "names, keep only variants that really name the same thing, group them, and add the names you know",
        "outlets use. Pattern syntax: a phrase matches whole words, '*' inside a word matches any letters,",
        "words in capitals match case-sensitively, a pattern starting with 're:' is a regular expression.",
    ])
    english = corpus[corpus["language"].isin(["en", ""])] if "language" in corpus else corpus
    seeds: list[str] = []
    if english["outlet"].nunique() >= 2:
        try:
            dt = distinctive_terms(english, by="outlet", top=3, min_docs=2, ngram_range=(2, 3))
        except ValueError:
            dt = pd.DataFrame(columns=["group", "term"])
        for _, sub in dt.groupby("group", sort=True):
            for term in sub["term"]:
                if term.lower() not in {s.lower() for s in seeds}:
                    seeds.append(term)
                    break
    seeds = seeds[:_N_CONCEPTS]
    if not seeds:
        return out + ("# No concept could be seeded (fewer than two outlets with English articles): add concepts\n"
                      "# by hand, e.g.\n# concepts:\n#   my_concept:\n#     label: What it is\n"
                      "#     variants:\n#       first name: [\"first name\"]\n")
    out += "concepts:\n"
    for term in seeds:
        concept = _slug(term)
        lex = {"concepts": {concept: {"variants": {term: [term]}}}}
        try:
            cands = suggest_variants(corpus, concept, lexicon=lex, top=_N_VARIANTS)
        except ValueError:
            cands = pd.DataFrame(columns=["candidate", "similarity", "count", "groups"])
        out += f"  {concept}:\n    label: {_q(f'(name this concept) seeded from {term!r}')}\n    variants:\n"
        out += f"      {_q(term)}: [{_q(term)}]   # seed phrase\n"
        for c in cands.itertuples(index=False):
            if str(c.candidate).lower() == term.lower():
                continue
            out += (f"      {_q(str(c.candidate))}: [{_q(str(c.candidate))}]   # suggested: similarity "
                    f"{float(c.similarity):.2f}, {int(c.count)} uses ({c.groups})\n")
    return out


def _speakers_yaml(corpus: pd.DataFrame) -> str:
    from ..sources import extract_quotes

    out = _header([
        "Speakers drafted by `mediakit story init`: the most quoted names in the corpus, with the type and",
        "country mediakit detected for them. Check by hand: merge spellings of one person into 'aliases',",
        "correct type (official | military | expert | industry | media | anonymous | citizen | unknown) and",
        "country (ISO 3166 alpha-2), write the role, and add the dates a role was held (from, to) so that a",
        "role is not credited outside its time. Move organisations under 'organisations:'.",
    ])
    quotes = extract_quotes(corpus)
    named = quotes[quotes["speaker_canonical"].fillna("").astype(str).str.strip().ne("")
                   & ~quotes["speaker_type"].isin(["anonymous", "unknown"])]
    if "fragment" in named:
        named = named[~named["fragment"].fillna(False).astype(bool)]
    if not len(named):
        return out + "people: []\n# No named speaker was found in the quotes: add the story's people by hand.\n"
    top = (named.groupby("speaker_canonical")
           .agg(quotes=("quote", "size"), type=("speaker_type", lambda s: s.mode().iat[0]),
                country=("speaker_country", lambda s: (s.dropna().astype(str).mode().tolist() or [""])[0]),
                outlets=("outlet", "nunique"))
           .sort_values(["quotes", "outlets"], ascending=False).head(_N_SPEAKERS))
    out += "people:\n"
    for speaker, row in top.iterrows():
        out += f"  - name: {_q(str(speaker))}   # quoted {int(row.quotes)} times, in {int(row.outlets)} outlet(s)\n"
        out += f"    type: {_q(str(row.type))}\n"
        if row.country:
            out += f"    country: {_q(str(row.country))}\n"
        out += "    role: \"\"   # write the role\n"
    return out


def _codebook_yaml(name: str) -> str:
    text = resources.files("mediakit.resources").joinpath("codebooks").joinpath("policy_frames.yaml").read_text(
        "utf-8")
    text = re.sub(r"(?m)^codebook:\s*policy_frames\s*$", f"codebook: {name}", text, count=1)
    return _header([
        "Codebook drafted by `mediakit story init`: a copy of the generic Policy Frames Codebook",
        "(mediakit's policy_frames). Check by hand: add cue words of your story's language to each frame,",
        "remove cues that mean something else in this story, add story frames mapped to a policy frame, and",
        "validate on a hand-coded sample (mediakit.sample_for_coding, mediakit.agreement).",
        "",
    ]) + text


def init_story(directory: str | Path, corpus: str | Path | pd.DataFrame, *, name: str | None = None,
               force: bool = False) -> Path:
    """Draft a story pack in ``directory`` from a corpus (a path or a loaded table); return the folder.

    Writes ``story.yaml`` (date range and languages of the corpus), ``events.yaml`` (coverage peaks as
    candidate events, ``status: suggested``), ``naming.yaml`` (seed phrases and suggested variants),
    ``speakers.yaml`` (the most quoted names with their detected type and country) and ``codebook.yaml``
    (a copy of policy_frames); each file says in comments what to check by hand. A folder that already
    holds a pack is left alone unless ``force``.

    >>> import tempfile
    >>> folder = init_story(Path(tempfile.mkdtemp()) / "dam", "tests/data/corpus")  # doctest: +SKIP
    >>> sorted(p.name for p in folder.iterdir())  # doctest: +SKIP
    ['codebook.yaml', 'events.yaml', 'naming.yaml', 'speakers.yaml', 'story.yaml']
    """
    from ..corpus import load_corpus

    folder = Path(directory)
    kinds = ("story", "events", "naming", "speakers", "codebook")
    existing = [PACK_FILES[k] for k in kinds if (folder / PACK_FILES[k]).exists()]
    if existing and not force:
        raise StoryError(f"{folder}: already holds a story pack ({', '.join(existing)}); choose another folder "
                         "or pass --force (force=True) to overwrite it")
    if folder.exists() and not folder.is_dir():
        raise StoryError(f"{folder}: is a file; give a folder for the story pack")
    if isinstance(corpus, pd.DataFrame):
        df, source = corpus, "a corpus table"
    else:
        if not Path(corpus).exists():
            raise StoryError(f"{corpus}: no such corpus file or folder; check the --corpus path")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            df = load_corpus(corpus)
        source = str(corpus)
    if not len(df):
        raise StoryError(f"{source}: no articles to draft a story pack from; check it with `mediakit info`")
    pack_name = name or _slug(folder.resolve().name).replace("_", "-")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = {"story": _story_yaml(pack_name, df, source), "events": _events_yaml(pack_name, df),
                 "naming": _naming_yaml(pack_name, df), "speakers": _speakers_yaml(df),
                 "codebook": _codebook_yaml(pack_name)}
    folder.mkdir(parents=True, exist_ok=True)
    for kind, text in files.items():
        (folder / PACK_FILES[kind]).write_text(text, encoding="utf-8")
    return folder
