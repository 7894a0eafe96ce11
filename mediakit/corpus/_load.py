"""load_corpus and load_manifest: files in, one corpus table (and a LoadReport) out."""

from __future__ import annotations

import os
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, overload

import pandas as pd

from ..dates import parse_date
from ._assemble import _assemble
from ._base import (
    BOILERPLATE_FILE,
    FEED_EXT,
    HTML_EXT,
    IGNORE_FILE,
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    SUPPORTED,
    TEXT_EXT,
    CorpusError,
    _first_line,
    _Load,
    _Skip,
)
from ._decode import _decode
from ._filenames import _date_from_name
from ._files import _read_bytes, _walk
from ._learn import compile_rules, read_rules_file
from ._tables import _from_table
from ._text import _from_text
from ._web import _from_feed, _from_html


@dataclass(frozen=True, eq=False)
class LoadReport:
    """What :func:`load_corpus` could not load or changed on the way, kept out of the table's ``attrs``.

    ``skipped`` (path, reason, hint): inputs not loaded; ``notes`` (path, note): files decoded from a legacy
    encoding, dates set to NaT, repeated ids; ``duplicates`` (path, duplicate_of): texts seen twice.

    >>> report = LoadReport(n_articles=2, skipped=_frame([{"path": "a.md", "reason": "empty file",
    ...                                                     "hint": "delete it"}], _SKIPPED_COLS))
    >>> print(report)
    loaded 2 articles; skipped 1 input(s), 0 note(s), 0 duplicate(s)
      skipped a.md: empty file (delete it)
    """

    n_articles: int = 0
    skipped: pd.DataFrame = field(default_factory=lambda: _frame([], _SKIPPED_COLS))
    notes: pd.DataFrame = field(default_factory=lambda: _frame([], _NOTE_COLS))
    duplicates: pd.DataFrame = field(default_factory=lambda: _frame([], _DUP_COLS))

    def __str__(self) -> str:
        lines = [f"loaded {self.n_articles} articles; skipped {len(self.skipped)} input(s), "
                 f"{len(self.notes)} note(s), {len(self.duplicates)} duplicate(s)"]
        lines += [f"  skipped {r.path}: {r.reason} ({r.hint})" for r in self.skipped.itertuples()]
        lines += [f"  note {r.path}: {r.note}" for r in self.notes.itertuples()]
        return "\n".join(lines)


Boilerplate = str | Sequence[str | re.Pattern[str]]

_SKIPPED_COLS, _NOTE_COLS, _DUP_COLS = ("path", "reason", "hint"), ("path", "note"), ("path", "duplicate_of")


def _frame(rows: list[dict[str, str]], cols: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(cols), dtype=str)

@overload
def load_corpus(path: str | Path | Iterable[str | Path], *, outlet: str | None = ..., strict: bool = ...,
                columns: Mapping[str, str] | None = ..., progress: bool | None = ...,
                detect_languages: bool = ..., max_file_bytes: int = ..., max_text_chars: int = ...,
                boilerplate: Boilerplate = ..., return_report: Literal[False] = ...) -> pd.DataFrame: ...
@overload
def load_corpus(path: str | Path | Iterable[str | Path], *, outlet: str | None = ..., strict: bool = ...,
                columns: Mapping[str, str] | None = ..., progress: bool | None = ...,
                detect_languages: bool = ..., max_file_bytes: int = ..., max_text_chars: int = ...,
                boilerplate: Boilerplate = ..., return_report: Literal[True]) -> tuple[pd.DataFrame, LoadReport]: ...
def load_corpus(
    path: str | Path | Iterable[str | Path],
    *,
    outlet: str | None = None,
    strict: bool = False,
    columns: Mapping[str, str] | None = None,
    progress: bool | None = None,
    detect_languages: bool = True,
    max_file_bytes: int = MAX_FILE_BYTES,
    max_text_chars: int = MAX_TEXT_CHARS,
    boilerplate: Boilerplate = "learn",
    return_report: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, LoadReport]:
    """Load articles from a file, a folder (recursive) or a list of them into the corpus table.

    Every file is loaded or listed with a reason: a file that cannot be read (of any kind, for any reason)
    never stops the load. Only regular files are read; in a folder, symbolic links are followed only to
    files inside that folder. Dates that name no real day or lie outside pandas' range become NaT.

    Parameters
    ----------
    path : a file, a folder or several of them.
    outlet : outlet for articles whose file names none (plain text, feeds without a title).
    strict : raise :class:`CorpusError` listing every problem instead of skipping bad files.
    columns : for tables, ``{"their column": "corpus column"}`` overriding the built-in mapping,
        e.g. ``{"story_body": "text"}``.
    progress : show a progress bar (default: when more than 500 files).
    detect_languages : guess ``language`` (en, ru, tr, ...) where the input gives none.
    max_file_bytes : larger files are listed as skipped, not read (default 50 MB; for Parquet the cap
        applies to ten times this much uncompressed data).
    max_text_chars : articles with a longer text are listed as skipped (default 5 million characters).
    boilerplate : ``"learn"`` (default): a passage (a sentence or a run of sentences, at least 8 words)
        that one outlet repeats verbatim in at least 3 of its articles and at least 20% of them is that
        outlet's boilerplate (an editor's note, a newsletter plug); ``"keep"``: learn nothing; a list of
        rules adds the user's own, removed from every article: literal text (any whitespace matches any
        whitespace), ``"re:<regex>"`` or a compiled pattern. A folder's ``boilerplate.yaml`` (``patterns:``
        then a list of such strings) adds its rules too, with ``"keep"`` as well. Whatever is removed is
        cut from ``text`` before any offset exists and kept in the ``boilerplate`` column (passages joined
        with " | "). Credit lines, leftover markup and database markers are always handled (``credits``).
    return_report : also return a :class:`LoadReport` with every skipped file, note and duplicate.

    Returns
    -------
    DataFrame with the columns of :data:`COLUMNS` followed by any extra front-matter fields;
    ``attrs`` holds only counts: ``n_skipped``, ``n_notes``, ``n_duplicates`` (and ``skipped_reasons``, the
    reasons counted, "1 duplicate; 2 empty file", when inputs were skipped). With ``return_report=True``,
    ``(df, report)``.

    Example
    -------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.md").write_text("---\\ntitle: Bridge\\noutlet: River Post\\ndate: 2021-03-03\\n---\\n"
    ...                                  "The council voted to build a bridge.\\n")
    >>> _ = (folder / "b.md").write_text("---\\ntitle: Odd\\noutlet: Post\\ndate: 2020-02-30\\n---\\n"
    ...                                  "A date that never was.\\n")
    >>> df, report = load_corpus(folder, return_report=True)
    >>> df[["outlet", "date"]]
           outlet       date
    0  River Post 2021-03-03
    1        Post        NaT
    >>> df.attrs["n_notes"], report.notes.note[0]
    (1, 'date did not parse: 2020-02-30 is not a calendar date (day is out of range for month); set to NaT')
    """
    paths = [path] if isinstance(path, str | Path) else list(path)
    learn, user_rules = _boilerplate_option(boilerplate)
    rules = compile_rules(user_rules, where="load_corpus(boilerplate=...)")
    for p in paths:  # a corpus folder's own rules, read (and checked) before any work
        if os.path.isdir(p):
            rules += compile_rules(read_rules_file(Path(p)), where=str(Path(p) / BOILERPLATE_FILE))
    load = _Load(max_file_bytes=max_file_bytes, max_text_chars=max_text_chars)
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if not os.path.lexists(p):
            load.skip(p, "no such file or folder", "check the path; it is read relative to the current folder")
        elif p.is_dir():
            problems: list[tuple[Path, str, str]] = []
            files.extend(_walk(p, problems))
            for where, reason, hint in problems:
                load.skip(where, reason, hint)
        else:
            files.append(p)

    show = progress if progress is not None else len(files) > 500
    iterator: Iterable[Path] = files
    if show:
        from tqdm.auto import tqdm

        iterator = tqdm(files, desc="loading", unit="file")
    for f in iterator:
        _load_file(f, load, outlet=outlet, columns=columns)

    df = _assemble(load, detect_languages=detect_languages, learn=learn, rules=rules)
    problems_ = load.skipped
    if strict and problems_:
        lines = [f"{s['path']}: {s['reason']} ({s['hint']})" for s in problems_]
        raise CorpusError(f"{len(problems_)} problem(s) loading the corpus:\n" + "\n".join(lines), problems_)
    bad_dates = sum(1 for n in load.notes if n["note"].startswith("date did not parse"))
    if load.skipped or bad_dates:
        reasons = Counter(re.split(r"[:(]| at line", s["reason"])[0].strip() for s in load.skipped)
        summary = "; ".join(f"{n} {r}" for r, n in reasons.most_common())
        if load.skipped:
            df.attrs["skipped_reasons"] = summary   # what the report's overview says beside the count
        parts = [f"skipped {len(load.skipped)} input(s) ({summary}); see the LoadReport "
                 "(load_corpus(..., return_report=True)) for each file, reason and fix"] if load.skipped else []
        if bad_dates:
            parts.append(f"{bad_dates} date(s) did not parse (NaT; see the LoadReport's notes)")
        warnings.warn(f"mediakit: loaded {len(df)} articles, " + "; ".join(parts), stacklevel=2)
    if not return_report:
        return df
    report = LoadReport(n_articles=len(df), skipped=_frame(load.skipped, _SKIPPED_COLS),
                        notes=_frame(load.notes, _NOTE_COLS), duplicates=_frame(load.duplicates, _DUP_COLS))
    return df, report


def load_manifest(path: str | Path) -> pd.DataFrame:
    """Read a URL manifest (CSV with at least ``url``) such as ``data/s400/coverage_manifest.csv``.

    Dates as found ("2018-04-03/04", "2020-12 (inferred)", "2017 (n/v)") become ``date`` and
    ``date_precision``; the original string is kept in ``date_raw``.

    >>> m = load_manifest("data/s400/coverage_manifest.csv")   # doctest: +SKIP
    >>> m.date_precision.value_counts()                          # doctest: +SKIP
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such manifest; check the path")
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as exc:  # pandas raises many kinds
        raise CorpusError(f"{path}: not a readable CSV ({exc}); save the manifest as UTF-8 CSV") from exc
    lower = {c.lower().strip(): c for c in raw.columns}
    if "url" not in lower:
        raise CorpusError(f"{path}: manifest has no 'url' column; add one with the article addresses")
    df = raw.rename(columns={v: k for k, v in lower.items()})
    dates = [parse_date(v) for v in df.get("date", pd.Series([""] * len(df)))]
    df["date_raw"] = df.get("date", "")
    df["date"] = pd.to_datetime(pd.Series([d for d, _ in dates], dtype="object"), utc=True).dt.tz_localize(None)
    df["date_precision"] = [p for _, p in dates]
    front = [c for c in ("outlet", "date", "date_precision", "date_raw", "title", "url", "language") if c in df]
    return df[front + [c for c in df.columns if c not in front]]

def _boilerplate_option(option: Boilerplate) -> tuple[bool, list[str | re.Pattern[str]]]:
    """``(learn, user rules)`` from ``load_corpus(boilerplate=...)``; anything else is a one-line error."""
    if isinstance(option, str):
        if option in ("learn", "keep"):
            return option == "learn", []
        raise CorpusError(f"load_corpus: boilerplate={option!r} is not an option; use 'learn', 'keep' or a list "
                          "of rules (literal text, 're:<regex>' or compiled patterns)")
    if isinstance(option, re.Pattern):
        return True, [option]
    try:
        return True, list(option)
    except TypeError:
        raise CorpusError(f"load_corpus: boilerplate={option!r} is not an option; use 'learn', 'keep' or a "
                          "list of rules") from None


def _load_file(path: Path, load: _Load, *, outlet: str | None, columns: Mapping[str, str] | None) -> None:
    ext = path.suffix.lower()
    try:
        if ext not in SUPPORTED:
            raise _Skip(f"unknown extension {ext or '(none)'!r}",
                        f"save it as one of {', '.join(sorted(SUPPORTED))}, or list it in {IGNORE_FILE}")
        data = _read_bytes(path, load.max_file_bytes)
        if ext == ".parquet":
            load.records.extend(_from_table(path, data, load, outlet=outlet, columns=columns))
            return
        text, encoding = _decode(path, data)
        if encoding not in ("utf-8", "utf-8-sig"):
            load.note(path, f"decoded as {encoding}")
        if ext in TEXT_EXT or ext in HTML_EXT:  # one article per file: its name may carry the date
            record = (_from_text if ext in TEXT_EXT else _from_html)(path, text, outlet=outlet)
            _date_from_name(record, path)
            load.records.append(record)
        elif ext in FEED_EXT:
            load.records.extend(_from_feed(path, data, load, outlet=outlet))
        else:
            load.records.extend(_from_table(path, text, load, outlet=outlet, columns=columns))
    except _Skip as s:
        load.skip(path, s.reason, s.hint)
    except Exception as exc:  # any other failure on one file is that file's problem, never the load's
        load.skip(path, f"could not be read ({type(exc).__name__}: {_first_line(exc)})",
                  "check the file's format; report it to the mediakit developers if it looks valid")


