"""Outlet-against-outlet vocabulary: distinctive terms, competing names, keyword in context, collocations.

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")                                    # doctest: +SKIP
>>> mk.distinctive_terms(corpus, by="outlet", top=10)                       # doctest: +SKIP
>>> mk.naming_table(corpus, lexicon="my_story")                             # doctest: +SKIP
>>> mk.kwic(corpus, "restrictions", sort="right")                           # doctest: +SKIP
>>> mk.collocations(corpus, "sanction*", kind="glob", by="outlet")          # doctest: +SKIP

Every row that points into a text carries ``article_id`` and ``start``/``end`` offsets into the corpus
``text`` column, so ``text[start:end]`` is what the row shows. Computation only: nothing here draws or
writes files (see :mod:`mediakit.plotting.terms`).

Modules, one job each: ``_distinctive`` (distinctive_terms as partition/merge/finalize hooks registered
with :mod:`mediakit.analysis`, so the pandas path and the Dask engine run the same code), ``_statistics``
(the keyness statistics from counts), ``_patterns`` (the search-pattern compiler), ``_kwic`` (keyword in
context, collocations), ``_naming`` (naming lexicons, mentions, the naming table), ``_variants`` (variant
discovery) and ``_reuse`` (the ``discount_reuse=`` convention). The public surface is this package.
"""

from __future__ import annotations

from ._distinctive import distinctive_terms
from ._kwic import collocations, kwic
from ._naming import load_lexicon, naming_matches, naming_table
from ._patterns import compile_pattern
from ._statistics import (
    METHODS,
    check_params,
    result_attrs,
    scores_from_counts,
    term_scores,
)
from ._variants import suggest_variants

__all__ = [
    "METHODS",
    "distinctive_terms",
    "term_scores",
    "scores_from_counts",
    "check_params",
    "result_attrs",
    "load_lexicon",
    "naming_matches",
    "naming_table",
    "suggest_variants",
    "kwic",
    "compile_pattern",
    "collocations",
]
