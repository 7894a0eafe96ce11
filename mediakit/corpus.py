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

A file that cannot be read never stops the load: it is listed in ``df.attrs["skipped"]`` with the reason
and a hint, and one warning sums the skipped files up. ``strict=True`` raises :class:`CorpusError` instead.
"""

from __future__ import annotations

import fnmatch
import hashlib
import io
import json
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .dates import parse_date
from .text import detect_language, normalize_text

__all__ = [
    "COLUMNS",
    "CorpusError",
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
ENCODINGS = ("utf-8-sig", "cp1251", "cp1254", "latin-1")
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

    def skip(self, path: Path | str, reason: str, hint: str) -> None:
        self.skipped.append({"path": str(path), "reason": reason, "hint": hint})


class _Skip(Exception):
    def __init__(self, reason: str, hint: str):
        super().__init__(reason)
        self.reason, self.hint = reason, hint


# ---------------------------------------------------------------- public API
def load_corpus(
    path: str | Path | Iterable[str | Path],
    *,
    outlet: str | None = None,
    strict: bool = False,
    columns: Mapping[str, str] | None = None,
    progress: bool | None = None,
    detect_languages: bool = True,
) -> pd.DataFrame:
    """Load articles from a file, a folder (recursive) or a list of them into the corpus table.

    Parameters
    ----------
    path : a file, a folder or several of them.
    outlet : outlet for articles whose file names none (plain text, feeds without a title).
    strict : raise :class:`CorpusError` listing every problem instead of skipping bad files.
    columns : for tables, ``{"their column": "corpus column"}`` overriding the built-in mapping,
        e.g. ``{"story_body": "text"}``.
    progress : show a progress bar (default: when more than 500 files).
    detect_languages : guess ``language`` (en, ru, tr, ...) where the input gives none.

    Returns
    -------
    DataFrame with the columns of :data:`COLUMNS` followed by any extra front-matter fields;
    ``attrs["skipped"]`` lists files (or table rows) not loaded, each with ``path``, ``reason``, ``hint``;
    ``attrs["duplicates"]`` lists texts seen twice (the first is kept).

    Example
    -------
    >>> df = load_corpus("data/s400")                            # doctest: +SKIP
    >>> df.groupby("outlet").size()                              # doctest: +SKIP
    """
    paths = [path] if isinstance(path, str | Path) else list(path)
    load = _Load()
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if not p.exists():
            load.skip(p, "no such file or folder", "check the path; it is read relative to the current folder")
        elif p.is_dir():
            files.extend(_walk(p))
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
    problems = load.skipped
    if strict and problems:
        lines = [f"{s['path']}: {s['reason']} ({s['hint']})" for s in problems]
        raise CorpusError(f"{len(problems)} problem(s) loading the corpus:\n" + "\n".join(lines), problems)
    bad_dates = sum(1 for n in load.notes if n["note"].startswith("date did not parse"))
    if load.skipped or bad_dates:
        reasons = Counter(re.split(r"[:(]| at line", s["reason"])[0].strip() for s in load.skipped)
        summary = "; ".join(f"{n} {r}" for r, n in reasons.most_common())
        parts = [f"skipped {len(load.skipped)} input(s) ({summary}); see df.attrs['skipped'] for each file, "
                 "reason and fix"] if load.skipped else []
        if bad_dates:
            parts.append(f"{bad_dates} date(s) did not parse (NaT; see df.attrs['notes'])")
        warnings.warn(f"mediakit: loaded {len(df)} articles, " + "; ".join(parts), stacklevel=2)
    return df


def validate_corpus(df: pd.DataFrame) -> pd.DataFrame:
    """Check that ``df`` has the corpus columns and types; return it unchanged or raise :class:`CorpusError`.

    >>> validate_corpus(load_corpus("data/s400"))               # doctest: +SKIP
    """
    problems: list[dict[str, str]] = []

    def add(reason: str, hint: str) -> None:
        problems.append({"path": "<DataFrame>", "reason": reason, "hint": hint})

    missing = [c for c in ("article_id", "text") if c not in df.columns]
    for c in missing:
        add(f"column {c!r} missing", "load the table with mediakit.load_corpus or add the column")
    if not missing:
        if df["article_id"].duplicated().any():
            dup = df.loc[df["article_id"].duplicated(), "article_id"].iloc[0]
            add(f"article_id {dup!r} appears more than once", "article ids must be unique")
        if df["text"].isna().any() or (df["text"].astype(str).str.strip() == "").any():
            add("some rows have no text", "drop them or fill `text`")
    if "date" in df.columns and not pd.api.types.is_datetime64_any_dtype(df["date"]):
        add("column 'date' is not datetime64", "convert it with pandas.to_datetime")
    if problems:
        raise CorpusError("invalid corpus: " + "; ".join(p["reason"] for p in problems), problems)
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
def _walk(root: Path) -> list[Path]:
    ignore = list(ALWAYS_IGNORED)
    ign = root / IGNORE_FILE
    if ign.exists():
        ignore += [ln.strip() for ln in ign.read_text(encoding="utf-8").splitlines()
                   if ln.strip() and not ln.startswith("#")]
    out = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        # Broken links are kept so that they are reported as unreadable rather than lost silently.
        if any(part.startswith(".") for part in rel.parts) or not (p.is_file() or p.is_symlink()):
            continue
        if any(_ignored(rel, pat) for pat in ignore):
            continue
        out.append(p)
    return out


def _ignored(rel: Path, pattern: str) -> bool:
    """gitignore-like: ``name`` or ``glob*`` matches a file name or a folder on the path; ``a/b.csv`` a path."""
    pattern = pattern.rstrip("/")
    if "/" in pattern:
        return fnmatch.fnmatch(rel.as_posix(), pattern) or rel.as_posix().startswith(pattern + "/")
    return any(fnmatch.fnmatch(part, pattern) for part in rel.parts)


# ---------------------------------------------------------------- one file
def _load_file(path: Path, load: _Load, *, outlet: str | None, columns: Mapping[str, str] | None) -> None:
    ext = path.suffix.lower()
    try:
        if ext not in SUPPORTED:
            raise _Skip(f"unknown extension {ext or '(none)'!r}",
                        f"save it as one of {', '.join(sorted(SUPPORTED))}, or list it in {IGNORE_FILE}")
        data = _read_bytes(path)
        if ext == ".parquet":
            load.records.extend(_from_table(path, data, load, outlet=outlet, columns=columns))
            return
        text, encoding = _decode(path, data)
        if encoding not in ("utf-8", "utf-8-sig"):
            load.notes.append({"path": str(path), "note": f"decoded as {encoding}"})
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


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "a folder, not a file")
        data = path.read_bytes()
    except OSError as exc:
        raise _Skip(f"unreadable ({exc.strerror or exc})", "check the file's permissions") from exc
    if not data.strip():
        raise _Skip("empty file", "delete it or add the article text")
    if path.suffix.lower() != ".parquet" and _looks_binary(data):
        raise _Skip("binary file, not text", "export the article as .md, .txt, .html or .csv")
    return data


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 32)
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = len(head.translate(None, _NOT_CONTROL))
    return control > len(head) * 0.05


def _decode(path: Path, data: bytes) -> tuple[str, str]:
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
    return cyr > 0 and mixed * 4 < cyr


# ---------------------------------------------------------------- formats
_FRONT_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
try:  # the C loader is ~10x faster; both are safe loaders (no Python objects from data)
    _YAML_LOADER = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _YAML_LOADER = yaml.SafeLoader


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
            meta = yaml.load(m.group(1) or "", Loader=_YAML_LOADER) or {}
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
            when, precision = parse_date(first.strip())
            if precision == "day" and not re.search(r"[a-z]{3,}\s+[a-z]{3,}", first.strip().lower()):
                meta["date"] = first.strip()
                body = rest
    meta = {str(k).lower(): v for k, v in meta.items()}
    meta["title"] = title if title is not None else ""
    if not meta.get("outlet"):
        meta["outlet"] = outlet or _folder_outlet(path)
    meta["text"] = body
    return _Record(meta, str(path))


def _folder_outlet(path: Path) -> str:
    return path.parent.name if path.parent.name not in ("", ".") else ""


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
    return _Record(meta, str(path))


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
        records.append(_Record(meta, f"{path}#item{i + 1}"))
    return records


def _from_table(path: Path, content: str | bytes, load: _Load, *, outlet: str | None,
                columns: Mapping[str, str] | None) -> list[_Record]:
    ext = path.suffix.lower()
    try:
        if ext == ".parquet":
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
    except Exception as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise _Skip(f"not a readable {ext[1:].upper()} table ({first})",
                    "check the delimiter, quoting and encoding of the export") from exc
    mapping = _map_columns(list(raw.columns), columns)
    if "text" not in mapping.values():
        raise _Skip(f"table has no text column (columns: {', '.join(map(str, raw.columns[:12]))})",
                    "name the body column text/body/content/full_text or pass columns={'yours': 'text'}")
    df = raw.rename(columns=mapping)
    records = []
    for i, row in enumerate(df.to_dict("records")):
        meta = {k: ("" if _isna(v) else v) for k, v in row.items()}
        if not str(meta.get("text", "")).strip():
            load.skip(f"{path}#row{i + 2}", "table row has no text", "fill the text column or drop the row")
            continue
        meta["text"] = str(meta["text"])
        if not meta.get("outlet"):
            meta["outlet"] = outlet or _folder_outlet(path)
        records.append(_Record(meta, f"{path}#row{i + 2}"))
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
    ('Turkey said no.', 'Reuters', ['Photo: A. B. / TASS'])
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
    duplicates: list[dict[str, str]] = []
    for rec in load.records:
        f = rec.fields
        try:
            row = _row(f, rec.source_path, detect_languages)
        except _Skip as s:
            load.skip(rec.source_path, s.reason, s.hint)
            continue
        key = hashlib.sha1(" ".join(row["text"].split()).lower().encode("utf-8")).hexdigest()
        if key in seen_text:
            duplicates.append({"path": rec.source_path, "duplicate_of": seen_text[key]})
            load.skip(rec.source_path, f"duplicate: same text as {seen_text[key]}",
                      "the first copy is kept; delete this one or ignore the message")
            continue
        seen_text[key] = rec.source_path
        if row.pop("_date_unparsed"):
            load.notes.append({"path": rec.source_path, "note": "date did not parse; set to NaT"})
        for k in row:
            if k not in COLUMNS and k not in extras:
                extras.append(k)
        rows.append(row)
    # Ids must be unique: a second article with the same explicit id gets a suffix, and is reported.
    counts: Counter[str] = Counter()
    for row in rows:
        counts[row["article_id"]] += 1
        if counts[row["article_id"]] > 1:
            load.notes.append({"path": row["source_path"], "note": f"article_id {row['article_id']} repeated"})
            row["article_id"] = f"{row['article_id']}-{counts[row['article_id']]}"
    df = pd.DataFrame(rows, columns=COLUMNS + extras)
    for c in ("article_id", "outlet", "date_precision", "title", "text", "url", "author", "language", "wire",
              "source_path"):
        df[c] = df[c].fillna("").astype(str)
    df["date"] = pd.to_datetime(df["date"], utc=True).dt.tz_localize(None).astype("datetime64[ns]")
    df.attrs["skipped"] = load.skipped
    df.attrs["duplicates"] = duplicates
    df.attrs["notes"] = load.notes
    return df.reset_index(drop=True)


def _row(f: dict[str, Any], source_path: str, detect_languages: bool) -> dict[str, Any]:
    raw_text = f.pop("text", "")
    if not isinstance(raw_text, str):
        raw_text = "" if raw_text is None else str(raw_text)
    body, wire, credits = strip_boilerplate(normalize_text(raw_text))
    if not body.strip():
        raise _Skip("no article text after the metadata", "add the body below the front matter")
    title = normalize_text(str(f.pop("title", "") or ""))
    outlet = str(f.pop("outlet", "") or "").strip()
    url = str(f.pop("url", "") or "").strip()
    explicit_id = f.pop("article_id", None) or f.pop("id", None)
    date_raw = f.pop("date", "")
    date, precision = parse_date(date_raw)
    author = f.pop("author", "") or ""
    if isinstance(author, list):
        author = "; ".join(map(str, author))
    language = str(f.pop("language", "") or "").strip().lower()[:2]
    if not language and detect_languages:
        language = detect_language(body)
    given_wire = str(f.pop("wire", "") or "").strip()
    given_credits = f.pop("credits", None)
    if given_credits:
        credits = ([given_credits] if isinstance(given_credits, str) else list(map(str, given_credits))) + credits
    row: dict[str, Any] = {
        "article_id": str(explicit_id) if explicit_id not in (None, "") else article_id_for(outlet, url, title, body),
        "outlet": outlet,
        "date": date,
        "date_precision": precision,
        "title": title,
        "text": body,
        "url": url,
        "author": str(author),
        "language": language,
        "wire": given_wire or wire,
        "source_path": source_path,
        "credits": "; ".join(credits),
        # popped by _assemble, which reports it: a date was given but did not parse
        "_date_unparsed": precision == "unknown" and date_raw not in (None, "") and str(date_raw).strip() != "",
    }
    for k, v in f.items():
        if isinstance(v, datetime | list | dict):
            v = v.isoformat() if isinstance(v, datetime) else json.dumps(v, default=str, ensure_ascii=False)
        row[str(k)] = v
    return row
