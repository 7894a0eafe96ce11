"""find_reuse(cross_lingual=True): translated reprints in the one reuse table, and what consumes it.

The corpus is invented for this test (a made-up harbour town; the Russian agency text and its English
translation were written here): a Russian agency story, an English outlet's article that translates most
of it the next day under its own lede, an English reprint of another English article (monolingual reuse),
and unrelated articles in both languages.
"""

from __future__ import annotations

import pandas as pd
import pytest

import mediakit as mk
from mediakit.reuse import REUSE_COLUMNS, find_reuse, original_share

RU_AGENCY = (
    "Городской совет Норвика в среду проголосовал за закрытие старого паромного терминала. "
    "Терминал работал почти сто лет и соединял город с островом Скарра. "
    "Председатель совета Лив Амундсен заявила, что решение далось нелегко. "
    "По её словам, ремонт терминала обошёлся бы слишком дорого. "
    "Жителям острова предложат новое автобусное и лодочное сообщение с южного причала. "
    "Совет пообещал отремонтировать южный причал до закрытия терминала. "
    "Противники закрытия собрали более двух тысяч подписей."
)
EN_TRANSLATION = (
    "Islanders face a longer trip to the mainland. "
    "The Norvik city council voted on Wednesday to close the old ferry terminal. "
    "The terminal operated for almost a hundred years and connected the town with the island of Skarra. "
    "Council chair Liv Amundsen said the decision had not been easy. "
    "According to her, repairing the terminal would have been too expensive. "
    "Island residents will be offered a new bus and boat connection from the southern pier. "
    "The council promised to repair the southern pier before the terminal closes. "
    "Opponents of the closure collected more than two thousand signatures."
)
RU_OTHER = ("Погода в выходные будет солнечной. В парке открылся новый каток. Вход на каток бесплатный. "
            "Городская библиотека продлила часы работы. Летом в библиотеке пройдут лекции.")
EN_WIRE = ("A local bakery in Vesterholm has won a regional prize for its rye bread, the third award in five "
           "years. The owner thanked her staff and said the recipe came from her grandmother. Customers queued "
           "outside the shop on Saturday morning to buy the winning loaf, and the bakery sold out before noon.")
EN_OTHER = ("Farmers in the valley reported a late harvest after weeks of heavy rain. Several roads were closed "
            "because of flooding. The regional office promised compensation for damaged fields.")


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["ru-agency", "en-translation", "ru-other", "en-wire", "en-reprint", "en-other"],
        "outlet": ["Norvik Agency", "Coast Daily", "Norvik Agency", "Valley Post", "Coast Daily", "Valley Post"],
        "language": ["ru", "en", "ru", "en", "en", "en"],
        "date": pd.to_datetime(["2024-03-06", "2024-03-07", "2024-03-07", "2024-03-05", "2024-03-06",
                                "2024-03-07"]),
        "text": [RU_AGENCY, EN_TRANSLATION, RU_OTHER, EN_WIRE, "Prize news. " + EN_WIRE, EN_OTHER],
    })


@pytest.fixture(scope="module")
def reuse(corpus) -> pd.DataFrame:
    return find_reuse(corpus, min_words=20, cross_lingual=True)


def test_translations_join_the_reuse_table_with_offsets_and_direction(corpus, reuse):
    texts = dict(zip(corpus.article_id, corpus.text))
    assert list(reuse.columns) == REUSE_COLUMNS + ["source_language", "target_language"]
    assert sorted(reuse.kind) == ["reprint", "translation"]
    t = reuse[reuse.kind == "translation"].iloc[0]
    # the earlier (Russian) article is the source, by date, as for reprints
    assert (t.source_id, t.target_id, t.direction_basis) == ("ru-agency", "en-translation", "date")
    assert (t.source_language, t.target_language) == ("ru", "en")
    assert str(reuse["target_start"].dtype) == "Int64"
    # offsets index each article's own text: the whole Russian story, the English text after its own lede
    assert texts["ru-agency"][t.source_start:t.source_end] == RU_AGENCY
    assert texts["en-translation"][t.target_start:t.target_end] == EN_TRANSLATION[EN_TRANSLATION.index("The Norvik"):]
    r = reuse[reuse.kind == "reprint"].iloc[0]
    assert (r.source_id, r.target_id, r.source_language, r.target_language) == ("en-wire", "en-reprint", "en", "en")
    assert not ((reuse.source_id == "ru-other") | (reuse.target_id == "ru-other")).any()


def test_default_find_reuse_is_monolingual_and_unchanged(corpus, reuse):
    plain = find_reuse(corpus, min_words=20)
    assert list(plain.columns) == REUSE_COLUMNS and plain.kind.tolist() == ["reprint"]
    mono = reuse[reuse.kind != "translation"][REUSE_COLUMNS].reset_index(drop=True)
    pd.testing.assert_frame_equal(mono, plain, check_dtype=False)


def test_a_translated_agency_story_is_not_original(corpus, reuse):
    """The English article that translates the Russian agency story: 7 of its 8 sentences are not its own."""
    with_tr = original_share(corpus, reuse).set_index("article_id")
    without = original_share(corpus, find_reuse(corpus, min_words=20)).set_index("article_id")
    assert without.loc["en-translation", "original_share"] == 1.0
    assert with_tr.loc["en-translation", "original_share"] < 0.15
    assert with_tr.loc["en-translation", "sources"] == 1
    assert with_tr.loc["ru-agency", "original_share"] == 1.0     # the source keeps its text
    by_outlet = original_share(corpus, reuse, by="outlet").set_index("group")
    assert by_outlet.loc["Coast Daily", "original_share"] < 0.5


@pytest.mark.filterwarnings("ignore:codebook .policy_frames. covers")
def test_discount_reuse_drops_the_translated_span_in_frames_and_terms(corpus, reuse):
    frames = mk.score_frames(corpus, discount_reuse=reuse)
    plain = mk.score_frames(corpus)
    assert frames.attrs["reused_sentences_dropped"] > 0
    kept = frames[frames.article_id == "en-translation"]
    t = reuse[reuse.kind == "translation"].iloc[0]
    inside = (kept.part != "headline") & (kept.start >= t.target_start) & (kept.end <= t.target_end)
    assert not inside.any()
    assert len(plain[plain.article_id == "en-translation"]) > len(kept)
    # a word only the translated passage has ("terminal") is no longer counted for its outlet
    english = corpus[corpus.language == "en"]
    raw = mk.distinctive_terms(english, by="outlet", min_docs=1)
    terms = mk.distinctive_terms(english, by="outlet", min_docs=1, discount_reuse=reuse)
    assert raw[(raw.group == "Coast Daily") & (raw.term == "terminal")]["count"].tolist() == [4]
    assert terms[(terms.group == "Coast Daily") & (terms.term == "terminal")]["count"].sum() == 0


def test_cross_lingual_on_dask_equals_pandas(corpus, reuse):
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    ddf = dd.from_pandas(corpus, npartitions=3)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as c, \
            distributed.Client(c):
        got = mk.find_reuse(ddf, min_words=20, cross_lingual=True)
    assert type(got) is pd.DataFrame and got.attrs == reuse.attrs
    pd.testing.assert_frame_equal(got, reuse, check_dtype=False)


def test_bad_n_jobs_is_a_clear_error(corpus):
    with pytest.raises(ValueError, match="n_jobs must be a positive int"):
        find_reuse(corpus, cross_lingual=True, n_jobs=0)
