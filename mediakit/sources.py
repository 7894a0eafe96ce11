"""Sources: who is quoted, how, and by whom -- quotes with speakers, speaker types, attribution verbs,
per-outlet source profiles and the sourcing of each article (wire credits, "told NTV", "according to TASS").

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": [
...     'Ismail Demir, head of the SSB, said work continued. "We will wait," he added.']})
>>> q = extract_quotes(arts)
>>> q[["kind", "quote", "speaker", "speaker_canonical", "speaker_type"]].values.tolist()
[['indirect', 'work continued', 'Ismail Demir', 'Ismail Demir', 'official'], ['direct', 'We will wait,', 'he', 'Ismail Demir', 'official']]

Rules and lexicons only (``resources/attribution_verbs.yaml``, ``speakers.yaml``, ``speaker_roles.yaml``);
no model is downloaded. Accuracy is measured by ``bench/quotes.py`` on PolNeAR and on the s400 gold.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .quotes import find_attributions, load_gazetteer, merge_names, resolve_speakers, verb_stances

__all__ = [
    "QUOTE_COLUMNS", "EXTRA_COLUMNS", "extract_quotes", "speaker_table", "source_profile", "article_sourcing",
    "guess_language", "stance_lexicon",
]

QUOTE_COLUMNS = [
    "article_id", "outlet", "kind", "quote", "start", "end", "speaker", "speaker_start", "speaker_end",
    "speaker_canonical", "speaker_type", "verb", "verb_start", "verb_end", "sentence",
]
# beyond the contract: the speaker's country, the verb's lemma and stance, and whether a direct row is the
# quoted fragment of a mixed quote (counted once, with its mixed quote, by the profiles)
EXTRA_COLUMNS = ["speaker_country", "verb_lemma", "stance", "fragment"]
_TR_CHARS = re.compile(r"[ğşıİĞŞ]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def guess_language(text: str) -> str:
    """A fast guess among the languages the rules know: "ru" (Cyrillic), "tr" (Turkish letters) or "en".

    >>> guess_language("Demir, “Çalışmalarımız sürüyor” dedi."), guess_language("Он сказал")
    ('tr', 'ru')
    """
    sample = text[:3000]
    if len(_CYRILLIC.findall(sample)) > 0.2 * max(1, sum(c.isalpha() for c in sample)):
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


def extract_quotes(articles: pd.DataFrame, *, merge_speakers: bool = True, gazetteer=None,
                   discount_reuse: bool | pd.DataFrame = False) -> pd.DataFrame:
    """One row per quote: direct (every quote-mark style, split and multi-paragraph quotes), indirect
    ("X said that ...", "X told NTV ..."), mixed (indirect with a quoted fragment) and "according to X".

    Columns (the contract): ``article_id, outlet, kind, quote, start, end`` (offsets of the quoted content
    in ``text``), ``speaker, speaker_start, speaker_end`` (the mention; NaN when none), ``speaker_canonical``
    (the resolved name: "he", "the defense chief" -> "Ismail Demir"; names merged across articles with
    ``merge_speakers``), ``speaker_type`` (official, military, expert, industry, media, anonymous, citizen,
    unknown), ``verb, verb_start, verb_end, sentence``; then ``speaker_country, verb_lemma, stance,
    fragment`` (True for the quoted words of a mixed quote, which also appear as a row of kind direct).

    ``articles`` needs ``article_id`` and ``text``; ``outlet`` and ``language`` (en, tr, ru) are used when
    present (the language is guessed otherwise). ``discount_reuse`` drops quotes lying in text reused from
    an earlier article (True: computed with :func:`mediakit.reuse.reused_spans`; or a ``find_reuse``
    result).

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ['"It was wrong," the minister said.']})
    >>> extract_quotes(arts)[["quote", "speaker", "speaker_type"]].values.tolist()
    [['It was wrong,', 'the minister', 'official']]
    """
    for col in ("article_id", "text"):
        if col not in articles:
            raise KeyError(f"extract_quotes: articles has no {col!r} column; pass a corpus table "
                           f"(mediakit.load_corpus) or a DataFrame with article_id and text")
    gz = gazetteer if gazetteer is not None else load_gazetteer()
    outlets = articles["outlet"].astype(str).tolist() if "outlet" in articles else [""] * len(articles)
    rows: list[dict] = []
    for aid, outlet, text, lang in zip(articles["article_id"].tolist(), outlets,
                                       articles["text"].fillna("").astype(str).tolist(), _languages(articles)):
        subjects: list[tuple[int, int]] = []
        recs = find_attributions(text, lang, subjects)
        resolve_speakers(text, recs, gazetteer=gz, subjects=subjects)
        for r in recs:
            rows.append({
                "article_id": aid, "outlet": outlet, "kind": r["kind"], "quote": text[r["start"]:r["end"]],
                "start": r["start"], "end": r["end"], "speaker": r["speaker"],
                "speaker_start": r["speaker_start"], "speaker_end": r["speaker_end"],
                "speaker_canonical": r["speaker_canonical"], "speaker_type": r["speaker_type"],
                "verb": r["verb"], "verb_start": r["verb_start"], "verb_end": r["verb_end"],
                "sentence": text[r["sent_start"]:r["sent_end"]],
                "speaker_country": r["speaker_country"], "verb_lemma": r["lemma"], "stance": r["stance"],
                "fragment": bool(r.get("fragment")),
            })
    df = pd.DataFrame(rows, columns=QUOTE_COLUMNS + EXTRA_COLUMNS)
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    for c in ("speaker_start", "speaker_end", "verb_start", "verb_end"):
        df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
    df["fragment"] = df["fragment"].astype(bool)
    if merge_speakers and len(df):
        mapping = merge_names(df["speaker_canonical"].tolist())
        df["speaker_canonical"] = df["speaker_canonical"].map(lambda c: mapping.get(c, c) if isinstance(c, str) else c)
        _share_roles(df)
    if discount_reuse is not False and discount_reuse is not None and len(df):
        spans = _reused_spans(discount_reuse, articles)
        df = df[~_inside_spans(df, spans)].reset_index(drop=True)
    return df


def _share_roles(df: pd.DataFrame) -> None:
    """One person, one role: a speaker typed in one article ("Harun Kestel, who runs a machining firm")
    keeps that type and country where another article names them bare ("Harun Kestel de tedirgin")."""
    known = df[(df["speaker_type"] != "unknown") & df["speaker_canonical"].notna()]
    if not len(known):
        return
    types = known.groupby("speaker_canonical")["speaker_type"].agg(lambda s: s.mode().iat[0])
    countries = known[known["speaker_country"].astype(bool)].groupby("speaker_canonical")["speaker_country"].agg(
        lambda s: s.mode().iat[0])
    unknown = (df["speaker_type"] == "unknown") & df["speaker_canonical"].isin(types.index)
    df.loc[unknown, "speaker_type"] = df.loc[unknown, "speaker_canonical"].map(types)
    no_country = ~df["speaker_country"].astype(bool) & df["speaker_canonical"].isin(countries.index)
    df.loc[no_country, "speaker_country"] = df.loc[no_country, "speaker_canonical"].map(countries)


# ---------------------------------------------------------------- reuse discounting
def _reused_spans(discount_reuse: bool | pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    """Spans of text repeating an earlier article: from a ``find_reuse`` result (its target side), from a
    ready ``article_id, start, end`` table, or computed by :func:`mediakit.reuse.reused_spans`."""
    if isinstance(discount_reuse, pd.DataFrame):
        d = discount_reuse
        if {"target_id", "target_start", "target_end"} <= set(d.columns):
            return d.rename(columns={"target_id": "article_id", "target_start": "start",
                                     "target_end": "end"})[["article_id", "start", "end"]]
        if {"article_id", "start", "end"} <= set(d.columns):
            return d[["article_id", "start", "end"]]
        raise ValueError("discount_reuse: expected a find_reuse result (target_id, target_start, target_end) "
                         "or spans (article_id, start, end)")
    if articles is None:
        raise ValueError("discount_reuse=True needs the articles to find reused text; pass articles= or a "
                         "find_reuse result as discount_reuse=")
    from .reuse import reused_spans

    return reused_spans(articles)


def _inside_spans(quotes: pd.DataFrame, spans: pd.DataFrame, min_share: float = 0.5) -> np.ndarray:
    """True for quotes whose content lies at least ``min_share`` inside a reused span of their article."""
    out = np.zeros(len(quotes), dtype=bool)
    if spans is None or not len(spans):
        return out
    by_article: dict[str, list[tuple[int, int]]] = {}
    for aid, s, e in spans[["article_id", "start", "end"]].itertuples(index=False):
        by_article.setdefault(str(aid), []).append((int(s), int(e)))
    for i, (aid, s, e) in enumerate(quotes[["article_id", "start", "end"]].itertuples(index=False)):
        spans_a = by_article.get(str(aid))
        if not spans_a:
            continue
        covered = sum(max(0, min(e, e2) - max(s, s2)) for s2, e2 in spans_a)
        out[i] = covered >= min_share * max(1, e - s)
    return out


# ---------------------------------------------------------------- tables
def speaker_table(quotes: pd.DataFrame, *, by: str = "outlet", min_count: int = 1,
                  include_fragments: bool = False) -> pd.DataFrame:
    """Canonical speaker x outlet counts: one row per speaker with ``speaker_type``, ``speaker_country``,
    one column per outlet and ``total``, most quoted first.

    >>> q = pd.DataFrame({"outlet": ["A", "A", "B"], "speaker_canonical": ["X", "Y", "X"],
    ...                   "speaker_type": ["expert", "official", "expert"], "fragment": False})
    >>> speaker_table(q)[["speaker", "A", "B", "total"]].values.tolist()
    [['X', 1, 1, 2], ['Y', 1, 0, 1]]
    """
    q = _countable(quotes, include_fragments)
    q = q[q["speaker_canonical"].notna()]
    if not len(q):
        return pd.DataFrame(columns=["speaker", "speaker_type", "speaker_country", "total"])
    counts = q.groupby(["speaker_canonical", by]).size().unstack(by, fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts = counts[counts["total"] >= min_count]
    if "speaker_country" not in q:
        q = q.assign(speaker_country="")
    meta = q.groupby("speaker_canonical").agg(speaker_type=("speaker_type", _mode),
                                              speaker_country=("speaker_country", _mode))
    out = meta.join(counts, how="inner").reset_index().rename(columns={"speaker_canonical": "speaker"})
    out = out.sort_values(["total", "speaker"], ascending=[False, True]).reset_index(drop=True)
    outlets = [c for c in counts.columns if c != "total"]
    return out[["speaker", "speaker_type", "speaker_country", *outlets, "total"]]


def _mode(s: pd.Series) -> str:
    """The most frequent non-empty value ("" when none)."""
    s = s.dropna().astype(str)
    s = s[s != ""]
    return str(s.mode().iat[0]) if len(s) else ""


def _countable(quotes: pd.DataFrame, include_fragments: bool) -> pd.DataFrame:
    if include_fragments or "fragment" not in quotes:
        return quotes
    return quotes[~quotes["fragment"].fillna(False).astype(bool)]


def source_profile(quotes: pd.DataFrame, by: str = "outlet", *, n_boot: int = 1000, ci: float = 0.95,
                   top: int = 5, random_state: int | None = 0, discount_reuse: bool | pd.DataFrame = False,
                   articles: pd.DataFrame | None = None, include_fragments: bool = False) -> pd.DataFrame:
    """Per outlet (or ``by``): the share of quotes by speaker type, by speaker country, direct vs indirect
    (``kind``), by verb stance, the anonymous share, and the top speakers, each with a bootstrap confidence
    interval over articles (articles are resampled with replacement within the outlet, ``n_boot`` times).

    Returns a tidy table: ``group, measure, category, count, share, ci_low, ci_high, n_quotes, n_articles``
    with ``measure`` one of speaker_type, country, kind, stance, anonymous, top_speaker. Fragment rows
    (the quoted words of mixed quotes) are left out so that each attribution counts once.
    ``discount_reuse`` leaves out quotes in text reused from an earlier article (a ``find_reuse`` result,
    or True with ``articles``), so that one wire story counts once.

    >>> q = pd.DataFrame({"article_id": ["a", "a", "b"], "outlet": ["X", "X", "X"],
    ...                   "speaker_type": ["official", "expert", "official"], "speaker_country": ["TR", "", "US"],
    ...                   "kind": ["direct", "indirect", "direct"], "stance": ["neutral"] * 3,
    ...                   "speaker_canonical": ["A", "B", "A"], "fragment": False})
    >>> p = source_profile(q, n_boot=50)
    >>> row = p[(p.measure == "speaker_type") & (p.category == "official")].iloc[0]
    >>> int(row["count"]), round(float(row["share"]), 3), int(row["n_articles"])
    (2, 0.667, 2)
    """
    q = _countable(quotes, include_fragments).copy()
    if discount_reuse is not False and discount_reuse is not None and len(q):
        q = q[~_inside_spans(q, _reused_spans(discount_reuse, articles))]
    if by not in q:
        raise KeyError(f"source_profile: quotes have no {by!r} column; group by one of {list(q.columns)}")
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
    out = pd.DataFrame(rows, columns=["group", "measure", "category", "count", "share", "ci_low", "ci_high",
                                      "n_quotes", "n_articles"])
    out.attrs.update({"by": by, "n_boot": n_boot, "ci": ci, "random_state": random_state})
    return out


# ---------------------------------------------------------------- sourcing per article
_CREDIT_PATTERNS = [
    re.compile(r"^Photo:\s*(?P<who>[^/]+?)\s*/\s*(?P<src>.+)$", re.I),
    re.compile(r"^Based on materials (?:from|of)\s+(?P<src>.+?)\.?$", re.I),
    re.compile(r"^(?P<src>.+?)\s+contributed to this report\.?$", re.I),
    re.compile(r"^Reporting by\s+(?P<who>.+?)(?:;|$)", re.I),
    re.compile(r"^[A-ZÇĞİÖŞÜ ,.\-]+\((?P<src>[^)]+)\)\s*[-—–]?$"),
    re.compile(r"^(?P<src>[^,]+),\s*\d{1,2}\s+\w+\s+\d{4}$"),
]


def _media_regex():
    gz = load_gazetteer()
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


def article_sourcing(articles: pd.DataFrame, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Where each article's information comes from: the loader's credit lines (``wire``, ``credits``)
    and attributions in the text to other media ("told NTV", "according to TASS", "Reuters reported"),
    plus quotes whose speaker is a news organisation.

    One row per source mention: ``article_id, outlet, source, how, evidence, start, end`` with ``how`` one
    of credit, wire, interview, according_to, reported, quoted; offsets point into ``text`` (NaN for credit
    lines, which the loader removed from the text). An outlet's credits to itself ("Photo: X / Volga Wire"
    in Volga Wire) are left out.

    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "wire": [""], "credits": [""],
    ...     "text": ["Demir told NTV the work went on, according to TASS."]})
    >>> article_sourcing(arts)[["source", "how", "evidence"]].values.tolist()
    [['NTV', 'interview', 'NTV'], ['TASS', 'according_to', 'TASS']]
    """
    rx, canon = _media_regex()
    gz = load_gazetteer()
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
        media = _countable(quotes, False)
        media = media[media["speaker_type"] == "media"]
        extra = pd.DataFrame({
            "article_id": media["article_id"], "outlet": media["outlet"], "source": media["speaker_canonical"],
            "how": "quoted", "evidence": media["speaker"], "start": media["speaker_start"],
            "end": media["speaker_end"]})
        out = pd.concat([out, extra], ignore_index=True) if len(out) else extra.reset_index(drop=True)
    out["start"] = pd.to_numeric(out["start"], errors="coerce").astype("float64")
    out["end"] = pd.to_numeric(out["end"], errors="coerce").astype("float64")
    return out.drop_duplicates().reset_index(drop=True)


def stance_lexicon(lang: str = "en") -> pd.DataFrame:
    """The attribution-verb stance lexicon as a table (``lemma, stance``), for reading or plotting.

    >>> lex = stance_lexicon()
    >>> lex[lex.lemma.isin(["say", "claim", "stress"])].values.tolist()
    [['claim', 'distancing'], ['say', 'neutral'], ['stress', 'emphatic']]
    """
    return pd.DataFrame(sorted(verb_stances(lang).items()), columns=["lemma", "stance"])

