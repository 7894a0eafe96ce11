"""Quotes with their article's context: the language, date or any other column of the article each
quote comes from, joined by ``article_id`` with clear errors instead of a silent pandas merge."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

__all__ = ["quotes_with_articles"]


def quotes_with_articles(quotes: pd.DataFrame, articles: pd.DataFrame,
                         columns: Sequence[str] = ("language", "date")) -> pd.DataFrame:
    """``quotes`` (one row per quote, e.g. :func:`mediakit.extract_quotes`) with ``columns`` of the article
    each quote comes from, matched on ``article_id``; the quotes keep their order, index and columns.

    Raises ``ValueError`` with one line naming the problem and the fix when a column is missing from
    ``articles`` (or ``article_id`` from either table), when ``articles`` repeats an ``article_id``, when a
    quote's ``article_id`` is not in ``articles``, or when ``quotes`` already holds one of ``columns``.

    >>> import pandas as pd
    >>> q = pd.DataFrame({"article_id": ["b", "a", "b"], "quote": ["x", "y", "z"]})
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "language": ["en", "tr"],
    ...                      "date": pd.to_datetime(["2024-05-01", "2024-05-03"])})
    >>> quotes_with_articles(q, arts)
      article_id quote language       date
    0          b     x       tr 2024-05-03
    1          a     y       en 2024-05-01
    2          b     z       tr 2024-05-03
    >>> quotes_with_articles(q, arts, columns=["outlet"])
    Traceback (most recent call last):
    ...
    ValueError: quotes_with_articles: articles lack column 'outlet'; pass the corpus the quotes were extracted \
from or choose columns it has
    """
    where = "quotes_with_articles"
    if isinstance(columns, str):
        columns = [columns]
    columns = list(columns)
    for name, table in (("quotes", quotes), ("articles", articles)):
        if not isinstance(table, pd.DataFrame):
            raise ValueError(f"{where}: {name} must be a pandas DataFrame, got {type(table).__name__}")
        if "article_id" not in table.columns:
            raise ValueError(f"{where}: {name} lack column 'article_id'; pass the quote table of "
                             "mediakit.extract_quotes and the corpus it came from")
    missing = [c for c in columns if c not in articles.columns]
    if missing:
        names = ", ".join(repr(c) for c in missing)
        raise ValueError(f"{where}: articles lack column{'s' if len(missing) > 1 else ''} {names}; pass the "
                         "corpus the quotes were extracted from or choose columns it has")
    if "article_id" in columns:
        raise ValueError(f"{where}: 'article_id' is the key, not a column to add; leave it out of columns")
    clash = [c for c in columns if c in quotes.columns]
    if clash:
        names = ", ".join(repr(c) for c in clash)
        raise ValueError(f"{where}: quotes already have column{'s' if len(clash) > 1 else ''} {names}; drop "
                         "it from the quotes or from columns")
    ids = articles["article_id"].astype(str)
    if ids.duplicated().any():
        raise ValueError(f"{where}: articles repeat article_id {ids[ids.duplicated()].iloc[0]!r}; article ids "
                         "must be unique (drop the duplicates first)")
    keys = quotes["article_id"].astype(str)
    unknown = ~keys.isin(set(ids))
    if unknown.any():
        raise ValueError(f"{where}: {int(unknown.sum())} quote(s) come from article_id {keys[unknown].iloc[0]!r}, "
                         "which is not in articles; pass the corpus the quotes were extracted from")
    table = articles[columns].set_axis(ids.to_numpy())
    added = table.loc[keys.to_numpy()].set_axis(quotes.index)
    out = pd.concat([quotes, added], axis=1)
    out.attrs = dict(quotes.attrs)
    return out
