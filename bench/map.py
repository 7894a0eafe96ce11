"""One map for all languages (mediakit.similarity, method="embedding" vs "tfidf"): time and a sanity figure.

    PYTHONPATH=. .venv/bin/python bench/map.py

For data/s400 and tests/data/harbour (each holds English, Russian and Turkish articles) it prints:
- the time of ``outlet_similarity`` with TF-IDF and with multilingual embeddings, cold (sentences embedded
  by ``mk.embed``, cache cleared) and warm (cached), in one run, beside the load average: only the ratios
  within one run mean anything on a shared machine;
- a sanity figure: the mean cosine of the known translated article pairs (s400: data/s400/gold/
  translations.csv, planted T1-T3 and the Volga Wire editions E1-E2; harbour: TR1, TR2 of its README)
  against the mean cosine of every other pair of articles in different languages, for both methods, and
  the rank of each translation among its source's articles in the target's language.
"""

from __future__ import annotations

import os
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from mediakit import load_corpus
from mediakit.embedding import clear_embed_cache
from mediakit.similarity import outlet_similarity, similarity_matrix

ROOT = Path(__file__).resolve().parents[1]
HARBOUR_PAIRS = [  # tests/data/harbour/README.md, "Translated reprints": (source file, translation file)
    ("coastline-press/2025-03-25-board-vote-strike-date.md", "zaliv-segodnya/2025-03-26-sovet-gavani-plata-zabastovka.md"),
    ("coastline-press/2025-04-01-strike-begins.md", "liman-postasi/2025-04-03-grev-otobusler-vapurlar-durdu.md"),
]


def _timed(corpus: pd.DataFrame, method: str) -> tuple[pd.DataFrame, float]:
    t0 = time.perf_counter()
    out = outlet_similarity(corpus, method=method)
    return out, time.perf_counter() - t0


def _pairs(name: str, corpus: pd.DataFrame) -> list[tuple[str, str]]:
    if name == "s400":
        gold = pd.read_csv(ROOT / "data" / "s400" / "gold" / "translations.csv").drop_duplicates("id")
        return list(zip(gold.source_id, gold.target_id))
    by_path = {str(p).replace("\\", "/"): a for p, a in zip(corpus["source_path"], corpus["article_id"])}
    found = []
    for src, dst in HARBOUR_PAIRS:
        ids = [next(a for p, a in by_path.items() if p.endswith(f)) for f in (src, dst)]
        found.append((ids[0], ids[1]))
    return found


def sanity(corpus: pd.DataFrame, sim: pd.DataFrame, pairs: list[tuple[str, str]]) -> dict:
    lang = dict(zip(corpus.article_id, corpus.language))
    ids = list(sim.index)
    values = sim.to_numpy()
    pos = {a: i for i, a in enumerate(ids)}
    known = {frozenset(p) for p in pairs}
    unrelated = [values[i, j] for i in range(len(ids)) for j in range(i + 1, len(ids))
                 if lang[ids[i]] != lang[ids[j]] and frozenset((ids[i], ids[j])) not in known]
    ranks = []
    for a, b in pairs:
        row = sim.loc[a]
        same_lang = row[[x for x in ids if lang[x] == lang[b] and x != a]].sort_values(ascending=False)
        ranks.append(f"{list(same_lang.index).index(b) + 1}/{len(same_lang)}")
    return {"translated": float(np.mean([values[pos[a], pos[b]] for a, b in pairs])),
            "unrelated": float(np.mean(unrelated)), "n_unrelated": len(unrelated), "ranks": ranks}


def main() -> None:
    warnings.simplefilter("ignore")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name, path in (("s400", ROOT / "data" / "s400"), ("harbour", ROOT / "tests" / "data" / "harbour")):
        corpus = load_corpus(path)
        langs = corpus.language.value_counts().to_dict()
        print(f"\n{name}: {len(corpus)} articles, {corpus.outlet.nunique()} outlets, languages {langs}")
        tfidf, t_tfidf = _timed(corpus, "tfidf")
        clear_embed_cache()
        emb, t_cold = _timed(corpus, "embedding")
        _, t_warm = _timed(corpus, "embedding")
        print(f"  outlet_similarity time: tfidf {t_tfidf:.2f} s; embedding cold {t_cold:.2f} s "
              f"({t_cold / t_tfidf:.0f}x tfidf), warm {t_warm:.2f} s ({t_warm / t_tfidf:.1f}x)")
        print(f"  auto picks: {outlet_similarity(corpus).attrs['method']}; outlets on the map: {len(emb)} "
              f"(tfidf map: {len(tfidf)}, but an outlet writing only ru/tr scores ~0 against the rest there)")
        pairs = _pairs(name, corpus)
        for method in ("embedding", "tfidf"):
            s = sanity(corpus, similarity_matrix(corpus, method=method), pairs)
            print(f"  {method:9s}: translated pairs (n={len(pairs)}) mean cosine {s['translated']:.3f} vs "
                  f"{s['unrelated']:.3f} for the {s['n_unrelated']} other cross-language pairs "
                  f"(gap {s['translated'] - s['unrelated']:+.3f}); rank of each translation among its "
                  f"source's articles in the target language: {', '.join(s['ranks'])}")
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
