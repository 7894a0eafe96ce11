"""mediakit fetch against a local HTTP server on 127.0.0.1: pages, a 404, a slow page, a PDF, robots.txt."""

from __future__ import annotations

import contextlib
import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from mediakit.corpus import load_corpus
from mediakit.fetch import fetch_articles

ARTICLE = """<!DOCTYPE html><html lang="en"><head><title>Dam opens after repairs</title>
<meta property="og:site_name" content="Valley Courier"><meta name="author" content="Tom Ray">
<meta property="article:published_time" content="2021-06-01T10:00:00+00:00"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Dam opens after repairs</h1>
<p>The river dam reopened on Tuesday after two years of repairs, the water authority said in a statement.</p>
<p>Engineers replaced the old sluice gates and strengthened the northern wall, which had cracked in a flood.</p>
<p>Farmers downstream said they were relieved that irrigation could resume before the dry season began.</p>
</article><footer>Share this article</footer></body></html>"""

HITS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):  # noqa: N802 (http.server's name)
        HITS.append(self.path)
        if self.path == "/robots.txt":
            self._send(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
        elif self.path.startswith("/article"):
            page = ARTICLE.replace("two years", f"two years (item {self.path.strip('/')})")
            self._send(200, "text/html; charset=utf-8", page.encode())
        elif self.path == "/slow":
            time.sleep(2.5)
            self._send(200, "text/html", ARTICLE.encode())
        elif self.path == "/report.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4 fake")
        else:
            self._send(404, "text/html", b"not found")

    def _send(self, code, ctype, body):
        try:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetch_reports_each_url_and_goes_on(server, tmp_path):
    manifest = pd.DataFrame({
        "url": [f"{server}/article1", f"{server}/missing", f"{server}/slow", f"{server}/report.pdf",
                f"{server}/private/x", f"{server}/article2", "ftp://example.org/x"],
        "outlet": ["Valley Courier"] * 7,
        "title": ["Dam opens after repairs"] + [""] * 6,
        "date_raw": ["2021-06-01"] + [""] * 6,
        "event": ["EV1"] * 7,
    })
    report = fetch_articles(manifest, tmp_path / "out", delay=0.0, timeout=1.0, progress=False)
    status = dict(zip(report.url.str.replace(server, ""), zip(report.status, report.error)))
    assert status["/article1"] == ("fetched", "")
    assert status["/article2"] == ("fetched", "")
    assert status["/missing"] == ("failed", "HTTP 404 Not Found")
    assert status["/slow"][0] == "failed" and "timed out" in status["/slow"][1]
    assert status["/report.pdf"] == ("failed", "not an HTML page (application/pdf)")
    assert status["/private/x"] == ("failed", "disallowed by robots.txt")
    assert status["ftp://example.org/x"][0] == "failed"
    corpus = load_corpus(tmp_path / "out")
    assert len(corpus) == 2
    row = corpus[corpus.url.str.endswith("/article1")].iloc[0]
    assert row.outlet == "Valley Courier" and row.title == "Dam opens after repairs"
    assert row.date == pd.Timestamp("2021-06-01") and row.event == "EV1"
    assert "sluice gates" in row.text and "Share this article" not in row.text


def test_fetch_is_cached_and_resumable(server, tmp_path):
    manifest = pd.DataFrame({"url": [f"{server}/article3"], "outlet": ["Valley Courier"]})
    out = tmp_path / "out"
    assert fetch_articles(manifest, out, delay=0, progress=False).status.tolist() == ["fetched"]
    HITS.clear()
    assert fetch_articles(manifest, out, delay=0, progress=False).status.tolist() == ["exists"]
    for md in out.glob("*.md"):
        md.unlink()
    assert fetch_articles(manifest, out, delay=0, progress=False).status.tolist() == ["cached"]
    assert "/article3" not in HITS


def test_polite_delay_between_requests_to_one_host(server, tmp_path):
    manifest = pd.DataFrame({"url": [f"{server}/article4", f"{server}/article5"]})
    t0 = time.monotonic()
    fetch_articles(manifest, tmp_path / "o", delay=0.6, progress=False)
    assert time.monotonic() - t0 >= 0.6


# ---------------------------------------------------------------- hostile servers and URLs
BROKEN: dict[str, bytes] = {
    "/bad-status": b"HTTP/1.1 two-hundred OK\r\n\r\n",
    "/long-header": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Junk: " + b"a" * 70_000 + b"\r\n\r\n",
    "/bad-chunked": (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                     b"zz\r\nhello\r\n0\r\n\r\n"),
    "/truncated": (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 50000\r\n\r\n"
                   + ARTICLE.encode()),
    "/to-private": b"HTTP/1.1 302 Found\r\nLocation: /private/secret\r\nContent-Length: 0\r\n\r\n",
    "/to-file": b"HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n",
    "/to-ftp": b"HTTP/1.1 301 Moved\r\nLocation: FTP://example.org/x\r\nContent-Length: 0\r\n\r\n",
    "/to-article": b"HTTP/1.1 302 Found\r\nLocation: /article-redirected\r\nContent-Length: 0\r\n\r\n",
}


class HostileHandler(BaseHTTPRequestHandler):
    robots_status = 200

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer()

    def _answer(self):
        if self.path == "/robots.txt":
            body = b"User-agent: *\nDisallow: /private/\n"
            self.wfile.write(f"HTTP/1.1 {self.robots_status} X\r\nContent-Type: text/plain\r\n"
                             f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        elif self.path in BROKEN:
            self.wfile.write(BROKEN[self.path])
        elif self.path == "/trickle":  # one byte every 0.2 s: never a read timeout, bounded to 12 s
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
            for _ in range(60):
                self.wfile.write(b"X")
                self.wfile.flush()
                time.sleep(0.2)
        elif self.path == "/reset":
            import socket
            import struct

            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        elif self.path.startswith("/article"):
            body = ARTICLE.replace("two years", f"two years ({self.path.strip('/')})").encode()
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                             + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        else:
            self.wfile.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
        self.close_connection = True


def _serve(handler):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.fixture(scope="module")
def hostile():
    httpd, base = _serve(HostileHandler)
    yield base
    httpd.shutdown()
    httpd.server_close()


def _fetch(urls, out, **kw):
    report = fetch_articles(pd.DataFrame({"url": urls}), out, delay=0.0, progress=False, **kw)
    return dict(zip(report.url, zip(report.status, report.error)))


def test_each_hostile_url_fails_with_its_reason_and_the_run_goes_on(hostile, tmp_path):
    paths = ["/bad-status", "/long-header", "/bad-chunked", "/truncated", "/reset", "/to-private", "/to-file",
             "/to-ftp", "/article-after"]
    urls = ["http://exa mple.org/a b"] + [hostile + p for p in paths]
    got = _fetch(urls, tmp_path / "out", timeout=2.0)
    err = {u.replace(hostile, ""): e for u, (s, e) in got.items() if s == "failed"}
    assert got[hostile + "/article-after"] == ("fetched", "")
    assert len(err) == len(urls) - 1
    assert err["http://exa mple.org/a b"].startswith("URL contains a space or control character at position 10")
    assert err["/bad-status"].startswith("bad HTTP response: bad status line")
    assert err["/long-header"].startswith("bad HTTP response: got more than 65536 bytes")
    assert err["/bad-chunked"] == "body ended early or bad chunked encoding (0 bytes read)"
    assert err["/truncated"] == f"body shorter than its Content-Length ({len(ARTICLE.encode())} of 50000 bytes)"
    assert err["/reset"].startswith("network error")
    assert err["/to-private"] == f"redirected to '{hostile}/private/secret', disallowed by robots.txt"
    assert err["/to-file"] == "redirected to a non-http(s) URL: 'file:///etc/passwd'"
    assert err["/to-ftp"] == "redirected to a non-http(s) URL: 'FTP://example.org/x'"
    report = json.loads((tmp_path / "out" / ".cache" / "fetch_report.json").read_text(encoding="utf-8"))
    assert [r["url"] for r in report] == urls
    assert len(list((tmp_path / "out").glob("*.md"))) == 1


def test_a_trickling_server_fails_at_the_total_deadline(hostile, tmp_path):
    t0 = time.monotonic()
    got = _fetch([hostile + "/trickle"], tmp_path / "out", timeout=1.2)
    elapsed = time.monotonic() - t0
    assert got[hostile + "/trickle"] == ("failed", "timed out after 1.2 s")
    assert 1.0 < elapsed < 2.5  # each byte comes within the per-read timeout; only the deadline stops it


def test_uppercase_scheme_and_a_followed_redirect_are_fetched(hostile, tmp_path):
    upper = hostile.replace("http://", "HTTP://") + "/article-upper"
    got = _fetch([upper, hostile + "/to-article"], tmp_path / "out", timeout=2.0)
    assert got[upper] == ("fetched", "")
    assert got[hostile + "/to-article"] == ("fetched", "")
    corpus = load_corpus(tmp_path / "out")
    assert sorted(corpus.url) == sorted([upper, hostile + "/to-article"])
    assert corpus.text.str.contains("article-redirected").sum() == 1


@pytest.mark.parametrize(("status", "allowed"), [(503, True), (500, True), (404, True), (403, False)])
def test_robots_txt_errors(status, allowed, tmp_path):
    handler = type("H", (HostileHandler,), {"robots_status": status})
    httpd, base = _serve(handler)
    try:
        got = _fetch([base + "/article-x"], tmp_path / "out", timeout=2.0)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert got[base + "/article-x"] == (("fetched", "") if allowed else ("failed", "disallowed by robots.txt"))


def test_out_of_range_manifest_date_is_kept_as_date_raw_and_the_file_loads(hostile, tmp_path):
    manifest = pd.DataFrame({"url": [hostile + "/article-old", hostile + "/article-new"],
                             "date_raw": ["1500-01-01", "2021-06-01"], "outlet": ["Courier", "Courier"]})
    report = fetch_articles(manifest, tmp_path / "out", delay=0, progress=False)
    assert report.status.tolist() == ["fetched", "fetched"]
    old = Path(report.path[0]).read_text(encoding="utf-8")
    assert "date_raw: '1500-01-01'" in old and "\ndate:" not in old and "outside the range" in old
    corpus = load_corpus(tmp_path / "out").set_index("url")
    assert pd.isna(corpus.loc[hostile + "/article-old", "date"])
    assert corpus.loc[hostile + "/article-old", "date_raw"] == "1500-01-01"
    assert corpus.loc[hostile + "/article-new", "date"] == pd.Timestamp("2021-06-01")


def test_cli_fetch_with_a_bad_url_a_broken_server_and_a_good_page(hostile, tmp_path, capsys):
    from mediakit.cli import main

    manifest = tmp_path / "manifest.csv"
    pd.DataFrame({"url": ["not a url", hostile + "/bad-chunked", hostile + "/article-good"],
                  "outlet": ["A", "B", "Valley Courier"], "date": ["", "", "2021-06-01"]}).to_csv(manifest, index=False)
    out = tmp_path / "fetched"
    code = main(["fetch", str(manifest), "--out", str(out), "--delay", "0", "--timeout", "2", "--format", "csv"])
    captured = capsys.readouterr()
    assert code == 0 and "Traceback" not in captured.err
    report = pd.read_csv(io.StringIO(captured.out), keep_default_na=False)
    assert report.status.tolist() == ["failed", "failed", "fetched"]
    assert report.error[0].startswith("URL contains a space") and report.error[1].startswith("body ended early")
    assert "fetched 1 of 3; 2 failed" in captured.err
    assert len(json.loads((out / ".cache" / "fetch_report.json").read_text(encoding="utf-8"))) == 3
    corpus = load_corpus(out)
    assert corpus.outlet.tolist() == ["Valley Courier"] and corpus.date[0] == pd.Timestamp("2021-06-01")
