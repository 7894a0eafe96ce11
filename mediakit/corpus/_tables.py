"""Tables (CSV, TSV, JSON, JSON Lines, Parquet) from Media Cloud, GDELT and similar exports."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ._base import _as_text, _first_line, _isna, _Load, _Record, _round_up, _shown, _Skip
from ._filenames import _folder_outlet

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
        folder = ""
        if not meta.get("outlet"):
            meta["outlet"] = outlet or (folder := _folder_outlet(path))
        records.append(_Record(meta, _shown(f"{path}#row{i + 2}"), outlet_folder=folder))
    return records


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

