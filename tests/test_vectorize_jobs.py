"""n_jobs: counting in several processes gives the same matrix, vocabulary and tables as one process."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import mediakit as mk
from mediakit.vectorize import fit_counts, make_vectorizer, merge_counts, vectorise


@pytest.fixture(scope="module")
def s400() -> pd.DataFrame:
    from mediakit.corpus import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(Path(__file__).resolve().parents[1] / "data" / "s400")


def _same(a, b) -> None:
    (Xa, va), (Xb, vb) = a, b
    assert va.get_feature_names_out().tolist() == vb.get_feature_names_out().tolist()
    assert va.vocabulary_ == vb.vocabulary_
    assert Xa.shape == Xb.shape and Xa.dtype == Xb.dtype
    assert (Xa != Xb).nnz == 0


@pytest.mark.parametrize("params", [
    dict(stop_words="auto"),
    dict(stop_words="auto", ngram_range=(1, 2), min_df=2),
    dict(stop_words="en", max_df=0.5, min_df=3, binary=True),
    dict(stop_words=None, max_features=300),
    dict(stop_words="auto", min_df=0.05, ngram_range=(2, 3)),
])
def test_matrix_and_vocabulary_equal_for_one_two_and_three_jobs(s400, params):
    one = vectorise(s400, n_jobs=1, **params)
    assert one[0].shape[0] == len(s400) and one[0].nnz > 1000
    _same(one, vectorise(s400, n_jobs=2, **params))
    _same(one, vectorise(s400, n_jobs=3, **params))


def test_parallel_fit_is_a_fitted_vectoriser_that_transforms_like_the_serial_one(s400):
    X1, v1 = vectorise(s400, n_jobs=1, stop_words="auto")
    X2, v2 = vectorise(s400, n_jobs=2, stop_words="auto")
    texts = s400["text"].tolist()[:5]
    assert (v1.transform(texts) != v2.transform(texts)).nnz == 0
    assert (v2.transform(s400["text"].tolist()) != X2).nnz == 0


def test_distinctive_terms_table_equal_for_one_and_two_jobs(s400):
    for kw in (dict(), dict(ngram_range=(1, 2), top=20), dict(method="g2", min_df=2)):
        one = mk.distinctive_terms(s400, n_jobs=1, **kw)
        two = mk.distinctive_terms(s400, n_jobs=2, **kw)
        assert len(one) > 100
        pd.testing.assert_frame_equal(one.reset_index(drop=True), two.reset_index(drop=True))


def test_merge_counts_takes_the_union_of_vocabularies_in_sorted_order():
    X, terms = fit_counts(make_vectorizer(), ["NATO said", "Ankara said", "NATO NATO"], n_jobs=3)
    assert terms.tolist() == ["NATO", "ankara", "said"]
    assert X.toarray().tolist() == [[1, 0, 1], [0, 1, 1], [2, 0, 0]]
    import scipy.sparse as sp

    empty = (sp.csr_matrix((2, 0), dtype=np.int64), np.zeros(0, dtype=object))
    X2, terms2 = merge_counts([empty, (sp.csr_matrix([[4]]), np.array(["x"], dtype=object))])
    assert terms2.tolist() == ["x"] and X2.toarray().tolist() == [[0], [0], [4]]


def test_more_jobs_than_texts_and_errors():
    X, vec = vectorise(["one text only"], n_jobs=4)
    assert vec.get_feature_names_out().tolist() == ["one", "only", "text"]
    with pytest.raises(ValueError, match="count vectoriser"):
        vectorise(["a b c d", "e f g h"], n_jobs=2, vectorizer=make_vectorizer("tfidf"))
    with pytest.raises(ValueError, match="empty vocabulary"):
        vectorise(["the of", "and the"], n_jobs=2, stop_words="en")
    with pytest.raises(ValueError, match="no terms remain"):
        vectorise(["sanctions deal", "missiles talks"], n_jobs=2, min_df=2)


_TRICKY = ["The U.S. and the U.K. met; S-400's price: $2.5bn. Grade A+ NATO's SAMs, US us Us.",
           "İsmail Çavuşoğlu'nun açıklaması: ÇAVUŞOĞLU İSTANBUL'da. Müller’s Bundeswehr—T-90/F-16 ёж Ёлка ЙОД.",
           "", "   ", "the of and", "e-mail e.g. http://x.org/a-b 3.5% 1,000 A. B. C."]


@pytest.mark.parametrize("params", [
    dict(stop_words="auto"),
    dict(stop_words=None),
    dict(stop_words="all", fold_diacritics=True),
    dict(stop_words="en", lowercase=False),
    dict(stop_words="tr", keep_acronyms=False, extra_stop_words=["NATO", "Said"]),
    dict(stop_words="ru", binary=True, min_df=2),
])
def test_fast_unigram_counter_equals_scikit_learn_fit(s400, params):
    """vectorise counts unigrams itself (pandas factorize + per-distinct-token folding): same as sklearn."""
    texts = s400["text"].tolist() + _TRICKY
    reference = make_vectorizer(**params)
    X_ref = reference.fit_transform(texts)
    for n_jobs in (1, 2):
        X, vec = vectorise(texts, n_jobs=n_jobs, vectorizer=make_vectorizer(**params))
        assert vec.get_feature_names_out().tolist() == reference.get_feature_names_out().tolist()
        assert X.dtype == X_ref.dtype and X.shape == X_ref.shape and ((X - X_ref) != 0).nnz == 0
