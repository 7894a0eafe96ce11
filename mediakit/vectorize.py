"""scikit-learn vectorisers configured for news text: tokens, case, diacritics, stop words, n-grams.

>>> import pandas as pd
>>> articles = pd.DataFrame({"outlet": ["A", "B"],
...                          "text": ["The US imposed NDAA sanctions over the T-90.", "Grade A+ and F-16 jets."]})
>>> X, vec = vectorise(articles, stop_words="en")
>>> sorted(vec.vocabulary_)
['A+', 'NDAA', 'US', 'f-16', 'grade', 'imposed', 'jets', 'sanctions', 't-90']
>>> group_term_matrix(articles, stop_words="en").loc["A", "sanctions"]
np.int64(1)

What is configured, and why it is not scikit-learn's default:

- tokens come from the shared :class:`mediakit.text.NewsTokenizer` (pattern :data:`mediakit.text.TOKEN_PATTERN`),
  handed to scikit-learn through the public ``analyzer=`` parameter (:class:`NewsAnalyzer`), so T-90, F-16, Grade A+ and U.S. stay whole;
- case folding keeps words written in capitals apart (NDAA, NATO, and "US" the country is not "us");
  Turkish dotted capital İ lower-cases to i (Python alone gives "i" plus a combining dot);
- ``fold_diacritics=True`` makes Müller = Muller (Latin script only: Russian й stays й);
- stop words for English, Turkish and Russian are data files written for the project
  (``mediakit/resources/stopwords/{en,tr,ru}.txt``), selectable by language code;
- n-grams never cross a sentence end or paragraph break and never begin or end with a stop word (scikit-learn
  would first delete the stop words and then join what is left, inventing "sanctions SEC" from
  "sanctions on the SEC"); a stop word inside an n-gram is kept ("presidency of defense industries").
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from ._counting import count_part, count_unigrams, merge_parts, part_from_matrix
from ._stopwords import _stop_word_list
from .spans import blank_texts, merge_spans
from .text import BOUNDARY, NewsTokenizer

__all__ = [
    "NewsTokenizer",
    "NewsAnalyzer",
    "BOUNDARY",
    "NewsCountVectorizer",
    "NewsTfidfVectorizer",
    "make_vectorizer",
    "vectorise",
    "group_term_matrix",
    "load_stop_words",
    "stop_word_languages",
    "article_texts",
    "group_codes",
    "sum_by_group",
    "resolve_stop_words",
    "reused_spans_for",
    "vectorizer_params",
    "fit_counts",
    "fit_group_counts",
    "merge_counts",
    "vocabulary_mask",
]



# ---------------------------------------------------------------- stop words
def stop_word_languages() -> list[str]:
    """Language codes with a shipped stop-word list.

    >>> stop_word_languages()
    ['en', 'ru', 'tr']
    """
    folder = resources.files("mediakit.resources").joinpath("stopwords")
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))


@lru_cache(maxsize=16)
def _read_stop_words(lang: str) -> frozenset[str]:
    if lang not in stop_word_languages():
        raise ValueError(f"no stop-word list for language {lang!r}; available: {', '.join(stop_word_languages())} "
                         "(or pass extra_stop_words=[...])")
    return _stop_word_list(lang) | _stop_word_list(lang, "style_words")


def load_stop_words(languages: str | Iterable[str] | None) -> frozenset[str]:
    """Stop words of one or several languages: ``"en"``, ``"en,tr"``, ``["en", "ru"]``, ``"all"``.

    With each language's function words come its house-style words (``resources/style_words``): honorifics
    and single letters, so that an outlet writing "Mr." and middle initials gets no terms from its style guide.

    >>> "the" in load_stop_words("en") and "için" in load_stop_words("en,tr")
    True
    >>> sorted({"mr", "j", "trump"} & load_stop_words("en"))
    ['j', 'mr']
    """
    if languages is None:
        return frozenset()
    if isinstance(languages, str):
        languages = stop_word_languages() if languages in ("all", "auto") else re.split(r"[,+\s]+", languages)
    out: set[str] = set()
    for lang in languages:
        if lang:
            out |= _read_stop_words(str(lang).strip().lower())
    return frozenset(out)


def resolve_stop_words(stop_words: Any, languages: pd.DataFrame | Iterable[str] | None) -> Any:
    """``stop_words="auto"`` made concrete: the shipped lists of the corpus's languages (all lists when none of
    them has one, or the languages are unknown); any other value is returned as it is.

    ``languages`` is the corpus (its ``language`` column is read) or the language codes themselves.

    >>> resolve_stop_words("auto", ["en", "xx"]), resolve_stop_words("auto", None), resolve_stop_words("en", None)
    (['en'], 'all', 'en')
    """
    if not (isinstance(stop_words, str) and stop_words == "auto"):
        return stop_words
    if isinstance(languages, pd.DataFrame):
        languages = languages["language"].dropna().astype(str) if "language" in languages.columns else None
    if languages is not None:
        langs = sorted({str(v) for v in languages} & set(stop_word_languages()))
        if langs:
            return langs
    return "all"


# ---------------------------------------------------------------- analyzer
class NewsAnalyzer:
    """scikit-learn ``analyzer=`` callable: the shared tokens, stop words out, n-grams inside sentences.

    ``tokenizer`` is a :class:`mediakit.text.NewsTokenizer` (with ``boundaries=True`` when n-grams are
    wanted); ``stop_words`` are compared with the tokenizer's output (normalise them with
    ``tokenizer.normalize``). An n-gram never crosses a sentence end and never begins or ends with a stop
    word; a stop word inside it is kept (module docstring).

    >>> analyze = NewsAnalyzer(NewsTokenizer(boundaries=True), stop_words={"on", "the"}, ngram_range=(1, 2))
    >>> analyze("Sanctions on the SEC. The SEC said.")
    ['sanctions', 'SEC', 'SEC', 'said', 'SEC said']
    >>> from sklearn.feature_extraction.text import CountVectorizer
    >>> CountVectorizer(analyzer=analyze).fit(["US and us"]).get_feature_names_out().tolist()
    ['US', 'US and', 'and', 'and us', 'us']
    """

    def __init__(self, tokenizer: NewsTokenizer | None = None, stop_words: Iterable[str] = (),
                 ngram_range: tuple[int, int] = (1, 1)) -> None:
        self.tokenizer = tokenizer if tokenizer is not None else NewsTokenizer(boundaries=ngram_range[1] > 1)
        self.stop_words = frozenset(stop_words)
        self.ngram_range = tuple(ngram_range)

    def __repr__(self) -> str:
        return (f"NewsAnalyzer({self.tokenizer!r}, stop_words=<{len(self.stop_words)} words>, "
                f"ngram_range={self.ngram_range})")

    def __call__(self, doc: str) -> list[str]:
        tokens = self.tokenizer(doc)
        stop = self.stop_words
        min_n, max_n = self.ngram_range
        if max_n == 1:
            return [w for w in tokens if w not in stop and w != BOUNDARY]
        out: list[str] = []
        append = out.append
        join = " ".join
        segment: list[str] = []
        for tok in [*tokens, BOUNDARY]:
            if tok != BOUNDARY:
                segment.append(tok)
                continue
            m = len(segment)
            for n in range(min_n, min(max_n, m) + 1):
                for i in range(m - n + 1):
                    if segment[i] in stop or segment[i + n - 1] in stop:
                        continue
                    append(segment[i] if n == 1 else join(segment[i:i + n]))
            segment = []
        return out


# ---------------------------------------------------------------- vectorisers
class NewsCountVectorizer(CountVectorizer):
    """scikit-learn's CountVectorizer; :func:`make_vectorizer` gives it a :class:`NewsAnalyzer` as ``analyzer=``."""


class NewsTfidfVectorizer(TfidfVectorizer):
    """scikit-learn's TfidfVectorizer; :func:`make_vectorizer` gives it a :class:`NewsAnalyzer` as ``analyzer=``."""


def make_vectorizer(
    kind: str = "count",
    *,
    lowercase: bool = True,
    keep_acronyms: bool = True,
    fold_diacritics: bool = False,
    stop_words: str | Sequence[str] | None = None,
    extra_stop_words: Iterable[str] = (),
    ngram_range: tuple[int, int] = (1, 1),
    min_df: float | int = 1,
    max_df: float | int = 1.0,
    max_features: int | None = None,
    binary: bool = False,
    **kwargs: Any,
) -> NewsCountVectorizer | NewsTfidfVectorizer:
    """A scikit-learn vectoriser configured for news text (unfitted).

    Parameters
    ----------
    kind : "count" (CountVectorizer) or "tfidf" (TfidfVectorizer).
    lowercase, keep_acronyms : fold case, but keep words written in capitals (NDAA, NATO, US).
    fold_diacritics : Müller = Muller, Çelik = Celik (Latin script).
    stop_words : language code(s) of the shipped lists ("en", "en,tr,ru", ["en", "ru"]), "all", or None.
    extra_stop_words : your own words to drop as well.
    ngram_range, min_df, max_df, max_features, binary : as in scikit-learn; ``**kwargs`` go to it too
        (e.g. ``dtype``, ``sublinear_tf`` for tfidf).

    >>> vec = make_vectorizer(stop_words="en", ngram_range=(1, 2))
    >>> vec.fit(["Sanctions on the SEC. The SEC said."]).get_feature_names_out().tolist()
    ['SEC', 'SEC said', 'said', 'sanctions']
    """
    if kind not in ("count", "tfidf"):
        raise ValueError(f"kind={kind!r} is not a vectoriser kind; use 'count' or 'tfidf'")
    lo, hi = ngram_range
    if not (1 <= lo <= hi):
        raise ValueError(f"ngram_range={ngram_range!r} is invalid; use (min_n, max_n) with 1 <= min_n <= max_n")
    tokenizer = NewsTokenizer(lowercase=lowercase, keep_acronyms=keep_acronyms, fold_diacritics=fold_diacritics,
                              boundaries=hi > 1)
    words = set(load_stop_words(stop_words)) | {w.replace("’", "'") for w in extra_stop_words}
    analyzer = NewsAnalyzer(tokenizer, {tokenizer.normalize(w) for w in words}, (lo, hi))
    cls = NewsCountVectorizer if kind == "count" else NewsTfidfVectorizer
    return cls(analyzer=analyzer, lowercase=False, min_df=min_df, max_df=max_df, max_features=max_features,
               binary=binary, **kwargs)


def vectorizer_params(vec: Any) -> dict[str, Any]:
    """The settings of a vectoriser as plain values (for ``df.attrs``), stop words summarised by count."""
    given = vec.get_params()
    analyzer = given.get("analyzer")
    if isinstance(analyzer, NewsAnalyzer):
        given = dict(given, ngram_range=analyzer.ngram_range, tokenizer=analyzer.tokenizer,
                     stop_words=sorted(analyzer.stop_words) or None)
    params = {k: v for k, v in given.items() if k in (
        "ngram_range", "min_df", "max_df", "max_features", "binary", "lowercase")}
    tok = given.get("tokenizer")
    if isinstance(tok, NewsTokenizer):
        params.update(lowercase=tok.lowercase, keep_acronyms=tok.keep_acronyms,
                      fold_diacritics=tok.fold_diacritics)
    sw = given.get("stop_words")
    params["stop_words"] = len(sw) if sw is not None and not isinstance(sw, str) else sw
    params["kind"] = type(vec).__name__
    return params


# ---------------------------------------------------------------- corpus -> matrix
def article_texts(articles: pd.DataFrame | Iterable[str], *, discount_reuse: bool | pd.DataFrame = False,
                  text_col: str = "text") -> list[str]:
    """The texts to count, with reused passages blanked when ``discount_reuse`` asks for it.

    ``discount_reuse`` is a :func:`mediakit.find_reuse` result or a spans table (``article_id, start, end``,
    :func:`mediakit.spans.as_spans`); this layer never computes reuse itself, so True is refused with the
    way to compute it. Blanked characters become line breaks, so lengths (and every offset) stay the same
    and no n-gram bridges a removed passage.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["own words", "wire copy here"]})
    >>> spans = pd.DataFrame({"article_id": ["b"], "start": [0], "end": [9]})
    >>> [t.strip() for t in article_texts(arts, discount_reuse=spans)]
    ['own words', 'here']
    """
    if not isinstance(articles, pd.DataFrame):
        if discount_reuse is not False:
            raise ValueError("discount_reuse needs the corpus DataFrame (article_id, text), not bare texts")
        return ["" if t is None else str(t) for t in articles]
    if text_col not in articles:
        raise KeyError(f"articles have no {text_col!r} column; pass the table from load_corpus()")
    texts = articles[text_col].fillna("").astype(str).tolist()
    if discount_reuse is False or discount_reuse is None:
        return texts
    spans = reused_spans_for(articles, discount_reuse)
    if not len(spans):
        return texts
    return blank_texts(texts, articles["article_id"].astype(str).tolist(), spans, fill="\n")


def reused_spans_for(articles: pd.DataFrame, discount_reuse: pd.DataFrame) -> pd.DataFrame:
    """``article_id, start, end`` of reused text (merged per article) from a ``find_reuse`` result or a spans
    table. True is refused: compute reuse once (``reuse = mk.find_reuse(corpus)``) and pass the table.

    >>> reuse = pd.DataFrame({"target_id": ["b", "b"], "target_start": [0, 5], "target_end": [8, 12]})
    >>> reused_spans_for(pd.DataFrame({"article_id": ["b"]}), reuse).values.tolist()
    [['b', 0, 12]]
    """
    if "article_id" not in articles:
        raise KeyError("discount_reuse needs an article_id column; pass the table from load_corpus()")
    if isinstance(discount_reuse, pd.DataFrame):
        return merge_spans(discount_reuse)
    if discount_reuse is True:
        raise ValueError("discount_reuse=True: this function does not compute reuse; pass a find_reuse() result "
                         "or a spans table (reuse = mediakit.find_reuse(corpus); ...(discount_reuse=reuse))")
    raise TypeError(f"discount_reuse must be False, a find_reuse() result or a spans table (article_id, start, end), "
                    f"not {type(discount_reuse).__name__}")


def vectorise(
    articles: pd.DataFrame | Iterable[str],
    *,
    vectorizer: Any = None,
    discount_reuse: bool | pd.DataFrame = False,
    text_col: str = "text",
    n_jobs: int | None = 1,
    **params: Any,
) -> tuple[sp.csr_matrix, Any]:
    """Fit a vectoriser on the articles: ``(matrix, fitted vectoriser)``, one matrix row per article.

    ``vectorizer`` may be any unfitted scikit-learn text vectoriser; otherwise :func:`make_vectorizer`
    builds one from ``**params`` (``stop_words="auto"`` picks the lists of the corpus's languages).
    ``n_jobs`` > 1 (-1: every core) fits consecutive slices of the articles in that many processes and
    merges their vocabularies (:func:`fit_counts`): the same matrix and vocabulary as ``n_jobs=1``, for
    count vectorisers.

    >>> X, vec = vectorise(["Swedish SAMs", "Swedish missiles"])
    >>> X.toarray().tolist(), vec.get_feature_names_out().tolist()
    ([[1, 0, 1], [0, 1, 1]], ['SAMs', 'missiles', 'swedish'])
    >>> X2, _ = vectorise(["Swedish SAMs", "Swedish missiles"], n_jobs=2)
    >>> (X2 != X).nnz
    0
    """
    if vectorizer is None:
        if "stop_words" in params:
            params["stop_words"] = resolve_stop_words(params["stop_words"],
                                                      articles if isinstance(articles, pd.DataFrame) else None)
        vectorizer = make_vectorizer(**params)
    elif params:
        raise TypeError(f"pass either vectorizer= or vectoriser settings, not both (got {sorted(params)})")
    texts = article_texts(articles, discount_reuse=discount_reuse, text_col=text_col)
    workers = _workers(n_jobs, len(texts))
    if getattr(vectorizer, "vocabulary", None) is not None or (
            workers == 1 and not _unigram_news_counter(vectorizer)):
        return sp.csr_matrix(vectorizer.fit_transform(texts)), vectorizer
    if workers > 1:
        _check_parallel(vectorizer)
    X, terms = fit_counts(vectorizer, texts, n_jobs=workers)
    if not len(terms):
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    keep = vocabulary_mask(vectorizer, np.bincount(X.indices, minlength=len(terms)),
                           np.asarray(X.sum(axis=0)).ravel(), X.shape[0])
    if not keep.any():
        raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
    if not keep.all():
        X, terms = X[:, np.flatnonzero(keep)], terms[keep]
    vectorizer.vocabulary_ = {t: i for i, t in enumerate(terms.tolist())}
    vectorizer.fixed_vocabulary_ = False
    return sp.csr_matrix(X), vectorizer


# ---------------------------------------------------------------- counting in several processes
_NO_LIMITS = {"min_df": 1, "max_df": 1.0, "max_features": None}
_FORKED_TEXTS: list[str] | None = None      # the texts a forked worker reads (not pickled to it)


def _workers(n_jobs: int | None, n_texts: int) -> int:
    if n_jobs is None or n_jobs == 0:
        n_jobs = 1
    if n_jobs < 0:
        n_jobs = max(1, (os.cpu_count() or 1) + 1 + n_jobs)
    return max(1, min(int(n_jobs), n_texts))


def _check_parallel(vectorizer: Any) -> None:
    if not isinstance(vectorizer, CountVectorizer) or isinstance(vectorizer, TfidfVectorizer):
        raise ValueError(f"n_jobs > 1 needs a count vectoriser, not {type(vectorizer).__name__}; use n_jobs=1, "
                         "or count with n_jobs and weight with sklearn's TfidfTransformer")


def _fit_part(vectorizer: Any, texts: Sequence[str] | None, start: int = 0, stop: int = 0
              ) -> tuple[sp.csr_matrix, np.ndarray]:
    """Counts of some texts without vocabulary limits: ``(matrix, sorted terms)``."""
    if texts is None:                               # a forked worker: the slice of the inherited texts
        texts = _FORKED_TEXTS[start:stop]          # type: ignore[index]
    if _unigram_news_counter(vectorizer):
        return count_unigrams(vectorizer, texts)
    if isinstance(texts, pa.Array):
        texts = texts.to_pylist()
    vec = clone(vectorizer)
    vec.set_params(**{k: v for k, v in _NO_LIMITS.items() if k in vec.get_params()})
    try:
        X = sp.csr_matrix(vec.fit_transform(texts))
        terms = np.asarray(vec.get_feature_names_out(), dtype=object)
    except ValueError:  # an empty vocabulary: no texts, or nothing but stop words in this slice
        X = sp.csr_matrix((len(texts), 0), dtype=vectorizer.get_params().get("dtype", np.int64))
        terms = np.zeros(0, dtype=object)
    return X, terms


def _news_counter(vectorizer: Any, ngram_ranges: tuple[tuple[int, int], ...]) -> bool:
    """A count vectoriser whose analyzer is a :class:`NewsAnalyzer` with one of ``ngram_ranges``, no fixed
    vocabulary and texts as content: what the counting paths of :mod:`mediakit._counting` handle."""
    if not isinstance(vectorizer, CountVectorizer) or isinstance(vectorizer, TfidfVectorizer):
        return False
    params = vectorizer.get_params()
    analyzer = params.get("analyzer")
    return (type(analyzer) is NewsAnalyzer and type(analyzer.tokenizer) is NewsTokenizer
            and tuple(analyzer.ngram_range) in ngram_ranges and params.get("vocabulary") is None
            and params.get("input", "content") == "content")


def _unigram_news_counter(vectorizer: Any) -> bool:
    """A count vectoriser whose analyzer is a unigram :class:`NewsAnalyzer` (what :func:`count_unigrams` does)."""
    return _news_counter(vectorizer, ((1, 1),))


def fit_counts(vectorizer: Any, texts: Sequence[str], *, n_jobs: int | None = 1
               ) -> tuple[sp.csr_matrix, np.ndarray]:
    """Term counts of ``texts`` by an unfitted vectoriser, ignoring its ``min_df``, ``max_df`` and
    ``max_features``: ``(matrix, sorted terms)``. ``n_jobs`` processes each fit a consecutive slice (this
    one included); their vocabularies are merged (:func:`merge_counts`), so the result equals one fit.
    Workers are forked where the platform allows it, so the texts are not copied to them.

    >>> X, terms = fit_counts(make_vectorizer(), ["SAMs and SAMs", "missiles", "SAMs"], n_jobs=2)
    >>> X.toarray().tolist(), terms.tolist()
    ([[2, 1, 0], [0, 0, 1], [1, 0, 0]], ['SAMs', 'and', 'missiles'])
    """
    texts = list(texts)
    workers = _workers(n_jobs, len(texts))
    if workers == 1:
        return _fit_part(vectorizer, texts)
    bounds = np.linspace(0, len(texts), workers + 1).astype(int)
    fork = "fork" in multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    global _FORKED_TEXTS
    _FORKED_TEXTS = texts if fork else None
    try:
        with ProcessPoolExecutor(workers - 1, mp_context=ctx) as pool:
            futures = [pool.submit(_fit_part, vectorizer, None if fork else texts[a:b], int(a), int(b))
                       for a, b in zip(bounds[1:-1], bounds[2:])]
            parts = [_fit_part(vectorizer, texts[bounds[0]:bounds[1]])] + [f.result() for f in futures]
    finally:
        _FORKED_TEXTS = None
    return merge_counts(parts)


def merge_counts(parts: Sequence[tuple[sp.spmatrix, np.ndarray]]) -> tuple[sp.csr_matrix, np.ndarray]:
    """Stack ``(matrix, sorted terms)`` of consecutive slices of a corpus on the union of their vocabularies
    (sorted, as scikit-learn sorts it).

    >>> a = (sp.csr_matrix([[1, 2]]), np.array(["b", "c"], dtype=object))
    >>> b = (sp.csr_matrix([[3, 4]]), np.array(["a", "c"], dtype=object))
    >>> X, terms = merge_counts([a, b])
    >>> X.toarray().tolist(), terms.tolist()
    ([[0, 1, 2], [3, 0, 4]], ['a', 'b', 'c'])
    """
    if len(parts) == 1:
        return sp.csr_matrix(parts[0][0]), parts[0][1]
    terms = np.array(sorted(set().union(*(p[1].tolist() for p in parts))), dtype=object)
    n_rows = sum(p[0].shape[0] for p in parts)
    nnz = sum(p[0].nnz for p in parts)
    index_dtype = np.int32 if max(nnz, len(terms)) < 2 ** 31 else np.int64
    # filled in place, one slice at a time: no second copy of the matrix while merging
    data = np.empty(nnz, dtype=np.result_type(*(p[0].dtype for p in parts)))
    indices = np.empty(nnz, dtype=index_dtype)
    indptr = np.zeros(n_rows + 1, dtype=index_dtype)
    row = at = 0
    for X, part_terms in parts:
        X = sp.csr_matrix(X)
        pos = np.searchsorted(terms, part_terms).astype(index_dtype) if len(part_terms) else np.zeros(0, index_dtype)
        data[at:at + X.nnz] = X.data
        indices[at:at + X.nnz] = pos[X.indices]
        indptr[row + 1:row + X.shape[0] + 1] = X.indptr[1:] + at
        row += X.shape[0]
        at += X.nnz
    return sp.csr_matrix((data, indices, indptr), shape=(n_rows, len(terms))), terms


def vocabulary_mask(vectorizer: Any, dfs: np.ndarray, tfs: np.ndarray, n_docs: int) -> np.ndarray:
    """The terms scikit-learn's CountVectorizer keeps after ``min_df``, ``max_df`` and ``max_features``, from
    document frequencies ``dfs`` and totals ``tfs`` of the sorted vocabulary (same ties as scikit-learn).

    >>> vocabulary_mask(make_vectorizer(min_df=2), np.array([1, 2, 3]), np.array([1, 5, 3]), 3).tolist()
    [False, True, True]
    """
    params = vectorizer.get_params()
    return _mask(params.get("min_df", 1), params.get("max_df", 1.0), params.get("max_features"), dfs, tfs, n_docs)


def _mask(min_df: float, max_df: float, limit: int | None, dfs: np.ndarray, tfs: np.ndarray, n_docs: int
          ) -> np.ndarray:
    max_doc = max_df if isinstance(max_df, int | np.integer) else max_df * n_docs
    min_doc = min_df if isinstance(min_df, int | np.integer) else min_df * n_docs
    if max_doc < min_doc:
        raise ValueError("max_df corresponds to < documents than min_df")
    mask = (dfs >= min_doc) & (dfs <= max_doc)
    if limit is not None and mask.sum() > limit:
        order = (-tfs[mask]).argsort()[:limit]     # scikit-learn's (unstable) sort, so that ties agree
        new = np.zeros(len(dfs), dtype=bool)
        new[np.where(mask)[0][order]] = True
        mask = new
    return mask


# ---------------------------------------------------------------- counts per group, without a matrix
_FORKED_PARTS: tuple[Any, np.ndarray] | None = None   # (texts, group codes) a forked worker reads


def _group_part(vectorizer: Any, texts: Any, codes: np.ndarray | None, n_groups: int, start: int, stop: int) -> Any:
    if texts is None:                               # a forked worker: its slice of the inherited texts
        texts, codes = _FORKED_PARTS[0][start:stop], _FORKED_PARTS[1][start:stop]   # type: ignore[index]
    if _ngram_news_counter(vectorizer):
        params = vectorizer.get_params()
        return count_part(params["analyzer"], texts, codes, n_groups, bool(params.get("binary")))
    X, terms = _fit_part(vectorizer, texts)
    if not np.issubdtype(X.dtype, np.integer):
        raise ValueError(f"fit_group_counts needs term counts, but the vectoriser gives {X.dtype} weights; "
                         "pass a count vectoriser (make_vectorizer(kind='count'))")
    return part_from_matrix(X, terms, codes, n_groups)


def _ngram_news_counter(vectorizer: Any) -> bool:
    """A count vectoriser with a NewsAnalyzer of unigrams and/or bigrams (what :func:`count_part` counts)."""
    return _news_counter(vectorizer, ((1, 1), (1, 2), (2, 2)))


def fit_group_counts(vectorizer: Any, texts: Sequence[str] | pa.Array, codes: np.ndarray, n_groups: int, *,
                     n_jobs: int | None = 1, prune: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Term counts of ``texts`` summed per group, without an article x term matrix: ``(counts, docs, terms)``,
    ``n_groups x terms`` float arrays of token counts and of articles using the term, over the sorted terms
    an unfitted count vectoriser finds (its ``max_features`` ignored; ``min_df`` and ``max_df`` too unless
    ``prune``, which applies them to the totals of the articles with a group, as ``vocabulary_mask`` does,
    before any n-gram string is made). ``codes`` holds each text's group (-1: none; its terms stay in the
    vocabulary with zero counts). ``n_jobs`` processes each count a consecutive slice, as in :func:`fit_counts`;
    ``texts`` may be a pyarrow string array (turned into strings a batch at a time, never all at once).

    >>> counts, docs, terms = fit_group_counts(make_vectorizer(ngram_range=(1, 2)),
    ...     ["SAMs and SAMs", "missiles", "SAMs"], np.array([0, 1, 0]), 2, n_jobs=2)
    >>> terms.tolist(), counts.tolist(), docs.tolist()[0]
    (['SAMs', 'SAMs and', 'and', 'and SAMs', 'missiles'], [[3.0, 1.0, 1.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0, 1.0]], [2.0, 1.0, 1.0, 1.0, 0.0])
    """
    codes = np.asarray(codes, dtype=np.int64)
    workers = _workers(n_jobs, len(texts))
    if workers > 1:
        _check_parallel(vectorizer)
    params = vectorizer.get_params()
    n_docs = len(texts)
    keep = None
    if prune and n_docs:          # (no articles: no terms, nothing to prune)
        def keep(dfs: np.ndarray, tfs: np.ndarray) -> np.ndarray:
            return _mask(params.get("min_df", 1), params.get("max_df", 1.0), None, dfs, tfs, n_docs)
    if workers == 1:
        return merge_parts([_group_part(vectorizer, texts, codes, n_groups, 0, 0)], n_groups, keep)
    bounds = np.linspace(0, len(texts), workers + 1).astype(int)
    fork = "fork" in multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    global _FORKED_PARTS
    _FORKED_PARTS = (texts, codes) if fork else None
    try:
        with ProcessPoolExecutor(workers - 1, mp_context=ctx) as pool:
            futures = [pool.submit(_group_part, vectorizer, None if fork else texts[a:b],
                                   None if fork else codes[a:b], n_groups, int(a), int(b))
                       for a, b in zip(bounds[1:-1], bounds[2:])]
            parts = [_group_part(vectorizer, texts[:bounds[1]], codes[:bounds[1]], n_groups, 0, 0)]
            parts += [f.result() for f in futures]
    finally:
        _FORKED_PARTS = None
    return merge_parts(parts, n_groups, keep)


def group_codes(articles: pd.DataFrame, by: str) -> tuple[np.ndarray, list[str]]:
    """Integer code per article and the sorted group names (articles without a group get -1)."""
    if by not in articles:
        raise KeyError(f"articles have no {by!r} column to group by; columns are {list(articles.columns)}")
    values = articles[by]
    cats = sorted({str(v) for v in values.dropna()})
    index = {c: i for i, c in enumerate(cats)}
    codes = np.array([index[str(v)] if pd.notna(v) else -1 for v in values], dtype=np.int64)
    return codes, cats


def sum_by_group(X: sp.spmatrix, codes: np.ndarray, n_groups: int, weights: np.ndarray | None = None) -> np.ndarray:
    """Dense ``n_groups x n_terms`` sums of the rows of ``X`` per group code (rows with code -1 skipped)."""
    keep = codes >= 0
    rows = codes[keep]
    cols = np.flatnonzero(keep)
    data = np.ones(len(rows)) if weights is None else np.asarray(weights, dtype=float)[keep]
    indicator = sp.csr_matrix((data, (rows, cols)), shape=(n_groups, X.shape[0]))
    return np.asarray((indicator @ X).todense())


def group_term_matrix(
    articles: pd.DataFrame,
    by: str = "outlet",
    *,
    vectorizer: Any = None,
    docs: bool = False,
    discount_reuse: bool | pd.DataFrame = False,
    **params: Any,
) -> pd.DataFrame:
    """Term counts summed per group (rows: groups sorted by name; columns: terms).

    ``docs=True`` gives document frequencies instead (in how many of the group's articles a term occurs).

    >>> df = pd.DataFrame({"outlet": ["A", "A", "B"], "text": ["SAMs SAMs", "SAMs", "missiles"]})
    >>> group_term_matrix(df).to_dict()
    {'SAMs': {'A': 3, 'B': 0}, 'missiles': {'A': 0, 'B': 1}}
    >>> group_term_matrix(df, docs=True).loc["A", "SAMs"]
    np.int64(2)
    """
    X, vec = vectorise(articles, vectorizer=vectorizer, discount_reuse=discount_reuse, **params)
    codes, groups = group_codes(articles, by)
    if docs:
        X = (X > 0).astype(np.int64)
    sums = sum_by_group(X, codes, len(groups))
    dtype = np.int64 if np.issubdtype(X.dtype, np.integer) else float
    out = pd.DataFrame(sums.astype(dtype), index=pd.Index(groups, name=by),
                       columns=pd.Index(vec.get_feature_names_out(), name="term"))
    out.attrs["vectorizer"] = vectorizer_params(vec)
    return out
