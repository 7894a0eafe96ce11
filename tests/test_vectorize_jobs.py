"""n_jobs: counting in several processes gives the same matrix, vocabulary and tables as one process."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import mediakit as mk
from mediakit.vectorize import fit_counts, make_vectorizer, merge_counts, vectorise


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


@pytest.mark.parametrize("params", [
    dict(stop_words="auto"),
    dict(stop_words="auto", ngram_range=(1, 2)),
    dict(stop_words="en", ngram_range=(2, 2), binary=True),
    dict(stop_words="all", fold_diacritics=True, ngram_range=(1, 2), min_df=2, max_df=0.3),
    dict(stop_words="tr", keep_acronyms=False, extra_stop_words=["NATO"], lowercase=False),
    dict(stop_words="auto", ngram_range=(2, 3), min_df=2),        # scikit-learn counts, then per group
])
def test_group_counts_equal_the_summed_rows_of_the_matrix(s400, params):
    """fit_group_counts (no article x term matrix) = sum_by_group of fit_counts' matrix, with 1, 2 and 3 jobs;
    articles without a group keep their terms in the vocabulary; prune applies min_df/max_df like
    vocabulary_mask does on the grouped totals."""
    from mediakit.vectorize import fit_group_counts, sum_by_group, vocabulary_mask

    texts = s400["text"].tolist() + _TRICKY
    codes = np.array([i % 4 - 1 for i in range(len(texts))])      # every 4th article without a group
    X, terms = fit_counts(make_vectorizer(**params), texts)
    counts = sum_by_group(X, codes, 3)
    Xb = X.copy()
    Xb.data[:] = 1
    docs = sum_by_group(Xb, codes, 3)
    assert len(terms) > 1000
    for n_jobs in (1, 2, 3):
        c, d, t = fit_group_counts(make_vectorizer(**params), texts, codes, 3, n_jobs=n_jobs)
        assert t.tolist() == terms.tolist()
        assert c.dtype == counts.dtype and np.array_equal(c, counts) and np.array_equal(d, docs)
    keep = vocabulary_mask(make_vectorizer(**params), docs.sum(axis=0), counts.sum(axis=0), len(texts))
    assert 0 < keep.sum() < len(keep) or "min_df" not in params
    c, d, t = fit_group_counts(make_vectorizer(**params), pa.array(texts), codes, 3, n_jobs=2, prune=True)
    assert t.tolist() == terms[keep].tolist()
    assert np.array_equal(c, counts[:, keep]) and np.array_equal(d, docs[:, keep])


@pytest.mark.parametrize("kw", [
    dict(),
    dict(ngram_range=(1, 2), min_df=2, top=30),
    dict(ngram_range=(1, 2), max_df=0.2, max_features=3000, method="g2"),
    dict(ngram_range=(2, 2), binary=True, pair=("a", "b")),
])
def test_distinctive_terms_from_group_counts_equal_the_matrix_path(s400, kw):
    """The table counted per group (n_boot=0) equals the one from the article x term matrix (kept for the
    bootstrap), also with articles outside every group."""
    arts = s400.assign(grp=[("a", "b", "c", None)[i % 4] for i in range(len(s400))])
    for n_jobs in (1, 2):
        fast = mk.distinctive_terms(arts, by="grp", n_jobs=n_jobs, **kw)
        slow = mk.distinctive_terms(arts, by="grp", n_jobs=n_jobs, n_boot=1, **kw).drop(columns=["ci_low", "ci_high"])
        assert len(fast) > 50
        pd.testing.assert_frame_equal(fast.reset_index(drop=True), slow.reset_index(drop=True))


def test_distinctive_terms_group_counts_read_object_texts(s400):
    """The texts handed to the counting processes as one pyarrow array: an object column gives the same
    table as pandas' string column, and both equal the matrix path."""
    arts = s400.iloc[:200].copy()
    as_object = arts.astype({"text": object})
    for n_jobs in (1, 2):
        one = mk.distinctive_terms(arts, n_jobs=n_jobs)
        assert len(one) > 100
        pd.testing.assert_frame_equal(one, mk.distinctive_terms(as_object, n_jobs=n_jobs))
        slow = mk.distinctive_terms(arts, n_jobs=n_jobs, n_boot=1).drop(columns=["ci_low", "ci_high"])
        pd.testing.assert_frame_equal(one.reset_index(drop=True), slow.reset_index(drop=True))
