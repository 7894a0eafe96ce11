"""Stratified samples for checking by hand: how many items each group contributes.

Used by framing's coding sample (:func:`mediakit.sample_for_coding`) and the quotes' check sheet
(:func:`mediakit.sample_quotes`), so that both split a sample over outlets the same way.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

__all__ = ["allocate"]


def allocate(n: int, sizes: Mapping[Hashable, int]) -> dict[Hashable, int]:
    """Equal shares of ``n`` over the groups, capped by each group's size; what is left goes to the groups
    that still have items. Groups that get nothing are left out.

    >>> allocate(10, {"A": 2, "B": 20, "C": 20})
    {'A': 2, 'B': 4, 'C': 4}
    >>> allocate(5, {"A": 1, "B": 1})
    {'A': 1, 'B': 1}
    """
    quota = dict.fromkeys(sizes, 0)
    left = min(n, sum(sizes.values()))
    while left > 0:
        open_groups = [g for g in sorted(sizes, key=str) if quota[g] < sizes[g]]
        share = max(1, left // len(open_groups))
        for g in open_groups:
            add = min(share, sizes[g] - quota[g], left)
            quota[g] += add
            left -= add
            if left == 0:
                break
    return {g: q for g, q in quota.items() if q}
