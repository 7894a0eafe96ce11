"""The physical floor of counting words: one core tokenising the corpus with one compiled regex.

No vectoriser can count terms faster than it can find them, so the time one compiled regex takes to go through
every text (``findall`` per article, nothing kept) is the limit of any of them on this machine. The script prints
it beside mediakit's ``vectorise`` (the same token pattern inside scikit-learn's CountVectorizer, stop words,
vocabulary and sparse matrix) and ``distinctive_terms`` (vectorising plus the statistics and the tidy table) on
the same generated corpus (``bench/terms.py``'s generator), as characters and articles per second and as a
multiple of the floor. Two floors are shown: mediakit's token pattern (``mediakit.text.TOKEN_PATTERN``) and the
plainest word regex ``\\w+`` (what a whitespace-and-letters tokenizer costs at best).

Every figure is the best of ``--repeat`` runs of CPU time (user + system of this process and of the counting
processes it forks, steadier than wall time when other jobs share the cores); wall time and the load average
are printed too. The ``n_jobs=2`` rows count in two processes: their CPU time is the sum of both, their wall
time is what two free cores save.

    .venv/bin/python bench/floor.py                 # 20,000 articles
    .venv/bin/python bench/floor.py --articles 100000
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from terms import generate_corpus  # noqa: E402

import mediakit as mk  # noqa: E402
from mediakit.text import TOKEN_PATTERN  # noqa: E402


def cpu() -> float:
    """CPU seconds of this process and its ended children (the counting workers of n_jobs=2)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def best_of(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(best CPU seconds, wall seconds of that run) over ``repeat`` calls."""
    best = (float("inf"), 0.0)
    for _ in range(repeat):
        c, w = cpu(), time.perf_counter()
        fn()
        best = min(best, (cpu() - c, time.perf_counter() - w))
    return best


def regex_pass(pattern: re.Pattern, texts: list[str]) -> Callable[[], int]:
    findall = pattern.findall

    def run() -> int:
        n = 0
        for t in texts:
            n += len(findall(t))
        return n

    return run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--tokens-per-article", type=int, default=500)
    ap.add_argument("--outlets", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    df, _planted, n_tokens = generate_corpus(args.articles, args.tokens_per_article, args.outlets)
    texts = df["text"].tolist()
    n_chars = sum(map(len, texts))
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"corpus: {len(df):,} generated articles, {n_tokens:,} tokens, {n_chars / 1e6:.1f} M characters "
          f"(bench/terms.py generator, not timed); best of {args.repeat} runs, CPU time")

    token_re = re.compile(TOKEN_PATTERN.removeprefix("(?<!\\w)"))   # the tokenizer's form (whole texts)
    n_found = regex_pass(token_re, texts)()
    runs: list[tuple[str, Callable[[], object]]] = [
        (r"floor: one compiled regex, \w+", regex_pass(re.compile(r"\w+"), texts)),
        ("floor: one compiled regex, mediakit TOKEN_PATTERN", regex_pass(token_re, texts)),
        ("mediakit.vectorise (stop_words='auto')", lambda: mk.vectorise(df, stop_words="auto")),
        ("mediakit.distinctive_terms (defaults, min_docs=2)", lambda: mk.distinctive_terms(df, by="outlet")),
        ("mediakit.vectorise, n_jobs=2", lambda: mk.vectorise(df, stop_words="auto", n_jobs=2)),
        ("mediakit.distinctive_terms, n_jobs=2", lambda: mk.distinctive_terms(df, by="outlet", n_jobs=2)),
    ]
    results = []
    for name, fn in runs:
        c, w = best_of(fn, args.repeat)
        results.append((name, c, w))
        print(f"  {name}: CPU {c:.2f} s (wall {w:.2f} s)", flush=True)
    floor = results[1][1]
    print(f"\ntokens found by TOKEN_PATTERN: {n_found:,}")
    floor_wall = results[1][2]
    print(f"{'run':52s} {'M chars/s':>10s} {'articles/s':>11s} {'x floor':>8s} {'wall s':>7s} {'x floor wall':>12s}")
    for name, c, w in results:
        print(f"{name:52s} {n_chars / c / 1e6:10.1f} {len(df) / c:11,.0f} {c / floor:8.2f} {w:7.2f} "
              f"{w / floor_wall:12.2f}")
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
