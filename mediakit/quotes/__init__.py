"""Quote attribution: who is quoted, with which words and which verb, as character offsets.

The package is layered by job: quote marks (:mod:`._marks`), the cue lexicon (:mod:`._lexicon`), closed
word classes (:mod:`._words`), tokens (:mod:`._tokens`), per-language settings (:mod:`._languages`), the
rules of each construction (:mod:`._direct`, :mod:`._indirect`, :mod:`._according`, :mod:`._mixed`,
:mod:`._turkish`, over :mod:`._units`, :mod:`._cues` and :mod:`._phrases`), the analyser that runs them
(:mod:`._rules`), and speakers: the gazetteer and typing (:mod:`._gazetteer`), resolution inside an
article and merging across articles (:mod:`._speakers`). The corpus-level tables (``extract_quotes``,
``source_profile``, ...) are in :mod:`mediakit.sources`.

>>> recs = find_attributions('"We will wait," the minister said.')
>>> [(r["kind"], r["start"], r["end"], r["lemma"]) for r in recs]
[('direct', 1, 14, 'say')]
"""

from ._checking import quote_accuracy, sample_quotes
from ._context import quotes_with_articles
from ._gazetteer import (
    SPEAKER_TYPES,
    Entry,
    Gazetteer,
    Roles,
    as_gazetteer,
    country_of,
    is_anonymous,
    load_gazetteer,
    load_roles,
    name_key,
    speaker_type_of,
)
from ._lexicon import Cue, VerbLexicon, inflect, load_verb_lexicon, verb_stances
from ._marks import CLOSE_MARKS, OPEN_MARKS, QuoteSpan, find_quotes
from ._rules import find_attributions
from ._speakers import clear_caches, merge_names, resolve_speakers
from ._units import MAX_UNIT_TOKENS

__all__ = [
    "CLOSE_MARKS", "OPEN_MARKS", "QuoteSpan", "find_quotes",
    "Cue", "VerbLexicon", "inflect", "load_verb_lexicon", "verb_stances",
    "find_attributions", "MAX_UNIT_TOKENS", "sample_quotes", "quote_accuracy", "quotes_with_articles",
    "SPEAKER_TYPES", "Entry", "Gazetteer", "Roles", "as_gazetteer", "country_of", "is_anonymous", "load_gazetteer", "load_roles",
    "name_key", "speaker_type_of", "clear_caches", "merge_names", "resolve_speakers",
]
