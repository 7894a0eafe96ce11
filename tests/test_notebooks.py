"""Every numbered notebook runs top to bottom on the bundled corpus, and is committed without outputs."""

from __future__ import annotations

import json

import pytest

from mediakit.notebooks import NOTEBOOK_DIR, export_html, notebook_paths, run_notebook

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
    assert params and "CORPUS" in "".join(params[0]["source"])
    assert nb["cells"][0]["cell_type"] == "markdown"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path):
    nb = run_notebook(path, parameters={"FIGURES": str(tmp_path / "figures")}, timeout=300)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    html = export_html(nb, tmp_path / f"{path.stem}.html", path.stem).read_text(encoding="utf-8")
    assert "cdn." not in html and "https://cdnjs" not in html and "<script src=\"http" not in html
    assert path.parent == NOTEBOOK_DIR
    figures = tmp_path / "figures"
    charts = sorted(p.stem for p in figures.glob("*.png"))
    assert charts, "the notebook exports no chart through save_figure"
    for stem in charts:
        for ext in ("svg", "pdf", "csv"):
            assert (figures / f"{stem}.{ext}").exists(), f"{stem}.{ext} missing"
