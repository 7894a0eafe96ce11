"""Download and extract the articles listed in a URL manifest, politely, resumably, with a disk cache.

>>> from mediakit import load_manifest, fetch_articles
>>> manifest = load_manifest("data/s400/coverage_manifest.csv")          # doctest: +SKIP
>>> report = fetch_articles(manifest.head(5), "data/raw/s400-real")       # doctest: +SKIP
>>> report.status.value_counts()                                           # doctest: +SKIP

Each article becomes one Markdown file with YAML front matter that :func:`mediakit.load_corpus` reads.
A URL that fails (HTTP error, timeout, not an HTML page, no text) is reported and the run goes on.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import urllib.error
import urllib.request
import urllib.robotparser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import yaml

from . import __version__

__all__ = ["fetch_articles", "USER_AGENT"]

USER_AGENT = f"mediakit/{__version__} (research tool; +https://example.org/mediakit)"
_MAX_BYTES = 8 * 1024 * 1024


class _FetchError(Exception):
    pass


def fetch_articles(
    manifest: pd.DataFrame,
    out_dir: str | Path,
    *,
    delay: float = 2.0,
    timeout: float = 20.0,
    user_agent: str = USER_AGENT,
    respect_robots: bool = True,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Fetch every ``url`` of ``manifest`` into ``out_dir`` as ``.md`` files; return one row per URL.

    Polite: waits ``delay`` seconds between requests to the same host, sends ``user_agent``, obeys
    robots.txt. Cached: raw pages are kept in ``out_dir/.cache`` so a re-run does not download again.
    Resumable: URLs whose article file already exists are not fetched again.

    Returns a DataFrame with ``url, status`` (fetched, cached, exists, failed) ``, path, error``.
    """
    out = Path(out_dir)
    cache = out / ".cache"
    cache.mkdir(parents=True, exist_ok=True)
    if "url" not in manifest.columns:
        raise ValueError("manifest has no 'url' column; load it with mediakit.load_manifest")
    robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
    last_hit: dict[str, float] = {}
    rows: list[dict[str, Any]] = []
    records = manifest.to_dict("records")
    show = progress if progress is not None else len(records) > 1
    iterator = records
    if show:
        from tqdm.auto import tqdm

        iterator = tqdm(records, desc="fetching", unit="url")
    for rec in iterator:
        url = str(rec.get("url") or "").strip()
        key = hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
        target = out / f"{key}.md"
        row = {"url": url, "status": "", "path": str(target), "error": ""}
        try:
            if not re.match(r"^https?://", url):
                raise _FetchError(f"not an http(s) URL: {url!r}")
            if target.exists():
                row["status"] = "exists"
                rows.append(row)
                continue
            raw_path = cache / f"{key}.html"
            if raw_path.exists():
                html, status = raw_path.read_text(encoding="utf-8"), "cached"
            else:
                host = urlsplit(url).netloc
                if respect_robots and not _allowed(url, robots, user_agent, timeout):
                    raise _FetchError("disallowed by robots.txt")
                wait = last_hit.get(host, 0.0) + delay - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                last_hit[host] = time.monotonic()
                html = _download(url, user_agent, timeout)
                raw_path.write_text(html, encoding="utf-8")
                status = "fetched"
            target.write_text(_to_markdown(html, rec, url), encoding="utf-8")
            row["status"] = status
        except _FetchError as exc:
            row.update(status="failed", error=str(exc), path="")
        rows.append(row)
    report = pd.DataFrame(rows, columns=["url", "status", "path", "error"])
    (cache / "fetch_report.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return report


def _allowed(url: str, cache: dict, user_agent: str, timeout: float) -> bool:
    parts = urlsplit(url)
    base = f"{parts.scheme}://{parts.netloc}"
    if base not in cache:
        parser = urllib.robotparser.RobotFileParser()
        try:
            req = urllib.request.Request(base + "/robots.txt", headers={"User-Agent": user_agent})
            with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (http(s) only, checked)
                parser.parse(resp.read(512 * 1024).decode("utf-8", "replace").splitlines())
        except urllib.error.HTTPError as exc:
            parser.parse([] if exc.code in (404, 410) else ["User-agent: *", "Disallow: /"])
            if exc.code >= 500:  # a broken server tells us nothing; do not hold it against the site
                parser.parse([])
        except (urllib.error.URLError, TimeoutError, OSError):
            parser.parse([])
        cache[base] = parser
    return cache[base].can_fetch(user_agent, url)


def _download(url: str, user_agent: str, timeout: float) -> str:
    req = urllib.request.Request(url, headers={"User-Agent": user_agent, "Accept": "text/html,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (http(s) only, checked)
            ctype = resp.headers.get("Content-Type", "")
            if ctype and "html" not in ctype.lower() and "xml" not in ctype.lower():
                raise _FetchError(f"not an HTML page ({ctype.split(';')[0]})")
            data = resp.read(_MAX_BYTES + 1)
            charset = resp.headers.get_content_charset() or "utf-8"
    except urllib.error.HTTPError as exc:
        raise _FetchError(f"HTTP {exc.code} {exc.reason}") from exc
    except (TimeoutError, urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise _FetchError(f"timed out after {timeout:g} s") from exc
        raise _FetchError(f"network error: {reason}") from exc
    if len(data) > _MAX_BYTES:
        raise _FetchError("page larger than 8 MB")
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _to_markdown(html: str, rec: dict[str, Any], url: str) -> str:
    from .corpus import _from_html, _Skip

    try:
        page = _from_html(Path(url), html, outlet=None).fields
    except _Skip as exc:
        raise _FetchError(exc.reason) from exc
    if not str(page.get("text", "")).strip():
        raise _FetchError("no article text found in the page")
    meta: dict[str, Any] = {
        "title": rec.get("title") or page.get("title") or "",
        "outlet": rec.get("outlet") or page.get("outlet") or urlsplit(url).netloc,
        "date": rec.get("date_raw") or page.get("date") or "",
        "url": url,
        "author": page.get("author") or "",
        "language": rec.get("language") or page.get("language") or "",
        "fetched_by": USER_AGENT,
    }
    for k, v in rec.items():
        if k not in meta and k not in ("date", "date_precision") and v not in (None, "") and not pd.isna(v):
            meta[k] = v if isinstance(v, str | int | float | bool) else str(v)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{page['text'].strip()}\n"
