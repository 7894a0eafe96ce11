"""One self-contained explorer page: data as inline JSON, script and style inline, a CSP that allows
nothing else (no network request can leave the page)."""

from __future__ import annotations

import html
import json
from importlib import resources
from typing import Any

__all__ = ["CSP", "render_page", "script_json"]

#: The page's Content-Security-Policy: inline script and style only, images only as data: URLs.
CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"


def script_json(data: Any) -> str:
    """JSON safe to place inside ``<script type="application/json">``: ``</`` and ``<!--`` are escaped
    (``\\/`` and ``\\u003c`` are the same string to JSON.parse), so no text in the corpus can end the element.

    >>> script_json({"title": "</script><!--"})
    '{"title":"<\\\\/script>\\\\u003c!--"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("</", "<\\/").replace("<!--", "\\u003c!--").replace("\u2028", "\\u2028").replace(
        "\u2029", "\\u2029")


def _resource(name: str) -> str:
    return resources.files("mediakit.resources").joinpath("explore").joinpath(name).read_text(encoding="utf-8")


def render_page(data: dict[str, Any], *, title: str) -> str:
    """The explorer page for ``data`` (the payload of :func:`mediakit.build_explorer`)."""
    page = _resource("page.html")
    swaps = {"{{CSP}}": html.escape(CSP, quote=True), "{{TITLE}}": html.escape(title),
             "{{CAPS}}": html.escape(data["meta"]["caps_text"]),
             "/*{{CSS}}*/": _resource("explorer.css"), "/*{{JS}}*/": _resource("explorer.js")}
    for key, value in swaps.items():
        page = page.replace(key, value)
    # the data last, so that no placeholder inside the corpus text is ever replaced
    return page.replace("{{DATA}}", script_json(data))
