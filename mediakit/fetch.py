"""Download and extract the articles listed in a URL manifest, politely, resumably, with a disk cache.

>>> from mediakit import load_manifest, fetch_articles
>>> manifest = load_manifest("data/s400/coverage_manifest.csv")          # doctest: +SKIP
>>> report = fetch_articles(manifest.head(5), "data/raw/s400-real")       # doctest: +SKIP
>>> report.status.value_counts()                                           # doctest: +SKIP

Each article becomes one Markdown file with YAML front matter that :func:`mediakit.load_corpus` reads.
Every URL ends as fetched (or cached, exists) or failed with the reason, whatever the URL or the server
does (a malformed URL, a bad status line, an over-long header, broken chunked encoding, a reset, a body
shorter than announced, a server trickling bytes): the run goes on and always writes its report. Each
URL has a total deadline (``timeout``), not a per-read one; redirects are followed here, at most five,
each checked for scheme (http and https only) and against robots.txt.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import socket
import ssl
import string
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import pandas as pd
import yaml

from . import __version__
from .dates import date_problem

__all__ = ["fetch_articles", "USER_AGENT"]

USER_AGENT = f"mediakit/{__version__} (research tool; +https://example.org/mediakit)"
_MAX_BYTES = 8 * 1024 * 1024
_MAX_ROBOTS_BYTES = 512 * 1024
_MAX_REDIRECTS = 5
_REDIRECT_CODES = (301, 302, 303, 307, 308)
_SCHEMES = ("http", "https")
_SAFE_URL_CHARS = string.punctuation.replace("%", "") + "%"  # keep every ASCII sign; encode only non-ASCII


class _FetchError(Exception):
    pass


class _Deadline:
    """A total time budget in seconds, shared by every connection, read and redirect of one request."""

    def __init__(self, seconds: float):
        self.seconds = float(seconds)
        self.end = time.monotonic() + self.seconds

    def left(self) -> float:
        """Seconds left; raises the 'timed out' failure once the budget is spent."""
        left = self.end - time.monotonic()
        if left <= 0:
            raise _FetchError(self.message())
        return left

    def passed(self) -> bool:
        return time.monotonic() >= self.end

    def message(self) -> str:
        return f"timed out after {self.seconds:g} s"

    def within(self, seconds: float) -> _Deadline:
        """A deadline ``seconds`` from now, never later than this one."""
        sub = _Deadline(seconds)
        sub.end = min(sub.end, self.end)
        return sub


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
    robots.txt (also on every redirect). Cached: raw pages are kept in ``out_dir/.cache`` so a re-run
    does not download again. Resumable: URLs whose article file already exists are not fetched again.
    ``timeout`` is the total time one URL may take, redirects included (robots.txt gets the same budget).

    Returns a DataFrame with ``url, status`` (fetched, cached, exists, failed) ``, path, error``; the same
    rows are written to ``out_dir/.cache/fetch_report.json`` even when the run is interrupted.

    >>> import tempfile
    >>> bad = pd.DataFrame({"url": ["ftp://example.org/a", "http://exa mple.org/b"]})
    >>> fetch_articles(bad, tempfile.mkdtemp(), progress=False)[["status", "error"]].to_dict("list")
    {'status': ['failed', 'failed'], 'error': ["not an http(s) URL: 'ftp://example.org/a'", \
'URL contains a space or control character at position 10; percent-encode it (a space is %20)']}
    """
    out = Path(out_dir)
    cache = out / ".cache"
    cache.mkdir(parents=True, exist_ok=True)
    if "url" not in manifest.columns:
        raise ValueError("manifest has no 'url' column; load it with mediakit.load_manifest")
    robots: dict[str, urllib.robotparser.RobotFileParser] = {}
    last_hit: dict[str, float] = {}
    rows: list[dict[str, Any]] = []
    records = manifest.to_dict("records")
    show = progress if progress is not None else len(records) > 1
    iterator = records
    if show:
        from tqdm.auto import tqdm

        iterator = tqdm(records, desc="fetching", unit="url")

    def allowed(url: str, deadline: _Deadline) -> bool:
        return not respect_robots or _allowed(url, robots, user_agent, deadline.within(timeout))

    try:
        for rec in iterator:
            rows.append(_fetch_one(rec, out, cache, allowed=allowed, last_hit=last_hit, delay=delay,
                                   timeout=timeout, user_agent=user_agent))
    finally:  # a report even when interrupted
        (cache / "fetch_report.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return pd.DataFrame(rows, columns=["url", "status", "path", "error"])


def _fetch_one(rec: dict[str, Any], out: Path, cache: Path, *, allowed: Callable[[str, _Deadline], bool],
               last_hit: dict[str, float], delay: float, timeout: float, user_agent: str) -> dict[str, Any]:
    """One manifest row to one report row; any failure becomes ``status='failed'`` with its reason."""
    url = rec.get("url")
    url = "" if url is None or (isinstance(url, float) and url != url) else str(url).strip()
    key = hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    target = out / f"{key}.md"
    row = {"url": url, "status": "", "path": str(target), "error": ""}
    try:
        _check_url(url)
        if target.exists():
            row["status"] = "exists"
            return row
        raw_path = cache / f"{key}.html"
        if raw_path.exists():
            html, status = raw_path.read_text(encoding="utf-8"), "cached"
        else:
            if not allowed(url, _Deadline(timeout)):
                raise _FetchError("disallowed by robots.txt")
            host = urlsplit(url).netloc.lower()
            wait = last_hit.get(host, 0.0) + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            last_hit[host] = time.monotonic()
            html = _download(url, user_agent, _Deadline(timeout), allowed)
            raw_path.write_text(html, encoding="utf-8")
            status = "fetched"
        target.write_text(_to_markdown(html, rec, url), encoding="utf-8")
        row["status"] = status
    except _FetchError as exc:
        row.update(status="failed", error=str(exc), path="")
    except Exception as exc:  # noqa: BLE001 (any server or page may fail any way; the run goes on)
        row.update(status="failed", error=_describe(exc), path="")
    return row


def _check_url(url: str) -> None:
    """Refuse what is not an absolute http(s) URL (scheme case ignored) or holds spaces/control characters."""
    bad = next((i for i, ch in enumerate(url) if ch <= " " or "\x7f" <= ch <= "\x9f"), None)
    if bad is not None:
        raise _FetchError(f"URL contains a space or control character at position {bad}; percent-encode it "
                          "(a space is %20)")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError as exc:
        raise _FetchError(f"invalid URL ({exc}): {url!r}") from exc
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        raise _FetchError(f"not an http(s) URL: {url!r}")


def _describe(exc: BaseException) -> str:
    """A one-line reason for a failure raised by the network, the server's answer or the page."""
    if isinstance(exc, http.client.LineTooLong):
        msg = f"bad HTTP response: {exc}"
    elif isinstance(exc, http.client.RemoteDisconnected):
        msg = "network error: the server closed the connection without a response"
    elif isinstance(exc, http.client.BadStatusLine):
        msg = f"bad HTTP response: bad status line {str(exc)[:80]!r}"
    elif isinstance(exc, http.client.IncompleteRead):
        msg = f"body ended early or bad chunked encoding ({len(exc.partial)} bytes read)"
    elif isinstance(exc, http.client.InvalidURL):
        msg = f"invalid URL: {exc}"
    elif isinstance(exc, http.client.HTTPException):
        msg = f"bad HTTP response: {type(exc).__name__} {exc}"
    elif isinstance(exc, ssl.SSLError):
        msg = f"TLS error: {exc.reason or exc}"
    elif isinstance(exc, TimeoutError):
        msg = "timed out"
    elif isinstance(exc, ConnectionResetError):
        msg = "network error: connection reset by the server"
    elif isinstance(exc, OSError):
        msg = f"network error: {exc.strerror or exc}"
    else:
        msg = f"{type(exc).__name__}: {exc}"
    return " ".join(msg.split())[:300]


# ---------------------------------------------------------------- HTTP
def _download(url: str, user_agent: str, deadline: _Deadline,
              allowed: Callable[[str, _Deadline], bool]) -> str:
    """GET ``url`` following redirects (scheme and robots.txt checked at each hop) within ``deadline``."""
    status, headers, body = _follow(url, user_agent, deadline, allowed=allowed, html_only=True)
    if status >= 400:
        raise _FetchError(f"HTTP {status} {http.client.responses.get(status, '')}".strip())
    if not 200 <= status < 300:
        raise _FetchError(f"HTTP {status} (not a page)")
    charset = headers.get_content_charset() or "utf-8"
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def _follow(url: str, user_agent: str, deadline: _Deadline, *, allowed: Callable[[str, _Deadline], bool] | None,
            html_only: bool, max_bytes: int = _MAX_BYTES) -> tuple[int, http.client.HTTPMessage, bytes]:
    for hop in range(_MAX_REDIRECTS + 1):
        if hop:
            if urlsplit(url).scheme.lower() not in _SCHEMES:
                raise _FetchError(f"redirected to a non-http(s) URL: {url[:200]!r}")
            _check_url(url)
            if allowed is not None and not allowed(url, deadline):
                raise _FetchError(f"redirected to {url[:200]!r}, disallowed by robots.txt")
        status, headers, body = _get(url, user_agent, deadline, html_only=html_only, max_bytes=max_bytes)
        if status not in _REDIRECT_CODES:
            return status, headers, body
        location = (headers.get("Location") or "").strip()
        if not location:
            raise _FetchError(f"HTTP {status} redirect without a Location header")
        url = urljoin(url, location)
    raise _FetchError(f"more than {_MAX_REDIRECTS} redirects")


def _get(url: str, user_agent: str, deadline: _Deadline, *, html_only: bool,
         max_bytes: int) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One GET, no redirects. A watchdog shuts the socket at the deadline, so no server can hold it longer."""
    parts = urlsplit(url)
    conn_cls = http.client.HTTPSConnection if parts.scheme.lower() == "https" else http.client.HTTPConnection
    target = quote(parts.path or "/", safe=_SAFE_URL_CHARS)
    if parts.query:
        target += "?" + quote(parts.query, safe=_SAFE_URL_CHARS)
    conn = conn_cls(parts.hostname, parts.port, timeout=deadline.left())
    watchdog: threading.Timer | None = None
    fired = threading.Event()
    try:
        conn.connect()
        sock = conn.sock  # kept: http.client may drop conn.sock while the response still reads from it
        watchdog = threading.Timer(deadline.left(), _shut, args=(sock, fired))
        watchdog.daemon = True
        watchdog.start()
        conn.request("GET", target, headers={"User-Agent": user_agent, "Accept": "text/html,*/*;q=0.5",
                                             "Accept-Encoding": "identity"})
        resp = conn.getresponse()
        status = resp.status
        if status >= 300:  # redirects and errors: the caller decides
            return status, resp.msg, b""
        ctype = resp.getheader("Content-Type", "") or ""
        if html_only and ctype and "html" not in ctype.lower() and "xml" not in ctype.lower():
            raise _FetchError(f"not an HTML page ({ctype.split(';')[0].strip()[:80]})")
        declared = (resp.getheader("Content-Length") or "").strip()
        length = int(declared) if declared.isdigit() else None
        if length is not None and length > max_bytes:
            raise _FetchError(f"page larger than {max_bytes / 2**20:g} MB")
        data = resp.read(max_bytes + 1)
        if fired.is_set():  # the watchdog cut the answer short: whatever was read is not the page
            raise _FetchError(deadline.message())
        if length is not None and len(data) < length:
            raise _FetchError(f"body shorter than its Content-Length ({len(data)} of {length} bytes)")
        if len(data) > max_bytes:
            raise _FetchError(f"page larger than {max_bytes / 2**20:g} MB")
        return status, resp.msg, data
    except _FetchError:
        raise
    except Exception as exc:
        if fired.is_set() or deadline.passed():
            raise _FetchError(deadline.message()) from exc
        raise
    finally:
        if watchdog is not None:
            watchdog.cancel()
        conn.close()


def _shut(sock: socket.socket | None, fired: threading.Event) -> None:
    fired.set()
    if sock is None:
        return
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)  # wakes a read blocked in another thread


def _allowed(url: str, cache: dict[str, urllib.robotparser.RobotFileParser], user_agent: str,
             deadline: _Deadline) -> bool:
    parts = urlsplit(url)
    base = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
    if base not in cache:
        cache[base] = _read_robots(base, user_agent, deadline)
    return cache[base].can_fetch(user_agent, url)


def _read_robots(base: str, user_agent: str, deadline: _Deadline) -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser(base + "/robots.txt")
    parser.parse([])  # marks it read: can_fetch answers from here on
    try:
        status, _headers, body = _follow(base + "/robots.txt", user_agent, deadline, allowed=None,
                                         html_only=False, max_bytes=_MAX_ROBOTS_BYTES)
    except Exception:  # noqa: BLE001 (unreachable, too slow or garbled: it tells us nothing; fetch as allowed)
        parser.allow_all = True
        return parser
    if 200 <= status < 300:
        parser.parse(body.decode("utf-8", "replace").splitlines())
    elif status in (404, 410) or status >= 500:
        # no robots.txt; or a broken server tells us nothing: do not hold it against the site
        parser.allow_all = True
    else:  # 401, 403, other refusals: the site does not want robots
        parser.disallow_all = True
    return parser


# ---------------------------------------------------------------- article file
def _to_markdown(html: str, rec: dict[str, Any], url: str) -> str:
    from .corpus import _from_html, _Skip

    try:
        page = _from_html(Path(url), html, outlet=None).fields
    except _Skip as exc:
        raise _FetchError(exc.reason) from exc
    if not str(page.get("text", "")).strip():
        raise _FetchError("no article text found in the page")
    meta: dict[str, Any] = {
        "title": _plain(rec.get("title")) or _plain(page.get("title")) or "",
        "outlet": _plain(rec.get("outlet")) or _plain(page.get("outlet")) or urlsplit(url).netloc,
    }
    meta.update(_date_fields(_plain(rec.get("date_raw")) or _plain(page.get("date")) or ""))
    meta.update({
        "url": url,
        "author": _plain(page.get("author")) or "",
        "language": _plain(rec.get("language")) or _plain(page.get("language")) or "",
        "fetched_by": USER_AGENT,
    })
    for k, v in rec.items():
        k = str(k)
        if k in ("date", "date_precision") or (v := _plain(v)) in (None, ""):
            continue
        if k == "notes" and "notes" in meta:
            meta["notes"] = f"{v}; {meta['notes']}"
        elif k not in meta:
            meta[k] = v
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{str(page['text']).strip()}\n"


def _plain(v: Any) -> Any:
    """A YAML-safe scalar: None for missing values, numbers and text as they are, anything else as text."""
    if v is None or v is pd.NaT or (isinstance(v, float) and v != v):
        return None
    if hasattr(v, "item") and not isinstance(v, str | bytes | list | dict):
        with contextlib.suppress(ValueError, TypeError):
            v = v.item()  # numpy scalars
    if isinstance(v, bool | int | float | str):
        return v
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    if isinstance(v, pd.Timestamp):
        return v.isoformat()
    return str(v)


def _date_fields(raw: Any) -> dict[str, Any]:
    """``{"date": raw}`` when it loads as a date; a date pandas cannot hold goes to ``date_raw`` with a note.

    >>> _date_fields("2021-06-01")
    {'date': '2021-06-01'}
    >>> _date_fields("1500-01-01")["notes"]
    'date 1500-01-01 is outside the range pandas can hold (1677-2262); kept as date_raw, date left empty'
    """
    if raw in (None, ""):
        return {}
    text = str(raw)
    if not date_problem(text).startswith("outside the range"):
        return {"date": text}  # a date, or text the loader reports as unparsed (NaT with a note)
    return {"date_raw": text, "notes": f"date {text} is outside the range pandas can hold (1677-2262); "
                                       "kept as date_raw, date left empty"}
