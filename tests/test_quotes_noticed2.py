"""Wrong attributions noticed in review (second round), each with an invented sentence: a place after the verb
before a clause with no "that". Rows are read through ``rows`` (offsets of the text); each test states the
whole list of rows it expects."""

from mediakit.quotes import find_attributions

from .quote_rows import rows


def test_a_place_between_the_verb_and_a_clause_is_no_content():
    text = "Ann Lee said in Ohio the plan failed."
    assert rows(text) == [("indirect", "the plan failed", "Ann Lee")]
    (row,) = find_attributions(text)
    assert (row["start"], row["end"]) == (21, 36)
    assert rows("The mayor said at Harbour Hall the budget would pass.") == [
        ("indirect", "the budget would pass", "The mayor")]
    # (with "that" the place was skipped already)
    assert rows("Ann Lee said in Ohio that the plan failed.") == [("indirect", "the plan failed", "Ann Lee")]


def test_no_content_crosses_the_line_break_after_a_headline():
    text = ("Mills rebut criticism on steel overcapacity;\n"
            "Investment, official says, helped the economy after the crisis.\n\nThe plan failed.")
    assert rows(text) == [("indirect", "criticism on steel overcapacity", "Mills"),
                          ("indirect", "Investment, official says, helped the economy after the crisis", "official")]
    # a headline line with no closing mark before a capital: the next line is a sentence of its own
    text = "Ann Lee Says The Port Will Reopen\nThe mayor said the plan failed."
    assert rows(text) == [("indirect", "The Port Will Reopen", "Ann Lee"),
                          ("indirect", "the plan failed", "The mayor")]
    for r in find_attributions(text):
        assert "\n" not in text[r["start"]:r["end"]]
    # (a hard-wrapped sentence whose next line opens in lower case stays one sentence)
    assert rows("The mayor said the port\nwill reopen in May.") == [
        ("indirect", "the port\nwill reopen in May", "The mayor")]


def test_an_inverted_frame_between_a_subject_and_its_predicate():
    text = "Lee, said Ann Cole, never forgets a slight."
    assert rows(text) == [("indirect", "Lee, said Ann Cole, never forgets a slight", "Ann Cole")]
    (row,) = find_attributions(text)
    assert (row["start"], row["end"], row["appos_start"]) == (0, 42, None)
    # (a description of the speaker after the comma is still hers)
    assert rows("The plan failed, said Ann Cole, appointed last year.") == [
        ("indirect", "The plan failed", "Ann Cole")]


def test_an_infinitive_between_commas_is_no_description_of_a_speaker():
    text = "Mr. Lee warned the rival, Tom Vance, not to move on the port, said an official who was briefed."
    assert rows(text) == [
        ("indirect", "Mr. Lee warned the rival, Tom Vance, not to move on the port", "an official"),
        ("indirect", "the rival, Tom Vance, not to move on the port", "Mr. Lee")]
    assert rows("Mr. Lee urged the rival, Tom Vance, to leave the port, said an official.")[0] == (
        "indirect", "Mr. Lee urged the rival, Tom Vance, to leave the port", "an official")
    # (a parenthetical with "to" between a subject's commas still leaves the subject before it)
    assert rows("Lee, to be fair, said the plan failed.") == [("indirect", "the plan failed", "Lee")]
    assert rows("Lee, to the surprise of many, said the plan failed.") == [("indirect", "the plan failed", "Lee")]


def test_a_final_frame_after_a_quoted_fragment_reports_the_clause_with_a_cue_of_its_own():
    text = 'Lee threatened "a major lawsuit," the official said.'
    assert rows(text) == [("mixed", 'Lee threatened "a major lawsuit,"', "the official"),
                          ("direct", "a major lawsuit,", "the official")]
    mixed = find_attributions(text)[0]
    assert (mixed["start"], mixed["end"]) == (0, 33)
    # the nested cue's content ends at the closing mark, before the final frame
    assert rows('Lee called the plan "a total failure," the official said.') == [
        ("mixed", 'Lee called the plan "a total failure,"', "the official"),
        ("mixed", 'the plan "a total failure,"', "Lee"),
        ("direct", "a total failure,", "the official")]
    # (a frame that does not end the sentence reports no clause before the fragment)
    assert rows('Lee threatened "a major lawsuit," the official said, and left.') == [
        ("direct", "a major lawsuit,", "the official")]


def test_the_subject_of_a_passive_of_perception_speaks_its_participle():
    text = '"Will you run?" a reporter can be heard asking Lee after the event.'
    assert rows(text) == [("direct", "Will you run?", "a reporter")]
    (row,) = find_attributions(text)
    assert (row["speaker_start"], row["speaker_end"]) == (16, 26)
    assert rows("Lee was seen telling aides that the plan failed.") == [("indirect", "the plan failed", "Lee")]


def test_a_document_described_by_a_participle_and_a_time_is_the_subject_not_the_time():
    text = "Research to be released this week by four economists suggests the tax is too low."
    assert rows(text) == [("indirect", "the tax is too low", "Research to be released this week by four economists")]
    (row,) = find_attributions(text)
    assert (row["speaker_start"], row["speaker_end"]) == (0, 52)
    assert rows("Research to be released this week by four economists suggests that the tax is too low.") == [
        ("indirect", "the tax is too low", "Research to be released this week by four economists")]
    # (a participle and its time at the end of the subject still go with the verb)
    assert rows("A study to be published next month suggests the tax is too low.") == [
        ("indirect", "the tax is too low", "A study")]


def test_the_speaker_name_of_a_document_before_an_infinitive_drops_the_to():
    import pandas as pd

    from mediakit.sources import extract_quotes
    text = "The fare is high. But research to be published this month by three harbour engineers suggests that it is."
    q = extract_quotes(pd.DataFrame({"article_id": ["a"], "outlet": ["x"], "text": [text], "language": ["en"]}))
    assert list(q.speaker) == ["research"]


def test_a_time_between_commas_after_an_as_frame_is_no_content():
    text = "As the Ledger reported, even on Friday morning, the mayor was in Ohio."
    assert rows(text) == [("according_to", "the mayor was in Ohio", "the Ledger")]
    (row,) = find_attributions(text)
    assert (row["start"], row["end"]) == (48, 69)
    assert rows("As the Ledger reported, two days later, the mayor was in Ohio.") == [
        ("according_to", "the mayor was in Ohio", "the Ledger")]


def test_a_short_phrase_before_a_frame_between_commas_is_no_content_of_its_own():
    text = "Win or lose, the mayor says, the port aims to transform the city."
    assert rows(text) == [("indirect", "the port aims to transform the city", "the mayor")]
    (row,) = find_attributions(text)
    assert (row["start"], row["end"]) == (29, 64)
    # a short subject and its predicate around the frame are one clause
    assert rows("The licence, his office said, had been slow to arrive.") == [
        ("indirect", "The licence, his office said, had been slow to arrive", "his office")]
    # (a clause on the left still is: "It was impossible, Lee said, so ...")
    assert rows("It was impossible, Lee said, so the town leaders decided to split the work.") == [
        ("indirect", "It was impossible", "Lee"), ("indirect", "so the town leaders decided to split the work", "Lee")]


def test_a_fronted_phrase_is_no_content_of_a_verb_with_an_object_after_it():
    assert rows("Amid discord, Lee claims nomination") == []
    assert rows("Earlier this week, two senators claimed victory.") == []
    # (a report closing the sentence still takes the clause on its left)
    assert rows("The plan failed, Lee said.") == [("indirect", "The plan failed", "Lee")]


def test_hard_wrapped_text_keeps_a_line_that_ends_before_a_name():
    """In hard-wrapped text (lines that go on in lower case), a line closed by no mark before a capital is a
    wrap before a name, not a headline: the mayor's content runs on to 'Ann Lee would lead ...'."""
    text = ("The harbour board met on Monday to discuss the budget for the coming\n"
            "year. The mayor told the council that the port would close, and that\n"
            "Ann Lee would lead the talks with the unions in the spring, officials\n"
            "said on Tuesday.\n")
    mayor = [r for r in rows(text) if r[2] == "The mayor"]
    assert mayor == [("indirect", "the port would close, and that\nAnn Lee would lead the talks with the unions in "
                      "the spring", "The mayor")]
