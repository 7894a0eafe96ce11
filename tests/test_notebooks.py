"""Every numbered notebook runs top to bottom on the bundled corpus, writes only under its OUT parameter,
and is committed without outputs."""

from __future__ import annotations

import json

import pytest

from tools.notebooks import NOTEBOOK_DIR, export_html, notebook_paths, run_notebook

NOTEBOOKS = notebook_paths()


def test_notebooks_exist_and_are_numbered():
    names = [p.name for p in NOTEBOOKS]
    assert names and names[0] == "01-corpus.ipynb"
    assert names == sorted(names)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_clean_with_parameters_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), "clear the outputs"
    params = [c for c in code if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(params) == 1 and "CORPUS" in "".join(params[0]["source"])
    # Every path the notebook writes to hangs off OUT, so that a run can be sent elsewhere (tests: tmp_path).
    assert "OUT = " in "".join(params[0]["source"])
    later = "".join("".join(c["source"]) for c in code if c is not params[0])
    assert "../reports" not in later and "reports/" not in later, "write under OUT, not into reports/"
    assert nb["cells"][0]["cell_type"] == "markdown"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path):
    nb = run_notebook(path, parameters={"OUT": str(tmp_path)}, timeout=300)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    html = export_html(nb, tmp_path / "html" / f"{path.stem}.html", path.stem).read_text(encoding="utf-8")
    assert "cdn." not in html and "https://cdnjs" not in html and "<script src=\"http" not in html
    assert path.parent == NOTEBOOK_DIR
    figures = tmp_path / "figures"
    charts = sorted(p.stem for p in figures.glob("*.png"))
    assert charts, "the notebook exports no chart through save_figure"
    for stem in charts:
        for ext in ("svg", "pdf", "csv"):
            assert (figures / f"{stem}.{ext}").exists(), f"{stem}.{ext} missing"


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
