"""The HTML report: self-contained, escaped, every chart with its CSV, reproducible, renders in Chromium."""

from __future__ import annotations

import json
import re
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from mediakit.corpus import load_corpus
from mediakit.report import build_report

from .conftest import S400

EVIL = "<script>alert('x')</script>"


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = load_corpus(S400)
    # An article whose title, outlet and text try to inject markup: the report must show it as text.
    evil = df[df.outlet == "Potomac Herald"].iloc[[0]].copy()
    evil["article_id"] = "evil-1"
    evil["title"] = f"Breaking {EVIL} news"
    evil["text"] = evil["text"].iloc[0] + f'\n\n"{EVIL} is fine," said Dana Roe, an analyst at <b>Lab</b>.'
    return pd.concat([df, evil], ignore_index=True)


@pytest.fixture(scope="module")
def reports(corpus, tmp_path_factory) -> tuple[Path, Path]:
    a = tmp_path_factory.mktemp("report_a")
    b = tmp_path_factory.mktemp("report_b")
    build_report(corpus, a, progress=False)
    build_report(corpus, b, progress=False)
    return a, b


def test_report_is_self_contained_and_escaped(reports):
    html = (reports[0] / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html or "alert" not in html
    assert not re.search(r"(src|href)=[\"']https?://", html)
    assert "@import" not in html and "url(http" not in html
    for section in ("overview", "timeline", "terms", "framing", "sources", "reuse", "similarity", "methods", "provenance"):
        assert f'id="{section}"' in html
    assert "corpus hash (SHA-256)" in html and "mediakit version" in html


def test_every_figure_has_its_csv_and_formats(reports):
    figs = reports[0] / "figures"
    names = {p.stem for p in figs.glob("*.svg")}
    assert names
    html = (reports[0] / "report.html").read_text(encoding="utf-8")
    assert html.count('<figure class="chart"') == len(names)
    for name in names:
        for ext in ("png", "pdf", "csv"):
            assert (figs / f"{name}.{ext}").exists(), f"{name}.{ext}"
        assert len(pd.read_csv(figs / f"{name}.csv")) > 0


def test_second_run_changes_only_the_timestamp(reports):
    a, b = reports
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        da, db = (a / rel).read_bytes(), (b / rel).read_bytes()
        if rel.name == "report.html":
            stamp = re.compile(rb"<td>generated</td><td>[^<]*</td>")
            da, db = stamp.sub(b"", da), stamp.sub(b"", db)
        assert da == db, f"{rel} differs between runs"


def test_cli_report(tmp_path):
    from mediakit.cli import main

    assert main(["report", str(S400), "--out", str(tmp_path), "--n-boot", "20"]) == 0
    assert (tmp_path / "report.html").exists()


# ---------------------------------------------------------------- a real browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="Debian's chromium and chromium-driver are not installed")
def test_report_renders_in_headless_chromium(reports, tmp_path):
    from selenium import webdriver

    page = reports[0] / "report.html"
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=opts, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    try:
        driver.set_window_size(1280, 1800)
        driver.get(page.as_uri())
        sizes = driver.execute_script(
            "return Array.from(document.querySelectorAll('figure.chart svg')).map(e => {"
            "const r = e.getBoundingClientRect(); return [e.closest('figure').id, r.width, r.height];})")
        assert sizes, "no figures found in the page"
        for fig_id, w, h in sizes:
            assert w > 50 and h > 50, f"{fig_id} rendered at {w}x{h}"
        title = driver.execute_script("return document.title")
        assert title
        injected = driver.execute_script("return document.querySelectorAll('script').length")
        assert injected == 0
        requests = []
        for entry in driver.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg.get("method") == "Network.requestWillBeSent":
                requests.append(msg["params"]["request"]["url"])
        # chrome:// pages are the browser's own (its new-tab page); anything on the network is a failure.
        outside = [u for u in requests if u.split(":", 1)[0] in ("http", "https", "ws", "wss", "ftp")]
        assert any(u == page.as_uri() for u in requests)
        assert outside == [], f"requests left the machine: {outside}"
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == [], errors
        shot = tmp_path / "report.png"
        assert driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
    finally:
        driver.quit()
