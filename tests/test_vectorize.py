"""Tests of mediakit.vectorize: news tokens, case and diacritic folding, stop words, n-grams, group sums."""

from __future__ import annotations

import pickle
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from mediakit.text import tokenize
from mediakit.vectorize import (
    NewsTokenizer,
    article_texts,
    group_term_matrix,
    load_stop_words,
    make_vectorizer,
    stop_word_languages,
    vectorise,
)


def _features(texts, **kw):
    return set(make_vectorizer(**kw).fit(texts).get_feature_names_out())


def test_news_tokens_survive_whole():
    feats = _features(["The S-400, F-35 jets, CAATSA and Hisar A+ were discussed in the U.S. and Türkiye."])
    assert {"s-400", "f-35", "CAATSA", "hisar", "A+"} <= feats
    assert not {"400", "35", "s", "f"} & feats


def test_case_folding_keeps_acronyms_apart():
    feats = _features(["The US told us that NATO and Nato differ; SAMs are missiles."])
    assert "US" in feats and "us" in feats          # the country is not the pronoun
    assert "NATO" in feats and "nato" in feats      # capitals kept, ordinary capitalised words folded
    assert "SAMs" in feats                          # plural acronym keeps its capitals
    assert "The" not in feats and "the" in feats
    assert "us" in _features(["US and us"], keep_acronyms=False) and "US" not in _features(["US"], keep_acronyms=False)
    assert "US" in _features(["US"], lowercase=False) and "The" in _features(["The US"], lowercase=False)


def test_tokenizer_matches_text_tokenize():
    text = "Erdogan aides said the US and NATO would discuss S-400 and F-35 jets, Hisar A+ and the U.S. position."
    assert NewsTokenizer()(text) == [t if t != "U.S" else "US" for t in tokenize(text, lower=True)]
    assert NewsTokenizer(lowercase=False)(text) == tokenize(text)
    # the differences: an acronym's dots ("U.S" is the term "US") and a possessive or closing apostrophe are
    # house style, not part of a term
    owned = "Erdogan's aides, the ministers' plan and NATO's view"
    assert tokenize(owned, lower=True)[0] == "erdogan's"
    assert NewsTokenizer()(owned) == ["erdogan", "aides", "the", "ministers", "plan", "and", "NATO", "view"]


def test_possessives_and_house_style_make_no_terms_of_their_own():
    # one outlet writes "Rhodes's" and "Mr. Rhodes", the other "Rhodes'" and "Edward J. Rhodes": the same term
    a = "Mr. Rhodes's plan. Mr. Rhodes's speech."
    b = "Edward J. Rhodes' plan. Rhodes' speech."
    feats = _features([a, b], stop_words="en")
    assert "rhodes" in feats and not any("'" in f for f in feats)
    assert not {"mr", "j"} & set(feats)
    # one writes "U.S." and "(R-Fla.)", the other "US" and "Republican of Florida": no term of its own
    feats = _features(["Sen. Jo Roe (R-Fla.) met U.S. envoys.", "Jo Roe, Republican of Florida, met US envoys."])
    assert "US" in feats and not {"U.S", "r-fla", "R-Fla"} & set(feats)
    assert "kaya'nın" in _features(["Kaya'nın açıklaması ve O'Brien"], stop_words="tr")
    assert "o'brien" in _features(["O'Brien spoke"])
    assert NewsTokenizer(fold_diacritics=True)("Erdoğan") == tokenize("Erdoğan", lower=True, fold_diacritics=True)


def test_turkish_and_apostrophes():
    tok = NewsTokenizer()
    assert tok("İsmail Demir’in açıklaması") == ["ismail", "demir'in", "açıklaması"]   # İ -> i, ’ -> '


def test_diacritic_folding_is_optional_and_latin_only():
    texts = ["Erdoğan spoke.", "Erdogan spoke.", "Мой ёж"]
    assert {"erdoğan", "erdogan"} <= _features(texts)
    folded = _features(texts, fold_diacritics=True)
    assert "erdogan" in folded and "erdoğan" not in folded
    assert "мой" in folded and "еж" in folded       # й kept (a letter of its own), ё written as е


def test_stop_word_lists_ship_for_en_tr_ru():
    assert stop_word_languages() == ["en", "ru", "tr"]
    en, tr, ru = load_stop_words("en"), load_stop_words("tr"), load_stop_words("ru")
    assert {"the", "of", "and", "us"} <= en and "said" not in en
    assert {"ve", "için", "bir"} <= tr and "dedi" not in tr
    assert {"и", "в", "что"} <= ru and "заявил" not in ru
    assert load_stop_words("en,tr") == en | tr == load_stop_words(["en", "tr"])
    for words in (en, tr, ru):
        assert all(w == w.lower() and " " not in w for w in words)
    with pytest.raises(ValueError, match="available: en, ru, tr"):
        load_stop_words("de")


def test_stop_words_remove_function_words_in_each_language():
    texts = ["The sanctions and the restrictions", "Yaptırımlar ve kısıtlamalar için", "Санкции и ограничения"]
    feats = _features(texts, stop_words="en,tr,ru")
    assert not {"the", "and", "ve", "için", "и"} & feats
    assert {"sanctions", "restrictions", "yaptırımlar", "kısıtlamalar", "санкции", "ограничения"} <= feats
    assert "US" in _features(["the US told us"], stop_words="en")    # acronym survives the stop word "us"
    assert _features(["the deal done"], stop_words="en", extra_stop_words=["deal"]) == {"done"}


def test_stop_words_consistent_with_tokenizer_no_sklearn_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        make_vectorizer(stop_words="all", fold_diacritics=True).fit(["Türkiye için bir karar"])


def test_ngrams_respect_stop_words_and_sentences():
    texts = ["Sanctions on the SSB. The Presidency of Defense Industries replied."]
    feats = _features(texts, stop_words="en", ngram_range=(1, 3))
    assert "sanctions SSB" not in feats                    # scikit-learn alone would invent this
    assert "SSB presidency" not in feats                   # no n-gram across a sentence end
    assert "presidency of defense" in feats                # inner stop words are fine
    assert not any(f.split()[0] in ("the", "of") or f.split()[-1] in ("the", "of") for f in feats)
    assert {"defense industries", "defense industries replied"} <= feats
    assert "US sanctions" in _features(["The U.S. sanctions"], ngram_range=(2, 2))  # no break after U.S.


def test_sklearn_parameters_pass_through():
    texts = ["alpha beta", "alpha gamma", "alpha delta"]
    assert _features(texts, min_df=2) == {"alpha"}
    vec = make_vectorizer("tfidf", min_df=1, max_features=2)
    assert isinstance(vec, TfidfVectorizer)
    assert isinstance(make_vectorizer(), CountVectorizer)
    X = vec.fit_transform(texts)
    assert X.shape == (3, 2) and X.dtype == np.float64
    with pytest.raises(ValueError, match="ngram_range"):
        make_vectorizer(ngram_range=(2, 1))
    with pytest.raises(ValueError, match="kind"):
        make_vectorizer("hashing")


def test_vectorise_rows_follow_articles_and_vectoriser_pickles():
    df = pd.DataFrame({"outlet": ["A", "B", "A"], "text": ["SAMs SAMs", "missiles", ""]})
    X, vec = vectorise(df)
    assert X.shape == (3, 2)
    col = vec.vocabulary_["SAMs"]
    assert X[:, col].toarray().ravel().tolist() == [2, 0, 0]
    clone = pickle.loads(pickle.dumps(vec))
    assert (clone.transform(["SAMs"]).toarray() == vec.transform(["SAMs"]).toarray()).all()
    with pytest.raises(TypeError, match="either vectorizer"):
        vectorise(df, vectorizer=make_vectorizer(), min_df=2)


def test_auto_stop_words_use_the_corpus_languages():
    df = pd.DataFrame({"outlet": ["A"], "language": ["tr"], "text": ["the karar ve the"]})
    X, vec = vectorise(df, stop_words="auto")
    assert set(vec.get_feature_names_out()) == {"the", "karar"}      # Turkish list only


def test_group_term_matrix_sums_counts_and_documents():
    df = pd.DataFrame({"outlet": ["B", "A", "A"], "text": ["deal deal", "deal sanctions", "sanctions sanctions"]})
    m = group_term_matrix(df)
    assert m.index.tolist() == ["A", "B"]
    assert m.loc["A", "sanctions"] == 3 and m.loc["A", "deal"] == 1 and m.loc["B", "deal"] == 2
    d = group_term_matrix(df, docs=True)
    assert d.loc["A", "sanctions"] == 2 and d.loc["B", "deal"] == 1
    assert m.attrs["vectorizer"]["ngram_range"] == (1, 1)
    with pytest.raises(KeyError, match="no 'desk' column"):
        group_term_matrix(df, by="desk")


def test_discount_reuse_blanks_reused_spans_with_same_length():
    text_b = "Wire copy about the deal. Own reporting follows."
    df = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
                       "text": ["Wire copy about the deal.", text_b]})
    reuse = pd.DataFrame({"source_id": ["a"], "target_id": ["b"], "source_start": [0], "source_end": [25],
                          "target_start": [0], "target_end": [25], "similarity": [1.0], "same_outlet": [False]})
    texts = article_texts(df, discount_reuse=reuse)
    assert texts[0] == df["text"][0] and len(texts[1]) == len(text_b)
    assert texts[1][25:] == text_b[25:] and "Wire" not in texts[1]
    m = group_term_matrix(df, discount_reuse=reuse)
    assert m.loc["Y", "wire"] == 0 and m.loc["X", "wire"] == 1 and m.loc["Y", "reporting"] == 1


def test_vectoriser_gets_the_shared_tokenizer_through_public_analyzer():
    from mediakit.text import NewsTokenizer as SharedTokenizer
    from mediakit.vectorize import NewsAnalyzer

    vec = make_vectorizer(stop_words="en", ngram_range=(1, 2), fold_diacritics=True)
    analyzer = vec.get_params()["analyzer"]
    assert isinstance(analyzer, NewsAnalyzer) and isinstance(analyzer.tokenizer, SharedTokenizer)
    assert NewsTokenizer is SharedTokenizer                       # one tokenizer, re-exported
    assert "_word_ngrams" not in type(vec).__dict__               # no private scikit-learn override
    assert vec.fit(["Sanctions on the SSB. Erdoğan said."]).get_feature_names_out().tolist() == [
        "SSB", "erdogan", "erdogan said", "said", "sanctions"]
    again = pickle.loads(pickle.dumps(vec))
    assert again.transform(["Erdoğan said"]).toarray().tolist() == vec.transform(["Erdoğan said"]).toarray().tolist()


# ---------------------------------------------------------------- the cheaper token regex gives identical tokens
_TEXTBOOK_TOKEN = r"(?u)\b\w(?:[\w'’]|[-./](?=\w))*\+?"  # the former TOKEN_PATTERN, kept here as the reference
_TRICKY = [
    "The U.S. and the U.K. met; U.S.-made F-35s, the S-400's radar and Hisar A+ / A++ / C++ were named.",
    "Erdoğan's and Erdoğan’s aides, rock 'n' roll, o'clock, ’90s, don't, 'quoted' and ‘curly’ ones.",
    "Well-known, -leading and trailing- hyphens, --double--, a-b-c, T-90M, 9/11, 2.5, 1,000.50, v1.2.3., 3-",
    "İstanbul, ISTANBUL, ıslak, IŞIK, Çavuşoğlu; i̇ (i + combining dot) and e\u0301 (combining acute)",
    "Москва заявила: С-400, «Триумф», ёж, Ёлкин, т.е. ПВО-шных; κόσμος, 東京 2020, _under_score_, a_b",
    "Tabs\tand\nnew lines\u00a0no-break\u2009thin, A+B, x+, +5, 5%, $5, e-mail@example.com, http://a.b/c-d",
    "", "+", "'", "-", ".", "’s", "a", "a.", "a-", "a+", "a'", "A++", "x.y.", "x..y", "x--y", "x-.y", "x'-y",
]


def test_token_regex_gives_the_textbook_tokens_on_tricky_strings():
    import re

    from mediakit import text as mtext

    old = re.compile(_TEXTBOOK_TOKEN)
    public = re.compile(mtext.TOKEN_PATTERN)
    for s in _TRICKY:
        assert mtext._TOKEN_RE.findall(s) == old.findall(s), s
        assert [m.span() for m in mtext._TOKEN_RE.finditer(s)] == [m.span() for m in old.finditer(s)], s
        # the public pattern is also safe where a search starts inside a word
        for pos in range(len(s) + 1):
            assert public.findall(s, pos) == old.findall(s, pos), (s, pos)
    assert tokenize(_TRICKY[0])[:6] == ["The", "U.S", "and", "the", "U.K", "met"]
    assert "S-400's" in tokenize(_TRICKY[0]) and "A+" in tokenize(_TRICKY[0])


def test_token_regex_gives_the_textbook_tokens_on_the_demo_corpus():
    import re
    from pathlib import Path

    from mediakit.corpus import load_corpus
    from mediakit.text import token_spans

    data = Path(__file__).resolve().parents[1] / "data" / "s400"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        texts = load_corpus(data)["text"].tolist()
    old = re.compile(_TEXTBOOK_TOKEN)
    n = 0
    for t in texts:
        expected = [(m.group(), m.start(), m.end()) for m in old.finditer(t)]
        assert list(token_spans(t)) == expected
        for boundaries in (False, True):
            tok = NewsTokenizer(boundaries=boundaries)
            assert tok(t) == _textbook_tokenizer(tok, old, t)
        n += len(expected)
    assert len(texts) >= 50 and n > 20_000


def _textbook_tokenizer(tok: NewsTokenizer, old, doc: str) -> list[str]:
    """NewsTokenizer.__call__ with the textbook regex: the reference for the tokens of vectorising."""
    from mediakit import text as mtext

    saved = mtext._TOKEN_RE
    mtext._TOKEN_RE = old
    try:
        return tok(doc)
    finally:
        mtext._TOKEN_RE = saved
