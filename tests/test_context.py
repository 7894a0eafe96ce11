"""corpus_summary (the corpus at a glance) and quotes_with_articles (quotes with their article's columns)."""

from __future__ import annotations

import pandas as pd
import pytest

import mediakit as mk
from mediakit.corpus import ColumnError, corpus_summary
from mediakit.quotes._context import quotes_with_articles


@pytest.fixture
def articles():
    return pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "b1"],
        "outlet": ["Alpha", "Alpha", "Alpha", "Beta"],
        "text": ['"We will wait," the mayor said. More words here.', "Two words", "one", "Four words in all"],
        "language": ["en", "tr", "tr", "en"],
        "date": pd.to_datetime(["2025-03-04", "2025-03-20", None, "2025-04-01"]),
    })


def test_corpus_summary_counts_words_dates_languages(articles):
    s = corpus_summary(articles)
    assert s.attrs["by"] == "outlet" and list(s.group) == ["Alpha", "Beta"]
    alpha = s.set_index("group").loc["Alpha"]
    assert alpha.articles == 3 and alpha.words == 9 + 2 + 1 and alpha.median_words == 2.0
    assert (alpha.first_date, alpha.last_date) == (pd.Timestamp("2025-03-04"), pd.Timestamp("2025-03-20"))
    assert alpha.undated == 1 and alpha.languages == "tr, en"      # most frequent first
    assert s.set_index("group").loc["Beta", "words"] == 4
    assert mk.corpus_summary is corpus_summary


def test_corpus_summary_other_groupings_and_edge_cases(articles):
    by_lang = corpus_summary(articles, by="language")
    assert by_lang.attrs["by"] == "language" and by_lang.set_index("group")["articles"].to_dict() == {"en": 2, "tr": 2}
    whole = corpus_summary(articles.drop(columns=["date", "language"]), by=None)
    assert whole[["group", "articles", "words"]].values.tolist() == [["all", 4, 16]]
    assert whole.first_date.isna().all() and whole.undated.iloc[0] == 4 and whole.languages.iloc[0] == ""
    empty = corpus_summary(articles.iloc[:0])
    assert empty.empty and list(empty.columns) == ["group", "articles", "words", "median_words", "first_date",
                                                   "last_date", "undated", "languages"]
    with pytest.raises(ColumnError, match="corpus_summary: column 'section' missing"):
        corpus_summary(articles, by="section")


def test_corpus_summary_matches_the_corpus_on_s400():
    corpus = mk.load_corpus("data/s400")
    s = corpus_summary(corpus).set_index("group")
    assert s.articles.sum() == len(corpus) and s.articles.to_dict() == corpus.outlet.value_counts().to_dict()
    assert s.words.sum() == sum(len(t.split()) for t in corpus.text)
    assert s.first_date.min() == corpus.date.min() and s.last_date.max() == corpus.date.max()


def test_quotes_with_articles_adds_the_articles_columns(articles):
    quotes = mk.extract_quotes(articles)
    assert len(quotes) >= 1
    out = quotes_with_articles(quotes, articles)
    assert list(out.columns) == list(quotes.columns) + ["language", "date"]
    assert out.index.equals(quotes.index) and out.attrs == quotes.attrs
    first = out.iloc[0]
    assert (first.article_id, first.language, first.date) == ("a1", "en", pd.Timestamp("2025-03-04"))
    assert articles.text[0][first.start:first.end] == first.quote          # offsets untouched
    one = quotes_with_articles(quotes, articles, columns="outlet" if "outlet" not in quotes else "language")
    assert one.shape[1] == quotes.shape[1] + 1
    assert quotes_with_articles(quotes.iloc[:0], articles).empty
    assert mk.quotes_with_articles is quotes_with_articles


@pytest.mark.parametrize("change, message", [
    (lambda q, a: (q, a.drop(columns="language")), "articles lack column 'language'; pass the corpus"),
    (lambda q, a: (q.drop(columns="article_id"), a), "quotes lack column 'article_id'"),
    (lambda q, a: (q, pd.concat([a, a.iloc[:1]])), "articles repeat article_id 'a1'"),
    (lambda q, a: (q, a[a.article_id != "a1"]), "come from article_id 'a1', which is not in articles"),
    (lambda q, a: (q.assign(language="xx"), a), "quotes already have column 'language'"),
])
def test_quotes_with_articles_errors_are_one_clear_line(articles, change, message):
    q, a = change(mk.extract_quotes(articles), articles)
    with pytest.raises(ValueError, match=message.replace("(", r"\(")) as err:
        quotes_with_articles(q, a)
    assert "\n" not in str(err.value)
