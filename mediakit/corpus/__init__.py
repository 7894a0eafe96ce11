"""Read articles from any common format into one table, the corpus every analysis starts from.

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")            # doctest: +SKIP
>>> corpus[["outlet", "date", "title"]].head()      # doctest: +SKIP

Supported inputs (a file or a folder, read recursively):

- ``.md``/``.markdown``/``.txt`` with YAML front matter, or plain ``.txt`` (title = first line, outlet from
  ``outlet=`` or the parent folder's name, a date from the file name when the file gives none);
- ``.html``/``.htm`` saved pages (main text and metadata with trafilatura);
- tables ``.csv``/``.tsv``/``.jsonl``/``.json``/``.parquet`` (Media Cloud, GDELT and similar exports);
- RSS/Atom feeds ``.xml``/``.rss``/``.atom`` (feedparser).

A file that cannot be read, whatever it holds, never stops the load: it is listed in the :class:`LoadReport`
(``load_corpus(..., return_report=True)``) with the reason and a hint, ``df.attrs`` counts them
(``n_skipped``), and one warning sums them up. ``strict=True`` raises :class:`CorpusError` instead.

Boilerplate (credit lines, leftover markup, database markers, and passages an outlet repeats in many of
its articles) is removed from ``text`` at load time, before any offset exists, and kept in the
``credits`` and ``boilerplate`` columns.

The modules, one job each: ``_files`` (finding and reading files safely), ``_decode`` (bytes to text),
``_text``, ``_web``, ``_tables`` (the formats), ``_filenames`` (metadata in file and folder names),
``_boilerplate`` (credit lines, markup, user rules), ``_learn`` (outlet boilerplate learned from the
corpus), ``_assemble`` (records to the table), ``_load`` (load_corpus, load_manifest), ``_validate``,
``_summary`` (corpus_summary: the corpus at a glance).
"""

from __future__ import annotations

from ._assemble import article_id_for
from ._base import COLUMNS, MAX_FILE_BYTES, MAX_TEXT_CHARS, ColumnError, CorpusError, _Skip
from ._boilerplate import strip_boilerplate
from ._files import _walk
from ._load import LoadReport, load_corpus, load_manifest
from ._summary import article_languages, corpus_summary, language_counts
from ._validate import validate_corpus
from ._web import _from_html

__all__ = [
    "COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "ColumnError",
    "CorpusError",
    "LoadReport",
    "article_id_for",
    "article_languages",
    "corpus_summary",
    "language_counts",
    "load_corpus",
    "load_manifest",
    "strip_boilerplate",
    "validate_corpus",
    # private, imported by mediakit.scale (_walk) and mediakit.fetch (_from_html, _Skip)
    "_walk",
    "_from_html",
    "_Skip",
]
