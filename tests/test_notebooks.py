"""Every notebook runs top to bottom on the bundled corpus (data/s400, its story pack) and on a second corpus on
another story (tests/data/harbour with its pack), writes only under its OUT (and PACK_DIR) parameters, derives
what it focuses on from the data, and is committed without outputs."""

from __future__ import annotations

import json
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tools.notebooks import NOTEBOOK_DIR, export_html, notebook_paths, run_notebook

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = notebook_paths()
CORPORA = {
    "s400": {"CORPUS": str(ROOT / "data" / "s400"), "STORY": "s400"},
    "harbour": {"CORPUS": str(ROOT / "tests" / "data" / "harbour"), "STORY": str(ROOT / "tests" / "data" / "harbour-story")},
}
# fewer bootstrap/permutation rounds than the notebooks' defaults: the test checks that they run, not the intervals
FAST = {"N_BOOT": 50}
# story-specific words that must never be typed into a code cell: outlets, concepts and frames come from the data
TYPED = re.compile(r"Volga|Potomac|Anatolian|Bosphorus|Rhine Radio|Defense Systems|TASS|russia_gain|sanctions|"
                   r"CAATSA|S-400|\"s400\"|'s400'|Merrow|Kestrel|Harbour Authority")


def _params(path: Path, corpus: str, out: Path) -> dict[str, object]:
    c = CORPORA[corpus]
    if path.name.startswith("00-"):
        return {"CORPUS": c["CORPUS"], "PACK_DIR": str(out / "pack"), "OUT": str(out / "report")}
    return {**c, "OUT": str(out), **FAST}


@pytest.fixture(scope="session")
def executed(tmp_path_factory):
    """Run every notebook on both corpora, two kernels at a time; (corpus, stem) -> (node or exception, OUT, s)."""
    jobs = [(corpus, path) for corpus in CORPORA for path in NOTEBOOKS]
    base = tmp_path_factory.mktemp("notebooks")

    def run(job):
        corpus, path = job
        out = base / corpus / path.stem
        out.mkdir(parents=True)
        t0 = time.perf_counter()
        try:
            result = run_notebook(path, parameters=_params(path, corpus, out), timeout=600)
        except Exception as exc:  # reported by the test of this notebook
            result = exc
        return (corpus, path.stem), (result, out, time.perf_counter() - t0)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(run, jobs))


def test_notebooks_exist_and_are_numbered():
    names = [p.name for p in NOTEBOOKS]
    assert names[:2] == ["00-your-story.ipynb", "01-corpus.ipynb"] and len(names) == 6
    assert names == sorted(names)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_clean_with_parameters_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), "clear the outputs"
    params = [c for c in code if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(params) == 1
    src = "".join(params[0]["source"])
    names = ("CORPUS = ", "PACK_DIR = ", "OUT = ") if path.name.startswith("00-") else ("CORPUS = ", "STORY = ", "OUT = ")
    assert all(n in src for n in names), f"the parameters cell sets {names}"
    later = "".join("".join(c["source"]) for c in code if c is not params[0])
    # every path the notebook writes to hangs off OUT (and PACK_DIR), so that a run can be sent elsewhere
    assert "../reports" not in later and "reports/" not in later, "write under OUT, not into reports/"
    # nothing story-specific typed into code: a notebook runs on any corpus
    assert not TYPED.findall(later), f"story-specific names typed into code cells: {set(TYPED.findall(later))}"
    assert nb["cells"][0]["cell_type"] == "markdown"


def _story_loads(corpus: str) -> None:
    import mediakit as mk

    mk.load_story(CORPORA[corpus]["STORY"])  # a pack that does not load fails here, naming the file


@pytest.mark.parametrize("corpus", list(CORPORA))
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, corpus, executed):
    result, out, seconds = executed[(corpus, path.stem)]
    if isinstance(result, Exception) and not path.name.startswith("00-"):
        _story_loads(corpus)
    assert not isinstance(result, Exception), f"{path.name} on {corpus} failed: {str(result)[-2000:]}"
    nb = result
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    html = export_html(nb, out / "html" / f"{path.stem}.html", path.stem).read_text(encoding="utf-8")
    assert "cdn." not in html and "https://cdnjs" not in html and "<script src=\"http" not in html
    assert path.parent == NOTEBOOK_DIR
    if path.name.startswith("00-"):
        # the pack was drafted where PACK_DIR says, loads, and the report built with it names it
        pack, report = out / "pack", out / "report" / "report.html"
        assert {"story.yaml", "events.yaml", "naming.yaml", "speakers.yaml", "codebook.yaml"} <= {
            p.name for p in pack.iterdir()}
        assert report.exists() and "pack" in report.read_text(encoding="utf-8")
        return
    figures = out / "figures"
    charts = sorted(p.stem for p in figures.glob("*.png"))
    assert charts, "the notebook exports no chart through save_figure"
    for stem in charts:
        for ext in ("svg", "pdf", "csv"):
            assert (figures / f"{stem}.{ext}").exists(), f"{stem}.{ext} missing"
    # nothing written beside OUT: the run's folder holds only what the notebook saved under OUT and the html
    assert {p.name for p in out.iterdir()} <= {"figures", "tables", "html", "explorer.html"}


def test_notebooks_pick_outlets_from_the_data(executed):
    """Notebook 02 compares two outlets it found in the data: on each corpus, two of that corpus's outlets."""
    import mediakit as mk

    for corpus in CORPORA:
        nb, _, _ = executed[(corpus, "02-terms")]
        if isinstance(nb, Exception):
            continue  # reported by test_notebook_runs
        outlets = set(mk.load_corpus(CORPORA[corpus]["CORPUS"]).outlet)
        shown = "".join(o.get("data", {}).get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                        for o in c.get("outputs", []))
        picked = re.search(r"most different outlets \([^)]*\): \*\*(.+?)\*\* and \*\*(.+?)\*\*", shown)
        assert picked and set(picked.groups()) <= outlets, shown[:500]


def test_runner_cli_sets_parameters_and_writes_where_told(tmp_path):
    from tools.notebooks import main

    nb = tmp_path / "01-tiny.ipynb"
    nb.write_text(json.dumps({
        "cells": [
            {"id": "c1", "cell_type": "markdown", "metadata": {}, "source": ["# tiny"]},
            {"id": "c2", "cell_type": "code", "metadata": {"tags": ["parameters"]}, "execution_count": None, "outputs": [],
             "source": ["OUT = 'nowhere'"]},
            {"id": "c3", "cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
             "source": ["from pathlib import Path\n", "Path(OUT, 'done.txt').write_text('ran')"]},
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }), encoding="utf-8")
    out = tmp_path / "written"
    out.mkdir()
    assert main(["run", str(nb), "--out", str(tmp_path / "html"), "--param", f"OUT={out}"]) == 0
    assert (out / "done.txt").read_text() == "ran"
    # the page shows the executed cell's output: write_text returned the 3 characters written
    assert "<pre>3</pre>" in (tmp_path / "html" / "01-tiny.html").read_text(encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["run", str(nb), "--param", "no-equals-sign"])
