"""The report's HTML page: styles, navigation, sections, methods and provenance (no script, no request)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from . import __version__

__all__ = ["render_page"]


def _e(value: object) -> str:
    import html

    return html.escape("" if value is None else str(value), quote=True)


# ---------------------------------------------------------------- page
_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0;line-height:1.5;background:#fff}
header{background:#0b3d5c;color:#fff;padding:1.6em 2em}
header h1{margin:0 0 .2em;font-size:1.7em}
header p{margin:0;opacity:.9}
nav{position:sticky;top:0;background:#f3f5f7;border-bottom:1px solid #d8dee4;padding:.5em 2em;z-index:2}
nav a{margin-right:1.1em;color:#0b3d5c;text-decoration:none;font-weight:600;font-size:.92em}
main{max-width:1100px;margin:0 auto;padding:1em 2em 3em}
section{margin-top:2.2em}
h2{border-bottom:2px solid #0072B2;padding-bottom:.2em}
h3{margin-bottom:.3em}
figure.chart{margin:1.2em 0;padding:.6em;border:1px solid #e5e8eb;border-radius:6px;background:#fff}
figure.chart svg{max-width:100%;height:auto;display:block}
figcaption{font-size:.88em;color:#444;margin-top:.4em}
figcaption .files{color:#777}
div.table{overflow-x:auto;margin:.8em 0}
table{border-collapse:collapse;font-size:.86em}
th,td{border-bottom:1px solid #e1e4e8;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td.num{text-align:right;font-variant-numeric:tabular-nums}
blockquote{margin:.4em 0;padding:.3em .8em;border-left:3px solid #E69F00;background:#fffaf0;font-size:.92em}
.note{color:#555;font-size:.9em}
.more{color:#777;font-size:.85em}
code{background:#f3f5f7;padding:0 .25em;border-radius:3px}
#provenance td:first-child{font-weight:600}
footer{color:#666;font-size:.85em;border-top:1px solid #e1e4e8;margin-top:3em;padding-top:1em}
"""


def render_page(title: str, subtitle: str, sections: list[Any], provenance: pd.DataFrame, *,
                explorer: bool = False) -> str:
    """The whole page as one HTML string; ``explorer`` links the explorer.html written beside it.

    >>> "<!DOCTYPE html>" in render_page("T", "S", [], pd.DataFrame({"field": ["a"], "value": [1]}))
    True
    """
    nav = "".join(f'<a href="#{_e(s.key)}">{_e(s.title)}</a>' for s in sections)
    nav += '<a href="#methods">Methods</a><a href="#provenance">Provenance</a>'
    link = ""
    if explorer:  # a plain link to a file beside the report: the report itself stays script-free
        nav += '<a href="explorer.html">Explore the evidence</a>'
        link = ('<p>The sentences behind every number: open <a href="explorer.html">explorer.html</a> beside '
                "this report (one offline page: term scatter with keyword in context, frames, speakers, "
                "reuse).</p>")
    body = "".join(f'<section id="{_e(s.key)}"><h2>{_e(s.title)}</h2>{"".join(s.body)}</section>' for s in sections)
    methods = "".join(f"<li>{m}</li>" for s in sections for m in s.methods)
    prov_rows = "".join(f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in provenance.itertuples(index=False))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{_e(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header><h1>{_e(title)}</h1><p>{_e(subtitle)}</p>{link}</header>
<nav>{nav}</nav>
<main>
{body}
<section id="methods"><h2>Methods</h2><ul>{methods}</ul></section>
<section id="provenance"><h2>Provenance</h2><div class="table"><table>{prov_rows}</table></div></section>
<footer>Made with mediakit {_e(__version__)}. Charts use a colour-blind-safe palette; every chart's numbers are in
the CSV beside it.</footer>
</main>
</body>
</html>
"""
