"""Web formats: saved HTML pages (trafilatura) and RSS/Atom feeds (feedparser)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from ._base import _Load, _Record, _shown, _Skip
from ._filenames import _folder_outlet


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
    from_folder = not (d.get("sitename") or outlet)
    return _Record(meta, _shown(path), outlet_folder=meta["outlet"] if from_folder else "")


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
        records.append(_Record(meta, _shown(f"{path}#item{i + 1}"),
                               outlet_folder="" if outlet or site else meta["outlet"]))
    return records

