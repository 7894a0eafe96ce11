"""More recall rules (session 13, helper qrec): attributions of common news constructions that the quote rules
used to miss. Each test checks the reported content and its speaker through the character offsets
(text[start:end]) of invented sentences."""

from __future__ import annotations

from .quote_rows import rows as _rows


def test_invisible_format_character_before_a_quote_mark_still_opens_it():
    # a zero-width space, a byte-order mark or a soft hyphen glued to the mark does not hide the quotation
    for mark in ("\u200b", "\ufeff", "\u00ad"):
        text = f"The mayor spoke last. {mark}\"We are done here,\" she said."
        assert _rows(text) == [("direct", "We are done here,", "she")]
    text = "Ann Lee said \u200b\u201cthe plan is dead.\u201d"
    assert _rows(text) == [("direct", "the plan is dead.", "Ann Lee")]


def test_thats_according_to_reports_the_pronoun_for_the_previous_sentence():
    text = "The campaign raised $21 million in January. That’s according to campaign finance reports."
    rows = _rows(text)
    assert ("according_to", "That", "campaign finance reports") in rows
    assert not any(kind == "according_to" and content != "That" for kind, content, _ in rows)
    text = "Lee will carry the state. This is according to members of the panel."
    assert _rows(text) == [("according_to", "This", "members of the panel")]


def test_participle_after_a_comma_and_an_adverb_continues_the_sentence_subject():
    text = "The senator defended the budget for weeks, eventually saying the plan was dead."
    assert ("indirect", "the plan was dead", "The senator") in _rows(text)
    assert ("indirect", "the budget for weeks", "The senator") in _rows(text)
    text = "The mayor spoke for an hour, later telling reporters the plan was dead."
    assert _rows(text) == [("indirect", "the plan was dead", "The mayor")]


def test_verb_of_appearance_before_a_speech_verb_keeps_the_subject_as_speaker():
    text = "Ann Lee appeared to imply that the council could fail without the grant."
    assert _rows(text) == [("indirect", "the council could fail without the grant", "Ann Lee")]
    text = "The mayor seemed to suggest the plan was dead."
    assert _rows(text) == [("indirect", "the plan was dead", "The mayor")]


def test_speech_participle_after_in_reports_for_the_sentence_subject():
    text = 'Ann Lee clearly erred in saying that the "90 percent" figure came from the agency.'
    rows = _rows(text)
    assert ("mixed", 'the "90 percent" figure came from the agency', "Ann Lee") in rows
    assert ("direct", "90 percent", "Ann Lee") in rows
    # no speaking subject, or no speech act: nothing is reported
    assert _rows("There is nothing wrong in saying so.") == []
    assert _rows("The soundings are the first step in determining pilots who will sail.") == []


def test_present_tense_states_after_a_quotation_is_a_frame():
    text = "“They know the mayor is strong,” a voice-over in the ad states. “She will stand up.”"
    assert _rows(text) == [("direct", "They know the mayor is strong,", "a voice-over in the ad"),
                           ("direct", "She will stand up.", "a voice-over in the ad")]
    # the plural noun stays a noun
    assert _rows("He won in all the states.") == []


def test_a_hedge_with_no_one_speaking_is_no_attribution():
    # "appears to", "seems unlikely to", "is widely seen as" hedge the writer's own claim: no verb of speech or
    # thought, no subject that speaks, so no row (PolNeAR annotates some of these with no source; Deliver 4 of
    # issue 3/7 asks for a speaking subject, and a sources table of unattributed hedges helps no reader)
    assert _rows("Enthusiasm for the mayor appears to have plummeted since 2008, when she won.") == []
    assert _rows("The group, which has lost many fighters, seems unlikely to take on the city again.") == []
    assert _rows("But Ann Lee is widely seen as the strongest candidate in the race.") == []
    assert _rows("He appeared to make a joke about his old house.") == []


def test_speech_verb_in_a_purpose_infinitive_after_a_verb_of_motion():
    text = "Ann Lee took to Twitter to say the plan was dead."
    assert _rows(text) == [("indirect", "the plan was dead", "Ann Lee")]
    text = "Recently, Tom Reed of Laconia stood at a rally here to say he was leaning toward the mayor."
    assert _rows(text) == [("indirect", "he was leaning toward the mayor", "Tom Reed of Laconia")]
    # a subject that cannot speak gets nothing
    assert _rows("The index rose sharply to say the least.") == []


def test_pro_form_after_a_cue_is_the_reported_content():
    assert _rows("Ann Lee never thought so.") == [("indirect", "so", "Ann Lee")]
    assert _rows("Ann Lee said yes, but Bo Park said no.") == [("indirect", "yes", "Ann Lee"),
                                                                ("indirect", "no", "Bo Park")]
    # the frame still ends the content of an earlier one
    text = "Still, Ann Lee, who thinks the council made a power grab, said no."
    assert _rows(text) == [("indirect", "the council made a power grab", "who"), ("indirect", "no", "Ann Lee")]
    # "said no to the plan" is no pro-form: the content goes on
    assert _rows("Ann Lee said no to the plan.") == [("indirect", "no to the plan", "Ann Lee")]
