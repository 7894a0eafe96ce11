"""Who says a direct quote when the frame's subject is a pronoun (issue 3/7, Deliver 3): a pronoun inside the
reported clause of another speaker's cue, the thing or person a later "he" or "she" may refer to, and the
titled name before "of the ..."."""

from __future__ import annotations

import pandas as pd

import mediakit as mk


def _direct(*texts: str) -> pd.DataFrame:
    corpus = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": list(texts)})
    q = mk.extract_quotes(corpus)
    by_id = corpus.set_index("article_id").text
    for r in q.itertuples():  # offsets are sacred
        if pd.notna(r.speaker_start):
            assert by_id[r.article_id][int(r.speaker_start):int(r.speaker_end)] == r.speaker
    return q[q.kind == "direct"].reset_index(drop=True)


def test_pronoun_in_a_reported_clause_leaves_the_quote_to_the_reporting_speaker():
    # the pronoun's own verb is no speech verb ("has mended", "knew"): the quote is the outer speaker's
    q = _direct(
        "Tom Vance said this was a “costly blunder” and that she has mended her ways: "
        "“They are ready for a longer fight.”",
        "His campaign protested that the aides were unfair because they knew Ann Lee “already had a permit.”",
    )
    first = q[q.article_id == "a0"]
    assert first.speaker.tolist() == ["Tom Vance", "Tom Vance"]
    assert first.speaker_canonical.tolist() == ["Tom Vance", "Tom Vance"]
    second = q[q.article_id == "a1"]
    assert second.speaker.tolist() == ["His campaign"]


def test_pronoun_with_its_own_speech_verb_keeps_the_quote():
    # "... because she told them, “...”": the pronoun speaks, and is Ann Lee, not the outer speaker Tom Vance
    q = _direct("Ann Lee met Tom Vance on Monday. Tom Vance said the trip to Ohio went well for everyone there "
                "because she told them, “We will win this state.”")
    assert q.speaker.tolist() == ["she"]
    assert q.speaker_canonical.tolist() == ["Ann Lee"]


def test_pronoun_opening_a_coordinated_clause_is_not_the_outer_speakers():
    # "..., and she hopes “...”": a clause of its own, not the reported clause of "said"
    q = _direct("Tom Vance said the vote was close, and she hopes “the count will be fair to everyone.”")
    assert q.speaker.tolist() == ["she"]


def test_he_skips_a_described_thing_and_finds_the_titled_person():
    # "a name suggesting ..." is no person; "Archbishop Aris Shirvanian of the Armenian Patriarchate" is a
    # person (a title before the name; "of the ..." is his body)
    text = ("Archbishop Aris Shirvanian of the Armenian Patriarchate told reporters, “We have suffered the same "
            "fate.” A name suggesting otherwise was dropped. He added, “Israel should have been the first.”")
    q = _direct(text)
    assert q.speaker.tolist() == ["Archbishop Aris Shirvanian of the Armenian Patriarchate", "He"]
    assert q.speaker_canonical.tolist() == ["Aris Shirvanian", "Aris Shirvanian"]


def test_possessor_of_a_sentence_subject_is_what_a_later_pronoun_refers_to():
    # "Ann Lee's voyage has not taken a straight course. She ...": the possessor, not a person named earlier
    text = ("Tom Vance backed her early. Ann Lee's voyage has not taken a straight course. She came of age at "
            "sea school, where she urged her peers to work at “making the rough seas calm.”")
    q = _direct(text)
    assert q.speaker.tolist() == ["she"]
    assert q.speaker_canonical.tolist() == ["Ann Lee"]


def test_plural_possessed_description_is_no_antecedent_of_she():
    # "Ann Lee's confidants" are several people: a later "she" is Ann Lee, not them
    text = ("Ann Lee has run twice. Ann Lee's confidants say she is ready. "
            "She told the crowd, “This is our year.”")
    q = _direct(text)
    assert q.speaker_canonical.tolist() == ["Ann Lee"]


def test_pronoun_whose_verb_is_no_utterance_leaves_the_quote_to_the_outer_speaker():
    # "agree", "propose" are speech verbs but the quotation is the outer speaker's word for it
    q = _direct("Tom Vance agreed to a call, but only to tell Ann Lee that he won't agree to a “perfunctory” "
                "meeting.",
                "That is why sailors say he had proposed to “scrap” the ferry.")
    assert q.speaker.tolist() == ["Tom Vance", "sailors"]
    assert q.speaker_canonical.tolist()[0] == "Tom Vance"


def test_what_follows_a_participle_after_the_quote_is_its_object_not_the_speaker():
    q = _direct("Ann Lee spoke on Friday. At the same time, Lee remarked that there is still “more dredging to do,” "
                "noting low tides in Lyme.")
    assert q.speaker.tolist() == ["Lee"]
    assert q.speaker_canonical.tolist() == ["Ann Lee"]


def test_subject_of_a_reported_clause_that_says_nothing_leaves_the_quote_to_the_speaker():
    # "Dunn’s remarks" say nothing here: the quote is the words of the party's statement
    q = _direct("The Harbour Party released a statement Wednesday evening, saying Dunn’s remarks are "
                "“another sign of his carelessness.”")
    assert q.speaker.tolist() == ["The Harbour Party"]


def test_participle_after_a_fronted_phrase_speaks_for_the_sentence_subject():
    q = _direct("Ann Lee spoke. On Thursday, after staying silent throughout the regatta, Lee appeared on "
                "radio and endorsed Tom Vance, saying, “I am ready to sail for him.”")
    assert q.speaker.tolist() == ["Lee"]
    assert q.speaker_canonical.tolist() == ["Ann Lee"]


def test_surname_that_is_also_a_verb_speaks_before_the_real_cue():
    q = _direct("Ann Read spoke on Monday. “We made the right decision,” Read said.")
    assert q.speaker.tolist() == ["Read"]
    assert q.speaker_canonical.tolist() == ["Ann Read"]


def test_headline_word_before_a_surname_names_no_second_person():
    # "Understated Perez" in the headline is Thomas Perez of the body, so "Perez" and a later "he" are him;
    # a headline's full name with a given name ("Ann Lee") still counts as a person
    text = ("Understated Perez raises his profile.\n\nLabor Secretary Thomas Perez spoke in Ohio on Monday. "
            "“We will win,” Perez said. He added, “This is our year.”")
    q = _direct(text)
    assert q.speaker.tolist() == ["Perez", "He"]
    assert q.speaker_canonical.tolist() == ["Thomas Perez", "Thomas Perez"]
    two = _direct("Ann Lee wins again.\n\nTom Lee spoke on Monday. “We will win,” Lee said.")
    assert two.speaker_canonical.isna().all()  # Ann Lee and Tom Lee: "Lee" is neither


def test_a_described_person_opening_a_sentence_is_what_a_later_pronoun_refers_to():
    texts = [
        # "The senator" is Tom Vance described again: the later "he" is his, not Bill Hart's (named since)
        "Tom Vance, the senator from Ohio, spoke on Monday. Gov. Bill Hart answered him on Tuesday. The senator "
        "then voted against the bill. “It was a bad law,” he said.",
        # someone's spokesman is someone new and unnamed: "he" is no one named
        "Tom Vance spoke on Monday. His spokesman later flew to Ohio. “It is false,” he said.",
        # the possessive tells the possessor's gender, not the spokesman's or the wife's
        "Ann Lee spoke on Monday. Her spokesman later flew to Ohio. “It is false,” she said.",
        "Tom Vance spoke on Monday. But his wife, Jane, later flew to Ohio. “It is false,” she said.",
        # no person described ("The vote"): the pronoun keeps the person named before
        "Tom Vance spoke on Monday. The vote was close. “It is false,” he said.",
    ]
    q = _direct(*texts)
    assert q.speaker.tolist() == ["he", "he", "she", "she", "he"]
    canon = q.speaker_canonical.where(q.speaker_canonical.notna(), None).tolist()
    assert canon == ["Tom Vance", None, "Ann Lee", None, "Tom Vance"]
    assert q.resolved.tolist() == [True, False, True, False, True]


def test_a_possessive_before_a_speech_noun_and_a_colon_is_resolved_like_a_pronoun():
    # "Her answer: “...”": the possessive is the speaker, and she is the woman named before (not the man
    # named since); "His reply:" likewise
    q = _direct("Ann Lee said the plan was dead. Tom Vance disagreed. Her answer: “No, never.”",
                "Ann Lee spoke first. Tom Vance, the mayor, spoke next. His reply: “We will see.”")
    assert q.speaker.tolist() == ["Her", "His"]
    assert q.speaker_canonical.tolist() == ["Ann Lee", "Tom Vance"]
    assert q.resolved.tolist() == [True, True]


def test_a_pronoun_opening_the_first_conjunct_speaks_for_and_said():
    # "..., she laughed and said, “...”": the pronoun is the subject of "said", not the mayor of the clause before
    q = _direct("Tom Vance came in. When Ann Lee was asked if the mayor would speak, she laughed and said, “No way.”",
                "Tom Vance started the row when he brought up the vote and later said, “That is true.”",
                # the pronoun inside the outer speaker's reported clause leaves the quote to the outer speaker
                "Ann Lee said she was tired and added, “We go home.”")
    assert q.speaker.tolist() == ["she", "he", "Ann Lee"]
    assert q.speaker_canonical.tolist()[1:] == ["Tom Vance", "Ann Lee"]
