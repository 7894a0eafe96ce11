"""Read articles from any common format into one table, the corpus every analysis starts from.

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")            # doctest: +SKIP
>>> corpus[["outlet", "date", "title"]].head()      # doctest: +SKIP

Supported inputs (a file or a folder, read recursively):

- ``.md``/``.markdown``/``.txt`` with YAML front matter, or plain ``.txt`` (title = first line, outlet from
  ``outlet=`` or the parent folder's name);
- ``.html``/``.htm`` saved pages (main text and metadata with trafilatura);
- tables ``.csv``/``.tsv``/``.jsonl``/``.json``/``.parquet`` (Media Cloud, GDELT and similar exports);
- RSS/Atom feeds ``.xml``/``.rss``/``.atom`` (feedparser).

A file that cannot be read, whatever it holds, never stops the load: it is listed in the :class:`LoadReport`
(``load_corpus(..., return_report=True)``) with the reason and a hint, ``df.attrs`` counts them
(``n_skipped``), and one warning sums them up. ``strict=True`` raises :class:`CorpusError` instead.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import io
import json
import os
import re
import stat
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, overload

import pandas as pd
import yaml

from .dates import _parse_with_reason, parse_date
from .text import detect_language, normalize_text

__all__ = [
    "COLUMNS",
    "ColumnError",
    "CorpusError",
    "LoadReport",
    "load_corpus",
    "validate_corpus",
    "load_manifest",
    "article_id_for",
]

COLUMNS = [
    "article_id", "outlet", "date", "date_precision", "title", "text", "url", "author", "language", "wire",
    "source_path", "credits",
]
TEXT_EXT = {".md", ".markdown", ".txt"}
HTML_EXT = {".html", ".htm"}
TABLE_EXT = {".csv", ".tsv", ".jsonl", ".json", ".parquet"}
FEED_EXT = {".xml", ".rss", ".atom"}
SUPPORTED = TEXT_EXT | HTML_EXT | TABLE_EXT | FEED_EXT
ENCODINGS = ("utf-8-sig", "utf-16", "cp1251", "cp1254", "cp1252", "latin-1")
MAX_FILE_BYTES = 50_000_000  # per file read (Parquet: per file's uncompressed data, 10x this)
MAX_TEXT_CHARS = 5_000_000  # per article text
IGNORE_FILE = ".mediakitignore"
# Files that document a corpus rather than belong to it.
ALWAYS_IGNORED = ("README*", "LICENSE*", "CHANGELOG*", IGNORE_FILE)

# Column names found in Media Cloud, GDELT and other exports, mapped to the corpus columns.
DEFAULT_COLUMN_MAP: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "full_text", "fulltext", "article_text", "story_text", "maintext"),
    "outlet": ("outlet", "source", "publisher", "media_name", "domain", "sourcecommonname", "site_name",
               "sitename", "media", "source_name"),
    "date": ("date", "publish_date", "seendate", "published", "pubdate", "publication_date", "datetime",
             "published_at", "date_published"),
    "title": ("title", "headline"),
    "url": ("url", "link", "documentidentifier", "canonical_url", "source_url"),
    "author": ("author", "authors", "byline", "creator"),
    "language": ("language", "lang", "sourcelang"),
    "article_id": ("article_id", "id", "stories_id", "story_id", "gkgrecordid", "guid"),
}


class CorpusError(ValueError):
    """Raised when a corpus cannot be loaded or validated; ``problems`` lists every problem found."""

    def __init__(self, message: str, problems: list[dict[str, str]] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass
class _Record:
    fields: dict[str, Any]
    source_path: str


@dataclass
class _Load:
    records: list[_Record] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    duplicates: list[dict[str, str]] = field(default_factory=list)
    max_file_bytes: int = MAX_FILE_BYTES
    max_text_chars: int = MAX_TEXT_CHARS

    def skip(self, path: Path | str, reason: str, hint: str) -> None:
        self.skipped.append({"path": _shown(path), "reason": reason, "hint": hint})

    def note(self, path: Path | str, note: str) -> None:
        self.notes.append({"path": _shown(path), "note": note})


class _Skip(Exception):
    def __init__(self, reason: str, hint: str):
        super().__init__(reason)
        self.reason, self.hint = reason, hint


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


_SKIPPED_COLS, _NOTE_COLS, _DUP_COLS = ("path", "reason", "hint"), ("path", "note"), ("path", "duplicate_of")


def _frame(rows: list[dict[str, str]], cols: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(cols), dtype=str)


# ---------------------------------------------------------------- public API
@overload
def load_corpus(path: str | Path | Iterable[str | Path], *, outlet: str | None = ..., strict: bool = ...,
                columns: Mapping[str, str] | None = ..., progress: bool | None = ...,
                detect_languages: bool = ..., max_file_bytes: int = ..., max_text_chars: int = ...,
                return_report: Literal[False] = ...) -> pd.DataFrame: ...
@overload
def load_corpus(path: str | Path | Iterable[str | Path], *, outlet: str | None = ..., strict: bool = ...,
                columns: Mapping[str, str] | None = ..., progress: bool | None = ...,
                detect_languages: bool = ..., max_file_bytes: int = ..., max_text_chars: int = ...,
                return_report: Literal[True]) -> tuple[pd.DataFrame, LoadReport]: ...
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
    return_report : also return a :class:`LoadReport` with every skipped file, note and duplicate.

    Returns
    -------
    DataFrame with the columns of :data:`COLUMNS` followed by any extra front-matter fields;
    ``attrs`` holds only counts: ``n_skipped``, ``n_notes``, ``n_duplicates``. With ``return_report=True``,
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

    df = _assemble(load, detect_languages=detect_languages)
    problems_ = load.skipped
    if strict and problems_:
        lines = [f"{s['path']}: {s['reason']} ({s['hint']})" for s in problems_]
        raise CorpusError(f"{len(problems_)} problem(s) loading the corpus:\n" + "\n".join(lines), problems_)
    bad_dates = sum(1 for n in load.notes if n["note"].startswith("date did not parse"))
    if load.skipped or bad_dates:
        reasons = Counter(re.split(r"[:(]| at line", s["reason"])[0].strip() for s in load.skipped)
        summary = "; ".join(f"{n} {r}" for r, n in reasons.most_common())
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


class ColumnError(CorpusError):
    """A table lacks a column an analysis needs, or holds it with the wrong type (docs/contract.md)."""


def validate_corpus(df: pd.DataFrame, required: Sequence[str] = ("article_id", "text"), *,
                    where: str = "validate_corpus") -> pd.DataFrame:
    """Check that ``df`` has the ``required`` columns (and sane corpus columns); return it unchanged.

    A missing column raises :class:`ColumnError` with one line naming ``where`` (the function checking),
    the column and the fix; duplicated ids, rows without text or a ``date`` that is not datetime64 raise
    :class:`CorpusError`. Every analysis calls this before any work.

    >>> import pandas as pd
    >>> validate_corpus(pd.DataFrame({"article_id": ["a"], "text": ["Hello."]})).shape
    (1, 2)
    >>> validate_corpus(pd.DataFrame({"text": ["Hello."]}), ["article_id", "text"], where="score_frames")
    Traceback (most recent call last):
    ...
    mediakit.corpus.ColumnError: score_frames: column 'article_id' missing; pass a corpus from mediakit.load_corpus or add the column
    """
    if not isinstance(df, pd.DataFrame):
        raise ColumnError(f"{where}: expected a pandas DataFrame (a corpus from mediakit.load_corpus), "
                          f"not {type(df).__name__}")
    missing = [c for c in required if c not in df.columns]
    if missing:
        problems = [{"path": "<DataFrame>", "reason": f"column {c!r} missing",
                     "hint": "pass a corpus from mediakit.load_corpus or add the column"} for c in missing]
        cols = ", ".join(repr(c) for c in missing)
        raise ColumnError(f"{where}: column{'s' if len(missing) > 1 else ''} {cols} missing; pass a corpus "
                          "from mediakit.load_corpus or add the column", problems)
    problems: list[dict[str, str]] = []

    def add(reason: str, hint: str) -> None:
        problems.append({"path": "<DataFrame>", "reason": reason, "hint": hint})

    if "article_id" in df.columns and df["article_id"].duplicated().any():
        dup = df.loc[df["article_id"].duplicated(), "article_id"].iloc[0]
        add(f"article_id {dup!r} appears more than once", "article ids must be unique")
    if "text" in required and (df["text"].isna().any() or (df["text"].astype(str).str.strip() == "").any()):
        add("some rows have no text", "drop them or fill `text`")
    if "date" in df.columns and len(df) and not pd.api.types.is_datetime64_any_dtype(df["date"]):
        raise ColumnError(f"{where}: column 'date' is not datetime64; convert it with pandas.to_datetime")
    if problems:
        raise CorpusError(f"{where}: invalid corpus: " + "; ".join(p["reason"] for p in problems), problems)
    return df


def article_id_for(outlet: str, url: str, title: str, text: str) -> str:
    """Stable id of an article: a hash of its URL when it has one, otherwise of outlet, title and text."""
    key = url.strip() if url and url.strip() else f"{outlet}\x1f{title}\x1f{text}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


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


# ---------------------------------------------------------------- walking
def _walk(root: Path, problems: list[tuple[Path, str, str]] | None = None) -> list[Path]:
    """Files under ``root`` to load, sorted. Folders that cannot be entered, symlinked folders and symlinks
    leading out of ``root`` are not returned; they are appended to ``problems`` as (path, reason, hint)."""
    problems = problems if problems is not None else []
    ignore = list(ALWAYS_IGNORED)
    ign = root / IGNORE_FILE
    try:
        if ign.is_file() and ign.stat().st_size < 1_000_000:
            ignore += [ln.strip() for ln in ign.read_text(encoding="utf-8", errors="replace").splitlines()
                       if ln.strip() and not ln.startswith("#")]
    except OSError as exc:
        problems.append((ign, f"unreadable ({exc.strerror or exc})", "check the file's permissions"))
    real_root = os.path.realpath(root)

    def unenterable(exc: OSError) -> None:
        problems.append((Path(exc.filename or root), f"folder cannot be read ({exc.strerror or exc})",
                         "check the folder's permissions (it needs read and execute rights)"))

    out = []
    for folder, dirs, names in os.walk(root, onerror=unenterable):
        base = Path(folder)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for d in list(dirs):
            rel = (base / d).relative_to(root)
            if any(_ignored(rel, pat) for pat in ignore):
                dirs.remove(d)
            elif (base / d).is_symlink():  # os.walk does not follow them; say so
                problems.append((base / d, "symbolic link to a folder, not followed",
                                 "load the folder it points to directly, or copy it into the corpus"))
        for name in names:
            p = base / name
            rel = p.relative_to(root)
            if name.startswith(".") or any(_ignored(rel, pat) for pat in ignore):
                continue
            if p.is_symlink():
                target = os.path.realpath(p)
                if os.path.commonpath([real_root, target]) != real_root:
                    problems.append((p, f"symbolic link leading out of the corpus folder (to {_shown(target)})",
                                     "copy the file into the corpus folder if it belongs there"))
                    continue
            out.append(p)  # broken links and special files are kept, to be reported when read
    return sorted(out)


def _ignored(rel: Path, pattern: str) -> bool:
    """gitignore-like: ``name`` or ``glob*`` matches a file name or a folder on the path; ``a/b.csv`` a path."""
    pattern = pattern.rstrip("/")
    if "/" in pattern:
        return fnmatch.fnmatch(rel.as_posix(), pattern) or rel.as_posix().startswith(pattern + "/")
    return any(fnmatch.fnmatch(part, pattern) for part in rel.parts)


def _shown(path: Path | str) -> str:
    """A path as printable text: bytes that are not UTF-8 (a cp1251 name from a zip) appear as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


# ---------------------------------------------------------------- one file
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
        if ext in TEXT_EXT:
            load.records.append(_from_text(path, text, outlet=outlet))
        elif ext in HTML_EXT:
            load.records.append(_from_html(path, text, outlet=outlet))
        elif ext in FEED_EXT:
            load.records.extend(_from_feed(path, data, load, outlet=outlet))
        else:
            load.records.extend(_from_table(path, text, load, outlet=outlet, columns=columns))
    except _Skip as s:
        load.skip(path, s.reason, s.hint)
    except Exception as exc:  # any other failure on one file is that file's problem, never the load's
        load.skip(path, f"could not be read ({type(exc).__name__}: {_first_line(exc)})",
                  "check the file's format; report it to the mediakit developers if it looks valid")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]


_KINDS = {stat.S_ISDIR: "a folder", stat.S_ISCHR: "a character device", stat.S_ISBLK: "a block device",
          stat.S_ISFIFO: "a FIFO (named pipe)", stat.S_ISSOCK: "a socket"}


def _read_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file (symlinks resolved), at most ``max_bytes``; anything else is a _Skip."""
    try:
        st = os.stat(path)  # follows symlinks: what would be opened
    except OSError as exc:
        why = "broken symbolic link" if os.path.islink(path) else (exc.strerror or str(exc))
        raise _Skip(f"unreadable ({why})", "check the file's permissions, or where the link points") from exc
    _check_regular(st.st_mode, path, st.st_size, max_bytes)
    try:
        # O_NONBLOCK: if a FIFO was swapped in after the check, open() returns at once and fstat refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with open(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            _check_regular(st.st_mode, path, st.st_size, max_bytes)
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise _Skip(f"unreadable ({exc.strerror or exc})", "check the file's permissions") from exc
    if len(data) > max_bytes:
        _check_regular(st.st_mode, path, len(data), max_bytes)
    if not data.strip():
        raise _Skip("empty file", "delete it or add the article text")
    if path.suffix.lower() != ".parquet" and not data.startswith(_BOMS) and _looks_binary(data):
        raise _Skip("binary file, not text", "export the article as .md, .txt, .html or .csv")
    return data


def _check_regular(mode: int, path: Path, size: int, max_bytes: int) -> None:
    if not stat.S_ISREG(mode):
        kind = next((k for test, k in _KINDS.items() if test(mode)), "not a regular file")
        via = " (through a symbolic link)" if os.path.islink(path) else ""
        raise _Skip(f"{kind}{via}, not a regular file; not read", "only regular files are loaded; remove it")
    if size > max_bytes:
        raise _Skip(f"file too large ({size / 1e6:,.1f} MB; the cap is {max_bytes / 1e6:,.1f} MB)",
                    f"raise the cap with load_corpus(..., max_file_bytes={_round_up(size)})")


def _round_up(n: int) -> int:
    step = 10 ** max(len(str(n)) - 2, 0)
    return -(-n // step) * step


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 32)
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = len(head.translate(None, _NOT_CONTROL))
    return control > len(head) * 0.05


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith(_BOMS):
        codec = "utf-32" if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff") else "utf-16"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as exc:
            raise _Skip(f"not valid {codec.upper()} though it starts with a {codec.upper()} byte-order mark",
                        "re-save the file as UTF-8") from exc
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Legacy encodings used by Russian (cp1251) and Turkish (cp1254) sites. Both decode almost any byte
    # string, so pick the one whose result reads as text: cp1251 must give Cyrillic words, not Latin
    # words with Cyrillic letters inside.
    as_ru = data.decode("cp1251", errors="replace")
    if _reads_as_cyrillic(as_ru):
        return as_ru, "cp1251"
    # cp1254 differs from latin-1 only in six Turkish letters: prefer it when they appear.
    try:
        as_tr = data.decode("cp1254")
        if re.search("[ğĞışŞİ]", as_tr):
            return as_tr, "cp1254"
    except UnicodeDecodeError:
        pass
    # Western European Windows text (cp1252) has curly quotes, dashes and the euro in bytes 0x80-0x9f,
    # where latin-1 has invisible control characters.
    if re.search(rb"[\x80-\x9f]", data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


_WORD_RE = re.compile(r"\w+")
_CYR = re.compile(r"[\u0400-\u04ff]")
_LAT = re.compile(r"[A-Za-z]")


def _reads_as_cyrillic(text: str) -> bool:
    cyr = mixed = 0
    for w in _WORD_RE.findall(text):
        has_c, has_l = bool(_CYR.search(w)), bool(_LAT.search(w))
        if has_c and has_l:
            mixed += 1
        elif has_c:
            cyr += 1
    letters = sum(ch.isalpha() for ch in text)
    # and Cyrillic letters make a real share of the text (one "Ђ" for a cp1252 euro sign is not Russian)
    return cyr > 0 and mixed * 4 < cyr and len(_CYR.findall(text)) >= 0.2 * letters


# ---------------------------------------------------------------- formats
_FRONT_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster; both are safe


class _YAML_LOADER(_BASE_LOADER):  # type: ignore[misc,valid-type]
    """Safe loader whose impossible dates (``2020-02-30``) stay strings instead of raising."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_YAML_LOADER.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


_DAY_SHAPED = re.compile(r"^\d{1,4}[-./ ]+(?:\d{1,2}|[A-Za-z]{3,9}\.?)[-./ ,]+\d{1,4}$")


def _load_front_matter(source: str) -> Any:
    """YAML front matter without aliases: ``*name`` can make a few hundred bytes expand to gigabytes."""
    if "*" in source and any(isinstance(ev, yaml.AliasEvent) for ev in yaml.parse(source, Loader=_BASE_LOADER)):
        raise _Skip("YAML aliases (*name) in the front matter are not allowed",
                    "write each value out in full instead of referring to an &anchor")
    return yaml.load(source, Loader=_YAML_LOADER)


def _from_text(path: Path, text: str, *, outlet: str | None) -> _Record:
    meta: dict[str, Any] = {}
    body = text
    stripped = text.lstrip("\ufeff")
    if stripped.startswith("---"):
        m = _FRONT_RE.match(stripped)
        if not m:
            raise _Skip("front matter opened with '---' but never closed",
                        "add a closing '---' line after the metadata")
        try:
            meta = _load_front_matter(m.group(1) or "") or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise _Skip(f"bad YAML front matter{where}: {problem}",
                        "fix the YAML (quote values containing ':' or '#')") from exc
        if not isinstance(meta, dict):
            raise _Skip("front matter is not a mapping of keys to values", "write it as 'key: value' lines")
        body = stripped[m.end():]
        title = meta.get("title")
    else:
        lines = body.strip().split("\n", 1)
        title = lines[0].lstrip("#").strip()
        body = lines[1] if len(lines) > 1 else ""
        # A dateline of its own right under the title ("03 March 2021") is the article's date.
        first, _, rest = body.strip().partition("\n")
        if 0 < len(first.strip()) <= 40:
            _, precision, problem = _parse_with_reason(first.strip())
            # A day-shaped line that names no real or representable day is still a dateline (date -> NaT).
            day_shaped = bool(problem) and _DAY_SHAPED.match(first.strip()) is not None
            if (precision == "day" or day_shaped) and not re.search(r"[a-z]{3,}\s+[a-z]{3,}", first.strip().lower()):
                meta["date"] = first.strip()
                body = rest
    meta = {str(k).lower(): v for k, v in meta.items()}
    meta["title"] = title if title is not None else ""
    if not meta.get("outlet"):
        meta["outlet"] = outlet or _folder_outlet(path)
    meta["text"] = body
    return _Record(meta, _shown(path))


def _folder_outlet(path: Path) -> str:
    return _shown(path.parent.name) if path.parent.name not in ("", ".") else ""


def _from_html(path: Path, html: str, *, outlet: str | None) -> _Record:
    import trafilatura

    # trafilatura parses with lxml's HTML parser: no entity expansion, no network access.
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                      favor_precision=True, deduplicate=False)
    if doc is None:
        raise _Skip("no article text found in the page", "save the article page itself, not an index page")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    meta: dict[str, Any] = {
        "title": d.get("title") or "",
        "outlet": d.get("sitename") or outlet or _folder_outlet(path),
        "date": d.get("date") or "",
        "author": d.get("author") or "",
        "url": d.get("url") or "",
        "language": d.get("language") or "",
        "text": (d.get("text") or "").replace("\n", "\n\n"),
    }
    m = re.search(r'<meta\s+name=["\']synthetic["\']\s+content=["\']([^"\']+)', html, re.I)
    if m:
        meta["synthetic"] = m.group(1).strip().lower() == "true"
    if not meta["language"]:
        m = re.search(r"<html[^>]*\blang=[\"']([a-zA-Z]{2})", html)
        meta["language"] = m.group(1).lower() if m else ""
    pub = re.search(r'<meta[^>]+property=["\']article:published_time["\'][^>]+content=["\']([^"\']+)', html, re.I)
    if pub:
        meta["date"] = pub.group(1)
    return _Record(meta, _shown(path))


def _html_fragment_text(fragment: str) -> str:
    """Paragraph text of an HTML fragment (a feed item's content), paragraphs separated by a blank line."""
    import lxml.html

    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # malformed markup: fall back to stripping tags
        return re.sub(r"<[^>]+>", " ", fragment)
    blocks = root.xpath(".//p|.//li|.//h1|.//h2|.//h3|.//h4|.//blockquote[not(.//p)]")
    if not blocks:
        return root.text_content()
    return "\n\n".join(b.text_content().strip() for b in blocks if b.text_content().strip())


def _from_feed(path: Path, data: bytes, load: _Load, *, outlet: str | None) -> list[_Record]:
    import feedparser

    # Parsed from bytes: feedparser never fetches anything, and its XML parser does not resolve entities.
    feed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        raise _Skip(f"not an RSS/Atom feed with items{why}",
                    "check the XML; only feeds are read from .xml/.rss/.atom files")
    site = feed.feed.get("title", "")
    site = re.split(r"\s+[-–|]\s+", site)[0] if site else ""
    records = []
    for i, e in enumerate(feed.entries):
        content = ""
        if e.get("content"):
            content = e.content[0].get("value", "")
        content = content or e.get("summary", "")
        meta = {
            "title": e.get("title", ""),
            "outlet": outlet or site or _folder_outlet(path),
            "date": e.get("published") or e.get("updated") or "",
            "author": e.get("author", ""),
            "url": e.get("link", ""),
            "text": _html_fragment_text(content),
            "language": (feed.feed.get("language") or "")[:2],
        }
        tags = [t.get("term", "") for t in e.get("tags", [])]
        if "synthetic" in tags:
            meta["synthetic"] = True
        if not meta["text"].strip():
            load.skip(f"{path}#item{i + 1}", "feed item has no text",
                      "feeds often carry only summaries: fetch the full articles with `mediakit fetch`")
            continue
        records.append(_Record(meta, _shown(f"{path}#item{i + 1}")))
    return records


def _from_table(path: Path, content: str | bytes, load: _Load, *, outlet: str | None,
                columns: Mapping[str, str] | None) -> list[_Record]:
    ext = path.suffix.lower()
    try:
        if ext == ".parquet":
            import pyarrow.parquet as pq

            size = pq.ParquetFile(io.BytesIO(content)).metadata  # type: ignore[arg-type]
            unpacked = sum(size.row_group(i).total_byte_size for i in range(size.num_row_groups))
            if unpacked > 10 * load.max_file_bytes:
                raise _Skip(f"Parquet data too large ({unpacked / 1e6:,.1f} MB uncompressed; the cap is "
                            f"{10 * load.max_file_bytes / 1e6:,.1f} MB)",
                            f"raise the cap with load_corpus(..., max_file_bytes={_round_up(unpacked // 10 + 1)})")
            raw = pd.read_parquet(io.BytesIO(content))  # type: ignore[arg-type]
        elif ext in (".csv", ".tsv"):
            raw = pd.read_csv(io.StringIO(content), sep="\t" if ext == ".tsv" else ",", dtype=str,
                              keep_default_na=False)
        elif ext == ".jsonl":
            raw = pd.read_json(io.StringIO(content), lines=True, dtype=False)
        else:
            obj = json.loads(content)
            if isinstance(obj, dict):
                obj = next((v for v in obj.values() if isinstance(v, list)), [obj])
            raw = pd.DataFrame(obj)
    except _Skip:
        raise
    except Exception as exc:
        raise _Skip(f"not a readable {ext[1:].upper()} table ({_first_line(exc)})",
                    "check the delimiter, quoting and encoding of the export") from exc
    if raw.empty:
        raise _Skip(f"{ext[1:].upper()} table has no rows" + (" (only a header)" if len(raw.columns) else ""),
                    "export the articles again, or delete the empty export")
    raw.columns = [_as_text(c) for c in raw.columns]
    mapping = _map_columns(list(raw.columns), columns)
    if "text" not in mapping.values():
        raise _Skip(f"table has no text column (columns: {', '.join(map(str, raw.columns[:12]))})",
                    "name the body column text/body/content/full_text or pass columns={'yours': 'text'}")
    df = raw.rename(columns=mapping)
    records = []
    for i, row in enumerate(df.to_dict("records")):
        meta = {k: ("" if _isna(v) else v) for k, v in row.items()}
        meta["text"] = _as_text(meta.get("text", ""))
        if not meta["text"].strip():
            load.skip(f"{path}#row{i + 2}", "table row has no text", "fill the text column or drop the row")
            continue
        if not meta.get("outlet"):
            meta["outlet"] = outlet or _folder_outlet(path)
        records.append(_Record(meta, _shown(f"{path}#row{i + 2}")))
    return records


def _isna(v: Any) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _map_columns(cols: list[str], override: Mapping[str, str] | None) -> dict[str, str]:
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    if override:
        for theirs, ours in override.items():
            if theirs in cols:
                mapping[theirs] = ours
                taken.add(ours)
    lower = {str(c).lower().strip(): c for c in cols if c not in mapping}
    for ours, candidates in DEFAULT_COLUMN_MAP.items():
        if ours in taken:
            continue
        for cand in candidates:
            if cand in lower:
                mapping[lower[cand]] = ours
                taken.add(ours)
                break
    return mapping


# ---------------------------------------------------------------- boilerplate
@lru_cache(maxsize=1)
def _boilerplate_rules() -> tuple[list[tuple[str, str, re.Pattern[str]]], list[re.Pattern[str]], list[re.Pattern[str]]]:
    spec = yaml.safe_load(resources.files("mediakit.resources").joinpath("boilerplate.yaml").read_text("utf-8"))
    lines = [(r["name"], r["action"], re.compile(r["pattern"], re.I)) for r in spec["line_rules"]]
    leads = [re.compile(r["pattern"]) for r in spec["lead_rules"]]
    markers = [re.compile(p, re.M) for p in spec["wire_markers"]]
    return lines, leads, markers


_MANY_NEWLINES = re.compile(r"\n\s*\n(?:\s*\n)+")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")


def strip_boilerplate(text: str) -> tuple[str, str, list[str]]:
    """Remove credit lines and web furniture from a normalised body: returns ``(text, wire, credits)``.

    >>> strip_boilerplate("ANKARA (Reuters) - Turkey said no.\\n\\nPhoto: A. B. / TASS\\n\\nShare this article")
    ('Turkey said no.', 'Reuters', ['ANKARA (Reuters) -', 'Photo: A. B. / TASS'])
    """
    line_rules, lead_rules, markers = _boilerplate_rules()
    wire = ""
    credits: list[str] = []
    kept: list[str] = []
    for line in text.split("\n"):
        s = line.strip()
        rule = next(((a, m) for _, a, rx in line_rules if s and (m := rx.match(s))), None)
        if rule is None:
            kept.append(line)
            continue
        action, m = rule
        if action in ("credit", "wire"):
            credits.append(s)
        if action == "wire" and not wire:
            wire = m.group("wire").strip()
    # Trailing tag lines (section tags, group labels) after the last sentence are not article text.
    # No library does this; the rule is: short lines without sentence punctuation at the very end.
    tags: list[str] = []
    while kept and (not kept[-1].strip() or (len(kept[-1].split()) <= 8 and not _SENTENCE_END.search(kept[-1].strip()))):
        if kept[-1].strip():
            tags.append(kept[-1].strip())
        kept.pop()
    credits.extend(reversed(tags))
    body = _MANY_NEWLINES.sub("\n\n", "\n".join(kept)).strip()
    for rx in lead_rules:
        m = rx.match(body)
        if m:
            wire = wire or m.group("wire").strip()
            credits.insert(0, body[: m.end()].strip())
            body = body[m.end():]
            break
    if not wire:
        for rx in markers:
            m = rx.search(body[:300])
            if m:
                wire = m.group("wire").strip()
                break
    return body, wire, credits


# ---------------------------------------------------------------- assembling the table
def _assemble(load: _Load, *, detect_languages: bool) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    extras: list[str] = []
    seen_text: dict[str, str] = {}
    for rec in load.records:
        try:
            row, notes = _row(rec.fields, rec.source_path, detect_languages, load.max_text_chars)
        except _Skip as s:
            load.skip(rec.source_path, s.reason, s.hint)
            continue
        except Exception as exc:  # a value no rule foresaw: this article's problem, not the load's
            load.skip(rec.source_path, f"could not be read ({type(exc).__name__}: {_first_line(exc)})",
                      "check the file's fields; report it to the mediakit developers if it looks valid")
            continue
        key = hashlib.sha1(" ".join(row["text"].split()).lower().encode("utf-8")).hexdigest()
        if key in seen_text:
            load.duplicates.append({"path": rec.source_path, "duplicate_of": seen_text[key]})
            load.skip(rec.source_path, f"duplicate: same text as {seen_text[key]}",
                      "the first copy is kept; delete this one or ignore the message")
            continue
        seen_text[key] = rec.source_path
        for note in notes:
            load.note(rec.source_path, note)
        for k in row:
            if k not in COLUMNS and k not in extras:
                extras.append(k)
        rows.append(row)
    # Ids must be unique: a second article with the same explicit id gets a suffix, and is reported.
    counts: Counter[str] = Counter()
    for row in rows:
        counts[row["article_id"]] += 1
        if counts[row["article_id"]] > 1:
            load.note(row["source_path"], f"article_id {row['article_id']} repeated")
            row["article_id"] = f"{row['article_id']}-{counts[row['article_id']]}"
    df = pd.DataFrame(rows, columns=COLUMNS + extras)
    for c in ("article_id", "outlet", "date_precision", "title", "text", "url", "author", "language", "wire",
              "source_path"):
        df[c] = df[c].fillna("").astype(str)
    # parse_date gives naive timestamps pandas can hold, or NaT
    df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    # Counts only: pandas copies attrs on every operation, so the lists live in the LoadReport.
    df.attrs.update({"n_skipped": len(load.skipped), "n_notes": len(load.notes),
                     "n_duplicates": len(load.duplicates)})
    return df.reset_index(drop=True)


# Control characters other than tab and line ends; vertical tab, form feed and the separators that Python
# counts as line breaks become a newline, so that words stay apart.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_BREAK_RE = re.compile("[\x0b\x0c\x1c-\x1e\x85]")
_RESERVED = {"date_precision", "source_path"}


def _clean(text: str) -> str:
    """``text`` without control characters, normalised: the text every offset will index."""
    return normalize_text(_CONTROL_RE.sub("", _BREAK_RE.sub("\n", text)))


def _plain(v: Any) -> str:
    """A one-line field as text without control characters (they would reach terminals and reports)."""
    return _CONTROL_RE.sub("", _BREAK_RE.sub(" ", _as_text(v)))


def _as_text(v: Any) -> str:
    """A field value as text, whatever YAML, JSON or Parquet made of it.

    >>> [_as_text(v) for v in (5, 2.5, 3.0, True, None, ["A", "B"], b"caf\\xc3\\xa9", {"k": 1})]
    ['5', '2.5', '3', 'true', '', 'A; B', 'café', '{"k": 1}']
    """
    if v is None or _isna(v):
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, bytes | bytearray):
        return bytes(v).decode("utf-8", errors="replace")
    if isinstance(v, dt.date):  # datetime and pandas Timestamp too
        return v.isoformat()
    if isinstance(v, Mapping):
        return json.dumps(v, default=str, ensure_ascii=False)
    if isinstance(v, Iterable):  # lists, tuples, sets, numpy arrays from Parquet list columns
        return "; ".join(t for t in (_as_text(x) for x in v) if t)
    return str(v)


def _row(f: dict[str, Any], source_path: str, detect_languages: bool,
         max_text_chars: int = MAX_TEXT_CHARS) -> tuple[dict[str, Any], list[str]]:
    notes: list[str] = []
    raw_text = _as_text(f.pop("text", ""))
    if len(raw_text) > max_text_chars:
        raise _Skip(f"text too long ({len(raw_text):,} characters; the cap is {max_text_chars:,})",
                    f"raise the cap with load_corpus(..., max_text_chars={_round_up(len(raw_text))})")
    body, wire, credits = strip_boilerplate(_clean(raw_text))
    if not body.strip():
        raise _Skip("no article text after the metadata", "add the body below the front matter")
    for k in ("title", "outlet", "url", "author", "language", "wire"):
        if isinstance(f.get(k), Mapping):
            notes.append(f"field {k!r} is a mapping, not text; kept as JSON")
    title = _clean(_as_text(f.pop("title", "")))
    outlet = _plain(f.pop("outlet", "")).strip()
    url = _plain(f.pop("url", "")).strip()
    explicit_id = _plain(f.pop("article_id", None)) or _plain(f.pop("id", None))
    date_raw = f.pop("date", "")
    date, precision, problem = _parse_with_reason(date_raw)
    if precision == "unknown" and _as_text(date_raw).strip():
        shown = _as_text(date_raw).strip()[:60]
        notes.append(f"date did not parse: {shown} is {problem}; set to NaT" if problem
                     else f"date did not parse: {shown!r}; set to NaT")
    author = _plain(f.pop("author", ""))
    language = _as_text(f.pop("language", "")).strip().lower()[:2]
    if not language and detect_languages:
        language = detect_language(body)
    given_wire = _plain(f.pop("wire", "")).strip()
    given = f.pop("credits", None)
    given_credits = [_plain(c) for c in (given if isinstance(given, list | tuple) else [given])]
    credits = [c for c in given_credits if c.strip()] + credits
    row: dict[str, Any] = {
        "article_id": explicit_id or article_id_for(outlet, url, title, body),
        "outlet": outlet,
        "date": date,
        "date_precision": precision,
        "title": title,
        "text": body,
        "url": url,
        "author": author,
        "language": language,
        "wire": given_wire or wire,
        "source_path": source_path,
        "credits": "; ".join(credits),
    }
    for k, v in f.items():
        k = _as_text(k)
        if k in _RESERVED:
            notes.append(f"field {k!r} ignored: the loader sets it")
            continue
        if isinstance(v, dt.datetime):
            v = v.isoformat()
        elif isinstance(v, list | dict | tuple | set):
            v = json.dumps(v, default=str, ensure_ascii=False)
        elif isinstance(v, bytes | bytearray):
            v = _as_text(v)
        row[k] = v
    return row, notes
