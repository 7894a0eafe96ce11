"""bench/terms.py and bench/reuse.py: peers run from their own interpreter, skipped clearly when absent."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import reuse as bench_reuse  # noqa: E402
import terms as bench_terms  # noqa: E402


def test_missing_peer_interpreter_is_skipped_with_the_way_to_create_it(tmp_path, capsys):
    missing = str(tmp_path / "no-venv" / "bin" / "python")
    assert bench_reuse.run_datasketch(missing, ["a b c d e f"], 0.3, timeout=10) is None
    out = capsys.readouterr().out
    assert "SKIPPED" in out and missing in out and "pip install datasketch" in out


def test_pair_recall_counts_planted_pairs_found_as_candidates():
    articles = pd.DataFrame({"article_id": ["g0", "g1", "g2", "g3"], "family": [0, 0, 2, 2]})
    plant = pd.DataFrame({"source_id": ["g0", "g2"], "target_id": ["g1", "g3"], "kind": ["whole", "partial"]})
    res = bench_reuse.pair_recall(articles, plant, [(0, 1), (1, 2)])
    assert res["recall"] == 0.5 and res["by_kind"] == {"partial": 0.0, "whole": 1.0}
    assert res["pair_precision"] == 0.5


def test_token_floor_and_peak_memory_sampler():
    texts = ["The U.S. and NATO's S-400 deal."] * 200
    wall, cpu = bench_terms.token_floor(texts)
    assert wall > 0 and cpu >= 0
    with bench_terms.PeakRSS(interval=0.01) as mem:
        block = np.ones(20_000_000 // 8)         # 20 MB touched while sampling
        block += 1
    assert mem.peak > 20e6 and mem.peak_rss >= mem.peak * 0.5
