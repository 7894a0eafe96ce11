"""A corpus at a glance: one row per outlet (or any column) with its size, length, dates and languages."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._base import ColumnError
from ._validate import validate_corpus

__all__ = ["corpus_summary", "SUMMARY_COLUMNS", "article_languages", "language_counts"]

SUMMARY_COLUMNS = ["group", "articles", "words", "median_words", "first_date", "last_date", "undated", "languages"]


def corpus_summary(articles: pd.DataFrame, by: str | None = "outlet") -> pd.DataFrame:
    """One row per group of ``by`` (default ``"outlet"``; None: the whole corpus as one row).

    Columns: ``group`` (``attrs["by"]`` names the column), ``articles``, ``words`` (whitespace-separated
    words of ``text``, summed), ``median_words`` (per article), ``first_date``, ``last_date`` (NaT when the
    group has no dated article), ``undated`` (articles without a date) and ``languages`` (the group's
    languages, most frequent first, e.g. ``"en, tr"``; empty without a ``language`` column). Groups are
    sorted by name; an empty corpus gives an empty table with these columns.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"article_id": list("abc"), "outlet": ["X", "X", "Y"],
    ...                    "text": ["one two three", "four five", "six"], "language": ["en", "tr", "en"],
    ...                    "date": pd.to_datetime(["2024-01-02", None, "2024-02-01"])})
    >>> corpus_summary(df)[["group", "articles", "words", "median_words", "undated", "languages"]]
      group  articles  words  median_words  undated languages
    0     X         2      5           2.5        1    en, tr
    1     Y         1      1           1.0        0        en
    >>> corpus_summary(df, by=None)[["group", "articles", "first_date", "last_date"]].values.tolist()
    [['all', 3, Timestamp('2024-01-02 00:00:00'), Timestamp('2024-02-01 00:00:00')]]
    """
    where = "corpus_summary"
    validate_corpus(articles, ("article_id", "text") + ((by,) if by is not None else ()), where=where)
    if by is not None and by in ("group", "_words"):
        raise ColumnError(f"{where}: by={by!r} clashes with an output column; rename the column first")
    df = pd.DataFrame({
        "group": articles[by].astype("string").fillna("") if by is not None else "all",
        "_words": articles["text"].fillna("").astype(str).str.split().str.len().astype("int64"),
        "date": (pd.to_datetime(articles["date"], errors="coerce") if "date" in articles
                 else pd.Series(pd.NaT, index=articles.index, dtype="datetime64[ns]")),
        "language": (articles["language"].astype("string").fillna("") if "language" in articles
                     else pd.Series("", index=articles.index, dtype="string")),
    }, index=articles.index)
    if not len(df):
        out = pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(SUMMARY_COLUMNS, [
            "object", "int64", "int64", "float64", "datetime64[ns]", "datetime64[ns]", "int64", "object"])})
    else:
        g = df.groupby("group", sort=True)
        out = g.agg(articles=("_words", "size"), words=("_words", "sum"), median_words=("_words", "median"),
                    first_date=("date", "min"), last_date=("date", "max"),
                    undated=("date", lambda s: int(s.isna().sum()))).reset_index()
        out["median_words"] = out["median_words"].astype("float64")
        out["languages"] = [_languages(df.loc[idx, "language"]) for idx in g.groups.values()]
        out["group"] = out["group"].astype(object)
    out = out[SUMMARY_COLUMNS]
    out.attrs = {"analysis": where, "by": by}
    return out


def _languages(values: pd.Series) -> str:
    counts = values[values != ""].value_counts()
    return ", ".join(sorted(counts.index, key=lambda lang: (-counts[lang], lang)))


def article_languages(articles: pd.DataFrame) -> np.ndarray:
    """Each article's language code, regional variants folded (en-GB, en_us -> en); "" when unknown.

    >>> article_languages(pd.DataFrame({"language": ["en-GB", "RU", None, ""]})).tolist()
    ['en', 'ru', '', '']
    """
    if "language" not in articles.columns:
        return np.array([""] * len(articles), dtype=object)
    return articles["language"].map(lambda v: v.strip().lower().replace("_", "-").split("-")[0]
                                    if isinstance(v, str) else "").to_numpy(dtype=object)


def language_counts(articles: pd.DataFrame) -> dict[str, int]:
    """Articles per language code (sorted by code; variants folded as :func:`article_languages`; unknown
    left out).

    >>> language_counts(pd.DataFrame({"language": ["en", "ru", "", None, "en-GB"]}))
    {'en': 2, 'ru': 1}
    """
    langs = pd.Series(article_languages(articles), dtype=object)
    counts = langs[langs != ""].value_counts()
    return {str(k): int(counts[k]) for k in sorted(counts.index)}
