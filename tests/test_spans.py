"""Tests of mediakit.spans: merging, blanking, coverage and inside look-ups, checked against brute force."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from mediakit.spans import (
    as_spans,
    blank_spans,
    blank_texts,
    covered_length,
    inside_any,
    merge_intervals,
    merge_spans,
    mostly_inside,
    overlap,
    spans_by_article,
    union_length,
)

SPANS = pd.DataFrame({"article_id": ["a", "a", "a", "b", "c"], "start": [10, 0, 5, 3, 0], "end": [20, 4, 12, 7, 1]})


def test_merge_intervals_and_union_length():
    assert merge_intervals([(10, 20), (0, 4), (5, 12), (4, 5)]) == [(0, 20)]
    assert merge_intervals([(10, 20), (0, 4), (5, 12)]) == [(0, 4), (5, 20)]
    assert union_length([(10, 20), (0, 4), (5, 12)]) == 19
    assert overlap((0, 10), (8, 30)) == 2 and overlap((0, 3), (3, 9)) == 0


def test_merge_spans_per_article():
    out = merge_spans(SPANS)
    assert out.values.tolist() == [["a", 0, 4], ["a", 5, 20], ["b", 3, 7], ["c", 0, 1]]
    assert out["start"].dtype == np.int64 and out["end"].dtype == np.int64


def test_as_spans_takes_reuse_results_and_rejects_others():
    reuse = pd.DataFrame({"source_id": ["x"], "target_id": ["y"], "target_start": [2], "target_end": [9]})
    assert as_spans(reuse).values.tolist() == [["y", 2, 9]]
    with pytest.raises(ValueError, match="expected article_id, start, end"):
        as_spans(pd.DataFrame({"id": [1]}))


def test_blanking_keeps_offsets():
    text = "Wire copy here. Own words."
    out = blank_spans(text, [(0, 15)])
    assert len(out) == len(text) and out[16:] == "Own words." and out[:15].strip() == ""
    assert blank_spans(text, [(0, 4), (2, 9)], fill="\n")[:9] == "\n" * 9
    assert blank_texts(["abcdef", "ghij"], ["a", "b"], SPANS) == ["    e" + " ", "ghi "]
    with pytest.raises(ValueError, match="one character"):
        blank_spans(text, [(0, 1)], fill="--")


def test_vectorised_lookups_agree_with_brute_force():
    rng = np.random.default_rng(0)
    ids = rng.choice(["a", "b", "c", "d"], 300)
    s = rng.integers(0, 25, 300)
    e = s + rng.integers(0, 8, 300)
    by = spans_by_article(SPANS)
    brute_cov = [sum(overlap((x, y), iv) for iv in merge_intervals(by.get(a, []))) for a, x, y in zip(ids, s, e)]
    assert covered_length(ids, s, e, SPANS).tolist() == brute_cov
    brute_in = [any(p <= x < q for p, q in by.get(a, [])) for a, x in zip(ids, s)]
    assert inside_any(ids, s, SPANS).tolist() == brute_in
    share = mostly_inside(ids, s, e, SPANS, min_share=0.5)
    assert share.tolist() == [c >= 0.5 * max(1, y - x) for c, x, y in zip(brute_cov, s, e)]


def test_empty_inputs():
    empty = pd.DataFrame({"article_id": [], "start": [], "end": []})
    assert len(merge_spans(empty)) == 0
    assert inside_any(["a"], [3], empty).tolist() == [False]
    assert covered_length([], [], [], SPANS).tolist() == []
