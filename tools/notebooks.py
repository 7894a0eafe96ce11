"""Run the project's notebooks (tests and ``make report``) and export them as self-contained HTML.

    python tools/notebooks.py run --out reports/notebooks [--corpus data/s400] [--param OUT=/tmp/x] [NOTEBOOK ...]
    python -m tools.notebooks run ...            (the same, from the repository root)

Developer tooling for this checkout, not part of the installed package: it finds the notebooks relative to
the source tree.

A notebook's one code cell tagged ``parameters`` sets its inputs (``CORPUS = "../data/s400"``, ``STORY = None``
(a story pack; None: the corpus folder's story.yaml), ``OUT = "../reports"``, the folder every file it writes
goes under; 00-your-story has ``PACK_DIR`` instead of ``STORY``); this runner injects overrides after it, the
way papermill does: ``--param STORY=tests/data/harbour-story``. HTML output references no CDN: nbconvert's
"basic" template wrapped in a page with inline CSS, images embedded.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from pathlib import Path
from typing import Any

__all__ = ["run_notebook", "notebook_paths", "export_html"]

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;
color:#222;line-height:1.5}}
.jp-InputArea,.input_area,div.input{{background:#f6f8fa;border-left:3px solid #0072B2;margin:.6em 0;
padding:.2em .8em;overflow-x:auto}}
pre{{white-space:pre-wrap;font-size:12.5px;margin:.3em 0}}
img{{max-width:100%;height:auto}}
table{{border-collapse:collapse;font-size:12.5px;margin:.5em 0}}
th,td{{border-bottom:1px solid #ddd;padding:.2em .6em;text-align:left}}
.jp-InputPrompt,.jp-OutputPrompt,.prompt{{display:none}}
</style></head><body>
{body}
</body></html>
"""


def notebook_paths(names: list[str] | None = None) -> list[Path]:
    """The numbered notebooks (``notebooks/NN-*.ipynb``), or those named."""
    if names:
        return [Path(n) for n in names]
    return sorted(NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))


def run_notebook(path: str | Path, *, parameters: dict[str, Any] | None = None, timeout: int = 600,
                 cwd: str | Path | None = None):
    """Execute a notebook in its own folder (as JupyterLab does) and return the executed node.

    Raises ``nbclient.exceptions.CellExecutionError`` on the first failing cell.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(path), as_version=4)
    if parameters:
        src = "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
        cell = nbformat.v4.new_code_cell(src, metadata={"tags": ["injected-parameters"]})
        idx = next((i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])), -1)
        nb.cells.insert(idx + 1, cell)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd or Path(path).resolve().parent)}})
    client.execute()
    return nb


def export_html(nb, out_path: str | Path, title: str) -> Path:
    """Write an executed notebook as one HTML page with no external references."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic", embed_images=True)
    body, _ = exporter.from_notebook_node(nb)
    body = re.sub(r"<script[^>]+src=[\"']https?://[^>]+></script>", "", body)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_PAGE.format(title=html.escape(title), body=body), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/notebooks.py")
    sub = parser.add_subparsers(dest="cmd", required=True)
    run = sub.add_parser("run", help="execute notebooks and export them as HTML")
    run.add_argument("notebooks", nargs="*", help="notebooks to run (default: all numbered ones)")
    run.add_argument("--out", default="reports/notebooks", help="folder for the HTML exports")
    run.add_argument("--corpus", help="corpus path passed to each notebook's CORPUS parameter")
    run.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                     help="set a parameter, e.g. --param OUT=/tmp/run (the folder the notebooks write into; "
                          "a relative path is relative to the notebook's folder)")
    args = parser.parse_args(argv)
    params: dict[str, Any] = {"CORPUS": str(Path(args.corpus).resolve())} if args.corpus else {}
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name.isidentifier():
            parser.error(f"--param {item!r}: write NAME=VALUE, e.g. --param OUT=/tmp/run")
        params[name] = value
    failures = 0
    for path in notebook_paths(args.notebooks):
        t0 = time.perf_counter()
        try:
            nb = run_notebook(path, parameters=params or None)
        except Exception as exc:  # report and go on with the other notebooks
            failures += 1
            first = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            print(f"notebook {path.name}: FAILED: {first}", file=sys.stderr)
            continue
        out = export_html(nb, Path(args.out) / f"{path.stem}.html", title=path.stem)
        print(f"notebook {path.name}: ran in {time.perf_counter() - t0:.1f} s -> {out}")
    return 1 if failures else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
