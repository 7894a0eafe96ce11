"""One table from the loaded records: cleaned text, parsed dates, ids, credits and extra fields."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..dates import _parse_with_reason
from ..text import detect_language, looks_like_mojibake, normalize_text, repair_mojibake
from ._base import COLUMNS, MAX_TEXT_CHARS, _as_text, _first_line, _Load, _round_up, _Skip
from ._boilerplate import strip_boilerplate
from ._filenames import _folder_note
from ._learn import join_removed, learn_spans, remove_spans, rule_spans


def article_id_for(outlet: str, url: str, title: str, text: str) -> str:
    """Stable id of an article: a hash of its URL when it has one, otherwise of outlet, title and text."""
    key = url.strip() if url and url.strip() else f"{outlet}\x1f{title}\x1f{text}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

def _assemble(load: _Load, *, detect_languages: bool, learn: bool = False,
              rules: Sequence[re.Pattern[str]] = ()) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    extras: list[str] = []
    seen_text: dict[str, str] = {}
    from_folder: list[tuple[str, str]] = []
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
        if rec.outlet_folder and row["outlet"] == rec.outlet_folder:
            from_folder.append((rec.source_path, rec.outlet_folder))
        for note in rec.notes + notes:
            load.note(rec.source_path, note)
        for k in row:
            if k not in COLUMNS and k not in extras:
                extras.append(k)
        rows.append(row)
    if learn or rules:
        rows = _remove_boilerplate(rows, load, learn=learn, rules=rules)
        kept = {row["source_path"] for row in rows}
        from_folder = [(path, name) for path, name in from_folder if path in kept]
    if from_folder:  # one line for all of them, not one per file
        parents = [os.path.dirname(path.split("#")[0]) for path, _ in from_folder]
        try:
            where = os.path.commonpath(parents) or "."
        except ValueError:  # absolute and relative paths mixed
            where = "."
        load.note(where, _folder_note([name for _, name in from_folder]))
    # Ids must be unique: a second article with the same explicit id gets a suffix, and is reported.
    counts: Counter[str] = Counter()
    for row in rows:
        counts[row["article_id"]] += 1
        if counts[row["article_id"]] > 1:
            load.note(row["source_path"], f"article_id {row['article_id']} repeated")
            row["article_id"] = f"{row['article_id']}-{counts[row['article_id']]}"
    df = pd.DataFrame(rows, columns=COLUMNS + extras)
    for c in ("article_id", "outlet", "date_precision", "title", "text", "url", "author", "language", "wire",
              "source_path", "credits", "boilerplate"):
        df[c] = df[c].fillna("").astype(str)
    # parse_date gives naive timestamps pandas can hold, or NaT
    df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    # Counts only: pandas copies attrs on every operation, so the lists live in the LoadReport.
    df.attrs.update({"n_skipped": len(load.skipped), "n_notes": len(load.notes),
                     "n_duplicates": len(load.duplicates)})
    return df.reset_index(drop=True)


def _remove_boilerplate(rows: list[dict[str, Any]], load: _Load, *, learn: bool,
                        rules: Sequence[re.Pattern[str]]) -> list[dict[str, Any]]:
    """Cut learned and user boilerplate out of each row's text into its ``boilerplate`` column."""
    texts = [row["text"] for row in rows]
    learned = learn_spans(texts, [row["outlet"] for row in rows]) if learn else [[] for _ in rows]
    out = []
    for row, spans in zip(rows, learned, strict=True):
        spans = spans + rule_spans(row["text"], rules)
        if spans:
            text, removed = remove_spans(row["text"], spans)
            if not text.strip():
                load.skip(row["source_path"], "no article text left after removing boilerplate",
                          "check the boilerplate rules, or load with load_corpus(..., boilerplate='keep')")
                continue
            row["text"], row["boilerplate"] = text, join_removed(removed)
        out.append(row)
    return out


# Control characters other than tab and line ends; vertical tab, form feed and the separators that Python
# counts as line breaks become a newline, so that words stay apart.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_BREAK_RE = re.compile("[\x0b\x0c\x1c-\x1e\x85]")
_ASCII_CONTROL_OR_BREAK = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x1F), 0x7F])  # what they match in ASCII
_RESERVED = {"date_precision", "source_path"}


def _clean(text: str) -> str:
    """``text`` without control characters, normalised: the text every offset will index. Mojibake is
    repaired first: a character read as Latin-1 may have left a C1 control in the text ("real‑world" as
    "realâ€\x91world") that the repair needs."""
    if looks_like_mojibake(text):
        text = repair_mojibake(text)
    # ASCII text (most of it) is tested for the ASCII ones at C speed first: the two patterns are slow scans
    if not text.isascii() or len(text.encode("ascii").translate(None, _ASCII_CONTROL_OR_BREAK)) != len(text):
        text = _CONTROL_RE.sub("", _BREAK_RE.sub("\n", text))
    return normalize_text(text)


def _plain(v: Any) -> str:
    """A one-line field as text without control characters (they would reach terminals and reports)."""
    return _CONTROL_RE.sub("", _BREAK_RE.sub(" ", _as_text(v)))


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
        "boilerplate": "",
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
