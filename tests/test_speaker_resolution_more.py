"""Who a quote is credited to (speaker resolution, session 13): a pronoun's antecedent of the right gender named
outside any speaker's mention, capitalised names that are no people, two people joined by "and" for "they",
and transcript labels."""

from __future__ import annotations

import pandas as pd

import mediakit as mk


def _quotes(*texts: str) -> pd.DataFrame:
    corpus = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": list(texts)})
    q = mk.extract_quotes(corpus, merge_speakers=False)
    by_id = corpus.set_index("article_id").text
    for r in q.itertuples():  # offsets are sacred
        assert by_id[r.article_id][int(r.start):int(r.end)] == r.quote
        if r.speaker_start is not None and r.speaker_start == r.speaker_start:
            assert by_id[r.article_id][int(r.speaker_start):int(r.speaker_end)] == r.speaker
    return q.reset_index(drop=True)


def _one(q: pd.DataFrame, quote: str) -> pd.Series:
    rows = q[q.quote == quote]
    assert len(rows) == 1, q[["quote", "speaker", "speaker_canonical"]]
    return rows.iloc[0]


def test_she_skips_a_man_named_after_the_woman():
    text = ("Tom Vance spoke first. Ms. Lee dressed down Mr. Roe over his remarks on the budget. "
            "“We are done with this,” she said.")
    r = _one(_quotes(text), "We are done with this,")
    assert (r.speaker, r.speaker_canonical) == ("she", "Lee")


def test_she_finds_a_woman_named_outside_any_speaker_mention():
    # "For Ann Lee, ...": no sentence subject, yet the only woman named before "she"
    text = ("For Ann Lee, the vote in Ohio was a test of the campaign. Tom Vance was not there. "
            "“We will win this state,” she said.")
    r = _one(_quotes(text), "We will win this state,")
    assert (r.speaker, r.speaker_canonical) == ("she", "Ann Lee")


def test_he_takes_the_man_his_own_sentence_names_after_an_earlier_one():
    text = ("Tom Vance won the primary in May. The next day left Sen. Bill Roe of Ohio at center stage, so much "
            "so that he said the party “must choose a side now.”")
    r = _one(_quotes(text), "must choose a side now.")
    assert r.speaker_canonical == "Bill Roe"


def test_he_keeps_the_earlier_man_when_his_sentence_opens_with_he():
    text = ("Tom Vance won the primary in May. Though he did not name Bill Roe, he said the party "
            "“must choose a side now.”")
    r = _one(_quotes(text), "must choose a side now.")
    assert r.speaker_canonical == "Tom Vance"


def test_organisation_shortened_to_its_first_words_is_no_antecedent_of_she():
    text = ("Ann Lee called her publisher, Grand Central Publishing, in May. Grand Central agreed to print the "
            "book. “It was the right time,” she said.")
    r = _one(_quotes(text), "It was the right time,")
    assert r.speaker_canonical == "Ann Lee"


def test_capitalised_common_words_are_no_antecedent_of_he():
    text = ("Tom Vance wrote an exclusive excerpt for the paper.\n\nExclusive Excerpt appeared on Monday. "
            "“I wrote it in a week,” he said.")
    r = _one(_quotes(text), "I wrote it in a week,")
    assert r.speaker_canonical == "Tom Vance"


def test_they_refers_to_two_people_joined_by_and():
    text = ("The Harbour Council met on Monday. Later, Ann Lee and Tom Vance visited the plant in Ohio. "
            "“We saw what we needed to see,” they said.")
    r = _one(_quotes(text), "We saw what we needed to see,")
    assert (r.speaker, r.speaker_canonical, r.speaker_type) == ("they", "Ann Lee and Tom Vance", "group")


def test_transcript_label_is_the_person_named_in_full_earlier():
    text = ("Gov. Mary Fallin spoke to the host on Monday.\n\nHOST: What comes next?\n\n"
            "FALLIN: I think the plan will fail and we must act.\n")
    r = _one(_quotes(text), "I think the plan will fail and we must act")
    assert (r.speaker, r.speaker_canonical) == ("FALLIN", "Mary Fallin")


def test_first_person_inside_a_transcript_turn_is_the_labelled_person():
    # "FALLIN: Well, I think ...": the "I" who thinks is the one the turn's label names
    text = ("Gov. Mary Fallin spoke to the host on Monday.\n\nHOST: What comes next?\n\n"
            "FALLIN: Well, I think the plan will fail and we must act.\n")
    q = _quotes(text)
    r = _one(q, "the plan will fail and we must act")
    assert (r.speaker, r.speaker_canonical) == ("FALLIN", "Mary Fallin")
    assert text[int(r.speaker_start):int(r.speaker_end)] == "FALLIN"


def test_trailing_speaker_of_a_sentence_wins_over_a_subject_inside_it():
    # "Tom Vance plans to ..., Ann Lee said.": the report is Ann Lee's, not the plan's subject's
    text = ("Ann Lee ran the campaign for a year. After two decades in the Senate, Tom Vance plans to remain an "
            "independent and would not join either party, Ann Lee said.")
    q = _quotes(text)
    rows = q[q.quote.str.contains("remain an independent")]
    assert len(rows) >= 1
    for r in rows.itertuples():
        assert (r.speaker, r.speaker_canonical) == ("Ann Lee", "Ann Lee")
        assert int(r.speaker_start) == text.rindex("Ann Lee")


def test_according_to_closing_the_sentence_names_the_source_of_an_inner_report():
    # "voters ... think X, according to a poll": the poll reports what voters think
    text = ("The vast majority of voters in the state think the plan to rebuild the harbour is too costly, "
            "according to a new Harbour Times poll. Tom Vance has said nothing.")
    q = _quotes(text)
    r = _one(q, "the plan to rebuild the harbour is too costly")
    assert (r.kind, r.speaker) == ("indirect", "a new Harbour Times poll")
    assert int(r.speaker_start) == text.index("a new Harbour Times poll")


def test_speaker_closing_the_sentence_after_a_quoted_phrase():
    # "Lee's remarks about [a judge] were “...,” Tom Vance said.": the sentence is Tom Vance's
    text = ("Ann Lee's remarks about a federal judge were “the plainest kind of insult,” Tom Vance said. "
            "Ann Lee did not reply.")
    q = _quotes(text)
    for r in q[~q.quote.str.contains("plainest")].itertuples():
        assert r.speaker == "Tom Vance"
        assert int(r.speaker_start) == text.index("Tom Vance")


def test_state_after_a_fronted_place_is_no_subject():
    # "At a harbour fair in Salem, Oregon, on Sunday, Ms. Lee ..., saying ...": Oregon belongs to the place
    text = ("At a harbour fair in Salem, Oregon, on Sunday, Ms. Lee tried to build on her remarks, saying that "
            "the port should lead the coast again.")
    r = _one(_quotes(text), "the port should lead the coast again")
    assert (r.speaker, r.speaker_canonical) == ("Ms. Lee", "Lee")
    assert int(r.speaker_start) == text.index("Ms. Lee")


def test_plural_source_closing_the_sentence():
    # "six sailors ... refusing to leave [...], police said.": the police report it, not the sailors
    text = ("A day earlier, six sailors were arrested after refusing to leave the deck of the ferry as part of "
            "another protest at the pier, police said. Tom Vance disagrees.")
    q = _quotes(text)
    r = _one(q, "to leave the deck of the ferry as part of another protest at the pier")
    assert r.speaker == "police"
    assert int(r.speaker_start) == text.index("police")
