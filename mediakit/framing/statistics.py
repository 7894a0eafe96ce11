"""Statistics on the sentence table: frame shares, outlet profiles with bootstrap CIs, tests of difference,
frames over time and headline against body.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from ..corpus import ColumnError
from .articles import MIN_SENTENCES, MIN_SHARE, article_presence
from .scoring import PARTS, TEXT_PARTS

__all__ = ["frame_shares", "frame_profile", "frame_difference_test", "frames_over_time", "headline_vs_body"]

_SCORE_NEEDS = ["article_id", "part", "frame", "dominant"]


def _check(scores: pd.DataFrame, where: str, by: str | None = None, required: list[str] = _SCORE_NEEDS) -> None:
    """ColumnError (one line) when ``scores`` lacks a column or ``by`` names none."""
    if not isinstance(scores, pd.DataFrame):
        raise ColumnError(f"{where}: expected the score_frames table (a pandas DataFrame), not {type(scores).__name__}")
    for col in [*required, *([by] if by is not None else [])]:
        if col not in scores.columns:
            what = "by=" if col == by else "column"
            raise ColumnError(f"{where}: {what} {col!r} is not a column of the scores; pass the table score_frames "
                              "returns" + (" on a corpus with that column" if col == by else ""))


def frame_shares(scores: pd.DataFrame, by: str = "outlet", *, parts: Sequence[str] | None = TEXT_PARTS,
                 count: str = "dominant", include_none: bool = False) -> pd.DataFrame:
    """Article-level frame shares: for each article and frame, ``n`` sentences and their ``share``.

    Columns ``article_id, group, frame, n, share, n_framed``: ``group`` is the article's value of ``by``
    (named in ``attrs["by"]``).

    ``count="dominant"`` counts each sentence once, under its dominant frame; ``"any"`` counts a sentence
    under every frame it matches. Shares are over framed sentences (``none`` excluded unless
    ``include_none``), so an article's shares sum to 1 when it has any framed sentence.

    >>> s = pd.DataFrame({"article_id": ["a", "a", "a"], "outlet": "X", "part": ["body"] * 3, "sentence": [0, 1, 2],
    ...                   "frame": ["x", "y", "x"], "dominant": [True] * 3})
    >>> frame_shares(s)[["group", "frame", "n", "share"]].values.tolist()
    [['X', 'x', 2, 0.6666666666666666], ['X', 'y', 1, 0.3333333333333333]]
    """
    _check(scores, "frame_shares", by)
    if count not in ("dominant", "any"):
        raise ValueError(f"frame_shares: count must be 'dominant' or 'any', not {count!r}")
    d = scores if parts is None else scores[scores["part"].isin(list(parts))]
    if count == "dominant":
        d = d[d["dominant"]]
    if not include_none:
        d = d[d["frame"] != "none"]
    d = d.rename(columns={by: "group"}) if by != "group" else d
    n = d.groupby(["article_id", "group", "frame"], sort=True, dropna=False).size().rename("n").reset_index()
    total = n.groupby("article_id")["n"].transform("sum")
    n["n"] = n["n"].astype("int64")
    n["share"] = (n["n"] / total).astype(float)
    n["n_framed"] = total.astype("int64")
    n.attrs = {"analysis": "frame_shares", "by": by, "count": count, "parts": list(parts) if parts else None,
               "include_none": include_none}
    return n


def _count_matrix(scores: pd.DataFrame, by: str, parts, count: str, frames: Sequence[str] | None):
    shares = frame_shares(scores, by, parts=parts, count=count)
    if not len(shares):
        return pd.DataFrame(index=pd.MultiIndex.from_arrays([[], []], names=["article_id", "group"]))
    table = shares.pivot_table(index=["article_id", "group"], columns="frame", values="n", aggfunc="sum",
                               fill_value=0)
    if frames is not None:
        table = table.reindex(columns=list(frames), fill_value=0)
    table = table.sort_index(axis=1)
    return table


def frame_profile(
    scores: pd.DataFrame,
    by: str = "outlet",
    *,
    parts: Sequence[str] | None = TEXT_PARTS,
    count: str = "dominant",
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int | None = 0,
    unit: str = "sentence",
    min_sentences: int | None = None,
    min_share: float | None = None,
) -> pd.DataFrame:
    """Frame shares per group with bootstrap confidence intervals over articles.

    A group's share of frame f is (sentences of f) / (framed sentences) over its articles. The CI resamples
    the group's articles with replacement ``n_boot`` times (percentile interval), so sentences of one
    article move together. Returns ``group, frame, share, ci_low, ci_high, n, n_framed, n_articles``
    (``group`` holds the value of the ``by`` column, named in ``attrs["by"]``; ``n_articles`` counts
    articles with at least one framed sentence, the units the bootstrap resamples). Whether the groups
    differ is :func:`frame_difference_test`'s job.

    ``unit="article"`` counts articles instead of sentences: a group's share of frame f is the share of
    its articles that carry f by the article rule of :func:`~mediakit.framing.articles.article_presence`
    (``count``, ``min_sentences``, ``min_share``; None: the calibrated defaults), so shares need not sum
    to 1 (an article can carry several frames, or none). Then ``n`` counts articles with the frame,
    ``n_framed`` articles with any frame and ``n_articles`` every article with a sentence in ``parts``.

    >>> rng = np.random.default_rng(0)
    >>> s = pd.DataFrame({"article_id": [f"a{i // 4}" for i in range(40)], "outlet": ["A"] * 20 + ["B"] * 20,
    ...                   "part": "body", "sentence": range(40), "dominant": True,
    ...                   "frame": ["x"] * 15 + ["y"] * 5 + ["y"] * 15 + ["x"] * 5})
    >>> p = frame_profile(s, n_boot=200)
    >>> p[p.frame == "x"][["group", "share"]].values.tolist(), p.attrs["by"]
    ([['A', 0.75], ['B', 0.25]], 'outlet')
    >>> a = frame_profile(s, unit="article", min_sentences=2, n_boot=200)
    >>> a[a.frame == "x"][["group", "share", "n", "n_articles"]].values.tolist()
    [['A', 0.8, 4, 5], ['B', 0.2, 1, 5]]
    """
    _check(scores, "frame_profile", by)
    if not 0 < ci < 1:
        raise ValueError(f"frame_profile: ci must be between 0 and 1, e.g. 0.95, not {ci!r}")
    if unit not in ("sentence", "article"):
        raise ValueError(f"frame_profile: unit must be 'sentence' or 'article', not {unit!r}")
    rule = {"min_sentences": MIN_SENTENCES if min_sentences is None else min_sentences,
            "min_share": MIN_SHARE if min_share is None else min_share}
    if unit == "article":
        table = _presence_matrix(scores, by, parts, count, rule)
    else:
        table = _count_matrix(scores, by, parts, count, None)
    frames = list(table.columns)
    rng = np.random.default_rng(random_state)
    alpha = (1 - ci) / 2
    rows = []
    for group, sub in (table.groupby(level="group", sort=True) if len(table) else []):
        counts = sub.to_numpy(dtype=float)
        m = counts.shape[0]
        totals = counts.sum(axis=0)
        if unit == "article":  # shares of the group's articles; framed = articles carrying any frame
            framed = float((counts.sum(axis=1) > 0).sum())
            point = totals / m
        else:
            framed = totals.sum()
            point = totals / framed if framed else np.full(len(frames), np.nan)
        if m > 1 and n_boot > 0 and framed:
            idx = rng.integers(0, m, size=(n_boot, m))
            sums = counts[idx].sum(axis=1)
            denom = m if unit == "article" else sums.sum(axis=1, keepdims=True)
            with np.errstate(invalid="ignore", divide="ignore"):
                boot = sums / denom
            lo, hi = np.nanquantile(boot, [alpha, 1 - alpha], axis=0)
        else:
            lo = hi = np.full(len(frames), np.nan)
        for j, f in enumerate(frames):
            rows.append({"group": group, "frame": f, "share": point[j], "ci_low": lo[j], "ci_high": hi[j],
                         "n": int(totals[j]), "n_framed": int(framed), "n_articles": m})
    cols = ["group", "frame", "share", "ci_low", "ci_high", "n", "n_framed", "n_articles"]
    out = pd.DataFrame(rows, columns=cols).astype({"share": float, "ci_low": float, "ci_high": float, "n": "int64",
                                                   "n_framed": "int64", "n_articles": "int64"})
    out.attrs = {"analysis": "frame_profile", "by": by, "count": count, "parts": list(parts) if parts else None,
                 "ci": ci, "n_boot": n_boot, "random_state": random_state, "codebook": scores.attrs.get("codebook"),
                 "unit": unit}
    if unit == "article":
        out.attrs.update(rule)
    return out


def _presence_matrix(scores: pd.DataFrame, by: str, parts, count: str, rule: dict) -> pd.DataFrame:
    """Articles x frames, 1 where the article carries the frame (article rule), indexed by (article_id, group)."""
    present = article_presence(scores, parts=parts, count=count, **rule)
    d = scores if parts is None else scores[scores["part"].isin(list(parts))]
    groups = d.drop_duplicates("article_id").set_index("article_id")[by]
    present = present.assign(group=present["article_id"].map(groups), one=1)
    if not len(present):
        return pd.DataFrame(index=pd.MultiIndex.from_arrays([[], []], names=["article_id", "group"]))
    table = present.pivot_table(index=["article_id", "group"], columns="frame", values="one", aggfunc="max",
                                fill_value=0)
    return table.drop(columns=["none"], errors="ignore").sort_index(axis=1)


def frame_difference_test(scores: pd.DataFrame, by: str = "outlet", *, parts: Sequence[str] | None = TEXT_PARTS,
                          count: str = "dominant", n_perm: int = 1000, random_state: int | None = 0) -> pd.DataFrame:
    """Do groups differ in frame use? Chi-square on the group × frame table of sentences, with Cramér's V.

    Sentences of one article are not independent, so besides the asymptotic p-value the test permutes the
    group labels of whole articles ``n_perm`` times and reports the share of permuted chi-squares at least
    as large (``p_perm``, with the +1 correction). The first row (``frame="all"``) tests the whole table;
    then one row per frame tests that frame against all others (2 × groups table).

    Columns: ``frame, chi2, dof, p_chi2, p_perm, cramers_v, n_sentences, n_articles, n_groups``.

    >>> s = pd.DataFrame({"article_id": [f"a{i // 4}" for i in range(40)], "outlet": ["A"] * 20 + ["B"] * 20,
    ...                   "part": "body", "sentence": range(40), "dominant": True,
    ...                   "frame": ["x"] * 15 + ["y"] * 5 + ["y"] * 15 + ["x"] * 5})
    >>> t = frame_difference_test(s, n_perm=200)
    >>> t[["frame", "chi2", "dof", "cramers_v", "n_articles"]].values.tolist()
    [['all', 10.0, 1, 0.5, 10]]
    """
    _check(scores, "frame_difference_test", by)
    table = _count_matrix(scores, by, parts, count, None)
    table = table.loc[:, table.sum(axis=0) > 0]
    groups = table.index.get_level_values("group").to_numpy()
    codes, uniq = pd.factorize(groups, sort=True)
    counts = table.to_numpy(dtype=float)
    k, m, F = len(uniq), counts.shape[0], counts.shape[1]
    names = ["all"] + (list(table.columns) if F > 2 else [])
    observed = _spec_chi2(_group_tables(counts, codes[None, :], k), F > 2)[0]
    ge = np.zeros(len(names))
    done = 0
    if k > 1 and n_perm > 0:
        rng = np.random.default_rng(random_state)
        while done < n_perm:  # batches keep memory flat for large corpora
            b = min(200, n_perm - done)
            perm_codes = np.array([rng.permutation(codes) for _ in range(b)])
            chi = _spec_chi2(_group_tables(counts, perm_codes, k), F > 2)
            ge += (chi >= observed[None, :] - 1e-9).sum(axis=0)
            done += b
    obs_table = _group_tables(counts, codes[None, :], k)[0]
    rows = []
    for i, name in enumerate(names):
        mat = obs_table if name == "all" else np.column_stack([obs_table[:, i - 1],
                                                               obs_table.sum(axis=1) - obs_table[:, i - 1]])
        r = int((mat.sum(axis=1) > 0).sum())
        c = int((mat.sum(axis=0) > 0).sum())
        n = float(mat.sum())
        if r < 2 or c < 2:
            rows.append({"frame": name, "chi2": np.nan, "dof": 0, "p_chi2": np.nan, "p_perm": np.nan,
                         "cramers_v": np.nan, "n_sentences": int(n), "n_articles": m, "n_groups": k})
            continue
        chi2, dof = float(observed[i]), (r - 1) * (c - 1)
        rows.append({"frame": name, "chi2": chi2, "dof": dof, "p_chi2": float(stats.chi2.sf(chi2, dof)),
                     "p_perm": (ge[i] + 1) / (done + 1) if done else np.nan,
                     "cramers_v": float(np.sqrt(chi2 / (n * (min(r, c) - 1)))), "n_sentences": int(n),
                     "n_articles": m, "n_groups": k})
    out = pd.DataFrame(rows, columns=["frame", "chi2", "dof", "p_chi2", "p_perm", "cramers_v", "n_sentences",
                                      "n_articles", "n_groups"])
    out.attrs = {"analysis": "frame_difference_test", "by": by, "count": count,
                 "parts": list(parts) if parts else None, "n_perm": n_perm, "random_state": random_state}
    return out


def _group_tables(counts: np.ndarray, codes: np.ndarray, k: int) -> np.ndarray:
    """Group × frame tables, one per row of ``codes`` (B × articles): one bincount per table."""
    B, F = codes.shape[0], counts.shape[1]
    flat = (np.arange(B)[:, None, None] * k * F + codes[:, :, None] * F + np.arange(F)[None, None, :]).ravel()
    weights = np.broadcast_to(counts, (B,) + counts.shape).ravel()
    return np.bincount(flat, weights=weights, minlength=B * k * F).reshape(B, k, F)


def _chi2_batch(obs: np.ndarray) -> np.ndarray:
    """Pearson chi-square of each table in ``obs`` (B × r × c); empty rows/columns contribute nothing."""
    total = obs.sum(axis=(1, 2), keepdims=True)
    expected = obs.sum(axis=2, keepdims=True) * obs.sum(axis=1, keepdims=True) / np.where(total == 0, 1, total)
    with np.errstate(invalid="ignore", divide="ignore"):
        cells = np.where(expected > 0, (obs - expected) ** 2 / expected, 0.0)
    return cells.sum(axis=(1, 2))


def _spec_chi2(tables: np.ndarray, per_frame: bool) -> np.ndarray:
    """Chi-square of the whole table and, if ``per_frame``, of each frame against the rest: B × specs."""
    out = [_chi2_batch(tables)]
    if per_frame:
        rowsum = tables.sum(axis=2)
        for j in range(tables.shape[2]):
            out.append(_chi2_batch(np.stack([tables[:, :, j], rowsum - tables[:, :, j]], axis=2)))
    return np.column_stack(out)


def frames_over_time(scores: pd.DataFrame, *, freq: str = "QS", by: str | None = None,
                     parts: Sequence[str] | None = TEXT_PARTS, count: str = "dominant") -> pd.DataFrame:
    """Frame shares per period (``freq``: pandas offset alias, default quarter) and optionally per group.

    Returns ``period, [group], frame, n, share`` (share of the period's framed sentences; ``group`` holds the
    value of ``by`` when given, named in ``attrs["by"]``); undated articles are left out (their number is in
    ``df.attrs["undated_articles"]``).

    >>> s = pd.DataFrame({"article_id": ["a", "a", "b"], "part": "body", "dominant": True, "frame": ["x", "y", "x"],
    ...                   "date": pd.to_datetime(["2021-01-05", "2021-01-05", "2021-04-02"])})
    >>> frames_over_time(s).assign(period=lambda d: d["period"].dt.strftime("%Y-%m")).values.tolist()
    [['2021-01', 'x', 1, 0.5], ['2021-01', 'y', 1, 0.5], ['2021-04', 'x', 1, 1.0]]
    """
    _check(scores, "frames_over_time", by, [*_SCORE_NEEDS, "date"])
    d = scores if parts is None else scores[scores["part"].isin(list(parts))]
    if count == "dominant":
        d = d[d["dominant"]]
    d = d[d["frame"] != "none"]
    undated = int(d.loc[d["date"].isna(), "article_id"].nunique())
    d = d.dropna(subset=["date"])
    if by:
        d = d.rename(columns={by: "group"}) if by != "group" else d
    keys = [pd.Grouper(key="date", freq=freq)] + (["group"] if by else [])
    n = d.groupby(keys + ["frame"]).size().rename("n").reset_index().rename(columns={"date": "period"})
    n["share"] = n["n"] / n.groupby(["period"] + (["group"] if by else []))["n"].transform("sum")
    n.attrs = {"analysis": "frames_over_time", "by": by, "freq": freq, "count": count,
               "parts": list(parts) if parts else None, "undated_articles": undated}
    return n


def headline_vs_body(scores: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """Frame shares in headlines, leads and bodies side by side: ``[group], part, frame, n, share``.

    ``group`` (the value of ``by``, named in ``attrs["by"]``) only when ``by`` is given.

    Shares are of each part's framed sentences (dominant frame), so a frame that headlines push more than
    the body shows a higher headline share.

    >>> s = pd.DataFrame({"article_id": ["a"] * 3, "part": ["headline", "body", "body"], "dominant": True,
    ...                   "frame": ["x", "x", "y"]})
    >>> headline_vs_body(s).values.tolist()
    [['headline', 'x', 1, 1.0], ['body', 'x', 1, 0.5], ['body', 'y', 1, 0.5]]
    """
    _check(scores, "headline_vs_body", by)
    d = scores[scores["dominant"] & (scores["frame"] != "none")]
    if by:
        d = d.rename(columns={by: "group"}) if by != "group" else d
    keys = (["group"] if by else []) + ["part"]
    n = d.groupby(keys + ["frame"]).size().rename("n").reset_index()
    n["share"] = n["n"] / n.groupby(keys)["n"].transform("sum")
    order = {p: i for i, p in enumerate(PARTS)}
    out = n.sort_values(keys[:-1] + ["part", "frame"], key=lambda s: s.map(order) if s.name == "part" else s,
                        ignore_index=True)
    out.attrs = {"analysis": "headline_vs_body", "by": by}
    return out

