"""Load throughput: 10,000 generated front-matter articles and 1,000 saved HTML pages, on one core.

    .venv/bin/python bench/load.py [--articles 10000] [--pages 1000]

Targets (issue 2): at least 2,000 articles/s and 300 HTML pages/s on one core. Prints the figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import mediakit as mk  # noqa: E402

WORDS = ["the", "ministry", "said", "on", "monday", "that", "sanctions", "against", "the", "agency", "would", "not", "change", "the", "decision", "of", "the", "government", "to", "buy", "the", "system", "despite", "pressure", "from", "washington", "and", "the", "alliance", "officials", "warned", "that", "the", "purchase", "could", "cost", "the", "country", "its", "role", "in", "the", "fighter", "programme", "while", "analysts", "noted", "the", "deal", "was", "worth", "about", "two", "and", "a", "half", "billion", "dollars"]
OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJ"]


def body(rng: random.Random, n_words: int) -> str:
    paras = []
    while n_words > 0:
        k = min(n_words, rng.randint(40, 90))
        words = rng.choices(WORDS, k=k)
        words[0] = words[0].capitalize()
        paras.append(" ".join(words) + ".")
        n_words -= k
    return "\n\n".join(paras)


def make_markdown(folder: Path, n: int, rng: random.Random) -> None:
    for i in range(n):
        outlet = OUTLETS[i % len(OUTLETS)]
        text = (f"---\ntitle: \"Article {i} on the talks\"\noutlet: {outlet}\ndate: 2020-{1 + i % 12:02d}-{1 + i % 28:02d}\n"
                f"author: Writer {i % 50}\nurl: https://news.example/{i}\nlanguage: en\nsynthetic: true\n---\n"
                f"{body(rng, rng.randint(250, 700))}\n\nPhoto: Someone / {outlet}\n\nShare this article\n")
        (folder / f"{i:05d}.md").write_text(text, encoding="utf-8")


def make_html(folder: Path, n: int, rng: random.Random) -> None:
    for i in range(n):
        paras = "".join(f"<p>{p}</p>\n" for p in body(rng, rng.randint(250, 700)).split("\n\n"))
        html = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Page {i}</title>"
                f"<meta property=\"og:site_name\" content=\"{OUTLETS[i % 10]}\"><meta name=\"author\" content=\"W {i}\">"
                f"<meta property=\"article:published_time\" content=\"2021-01-{1 + i % 28:02d}T10:00:00+03:00\">"
                f"<link rel=\"canonical\" href=\"https://news.example/p/{i}\"></head><body>"
                f"<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Page {i} headline</h1>"
                f"{paras}</article><div class=\"share\">Share on Facebook</div><footer>© 2021</footer></body></html>")
        (folder / f"{i:05d}.html").write_text(html, encoding="utf-8")


def timed_load(folder: Path) -> tuple[int, float]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0 = time.perf_counter()
        df = mk.load_corpus(folder, progress=False)
        return len(df), time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--pages", type=int, default=1_000)
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    rng = random.Random(0)
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}")
    with tempfile.TemporaryDirectory() as tmp:
        md_dir, html_dir = Path(tmp, "md"), Path(tmp, "html")
        md_dir.mkdir()
        html_dir.mkdir()
        make_markdown(md_dir, args.articles, rng)
        make_html(html_dir, args.pages, rng)
        mk.load_corpus(md_dir / "00000.md")  # warm up: imports and the language model
        n, secs = timed_load(md_dir)
        print(f"front-matter Markdown: {n} articles in {secs:.2f} s = {n / secs:,.0f} articles/s (target 2,000)")
        n, secs = timed_load(html_dir)
        print(f"saved HTML pages:      {n} pages in {secs:.2f} s = {n / secs:,.0f} pages/s (target 300)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
