"""The term scatter's data: per-group counts of the embedded terms, the log-odds statistic for any pairing,
and keyword-in-context lines sampled per term.

The page (and the notebook widget) let the reader pick a focus group and a comparison ("rest" or another
group), so the data holds the counts per group rather than one precomputed comparison; :func:`pair_scores`
computes the log-odds z of :func:`mediakit.distinctive_terms` (informative Dirichlet prior = the corpus
counts, Monroe variance) from them, and the page's script computes the same numbers.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from ..text import TOKEN_PATTERN

__all__ = ["TermData", "term_data", "pair_scores", "sample_kwic", "article_index"]

_TOKEN = re.compile(TOKEN_PATTERN)   # the tokens of mediakit.parsed (KWIC windows count them)
_SPACE = re.compile(r"\s+")


@dataclass
class TermData:
    """Counts behind the scatter: ``counts`` and ``docs`` are terms x groups, ``totals`` the tokens counted
    per group (whole vocabulary, after stop words), ``alpha0`` the prior's total (all tokens)."""

    groups: list[str]
    terms: list[str]
    counts: np.ndarray
    docs: np.ndarray
    totals: np.ndarray
    alpha0: float
    n_vocabulary: int
    n_floor: int
    boot: dict[str, tuple[np.ndarray, np.ndarray]]   # group -> (ci_low, ci_high) of the score vs rest


def term_data(corpus: pd.DataFrame, by: str, *, min_count: int, max_terms: int, n_boot: int, ci: float,
              random_state: int | None) -> TermData:
    """Count every term per group with :func:`mediakit.distinctive_terms` and keep the embedded ones.

    A term is kept when it occurs at least ``min_count`` times in the corpus; of those, the ``max_terms``
    with the largest |z| of any group against the rest (ties: the more frequent first).
    """
    from ..api import distinctive_terms

    table = distinctive_terms(corpus, by=by, min_docs=0, n_boot=n_boot, ci=ci, random_state=random_state)
    groups = [str(g) for g in pd.unique(table["group"])]
    groups.sort()
    counts = table.pivot_table(index="term", columns="group", values="count", aggfunc="first", fill_value=0)
    counts = counts.reindex(columns=groups, fill_value=0)
    docs = table.pivot_table(index="term", columns="group", values="docs", aggfunc="first", fill_value=0)
    docs = docs.reindex(index=counts.index, columns=groups, fill_value=0)
    totals = table.groupby("group")["total"].first().reindex(groups).fillna(0).to_numpy(dtype=float)
    z = table.pivot_table(index="term", columns="group", values="z", aggfunc="first").reindex(counts.index)
    total = counts.sum(axis=1)
    keep = total >= min_count
    order = pd.DataFrame({"absz": z.abs().max(axis=1).fillna(0.0), "total": total})[keep]
    order = order.sort_values(["absz", "total"], ascending=False, kind="stable").head(max_terms)
    terms = sorted(order.index, key=lambda t: (-int(total[t]), t))
    boot: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    if n_boot and "ci_low" in table:
        for g in groups:
            rows = table[table["group"] == g].set_index("term").reindex(terms)
            boot[g] = (rows["ci_low"].to_numpy(dtype=float), rows["ci_high"].to_numpy(dtype=float))
    return TermData(groups=groups, terms=list(terms), counts=counts.loc[terms].to_numpy(dtype=np.int64),
                    docs=docs.loc[terms].to_numpy(dtype=np.int64), totals=totals, alpha0=float(totals.sum()),
                    n_vocabulary=int(len(counts)), n_floor=int(keep.sum()), boot=boot)


def pair_scores(data: TermData, focus: str, against: str = "rest", *, ci: float = 0.95) -> pd.DataFrame:
    """Log-odds (informative Dirichlet prior, Monroe variance) of every embedded term, ``focus`` against
    ``against`` (a group or ``"rest"``): ``term, count, count_other, freq, freq_other, score, z, ci_low,
    ci_high`` (analytic interval of the score: score ± q·sd). Equal to :func:`mediakit.distinctive_terms`.

    >>> d = TermData(["A", "B"], ["x", "y"], np.array([[3, 1], [1, 3]]), np.ones((2, 2), int),
    ...              np.array([4.0, 4.0]), 8.0, 2, 2, {})
    >>> pair_scores(d, "A")[["term", "z"]].round(3).values.tolist()
    [['x', 1.149], ['y', -1.149]]
    """
    gi = _group_index(data, focus)
    a = data.counts.sum(axis=1).astype(float)
    y_i = data.counts[:, gi].astype(float)
    n_i = data.totals[gi]
    if against == "rest":
        y_j, n_j = a - y_i, data.alpha0 - n_i
    else:
        gj = _group_index(data, against)
        if gj == gi:
            raise ValueError(f"against={against!r} is the focus group; pick another group or 'rest'")
        y_j, n_j = data.counts[:, gj].astype(float), data.totals[gj]
    a0 = data.alpha0
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.log((y_i + a) / (n_i + a0 - y_i - a)) - np.log((y_j + a) / (n_j + a0 - y_j - a))
        sd = np.sqrt(1.0 / (y_i + a) + 1.0 / (y_j + a))
        q = float(stats.norm.ppf(0.5 + ci / 2))
        out = pd.DataFrame({"term": data.terms, "count": y_i.astype(np.int64), "count_other": y_j.astype(np.int64),
                            "freq": y_i / max(n_i, 1.0) * 1e4, "freq_other": y_j / max(n_j, 1.0) * 1e4,
                            "score": score, "z": score / sd, "ci_low": score - q * sd, "ci_high": score + q * sd})
    out.attrs.update({"focus": focus, "against": against, "ci": ci})
    return out


def _group_index(data: TermData, group: str) -> int:
    if str(group) not in data.groups:
        raise ValueError(f"group {group!r} not found; groups are {data.groups}")
    return data.groups.index(str(group))


def is_caps(term: str) -> bool:
    """True for a term the vectoriser kept with capitals ("US", "NATO's", "SAMs"): it is matched as written."""
    return term != term.lower()


def _trie_regex(words: list[str]) -> str:
    """One regex matching any of ``words`` (a character trie, so the engine does not try each in turn);
    spaces match any whitespace."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            return body + "?" if len(alts) == 1 and len(body) == 1 else "(?:" + body + ")?"
        return body

    return emit(trie)


def sample_kwic(corpus: pd.DataFrame, terms: list[str], *, by: str, per_term: int, window: int,
                random_state: int | None, chunk: int = 200) -> tuple[pd.DataFrame, dict[str, int]]:
    """Up to ``per_term`` KWIC lines per term, articles visited in a random order (``random_state``) so that
    the lines are a sample across the corpus, not its first articles. A line is what :func:`mediakit.kwic`
    gives for the match (``window`` tokens either side, offsets into the text).

    One regex (a trie of the terms still open) scans ``chunk`` articles at a time; the context of a match
    is computed only for the lines kept, from the tokens of :data:`mediakit.text.TOKEN_PATTERN` (those of
    the parsed corpus). Returns the lines (``term`` + kwic's columns) and the number of matches seen per
    term (a lower bound once a term is full: the scan stops looking for it after its chunk).

    >>> df = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                    "text": ["US sanctions hit. New sanctions.", "The us sanctions"]})
    >>> lines, seen = sample_kwic(df, ["US", "sanctions"], by="outlet", per_term=2, window=1, random_state=0)
    >>> lines[["term", "article_id", "left", "match", "right"]].values.tolist()
    [['US', 'a', '', 'US', ' sanctions'], ['sanctions', 'a', 'US ', 'sanctions', ' hit'], ['sanctions', 'a', 'New ', 'sanctions', '']]
    >>> seen
    {'US': 1, 'sanctions': 3}
    """
    need = {t: per_term for t in terms}
    seen = dict.fromkeys(terms, 0)
    caps = {t for t in terms if is_caps(t)}
    rng = np.random.default_rng(random_state)
    order = rng.permutation(len(corpus)) if len(corpus) else np.array([], dtype=int)
    ids = corpus["article_id"].astype(str).tolist()
    groups = corpus[by].tolist()
    texts = [t if isinstance(t, str) else "" for t in corpus["text"].tolist()]
    rows: list[tuple[Any, ...]] = []
    for lo in range(0, len(order), chunk):
        open_terms = [t for t, n in need.items() if n > 0]
        if not open_terms or per_term <= 0:
            break
        caps_rx = _trie_regex(sorted(t for t in open_terms if t in caps))
        lower_rx = _trie_regex(sorted(t.lower() for t in open_terms if t not in caps))
        # lower-case terms first: "nato-interoperable" must not stop at the acronym "NATO"
        alts = [x for x in (f"(?i:{lower_rx})" if lower_rx else "", caps_rx) if x]
        rx = re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")
        room = dict(need)          # the lines each term may still take: its need when the chunk starts
        for i in order[lo:lo + chunk]:
            text = texts[i]
            bounds = None
            for m in rx.finditer(text):
                s, e = m.span()
                if e == s:
                    continue
                key = _SPACE.sub(" ", m.group())
                term = key if key in caps else (key.lower() if key.lower() in need else None)
                if term is None:
                    continue
                seen[term] += 1
                if room[term] <= 0:
                    continue
                room[term] -= 1
                need[term] -= 1
                if bounds is None:
                    spans = [t.span() for t in _TOKEN.finditer(text)]
                    bounds = ([a for a, _ in spans], [b for _, b in spans])
                left_start, right_end = _context(bounds, s, e, window)
                rows.append((term, ids[i], groups[i], s, e, text[s:e], text[left_start:s], text[e:right_end],
                             left_start, right_end, int(i)))
    out = pd.DataFrame(rows, columns=["term", "article_id", by, "start", "end", "match", "left", "right",
                                      "left_start", "right_end", "_pos"])
    out = out.astype({c: "Int64" for c in ("start", "end", "left_start", "right_end")})
    # corpus order within each term (the sample is random, its presentation is not)
    out = out.sort_values(["term", "_pos", "start"], kind="stable").drop(columns="_pos").reset_index(drop=True)
    return out, seen


def _context(bounds: tuple[list[int], list[int]], s: int, e: int, window: int) -> tuple[int, int]:
    """``left_start, right_end`` of the match ``s:e``: ``window`` tokens either side, as :func:`mediakit.kwic`."""
    starts, ends = bounds
    k = bisect.bisect_right(ends, s)                 # first token ending after s
    left_start = min(starts[max(0, k - window)] if window and k > 0 else s, s)
    j = bisect.bisect_left(starts, e)                # first token starting at/after e
    right_end = max(ends[min(len(ends), j + window) - 1] if window and j < len(starts) else e, e)
    return left_start, right_end


def article_index(corpus: pd.DataFrame, by: str) -> dict[str, Any]:
    """id -> (position, row) helpers for the page's article table."""
    ids = corpus["article_id"].astype(str).tolist()
    return {aid: i for i, aid in enumerate(ids)}


def finite(x: float) -> float | None:
    """A float for JSON (None for NaN/inf), rounded to 4 decimals."""
    return round(float(x), 4) if x is not None and math.isfinite(float(x)) else None
