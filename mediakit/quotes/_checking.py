"""The check-by-hand loop for quotes: draw a sample of extracted quotes for a person to mark (speaker right?
span right? an attribution at all?), then read the marks back as shares with bootstrap confidence intervals
per group. The sheet is a CSV (through :func:`mediakit.csv_safe.write_csv`) and a small HTML page that shows
each quote highlighted in its sentence, for reading beside the spreadsheet.
"""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus import ColumnError
from ..csv_safe import write_csv
from ..sampling import allocate
from ..text import sentence_spans

__all__ = ["sample_quotes", "quote_accuracy", "CHECK_COLUMNS"]

# the columns the checker fills in: 1/0 (or yes/no, y/n, true/false, right/wrong); blank = not checked
CHECK_COLUMNS = ("speaker_ok", "span_ok", "is_attribution", "note")
_SHOWN = ("article_id", "kind", "quote", "start", "end", "speaker", "speaker_canonical", "speaker_type", "verb")
_YES = {"1", "1.0", "y", "yes", "true", "t", "right", "ok", "x", "✓"}
_NO = {"0", "0.0", "n", "no", "false", "f", "wrong", "✗"}


def sample_quotes(quotes: pd.DataFrame, articles: pd.DataFrame | None = None, n: int = 30, by: str = "outlet",
                  random_state: int | None = 0, path: str | Path | None = None) -> pd.DataFrame:
    """Draw ``n`` quotes spread evenly over the ``by`` groups, as a sheet to check by hand.

    One row per quote: ``check_id``, the group column, the quote's own columns (``article_id, kind, quote,
    start, end, speaker, speaker_canonical, speaker_type, verb``), ``sentence_text`` with ``quote_start`` /
    ``quote_end`` (the quote's offsets inside ``sentence_text``) when ``articles`` (with ``article_id`` and
    ``text``) is given, and the empty columns to fill in: ``speaker_ok``, ``span_ok``, ``is_attribution``
    (1 or 0) and ``note``. Fragments of mixed quotes are left out (their mixed row is checked instead). A
    group with too few quotes gives all it has; the rest comes from the other groups. With ``path``, the
    sheet is written as CSV (``path`` with suffix ``.csv``) and as an HTML page (suffix ``.html``) that
    highlights each quote in its sentence; mark the CSV and pass it to :func:`quote_accuracy`.

    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ["Hi. Ann said rain is due. Bye."]})
    >>> q = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "kind": ["indirect"], "quote": ["rain is due"],
    ...                   "start": [13], "end": [24], "speaker": ["Ann"]})
    >>> s = sample_quotes(q, arts, n=5)
    >>> s.loc[0, "sentence_text"], s.loc[0, "sentence_text"][s.loc[0, "quote_start"]:s.loc[0, "quote_end"]]
    ('Ann said rain is due.', 'rain is due')
    """
    if not isinstance(n, (int, np.integer)) or n <= 0:
        raise ValueError(f"sample_quotes: n must be a positive integer, got {n!r}")
    for col in ("article_id", "quote", "start", "end", by):
        if col not in quotes.columns:
            raise ColumnError(f"sample_quotes: column {col!r} missing from quotes; pass extract_quotes output "
                              f"(or a by= that names a column)")
    texts: dict = {}
    if articles is not None:
        for col in ("article_id", "text"):
            if col not in articles.columns:
                raise ColumnError(f"sample_quotes: column {col!r} missing from articles; pass the corpus the "
                                  f"quotes came from")
        texts = dict(zip(articles["article_id"].astype(str), articles["text"]))
    q = quotes
    if "fragment" in q.columns:
        q = q[~q["fragment"].fillna(False).astype(bool)]
    q = q[q["start"].notna() & q["end"].notna()].reset_index(drop=True)
    rng = np.random.default_rng(random_state)
    groups = {g: rng.permutation(idx.to_numpy()) for g, idx in q.groupby(by, sort=True, dropna=False).groups.items()}
    quota = allocate(int(n), {g: len(v) for g, v in groups.items()})
    take = np.concatenate([groups[g][:k] for g, k in quota.items()]) if quota else np.array([], dtype=int)
    chosen = q.loc[np.sort(take)].sort_values([by, "article_id", "start"], kind="stable")
    cols = [by] + [c for c in _SHOWN if c in chosen.columns and c != by]
    out = chosen[cols].reset_index(drop=True)
    out.insert(0, "check_id", pd.array(range(1, len(out) + 1), dtype="Int64"))
    for c in ("start", "end"):
        out[c] = out[c].astype("Int64")
    if texts:
        sent, qs, qe = [], [], []
        for aid, s, e in zip(out["article_id"].astype(str), out["start"], out["end"]):
            text = texts.get(aid)
            if text is None:
                sent.append(None)
                qs.append(pd.NA)
                qe.append(pd.NA)
                continue
            a, b = _sentence_around(text, int(s), int(e))
            sent.append(text[a:b])
            qs.append(int(s) - a)
            qe.append(int(e) - a)
        out["sentence_text"] = sent
        out["quote_start"] = pd.array(qs, dtype="Int64")
        out["quote_end"] = pd.array(qe, dtype="Int64")
    for c in CHECK_COLUMNS:
        out[c] = ""
    out.attrs.update({"analysis": "sample_quotes", "by": by, "n": int(n), "random_state": random_state})
    if path is not None:
        base = Path(path)
        base.parent.mkdir(parents=True, exist_ok=True)
        write_csv(out, base.with_suffix(".csv"))
        base.with_suffix(".html").write_text(_html(out, by), encoding="utf-8")
    return out


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentences that hold text[start:end] (a quote may run over several)."""
    spans = sentence_spans(text)
    a = min((s for s, e in spans if s <= start < e), default=start)
    b = max((e for s, e in spans if s < end <= e), default=end)
    return min(a, start), max(b, end)



def _html(sheet: pd.DataFrame, by: str) -> str:
    """A page without scripts: one block per quote, the quote marked inside its sentence (text escaped)."""
    rows = []
    for r in sheet.to_dict("records"):
        sent = r.get("sentence_text")
        qs, qe = r.get("quote_start"), r.get("quote_end")
        if isinstance(sent, str) and qs is not pd.NA and qe is not pd.NA and qs is not None:
            body = (html.escape(sent[:qs]) + "<mark>" + html.escape(sent[qs:qe]) + "</mark>"
                    + html.escape(sent[qe:]))
        else:
            body = "<mark>" + html.escape(str(r.get("quote", ""))) + "</mark>"
        meta = " · ".join(html.escape(f"{k}: {r[k]}") for k in (by, "article_id", "kind", "speaker",
                                                                "speaker_canonical", "speaker_type", "verb")
                          if k in r and r[k] is not None and r[k] is not pd.NA and r[k] == r[k])
        rows.append(f'<section><h2>#{int(r["check_id"])}</h2><p class="meta">{meta}</p><p>{body}</p></section>')
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Quotes to check</title><style>"
            "body{font-family:sans-serif;max-width:50em;margin:auto}mark{background:#ffe066}"
            ".meta{color:#555;font-size:90%}</style></head><body>\n<h1>Quotes to check</h1>\n"
            "<p>Mark speaker_ok, span_ok and is_attribution (1 or 0) in the CSV, by the number.</p>\n"
            + "\n".join(rows) + "\n</body></html>\n")


def _mark(v) -> float:
    """1.0, 0.0 or NaN (not checked) from a hand mark."""
    if v is None or v is pd.NA or isinstance(v, float) and np.isnan(v):
        return np.nan
    if isinstance(v, (bool, np.bool_)):
        return float(v)
    s = str(v).strip().lower()
    if not s:
        return np.nan
    if s in _YES:
        return 1.0
    if s in _NO:
        return 0.0
    raise ValueError(f"quote_accuracy: cannot read the mark {v!r}; use 1 or 0 (yes/no, right/wrong), or leave "
                     f"it blank when not checked")


def quote_accuracy(checked: pd.DataFrame, by: str = "outlet", n_boot: int = 1000, random_state: int | None = 0,
                   ci: float = 0.95) -> pd.DataFrame:
    """Shares of hand-checked quotes that are right, per group, with bootstrap confidence intervals.

    ``checked`` is a sheet from :func:`sample_quotes` with the marks filled in (a CSV read back with
    ``pd.read_csv`` will do). Measures: ``is_attribution`` (share of checked rows that are attributions),
    ``speaker_ok`` and ``span_ok`` (shares among the rows that are attributions, or all rows when
    ``is_attribution`` is left blank) and ``both_ok`` (attribution with speaker and span right, over all
    checked rows). One row per ``group`` and measure, plus the group ``"all"``: ``n`` (rows marked),
    ``share`` and ``ci_low``/``ci_high`` from ``n_boot`` resamples of the articles of the group.

    >>> sheet = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "outlet": ["X", "X", "Y", "Y"],
    ...                       "speaker_ok": [1, 0, 1, 1], "span_ok": [1, 1, 1, 0], "is_attribution": [1, 1, 1, 1]})
    >>> acc = quote_accuracy(sheet, n_boot=0)
    >>> acc[acc.measure == "both_ok"][["group", "n", "share"]].values.tolist()
    [['X', 2, 0.5], ['Y', 2, 0.5], ['all', 4, 0.5]]
    """
    for col in ("article_id", by):
        if col not in checked.columns:
            raise ColumnError(f"quote_accuracy: column {col!r} missing from the checked sheet; pass the sheet of "
                              f"sample_quotes (or a by= that names a column)")
    if not any(c in checked.columns for c in ("speaker_ok", "span_ok", "is_attribution")):
        raise ColumnError("quote_accuracy: the sheet has none of speaker_ok, span_ok, is_attribution; pass the "
                          "sheet of sample_quotes with the marks filled in")
    if not 0 < ci < 1:
        raise ValueError(f"quote_accuracy: ci must be between 0 and 1, got {ci}")
    if n_boot < 0:
        raise ValueError(f"quote_accuracy: n_boot must be 0 or more, got {n_boot}")
    d = pd.DataFrame({"article_id": checked["article_id"].astype(str), "group": checked[by].astype(str)})
    for c in ("speaker_ok", "span_ok", "is_attribution"):
        d[c] = [_mark(v) for v in checked[c]] if c in checked.columns else np.nan
    attr = d["is_attribution"]
    among = attr.fillna(1.0) == 1.0  # rows that are attributions (blank: taken as one)
    values = {
        "is_attribution": attr,
        "speaker_ok": d["speaker_ok"].where(among),
        "span_ok": d["span_ok"].where(among),
        "both_ok": (attr.fillna(1.0) * d["speaker_ok"] * d["span_ok"]).where(
            ~(attr == 0.0), 0.0),
    }
    rng = np.random.default_rng(random_state)
    alpha = (1 - ci) / 2
    rows = []
    parts = [(g, d.index[d["group"] == g]) for g in sorted(d["group"].unique())] + [("all", d.index)]
    for g, idx in parts:
        arts = d.loc[idx, "article_id"].to_numpy()
        uniq, inv = np.unique(arts, return_inverse=True)
        for m, v in values.items():
            x = v.loc[idx].to_numpy(dtype=float)
            ok = ~np.isnan(x)
            k = int(ok.sum())
            share = float(x[ok].mean()) if k else np.nan
            lo = hi = np.nan
            if k and n_boot > 0:
                s_art = np.bincount(inv[ok], weights=x[ok], minlength=len(uniq))
                n_art = np.bincount(inv[ok], minlength=len(uniq)).astype(float)
                draw = rng.integers(0, len(uniq), size=(n_boot, len(uniq)))
                num, den = s_art[draw].sum(axis=1), n_art[draw].sum(axis=1)
                boots = num[den > 0] / den[den > 0]
                if len(boots):
                    lo, hi = (float(b) for b in np.quantile(boots, [alpha, 1 - alpha]))
            rows.append({"group": g, "measure": m, "n": k, "share": share, "ci_low": lo, "ci_high": hi})
    out = pd.DataFrame(rows, columns=["group", "measure", "n", "share", "ci_low", "ci_high"])
    out["n"] = out["n"].astype("int64")
    out.attrs.update({"analysis": "quote_accuracy", "by": by, "n_boot": int(n_boot), "random_state": random_state,
                      "ci": ci})
    return out
