"""mediakit fetch against a local HTTP server on 127.0.0.1: pages, a 404, a slow page, a PDF, robots.txt."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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
