"""Sources: who is quoted, how, and by whom -- quotes with speakers, speaker types, attribution verbs,
per-outlet source profiles and the sourcing of each article (wire credits, "told the BBC", "according to AFP").

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": [
...     'Ana Ruiz, head of the port authority, said work continued. "We will wait," she added.']})
>>> q = extract_quotes(arts)
>>> q[["kind", "quote", "speaker", "speaker_canonical", "speaker_type"]].values.tolist()
[['indirect', 'work continued', 'Ana Ruiz', 'Ana Ruiz', 'official'], ['direct', 'We will wait,', 'she', 'Ana Ruiz', 'official']]

Rules and lexicons only (``resources/attribution_verbs.yaml``, ``speakers.yaml``, ``speaker_roles.yaml``,
and a story pack's ``speakers.yaml`` when ``gazetteer=`` names one); no model is downloaded. Accuracy is
measured by ``bench/quotes.py`` on PolNeAR and on the s400 gold.

Counting quotes: the quoted words of a mixed quote ("said the US would 'fully enforce' it") are a row of
their own (``fragment`` True, kind direct) for their offsets, but they are not counted: a mixed quote
counts once. :func:`countable_quotes` is the rule; :func:`source_profile`, :func:`speaker_table`, the
report and the CLI all count with it.
"""

from __future__ import annotations

import bisect
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from ._sourcing import _gz_label, article_sourcing
from .analysis import Analysis, register, reject_dask, run_local
from .corpus import ColumnError, validate_corpus
from .quotes import Gazetteer, as_gazetteer, find_attributions, merge_names, resolve_speakers, verb_stances
from .quotes._speakers_merge import untitled_name
from .spans import as_spans, mostly_inside
from .text import sentence_spans

__all__ = [
    "QUOTE_COLUMNS", "EXTRA_COLUMNS", "extract_quotes", "countable_quotes", "speaker_table", "source_profile",
    "article_sourcing", "guess_language", "stance_lexicon",
]

QUOTE_COLUMNS = [
    "article_id", "outlet", "kind", "quote", "start", "end", "speaker", "speaker_start", "speaker_end",
    "speaker_canonical", "speaker_type", "verb", "verb_start", "verb_end", "sentence", "sentence_text",
]
# beyond the contract: the speaker's country, the verb's lemma and stance, and whether a direct row is the
# quoted fragment of a mixed quote (not counted: its mixed quote is)
EXTRA_COLUMNS = ["speaker_country", "verb_lemma", "stance", "fragment", "resolved"]
_OFFSETS = ["start", "end", "speaker_start", "speaker_end", "verb_start", "verb_end", "sentence"]
_DTYPES = {c: "Int64" for c in _OFFSETS} | {"fragment": "bool", "resolved": "bool"} | {
    c: "str" for c in ("article_id", "outlet", "kind", "quote", "speaker_type", "sentence_text", "speaker_country")}
_OPTIONAL_TEXT = ["speaker", "speaker_canonical", "verb", "verb_lemma", "stance"]  # None where missing
_TR_CHARS = re.compile(r"[ğşıİĞŞ]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def guess_language(text: str) -> str:
    """A fast guess among the languages the rules know: "ru" (Cyrillic), "tr" (Turkish letters) or "en".

    >>> guess_language("Yetkili, “Çalışmalarımız sürüyor” dedi."), guess_language("Он сказал")
    ('tr', 'ru')
    """
    sample = text[:3000]
    cyrillic = len(_CYRILLIC.findall(sample))
    # the letters are counted only when there is Cyrillic: no Cyrillic is never a fifth of at least one letter
    if cyrillic and cyrillic > 0.2 * max(1, sum(c.isalpha() for c in sample)):
        return "ru"
    if len(_TR_CHARS.findall(sample)) >= 3:
        return "tr"
    return "en"


def _languages(articles: pd.DataFrame) -> list[str]:
    if "language" in articles:
        langs = articles["language"].fillna("").astype(str).tolist()
    else:
        langs = [""] * len(articles)
    texts = articles["text"].fillna("").astype(str).tolist()
    return [lang if lang in ("en", "tr", "ru") else guess_language(t) for lang, t in zip(langs, texts)]


def extract_quotes(articles: pd.DataFrame, *, merge_speakers: bool = True,
                   gazetteer: str | Path | Gazetteer | None = None,
                   discount_reuse: bool | pd.DataFrame = False) -> pd.DataFrame:
    """One row per quote: direct (every quote-mark style, split and multi-paragraph quotes), indirect
    ("X said that ...", "X told the BBC ..."), mixed (indirect with a quoted fragment) and "according to X".

    Columns (the contract): ``article_id, outlet, kind, quote, start, end`` (offsets of the quoted content
    in ``text``), ``speaker, speaker_start, speaker_end`` (the mention; offsets ``<NA>`` when none),
    ``speaker_canonical`` (the resolved name: "he", "the port chief" -> "Ana Ruiz"; names merged across
    articles with ``merge_speakers``: on the same full name, a bare surname unambiguous in the corpus, or a
    surname an article writes only with a gendered title, "Mr. Ruiz", when the corpus has one full name of that
    gender), ``speaker_type`` (official, military, expert, industry, media,
    anonymous, citizen, unknown), ``verb, verb_start, verb_end``, ``sentence`` (the 0-based index of the
    sentence of the attribution in the article, numbered as :func:`mediakit.parse_corpus` numbers them) and
    ``sentence_text`` (the text of the attribution's sentence: from the start of that sentence to the end
    of the last one the attribution spans); then ``speaker_country, verb_lemma, stance, fragment``. Offsets
    are ``Int64``.

    Counting: ``fragment`` is True for the quoted words of a mixed quote, which are also a row of kind
    direct; such rows are not counted (the mixed quote is), here as in :func:`source_profile`,
    :func:`speaker_table`, the report and the CLI: the number of quotes is
    ``len(countable_quotes(quotes))``.

    ``articles`` needs ``article_id`` and ``text``; ``outlet``, ``language`` (en, tr, ru; guessed when
    absent) and ``date`` are used when present.

    ``gazetteer``: None uses the generic gazetteer only (news media and agencies; speakers are typed from
    their own words); a story pack name (``mediakit/stories/<name>``), a pack folder or a path to a
    ``speakers.yaml`` adds that story's people and organisations; a loaded
    :class:`~mediakit.quotes.Gazetteer` is used as it is. A gazetteer role holds only between its ``from``
    and ``until`` dates: in an article dated outside them the name is still recognised but the role (type,
    descriptions such as "the secretary of state") is not applied. The function warns once, with the
    count, when that happens or when undated articles use dated roles unchecked, and puts the same
    sentence in ``attrs["fit_note"]``.

    ``discount_reuse`` drops quotes lying (for at least half) in text reused from an earlier article: pass a
    :func:`mediakit.find_reuse` result or a spans table (``article_id, start, end``); True computes reuse
    here (with a warning: compute it once and pass it).

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ['"It was wrong," the minister said.']})
    >>> q = extract_quotes(arts)
    >>> q[["quote", "speaker", "speaker_type", "sentence"]].values.tolist()
    [['It was wrong,', 'the minister', 'official', 0]]
    >>> q.attrs["analysis"], str(q["speaker_start"].dtype)
    ('extract_quotes', 'Int64')
    """
    reject_dask(articles, "extract_quotes")
    validate_corpus(articles, ["article_id", "text"], where="extract_quotes")
    if discount_reuse is True:
        discount_reuse = _computed_reuse(articles, "extract_quotes")
    return run_local(EXTRACT_QUOTES, articles, merge_speakers=merge_speakers, gazetteer=gazetteer,
                     discount_reuse=discount_reuse)


def _computed_reuse(articles: pd.DataFrame, where: str) -> pd.DataFrame:
    warnings.warn(f"{where}: discount_reuse=True computes find_reuse on the corpus; compute it once "
                  "(reuse = mk.find_reuse(corpus)) and pass discount_reuse=reuse", UserWarning, stacklevel=3)
    from .reuse import reused_spans

    return reused_spans(articles)


# ---------------------------------------------------------------- extract_quotes as partition -> merge ->
# finalize (mediakit.analysis; mediakit.scale runs the same hooks on Dask partitions). partition: the quotes
# of its articles (speakers resolved inside each article), the counts of each canonical name in
# first-occurrence order, (name, value) counts of the known speaker types and countries, and fit counts;
# merge: tables concatenated, counts summed; finalize: names merged across the corpus (merge_names on the
# summed counts), one type and country per person (the most frequent), reused text dropped, attrs.
def _validate(columns: list[str], *, engine: str, merge_speakers: bool, gazetteer, discount_reuse) -> dict:
    missing = [c for c in ("article_id", "text") if c not in columns]
    if missing:
        raise ColumnError(f"extract_quotes: column {missing[0]!r} missing; pass a corpus from "
                          "mediakit.load_corpus or add the column")
    if gazetteer is not None and not isinstance(gazetteer, str | Path | Gazetteer):
        raise TypeError(f"extract_quotes: gazetteer must be None, a story name, a path or a Gazetteer, not "
                        f"{type(gazetteer).__name__}")
    if isinstance(gazetteer, str | Path):
        as_gazetteer(gazetteer)  # a bad name fails here, before any work
        gazetteer = str(gazetteer)
    if discount_reuse is True:
        raise ValueError("extract_quotes: discount_reuse=True is not computed on Dask; pass a find_reuse "
                         "result: discount_reuse=mk.find_reuse(ddf)")
    if discount_reuse is None or discount_reuse is False:
        discount_reuse = False
    elif isinstance(discount_reuse, pd.DataFrame):
        discount_reuse = as_spans(discount_reuse)
    else:
        raise TypeError("extract_quotes: discount_reuse takes a find_reuse result or a spans table "
                        f"(article_id, start, end), not {type(discount_reuse).__name__}")
    return {"merge_speakers": bool(merge_speakers), "gazetteer": gazetteer, "discount_reuse": discount_reuse}


def _columns(**_: object) -> list[str]:
    return ["article_id", "outlet", "text", "language", "date"]


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    df = df.astype(_DTYPES)
    for c in _OPTIONAL_TEXT:
        df[c] = df[c].astype(object).where(df[c].notna(), None)
    return df


def _day(value):
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def _partition(part: pd.DataFrame, *, gazetteer, **_: object):
    gz = as_gazetteer(gazetteer)
    dated = gz.dated
    outlets = part["outlet"].astype(str).tolist() if "outlet" in part else [""] * len(part)
    days = [_day(d) for d in part["date"]] if "date" in part and dated else [None] * len(part)
    rows: list[dict] = []
    outside = undated = 0
    dated_names = gz.dated_names() if dated else set()
    for aid, outlet, text, lang, day in zip(part["article_id"].tolist(), outlets,
                                            part["text"].fillna("").astype(str).tolist(), _languages(part), days):
        subjects: list[tuple[int, int]] = []
        recs = find_attributions(text, lang, subjects)
        resolve_speakers(text, recs, gazetteer=gz.on(day) if dated else gz, subjects=subjects)
        if dated and recs:
            if day is None:
                undated += sum(r["speaker_canonical"] in dated_names for r in recs)
            else:
                off = gz.off_roles(day)
                outside += sum(r["speaker_canonical"] in off for r in recs) if off else 0
        starts = [s for s, _ in sentence_spans(text)] if recs else []
        for r in recs:
            rows.append({
                "article_id": aid, "outlet": outlet, "kind": r["kind"], "quote": text[r["start"]:r["end"]],
                "start": r["start"], "end": r["end"], "speaker": r["speaker"],
                "speaker_start": r["speaker_start"], "speaker_end": r["speaker_end"],
                "speaker_canonical": r["speaker_canonical"], "speaker_type": r["speaker_type"],
                "verb": r["verb"], "verb_start": r["verb_start"], "verb_end": r["verb_end"],
                "sentence": max(0, bisect.bisect_right(starts, r["sent_start"]) - 1),
                "sentence_text": text[r["sent_start"]:r["sent_end"]],
                "speaker_country": r["speaker_country"], "verb_lemma": r["lemma"], "stance": r["stance"],
                "fragment": bool(r.get("fragment")),
                "resolved": bool(r.get("resolved", r["speaker_canonical"] is not None)),
            })
    q = _typed(pd.DataFrame(rows, columns=QUOTE_COLUMNS + EXTRA_COLUMNS))
    return q, _name_counts(q), _role_counts(q, "speaker_type"), _role_counts(q, "speaker_country"), (outside, undated)


def _name_counts(q: pd.DataFrame) -> pd.Series:
    """How often each canonical name occurs, in first-occurrence order."""
    c = q["speaker_canonical"]
    c = c[c.map(lambda v: isinstance(v, str) and v != "")].astype(str)
    order = pd.unique(c)
    return pd.Series(c.value_counts(sort=False).reindex(order).to_numpy(dtype="int64"),
                     index=pd.Index(order, dtype=object, name="name"), name="n")


def _role_counts(q: pd.DataFrame, col: str) -> pd.Series:
    """(name, value) counts of the rows a person's role is learnt from: a known type (and a country)."""
    known = q[(q["speaker_type"] != "unknown") & q["speaker_canonical"].notna()]
    if col == "speaker_country":
        known = known[known["speaker_country"].astype(bool)]
    g = known.groupby([known["speaker_canonical"].astype(str), known[col].astype(str)]).size()
    g.index = g.index.set_names(["name", "value"])
    return g.astype("int64").rename("n")


def _merge(parts: list):
    if len(parts) == 1:
        return parts[0]
    table = pd.concat([p[0] for p in parts], ignore_index=True)
    names = pd.concat([p[1] for p in parts]).groupby(level=0, sort=False).sum()
    roles = [_sum_pairs([p[i] for p in parts]) for i in (2, 3)]
    fit = tuple(sum(p[4][i] for p in parts) for i in (0, 1))
    return table, names, roles[0], roles[1], fit


def _sum_pairs(series: list[pd.Series]) -> pd.Series:
    series = [s for s in series if len(s)]
    if not series:
        return pd.Series([], index=pd.MultiIndex.from_tuples([], names=["name", "value"]), dtype="int64", name="n")
    return pd.concat(series).groupby(level=[0, 1]).sum()


def _finalize(partial, *, merge_speakers: bool, gazetteer, discount_reuse, **_: object) -> pd.DataFrame:
    q, names, types, countries, (outside, undated) = partial
    q = q.reset_index(drop=True)
    if merge_speakers and len(q):
        mapping = _name_mapping(names, as_gazetteer(gazetteer))
        q["speaker_canonical"] = q["speaker_canonical"].map(
            lambda c: mapping.get(c, c) if isinstance(c, str) else c).astype(object)
        _apply_roles(q, _mode_of(_renamed(types, mapping)), _mode_of(_renamed(countries, mapping)))
    if len(q):  # a title kept for the merge ("Mr. Roe") never stays in the table
        q["speaker_canonical"] = q["speaker_canonical"].map(untitled_name).astype(object)
    if isinstance(discount_reuse, pd.DataFrame) and len(q):
        inside = mostly_inside(q["article_id"].astype(str).tolist(), q["start"].to_numpy(dtype="int64"),
                               q["end"].to_numpy(dtype="int64"), discount_reuse)
        q = q[~inside].reset_index(drop=True)
    q = _typed(q)
    q.attrs = {"analysis": "extract_quotes", "merge_speakers": merge_speakers,
               "gazetteer": _gz_label(gazetteer),
               "discount_reuse": isinstance(discount_reuse, pd.DataFrame)}
    if gazetteer is None:
        q.attrs["note"] = ("No story gazetteer: speakers are typed from their own words; a story pack's "
                           "speakers.yaml (gazetteer=NAME) would add its people with their roles and dates.")
    note = _fit_note(outside, undated)
    if note:
        warnings.warn(note, UserWarning, stacklevel=4)
        q.attrs["fit_note"] = note
    return q


def _fit_note(outside: int, undated: int) -> str:
    parts = []
    if outside:
        parts.append(f"{outside} quote{'s' if outside != 1 else ''} name{'s' if outside == 1 else ''} a gazetteer "
                     "person outside the dates of their role, so the role was not applied")
    if undated:
        parts.append(f"{undated} quote{'s' if undated != 1 else ''} in undated articles use{'s' if undated == 1 else ''} "
                     "gazetteer roles without a date check")
    return ("extract_quotes: " + "; ".join(parts) + ".") if parts else ""


def _name_mapping(names: pd.Series, gz: Gazetteer) -> dict[str, str]:
    """merge_names over the corpus' name counts; names the gazetteer knows take its spelling first."""
    pre = {}
    for nm in names.index:
        e = gz.lookup(nm)
        if e is not None and e.kind == "person" and e.name != nm:
            pre[nm] = e.name
    mapping = merge_names([pre.get(nm, nm) for nm, k in names.items() for _ in range(int(k))], gazetteer=gz)
    out = {nm: mapping.get(pre.get(nm, nm), pre.get(nm, nm)) for nm in names.index}
    return {k: v for k, v in out.items() if k != v}


def _renamed(counts: pd.Series, mapping: dict[str, str]) -> pd.Series:
    """(name, value) counts with each name replaced by its merged spelling, summed."""
    if not len(counts):
        return counts
    df = counts.rename("n").reset_index()
    df["name"] = df["name"].map(lambda c: mapping.get(c, c))
    return df.groupby(["name", "value"])["n"].sum()


def _mode_of(counts: pd.Series) -> pd.Series:
    """Per name, the value with the highest count (ties: the smallest value), as ``Series.mode().iat[0]``
    gives on the rows themselves."""
    if not len(counts):
        return pd.Series(dtype=object)
    df = counts.rename("n").reset_index()
    df = df.sort_values(["name", "n", "value"], ascending=[True, False, True], kind="stable")
    return df.drop_duplicates("name").set_index("name")["value"]


def _apply_roles(q: pd.DataFrame, types: pd.Series, countries: pd.Series) -> None:
    """One person, one role: a speaker typed in one article ("Harun Kestel, who runs a machining firm")
    keeps that type and country where another article names them bare ("Harun Kestel de tedirgin")."""
    if len(types):
        unknown = (q["speaker_type"] == "unknown") & q["speaker_canonical"].isin(types.index)
        q.loc[unknown, "speaker_type"] = q.loc[unknown, "speaker_canonical"].map(types)
    if len(countries):
        no_country = ~q["speaker_country"].astype(bool) & q["speaker_canonical"].isin(countries.index)
        q.loc[no_country, "speaker_country"] = q.loc[no_country, "speaker_canonical"].map(countries)


EXTRACT_QUOTES = register(Analysis("extract_quotes", partition=_partition, merge=_merge, finalize=_finalize,
                                   validate=_validate, columns=_columns, public=extract_quotes))


# ---------------------------------------------------------------- counting and tables
def countable_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes that count: every row but the fragments of mixed quotes (``fragment`` True), which are
    counted once with their mixed quote. Every count of quotes in mediakit uses this rule.

    >>> q = pd.DataFrame({"kind": ["mixed", "direct", "direct"], "fragment": [False, True, False]})
    >>> len(countable_quotes(q))
    2
    """
    if "fragment" not in quotes:
        return quotes
    return quotes[~quotes["fragment"].fillna(False).astype(bool)]


def _quote_columns(quotes: pd.DataFrame, required: list[str], where: str) -> None:
    if not isinstance(quotes, pd.DataFrame):
        raise ColumnError(f"{where}: expected the quote table of mediakit.extract_quotes, not {type(quotes).__name__}")
    for c in required:
        if c not in quotes.columns:
            raise ColumnError(f"{where}: column {c!r} missing; pass the table of mediakit.extract_quotes "
                              "(or name an existing column with by=)")


_SPEAKER_TABLE = {"speaker": "str", "speaker_type": "str", "speaker_country": "str", "group": "str",
                  "count": "int64"}


def speaker_table(quotes: pd.DataFrame, *, by: str = "outlet", min_count: int = 1) -> pd.DataFrame:
    """How often each canonical speaker is quoted per group (``by``, default outlet), tidy: one row per
    speaker and group with ``speaker, speaker_type, speaker_country, group, count`` (groups where the
    speaker is not quoted are left out); speakers quoted ``min_count`` times or more in all, most quoted
    first. ``attrs["by"]`` names the grouping column. Fragments of mixed quotes are not counted
    (:func:`countable_quotes`).

    >>> q = pd.DataFrame({"outlet": ["A", "A", "B"], "speaker_canonical": ["X", "Y", "X"],
    ...                   "speaker_type": ["expert", "official", "expert"], "fragment": False})
    >>> speaker_table(q)[["speaker", "group", "count"]].values.tolist()
    [['X', 'A', 1], ['X', 'B', 1], ['Y', 'A', 1]]
    """
    _quote_columns(quotes, ["speaker_canonical", "speaker_type", by], "speaker_table")
    q = countable_quotes(quotes)
    q = q[q["speaker_canonical"].notna() & (q["speaker_canonical"].astype(str) != "")]
    attrs = {"analysis": "speaker_table", "by": by, "min_count": int(min_count)}
    if not len(q):
        out = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _SPEAKER_TABLE.items()})
        out.attrs = attrs
        return out
    q = q.assign(_speaker=q["speaker_canonical"].astype(str), _group=q[by].astype(str))
    if "speaker_country" not in q:
        q["speaker_country"] = ""
    counts = q.groupby(["_speaker", "_group"]).size().rename("count").reset_index()
    totals = counts.groupby("_speaker")["count"].sum()
    counts = counts[counts["_speaker"].map(totals) >= min_count]
    meta = pd.DataFrame({c: _modes(q["_speaker"], q[c]) for c in ("speaker_type", "speaker_country")})
    out = counts.join(meta, on="_speaker").rename(columns={"_speaker": "speaker", "_group": "group"})
    out["_total"] = out["speaker"].map(totals)
    out = out.sort_values(["_total", "speaker", "group"], ascending=[False, True, True], kind="stable")
    out = out[list(_SPEAKER_TABLE)].astype(_SPEAKER_TABLE).reset_index(drop=True)
    out.attrs = attrs
    return out


def _modes(keys: pd.Series, values: pd.Series) -> pd.Series:
    """Per key, its most frequent non-empty value, the first in sort order among ties ("" when none): what
    ``Series.mode().iat[0]`` gives per group, counted once for all groups (one pandas call per speaker was
    a fifth of the sources section on a few hundred quotes).

    >>> _modes(pd.Series(["a", "a", "a", "b"]), pd.Series(["x", "y", "y", None])).to_dict()
    {'a': 'y', 'b': ''}
    """
    v = values.astype("string").fillna("")
    keep = (v != "").to_numpy()
    counts = pd.DataFrame({"k": keys.to_numpy()[keep], "v": v.to_numpy()[keep]}).value_counts().rename("n")
    best = (counts.reset_index().sort_values(["n", "v"], ascending=[False, True], kind="stable")
            .drop_duplicates("k").set_index("k")["v"])
    index = pd.Index(pd.unique(keys.to_numpy()))
    return best.reindex(index).fillna("").astype(str)


_PROFILE = {"group": "str", "measure": "str", "category": "str", "count": "int64", "share": "float64",
            "ci_low": "float64", "ci_high": "float64", "n_quotes": "int64", "n_articles": "int64"}


def source_profile(quotes: pd.DataFrame, by: str = "outlet", *, n_boot: int = 1000, ci: float = 0.95,
                   top: int = 5, random_state: int | None = 0, discount_reuse: bool | pd.DataFrame = False,
                   articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per group (``by``, default outlet): the share of quotes by speaker type, by speaker country, direct
    vs indirect (``kind``), by verb stance, the anonymous share, and the top speakers, each with a
    bootstrap confidence interval over articles (articles are resampled with replacement within the group,
    ``n_boot`` times, with ``random_state``).

    Returns a tidy table: ``group, measure, category, count, share, ci_low, ci_high, n_quotes, n_articles``
    with ``measure`` one of speaker_type, country, kind, stance, anonymous, top_speaker; ``attrs["by"]``
    names the grouping column. Fragments of mixed quotes are not counted (:func:`countable_quotes`), so
    that each attribution counts once. ``discount_reuse`` leaves out quotes in text reused from an earlier
    article (a ``find_reuse`` result or a spans table; True computes it from ``articles``, with a warning),
    so that one wire story counts once.

    >>> q = pd.DataFrame({"article_id": ["a", "a", "b"], "outlet": ["X", "X", "X"],
    ...                   "speaker_type": ["official", "expert", "official"], "speaker_country": ["TR", "", "US"],
    ...                   "kind": ["direct", "indirect", "direct"], "stance": ["neutral"] * 3,
    ...                   "speaker_canonical": ["A", "B", "A"], "fragment": False})
    >>> p = source_profile(q, n_boot=50)
    >>> row = p[(p.measure == "speaker_type") & (p.category == "official")].iloc[0]
    >>> int(row["count"]), round(float(row["share"]), 3), int(row["n_articles"]), p.attrs["by"]
    (2, 0.667, 2, 'outlet')
    """
    _quote_columns(quotes, ["article_id", "speaker_type", "kind", by], "source_profile")
    if not 0 < ci < 1:
        raise ValueError(f"source_profile: ci={ci}; give a confidence level between 0 and 1, such as 0.95")
    if int(n_boot) < 1:
        raise ValueError(f"source_profile: n_boot={n_boot}; give at least 1 bootstrap replicate (default 1000)")
    q = countable_quotes(quotes).copy()
    if discount_reuse is True:
        if articles is None:
            raise ValueError("source_profile: discount_reuse=True needs the articles to find reused text; pass "
                             "articles= or a find_reuse result as discount_reuse=")
        discount_reuse = _computed_reuse(articles, "source_profile")
    if isinstance(discount_reuse, pd.DataFrame) and len(q):
        q = q[~mostly_inside(q["article_id"].astype(str).tolist(), q["start"].to_numpy(dtype="int64"),
                             q["end"].to_numpy(dtype="int64"), as_spans(discount_reuse))]
    q["anonymous"] = np.where(q["speaker_type"] == "anonymous", "anonymous", "named")
    if "speaker_country" in q:
        q["speaker_country"] = q["speaker_country"].fillna("").replace("", "unknown")
    else:
        q["speaker_country"] = "unknown"
    if "stance" not in q:
        q["stance"] = "unknown"
    q["stance"] = q["stance"].fillna("none")
    rng = np.random.default_rng(random_state)
    alpha = (1 - ci) / 2
    rows = []
    for group, g in q.groupby(by, sort=True):
        arts = g["article_id"].astype(str)
        codes, uniques = pd.factorize(arts)
        n_art = len(uniques)
        boot = rng.integers(0, n_art, size=(n_boot, n_art)) if n_art else np.zeros((n_boot, 0), dtype=int)
        weights = np.zeros((n_boot, n_art))
        for b in range(n_boot):
            weights[b] = np.bincount(boot[b], minlength=n_art)
        per_art_total = np.bincount(codes, minlength=n_art).astype(float)
        boot_total = weights @ per_art_total
        top_speakers = g["speaker_canonical"].dropna().value_counts().head(top).index.tolist() \
            if "speaker_canonical" in g else []
        measures = [("speaker_type", "speaker_type"), ("country", "speaker_country"), ("kind", "kind"),
                    ("stance", "stance"), ("anonymous", "anonymous")]
        for measure, col in measures + [("top_speaker", None)]:
            if measure == "top_speaker":
                cats = top_speakers
                values = g["speaker_canonical"]
            else:
                values = g[col].astype(str)
                cats = sorted(values.unique())
            for cat in cats:
                hit = (values == cat).to_numpy()
                per_art = np.bincount(codes, weights=hit.astype(float), minlength=n_art)
                count = int(hit.sum())
                share = count / len(g) if len(g) else np.nan
                with np.errstate(invalid="ignore", divide="ignore"):
                    bs = (weights @ per_art) / boot_total
                bs = bs[np.isfinite(bs)]
                lo, hi = (np.quantile(bs, [alpha, 1 - alpha]) if len(bs) else (np.nan, np.nan))
                rows.append({"group": group, "measure": measure, "category": cat, "count": count,
                             "share": share, "ci_low": float(lo), "ci_high": float(hi),
                             "n_quotes": len(g), "n_articles": n_art})
    out = pd.DataFrame(rows, columns=list(_PROFILE)).astype(_PROFILE)
    out.attrs.update({"analysis": "source_profile", "by": by, "n_boot": int(n_boot), "ci": ci,
                      "random_state": random_state, "top": int(top),
                      "discount_reuse": isinstance(discount_reuse, pd.DataFrame)})
    return out


def stance_lexicon(lang: str = "en") -> pd.DataFrame:
    """The attribution-verb stance lexicon as a table (``lemma, stance``), for reading or plotting.

    >>> lex = stance_lexicon()
    >>> lex[lex.lemma.isin(["say", "claim", "stress"])].values.tolist()
    [['claim', 'distancing'], ['say', 'neutral'], ['stress', 'emphatic']]
    """
    return pd.DataFrame(sorted(verb_stances(lang).items()), columns=["lemma", "stance"])

