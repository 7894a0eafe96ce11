"""The validation loop: draw sentences for hand coding, then compare the coding with the machine's frames
(precision, recall, F1 and Krippendorff's alpha).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..corpus import ColumnError, validate_corpus
from ..csv_safe import write_csv
from ..sampling import allocate
from .codebook import Codebook, load_codebook
from .scoring import TEXT_PARTS, _sentence_table

__all__ = ["sample_for_coding", "agreement", "krippendorff_alpha"]


def sample_for_coding(
    articles: pd.DataFrame,
    n: int,
    stratify: str | None = "outlet",
    *,
    path: str | Path | None = None,
    parts: Sequence[str] = TEXT_PARTS,
    codebook: str | Path | Codebook | None = "policy_frames",
    random_state: int | None = 0,
    neutralise: bool = True,
) -> pd.DataFrame:
    """Draw ``n`` sentences for hand coding, spread evenly over the ``stratify`` groups; write a CSV if ``path``.

    The sheet has ``coding_id, article_id, outlet, part, sentence, start, end, text`` and an empty ``frame``
    column for the coder (and ``notes``). The machine's frames are deliberately NOT in the sheet, so that
    coders are not anchored by them. When ``codebook`` is given, ``df.attrs["frames"]`` lists the allowed
    codes (written as a comment-free companion ``<path>.codes.txt`` beside the CSV). The sheet is meant to
    be opened in a spreadsheet, so it is written with :func:`mediakit.csv_safe.write_csv`: a cell starting
    with ``= + - @`` gets a leading apostrophe (``neutralise=False`` writes it as it is). After coding, pass the
    CSV to :func:`agreement` with ``score_frames`` output. Groups with too few sentences give all they have;
    the rest is drawn from the other groups.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                      "text": ["One. Two. Three.", "Four. Five."]})
    >>> sample_for_coding(arts, 4, codebook=None)["outlet"].value_counts().tolist()
    [2, 2]
    """
    validate_corpus(articles, ["article_id", "text"], where="sample_for_coding")
    if n <= 0:
        raise ValueError(f"sample_for_coding: n must be positive, got {n}")
    if stratify is not None and stratify not in articles.columns:
        raise ColumnError(f"sample_for_coding: stratify={stratify!r} is not a column of the articles; "
                          "name one (e.g. outlet) or pass stratify=None")
    frames = load_codebook(codebook).frame_names + ["none"] if codebook is not None else []
    sents = _sentence_table(articles, parts=parts)
    if stratify is not None and stratify != "outlet":
        sents[stratify] = sents["article_id"].map(dict(zip(articles["article_id"], articles[stratify])))
    rng = np.random.default_rng(random_state)
    if stratify is None or sents.empty:
        take = rng.permutation(len(sents))[:n]
        chosen = sents.iloc[np.sort(take)]
    else:
        groups = {g: rng.permutation(idx.to_numpy()) for g, idx in sents.groupby(stratify).groups.items()}
        quota = allocate(n, {g: len(v) for g, v in groups.items()})
        chosen = sents.loc[np.concatenate([groups[g][:q] for g, q in quota.items()]) if quota else []]
        chosen = chosen.sort_values([stratify, "article_id", "sentence"])
    out = chosen.reset_index(drop=True)
    out.insert(0, "coding_id", range(1, len(out) + 1))
    out["frame"] = ""
    out["notes"] = ""
    out.attrs = {"analysis": "sample_for_coding", "n": n, "stratify": stratify, "parts": list(parts),
                 "random_state": random_state}
    if frames:
        out.attrs["frames"] = frames
    if path is not None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_csv(out, path, neutralise=neutralise)
        if frames:
            Path(str(path) + ".codes.txt").write_text("\n".join(frames) + "\n", encoding="utf-8")
    return out




def krippendorff_alpha(data: pd.DataFrame | np.ndarray | Sequence[Sequence[Any]], *, level: str = "nominal") -> float:
    """Krippendorff's alpha for nominal data: coders in rows, units in columns, missing values as NaN/None.

    alpha = 1 - D_o / D_e from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
    Alpha-Reliability"); units with fewer than two values are left out. Written by hand: the formula is
    short and scikit-learn / scipy have no Krippendorff's alpha.

    >>> round(krippendorff_alpha([["a", "a", "b", "b"], ["a", "a", "b", "a"]]), 4)
    0.5333
    """
    if level != "nominal":
        raise ValueError("krippendorff_alpha: only level='nominal' is implemented (frames are categories)")
    arr = np.asarray(data, dtype=object)
    if arr.ndim != 2:
        raise ValueError("krippendorff_alpha: data must be 2-D (coders × units)")
    values: dict[Any, int] = {}
    units = []
    for j in range(arr.shape[1]):
        col = [v for v in arr[:, j] if not _missing(v)]
        if len(col) >= 2:
            units.append([values.setdefault(v, len(values)) for v in col])
    if not units:
        return float("nan")
    q = len(values)
    o = np.zeros((q, q))
    for col in units:
        m = len(col)
        cnt = np.bincount(col, minlength=q).astype(float)
        # pairable values within the unit: each ordered pair of different coders, weighted 1/(m-1)
        o += (np.outer(cnt, cnt) - np.diag(cnt)) / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    d_o = o.sum() - np.trace(o)
    d_e = (n * n - (n_c ** 2).sum()) / (n - 1)
    if d_e == 0:
        return 1.0 if d_o == 0 else 0.0
    return float(1 - d_o / d_e)


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and np.isnan(v):
        return True
    return isinstance(v, str) and not v.strip()


def agreement(coded: pd.DataFrame, predicted: pd.DataFrame, *, labels: Sequence[str] | None = None,
              exclude_from_macro: Iterable[str] = ("none",)) -> pd.DataFrame:
    """Compare hand-coded sentences with machine frames: per-frame precision, recall, F1 and Krippendorff's alpha.

    ``coded`` has ``article_id, frame`` and either ``start, end`` (offsets in ``text``) or ``sentence``;
    rows with an empty frame are skipped (not yet coded). ``predicted`` is :func:`score_frames` output
    (its dominant frame per sentence is used) or any table with the same keys and ``frame``. Sentences are
    matched on identical offsets, else on the predicted sentence that overlaps the coded span most.

    Returns one row per frame (``precision, recall, f1, support`` = coded count, ``predicted`` = predicted
    count) and a final ``macro`` row (mean over frames with support, leaving out ``exclude_from_macro``).
    ``df.attrs`` holds ``alpha`` (Krippendorff, nominal, coder vs machine), ``accuracy``, ``n_units`` and
    ``unmatched`` (coded sentences with no predicted sentence).

    >>> coded = pd.DataFrame({"article_id": ["a"] * 4, "sentence": [0, 1, 2, 3], "frame": ["x", "x", "y", "y"]})
    >>> pred = coded.assign(frame=["x", "x", "y", "x"])
    >>> a = agreement(coded, pred)
    >>> a.set_index("frame").loc["x", ["precision", "recall"]].round(3).tolist(), round(a.attrs["alpha"], 4)
    ([0.667, 1.0], 0.5333)
    """
    from sklearn.metrics import precision_recall_fscore_support

    pairs = _align(coded, predicted)
    y_true = pairs["frame_coded"].astype(str).to_numpy()
    y_pred = pairs["frame_predicted"].astype(str).to_numpy()
    if labels is None:
        labels = sorted(set(y_true) | set(y_pred))
    labels = list(labels)
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    npred = pd.Series(y_pred).value_counts()
    out = pd.DataFrame({"frame": labels, "precision": p, "recall": r, "f1": f, "support": s.astype(int),
                        "predicted": [int(npred.get(lab, 0)) for lab in labels]})
    excl = set(exclude_from_macro)
    macro = out[(out["support"] > 0) & ~out["frame"].isin(excl)]
    out = pd.concat([out, pd.DataFrame([{"frame": "macro", "precision": macro["precision"].mean(),
                                         "recall": macro["recall"].mean(), "f1": macro["f1"].mean(),
                                         "support": int(macro["support"].sum()),
                                         "predicted": int(macro["predicted"].sum())}])], ignore_index=True)
    out.attrs.update({
        "alpha": krippendorff_alpha([y_true, y_pred]) if len(pairs) else float("nan"),
        "accuracy": float((y_true == y_pred).mean()) if len(pairs) else float("nan"),
        "n_units": int(len(pairs)), "unmatched": int(pairs.attrs.get("unmatched", 0)),
        "macro_excludes": sorted(excl),
    })
    return out


def _align(coded: pd.DataFrame, predicted: pd.DataFrame) -> pd.DataFrame:
    for name, df in (("coded", coded), ("predicted", predicted)):
        if not {"article_id", "frame"} <= set(df.columns):
            raise KeyError(f"agreement: {name} needs article_id and frame columns")
    c = coded[coded["frame"].map(lambda v: not _missing(v))].copy()
    c["frame"] = c["frame"].astype(str).str.strip()
    pred = predicted
    if "dominant" in pred.columns:
        pred = pred[pred["dominant"]]
    if "part" in pred.columns:
        pred = pred[pred["part"] != "headline"]
    if {"start", "end"} <= set(c.columns) and {"start", "end"} <= set(pred.columns):
        by_article: dict[Any, list[tuple[int, int, str]]] = {}
        for aid, s, e, f in pred[["article_id", "start", "end", "frame"]].itertuples(index=False):
            by_article.setdefault(aid, []).append((int(s), int(e), f))
        found, unmatched = [], 0
        for aid, s, e in c[["article_id", "start", "end"]].itertuples(index=False):
            best, best_ov = None, 0
            for ps, pe, f in by_article.get(aid, ()):
                ov = min(e, pe) - max(s, ps)
                if ps == s and pe == e:
                    best, best_ov = f, ov
                    break
                if ov > best_ov:
                    best, best_ov = f, ov
            found.append(best)
            unmatched += best is None
        c["frame_predicted"] = found
        c = c.rename(columns={"frame": "frame_coded"})
    elif "sentence" in c.columns and "sentence" in pred.columns:
        m = c.merge(pred[["article_id", "sentence", "frame"]].drop_duplicates(["article_id", "sentence"]),
                    on=["article_id", "sentence"], how="left", suffixes=("_coded", "_predicted"))
        unmatched = int(m["frame_predicted"].isna().sum())
        c = m
    else:
        raise KeyError("agreement: coded and predicted need start/end offsets or a sentence index to be matched")
    c = c[c["frame_predicted"].notna()].reset_index(drop=True)
    c.attrs["unmatched"] = unmatched
    return c

