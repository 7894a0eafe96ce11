"""Russian quotes on ADAQ (human-annotated Russian sentences: source, cue and content tokens).

Usage: python bench/quotes_ru.py [--eval PATH]

ADAQ (../shared/eval/adaq_ru_cs_quotes, a Master's thesis set; see its PROVENANCE.md) gives 208 Russian
sentences, each tagged per token as source, cue, content or none; about half hold a quotation. Each sentence
is run through ``extract_quotes`` as its own one-sentence article (language ``ru``), and scored:

- sentence level: does the sentence hold an attribution (gold: any cue token) -> precision, recall, F1;
- token level, on sentences both sides mark: the gold content tokens against the tokens inside a predicted
  quote span, the gold source tokens against the predicted speaker span, the gold cue against the verb;
- a baseline in the same run: "the sentence holds a quotation mark, a colon or a dash after a comma"
  (the cheap rule a user would write first).

No rule was chosen on this set (its first run is the one in bench/README.md, 2026-11-30), so the figures are
held out. Offsets are checked: each predicted span is ``text[start:end]`` of its sentence.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mediakit import extract_quotes  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "adaq_ru_cs_quotes" / "data"
_BASELINE = re.compile(r"[«»„“\"]|:\s|,\s*[—–-]\s")


def load(path: Path) -> tuple[dict[str, str], dict[str, list[tuple[int, int, str]]]]:
    """Sentences by id, and per sentence the gold tokens as (start, end, tag) character spans."""
    with open(path / "ru_sentences.tsv", encoding="utf-8", newline="") as f:
        sents = {r["sentence_id"]: r["sentences"] for r in csv.DictReader(f, delimiter="\t")}
    toks: dict[str, list[tuple[int, int, str]]] = {}
    cursor: dict[str, int] = {}
    with open(path / "ru_tokens.tsv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            sid, tok = r["sentence_num"], r["text"].replace('""', '"').strip('"') or r["text"]
            text = sents.get(sid)
            if text is None or not tok:
                continue
            at = text.find(tok, cursor.get(sid, 0))
            if at < 0:                      # a token the sentence spells differently: skip it, keep going
                continue
            cursor[sid] = at + len(tok)
            toks.setdefault(sid, []).append((at, at + len(tok), r["tags"]))
    return sents, toks


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _inside(tok: tuple[int, int, str], spans: list[tuple[int, int]]) -> bool:
    s, e, _ = tok
    return any(a < e and s < b for a, b in spans)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=EVAL, help="folder with ru_sentences.tsv and ru_tokens.tsv")
    args = ap.parse_args()
    if not (args.eval / "ru_sentences.tsv").exists():
        print(f"ADAQ: skipped ({args.eval}/ru_sentences.tsv not found)")
        return
    sents, toks = load(args.eval)
    ids = sorted(sents)
    corpus = pd.DataFrame({"article_id": ids, "outlet": "adaq", "date": pd.NaT, "language": "ru",
                           "title": "", "text": [sents[i] for i in ids]})
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        q = extract_quotes(corpus)
    secs = time.perf_counter() - t0
    for r in q.itertuples():
        assert sents[r.article_id][r.start:r.end] == r.quote, r.article_id
    gold_has = {i for i in ids if any(t[2] == "cue" for t in toks.get(i, []))}
    pred_has = set(q["article_id"])
    base_has = {i for i in ids if _BASELINE.search(sents[i])}
    print(f"ADAQ Russian (held out: no rule chosen on it): {len(ids)} sentences, {len(gold_has)} with an "
          f"attribution; extract_quotes {secs:.2f} s, {len(q)} rows")
    for name, pred in (("mediakit", pred_has), ("baseline (quote mark, colon or dash)", base_has)):
        p, r, f = _prf(len(pred & gold_has), len(pred), len(gold_has))
        print(f"  sentence level, {name}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    both = sorted(pred_has & gold_has)
    counts = {k: [0, 0, 0] for k in ("content", "source", "cue")}   # tp, pred, gold (tokens)
    for sid in both:
        rows = q[q["article_id"] == sid]
        pred_spans = {
            "content": [(int(a), int(b)) for a, b in zip(rows["start"], rows["end"])],
            "source": [(int(a), int(b)) for a, b in zip(rows["speaker_start"], rows["speaker_end"])
                       if pd.notna(a) and pd.notna(b)],
            "cue": [(int(a), int(b)) for a, b in zip(rows["verb_start"], rows["verb_end"])
                    if pd.notna(a) and pd.notna(b)],
        }
        words = [t for t in toks.get(sid, []) if re.search(r"\w", sents[sid][t[0]:t[1]])]
        for tag, spans in pred_spans.items():
            pred_t = [t for t in words if _inside(t, spans)]
            counts[tag][0] += sum(t[2] == tag for t in pred_t)
            counts[tag][1] += len(pred_t)
            counts[tag][2] += sum(t[2] == tag for t in words)
    print(f"  token level on the {len(both)} sentences both mark (word tokens):")
    for tag, (tp, n_pred, n_gold) in counts.items():
        p, r, f = _prf(tp, n_pred, n_gold)
        print(f"    {tag:<8} P {p:.3f} R {r:.3f} F1 {f:.3f} ({n_gold} gold tokens)")


if __name__ == "__main__":
    main()
