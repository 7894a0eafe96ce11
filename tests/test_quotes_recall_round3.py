"""Recall rules, round 3 (session 14, helper rec3): attributions that Deliver 4 allows (a speech, report or
cognition verb, a subject that can speak, reported content) but the quote rules used to miss. Each test checks
the reported content and its speaker through the character offsets (text[start:end]) of invented sentences;
the comments give the PolNeAR train counts each rule changed (right rows / found golds / wrong rows)."""

from __future__ import annotations

from mediakit.quotes import find_attributions

from .quote_rows import rows as _rows
from .quote_rows import rows_by_verb as _rows_by_verb


def test_content_in_a_relative_clause_ends_before_an_irregular_past_main_verb():
    # "left", "sat", "upheld" ... are past tenses like "walked": the main clause's verb closes the content
    text = "Tom Lee, who said the plan was dead, left the room."
    assert [(k, c) for k, c, _ in _rows(text)] == [("indirect", "the plan was dead")]
    text = "Ann Lee, who said the vote was fair, sat down."
    assert [(k, c) for k, c, _ in _rows(text)] == [("indirect", "the vote was fair")]
    (row,) = find_attributions(text)
    assert (row["start"], row["end"]) == (18, 35)


def test_documents_polls_and_records_report_with_a_base_or_s_form_evidence_verb():
    # train: +5 right, +5 found, 0 wrong
    text = "Polls in Ohio show the two candidates are tied."
    assert _rows(text) == [("indirect", "the two candidates are tied", "Polls in Ohio")]
    text = "Data show that the average income is higher."
    assert _rows(text) == [("indirect", "the average income is higher", "Data")]
    text = "Records from the 2008 election cycle show he backed both men."
    assert _rows(text) == [("indirect", "he backed both men", "Records from the 2008 election cycle")]
    text = "A video of the rally shows him clutching his phone."
    assert _rows(text) == [("indirect", "him clutching his phone", "A video of the rally")]
    text = "Research by two economists suggests that the damage was heavy."
    assert _rows(text) == [("indirect", "the damage was heavy", "Research by two economists")]


def test_adverb_between_a_modal_and_a_base_form_cue():
    # train: +16 right, +9 found, 6 wrong
    text = "Ann Lee can barely believe the plan failed."
    assert _rows(text) == [("indirect", "the plan failed", "Ann Lee")]
    text = "Ann Lee does not really think the plan failed."
    assert _rows(text) == [("indirect", "the plan failed", "Ann Lee")]
    text = "Ann Lee would never publicly say the plan failed."
    assert _rows(text) == [("indirect", "the plan failed", "Ann Lee")]


def test_participle_after_a_closing_frame_reports_its_own_clause():
    # train: +8 right, +5 found, 1 wrong
    text = '"We will win," said Lee, explaining he worked hard.'
    assert _rows(text) == [("direct", "We will win,", "Lee"), ("indirect", "he worked hard", "Lee")]
    text = '"We will win," said Lee, adding he worked hard.'
    assert _rows(text) == [("direct", "We will win,", "Lee"), ("indirect", "he worked hard", "Lee")]
    # a participle between the subject and its verb stays inside the main frame's description
    text = "Lee, citing data, said that the plan failed."
    assert _rows_by_verb(text) == [("indirect", "the plan failed", "said")]


def test_with_the_claim_that_reports_the_clause_once():
    text = "Lee answered with the claim that the vote was rigged."
    assert _rows_by_verb(text) == [("indirect", "the vote was rigged", "answered")]
    text = "Lee replied with a warning that the vote was rigged."
    assert _rows_by_verb(text) == [("indirect", "the vote was rigged", "replied")]
    # "responded to the claims that": the claims are someone else's, part of what the act answers
    text = "Lee responded to the claims that the vote was rigged."
    assert _rows(text) == [("indirect", "to the claims that the vote was rigged", "Lee")]


def test_comma_after_that_opens_an_interjection_not_a_final_frame():
    # train: +4 right, +1 found net, 2 wrong rows gone
    text = "Besides attacking the mayor, Ann Lee asserted that, taxes aside, the plan did good things."
    assert _rows(text) == [("indirect", "taxes aside, the plan did good things", "Ann Lee")]


def test_speaker_before_a_parenthesis_between_dashes():
    # train: +2 right, +2 found, 0 wrong
    text = "Some economists - including a minority of the board - warn that the bank could hurt growth."
    assert _rows(text) == [("indirect", "the bank could hurt growth", "Some economists")]
    text = "Some economists — including a minority of the board — warn that the bank could hurt growth."
    assert _rows(text) == [("indirect", "the bank could hurt growth", "Some economists")]
    text = "In the book, Ann Lee — who worked at the door for three years — states that the job was a punishment."
    assert _rows(text) == [("indirect", "the job was a punishment", "Ann Lee")]
    text = "Critics -- including two on the board -- warn that the bank could hurt growth."
    assert _rows(text) == [("indirect", "the bank could hurt growth", "Critics")]


def test_two_names_joined_by_and_before_a_base_form_cue():
    # train: +4 right, +4 found, 0 wrong
    text = "Professors Lee and Kim suggest this problem has less to do with money."
    assert _rows(text) == [("indirect", "this problem has less to do with money", "Professors Lee and Kim")]
    text = "Ann Lee and Tom Kim believe the plan failed."
    assert _rows(text) == [("indirect", "the plan failed", "Ann Lee and Tom Kim")]


def test_belief_or_wish_before_a_determiner_or_quantifier():
    # train: +3 right, +3 found, 0 wrong
    text = "Supporters of the levy hope this is only a passing squall."
    assert _rows(text) == [("indirect", "this is only a passing squall", "Supporters of the levy")]
    text = "Voters in each state want all migrants to be deported."
    assert _rows(text) == [("indirect", "all migrants to be deported", "Voters in each state")]


def test_aspect_verb_before_a_verb_of_belief():
    # train: +1 right, +1 found, 0 wrong
    text = "Ann Lee continues to believe that the plan failed."
    assert _rows(text) == [("indirect", "the plan failed", "Ann Lee")]
    text = "Ann Lee began to think the plan had failed."
    assert _rows(text) == [("indirect", "the plan had failed", "Ann Lee")]
    text = "Ann Lee continues to believe in the plan."
    assert _rows(text) == []
    # an evidence verb only with "that" (train: +1 right, +1 found, 0 wrong)
    text = "Polls continue to show that Lee voters are more likely to vote."
    assert _rows(text) == [("indirect", "Lee voters are more likely to vote", "Polls")]
    text = "In recent years, ferrymen have begun to find their old crews and are organising."
    assert _rows(text) == []


def test_adjective_of_belief_after_negated_copula_seem_or_two_adverbs():
    # train: +6 right, +7 found, 0 wrong
    text = "Party bosses are apparently so worried that Lee could commit a gaffe."
    assert _rows(text) == [("indirect", "Lee could commit a gaffe", "Party bosses")]
    text = "A handful of skippers are now more certain that there will be a strike."
    assert _rows(text) == [("indirect", "there will be a strike", "A handful of skippers")]
    text = "Voters aren't sure the plan will work."
    assert _rows(text) == [("indirect", "the plan will work", "Voters")]
    text = "Ann Lee seemed hopeful that the talks would resume."
    assert _rows(text) == [("indirect", "the talks would resume", "Ann Lee")]


def test_final_frame_closed_by_a_dash_reports_the_clause_on_its_left():
    # train: +1 right net, +2 found, wrong rows unchanged (3 new, 3 gone)
    text = "Such a move could alienate his backers, Lee's allies believe — backers she will need in the fall."
    assert _rows(text) == [("indirect", "Such a move could alienate his backers", "Lee's allies")]
    text = "The question is not whether he quits — that will not happen, they believe — but how he campaigns."
    assert _rows(text) == [("indirect", "that will not happen", "they")]


def test_base_form_cue_coordinated_after_a_modal_and_a_verb():
    # train: +2 right, +2 found, 0 wrong
    text = "Ordinary riders may watch and conclude that his timetables failed."
    assert _rows(text) == [("indirect", "his timetables failed", "Ordinary riders")]
    text = "At the time, Lee didn’t come out and say Kim should be replaced."
    assert _rows(text) == [("indirect", "Kim should be replaced", "Lee")]
    # not an evidence verb inside another clause, nor a verb without a clause after it
    text = "Lee hoped the two sides could come together and find a solution."
    assert _rows(text) == [("indirect", "the two sides could come together and find a solution", "Lee")]


def test_final_frame_reports_the_whole_clause_with_an_earlier_frame_in_it():
    # the outer report holds the inner one, nested as annotators do (train: +3 right, found unchanged, 0 wrong;
    # 9 rows that repeated the inner content now report the whole clause)
    text = "Lee warned Kim not to move on the shoal, an official said."
    assert _rows_by_verb(text) == [("indirect", "Lee warned Kim not to move on the shoal", "said"),
                                   ("indirect", "Kim not to move on the shoal", "warned")]
    text = "Lee warned Kim not to move on the shoal, said an official who was briefed."
    assert _rows_by_verb(text) == [("indirect", "Lee warned Kim not to move on the shoal", "said"),
                                   ("indirect", "Kim not to move on the shoal", "warned")]


def test_adverb_after_a_modal_needs_words_after_the_cue():
    # "did not actually agree." reports nothing on its left (train: 2 wrong rows gone, 1 lucky right row gone)
    text = "The deal is only a draft because some members did not actually agree."
    assert _rows(text) == []


def test_according_to_an_index_or_an_average_is_a_source():
    # train: +2 right, +2 found, 0 wrong
    text = "Lisbon was the best port of the region in 2015, according to one global index."
    assert _rows(text) == [("according_to", "Lisbon was the best port of the region in 2015", "one global index")]
    text = "According to the Harbour Times average, Lee is up 15.6 points in Ohio."
    assert _rows(text) == [("according_to", "Lee is up 15.6 points in Ohio", "the Harbour Times average")]


def test_judged_speech_act_after_be_and_an_adjective():
    # train: +2 right, +2 found, 0 wrong
    text = "But he is correct to note that the law was an effort to reach a goal."
    assert _rows(text) == [("indirect", "the law was an effort to reach a goal", "he")]
    text = "Lee was quick to point out that the plan failed."
    assert _rows(text) == [("indirect", "the plan failed", "Lee")]


def test_one_or_another_says_before_a_name_and_its_verb():
    # train: +1 right, +1 found, 0 wrong
    text = "One says Lisbon has the most, while another says Porto has more."
    assert _rows(text) == [("indirect", "Lisbon has the most", "One"), ("indirect", "Porto has more", "another")]


def test_speech_gerund_after_a_verb_of_turning_or_made_a_point_of():
    # train: +6 right, +5 found, 0 wrong
    text = "Lee turned to arguing that the flood was one more reason to shut the harbour."
    assert _rows(text) == [("indirect", "the flood was one more reason to shut the harbour", "Lee")]
    text = "Ann Lee has taken to urging voters to slow down."
    assert _rows(text) == [("indirect", "voters to slow down", "Ann Lee")]
    text = "And he made a point of saying his pier was a place of shelter."
    assert _rows(text) == [("indirect", "his pier was a place of shelter", "he")]


def test_speech_verb_after_a_verb_of_trying_or_an_adjective_of_readiness():
    # train: +24 right, +15 found, 0 wrong rows net (2 new, 2 gone)
    text = "Lee tried to argue that the plan failed."
    assert _rows(text) == [("indirect", "the plan failed", "Lee")]
    text = "Lee is poised to argue he is in this race for the long haul."
    assert _rows(text) == [("indirect", "he is in this race for the long haul", "Lee")]
    text = "The lawyers have been able to convince judges that the laws were unfair."
    assert _rows(text) == [("indirect", "the laws were unfair", "The lawyers")]
    text = "Lee is trying to show Kim is not the only candidate ready to act."
    assert _rows(text) == [("indirect", "Kim is not the only candidate ready to act", "Lee")]
    # a participle of trying after a noun describes that noun; "find" with no clause is no finding reported
    text = "Lee rebuffed a heckler trying to ask her about the plan."
    assert _rows(text) == []
    text = "The harbour board has been trying to strike the right mix between speed and calm."
    assert _rows(text) == []


def test_plan_to_after_a_plural_head_and_its_phrase():
    # train: +1 right, +1 found, 0 wrong
    text = "Democrats on the House committee plan to release a slew of transcripts."
    assert _rows(text) == [("indirect", "to release a slew of transcripts", "Democrats on the House committee")]


def test_longer_phrase_about_the_telling_before_that():
    # train: counts unchanged; 2 contents lose their phrase about the telling
    text = "Lee elaborated in an editorial piece for The Harbour Journal that delegates may reconsider."
    assert _rows(text) == [("indirect", "delegates may reconsider", "Lee")]
    text = "Ann Lee testified in one of the harbour fee suits that the pilots were picked by the owner."
    assert _rows(text) == [("indirect", "the pilots were picked by the owner", "Ann Lee")]


def test_participle_cue_coordinated_with_a_progressive():
    # train: +2 right, +1 found, 0 wrong
    text = "Lee himself has been making this case and loudly claiming that the contract is his to lose."
    assert _rows(text) == [("indirect", "the contract is his to lose", "Lee")]
    # inside what another cue reports, the progressive stays part of that content
    text = "Ann Kim says Lee is acting rashly and showing contempt for the tides."
    assert _rows(text) == [("indirect", "Lee is acting rashly and showing contempt for the tides", "Ann Kim")]
