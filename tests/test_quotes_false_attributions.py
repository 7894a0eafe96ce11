"""Sentences of real-news kinds that look like attributions but report nothing (the precision half of the
PolNeAR issue): market reports, results of business, phrasal verbs, wh-questions and link lines give no row,
while the attributions beside them keep theirs. All sentences are invented; spans are checked as
text[start:end]."""


from .quote_rows import rows as _rows


# ---------------------------------------------------------------- market reports
def test_points_gained_to_a_level_is_no_cue():
    assert _rows("The Harbour index gained 85.3 points to 17,950 in afternoon trading.") == []


def test_points_lost_to_a_level_is_no_cue():
    assert _rows("The Dalton composite shed several points to 2,114 by the close.") == []


def test_pointing_to_evidence_still_reports():
    text = "Ann Lee pointed to the falling rents as proof that the plan had worked."
    rows = _rows(text)
    assert rows and rows[0][2] == "Ann Lee"


def test_amount_after_to_is_a_result():
    assert _rows("Fares from ferry riders declined to $412 million in 2019 from $455 million.") == []


def test_amount_after_by_is_a_result():
    assert _rows("The company's lending declined by 4 percent to $3.1 billion last year.") == []


def test_declined_to_comment_is_unchanged_by_the_amount_rule():
    text = "The ministry declined to say how much the bridge would cost."
    assert _rows(text) == [("indirect", "to say how much the bridge would cost", "The ministry")]


def test_support_from_a_share_of_voters_is_kept():
    # "from" before a share reports a poll, it is no amount of change
    text = "Ann Lee has support from 48 percent of likely voters, the Tidewater poll found."
    assert any(r[2] == "the Tidewater poll" for r in _rows(text))


# ---------------------------------------------------------------- results of business
def test_posted_a_loss_is_no_post():
    assert _rows("The brewer posted a loss of $12 million in the third quarter.") == []


def test_posted_a_victory_is_no_post():
    assert _rows("Ann Lee posted an easy victory in the county primary on Tuesday.") == []


def test_posted_a_message_still_reports():
    text = "Ann Lee posted a message on her blog about the closing of the harbour."
    assert _rows(text)[0][2] == "Ann Lee"


def test_showed_a_rise_with_a_company_subject_is_no_report():
    assert _rows("The Marlow carmaker showed a sharp rise in orders during the spring.") == []


def test_a_survey_that_shows_a_rise_still_reports():
    text = "The Tidewater survey showed a sharp rise in support for the harbour plan."
    assert _rows(text) == [("indirect", "a sharp rise in support for the harbour plan", "The Tidewater survey")]


# ---------------------------------------------------------------- phrasal verbs with "off"
def test_called_off_is_no_call():
    assert _rows("The organisers called off the march after the storm.") == []


def test_written_off_is_no_writing():
    assert _rows("The county has written off the debt of the old ferry company.") == []


# ---------------------------------------------------------------- questions
def test_wh_question_word_and_auxiliary_alone_are_no_content():
    assert _rows("So what do we see? A town divided over its harbour.") == []


def test_how_has_the_council_responded_is_no_report():
    assert _rows("How has the council responded? It has hired more inspectors.") == []


# ---------------------------------------------------------------- link lines
def test_read_more_line_gives_no_row():
    assert _rows("The vote is on Friday.\n\nREAD MORE: Mayor says harbour deal is near\n\nThe council met.") == []


def test_related_line_gives_no_row_but_the_article_keeps_its_own():
    text = "Related: Senator says the ferry will stay\n\nAnn Lee said the ferry would be sold."
    assert _rows(text) == [("indirect", "the ferry would be sold", "Ann Lee")]


# ---------------------------------------------------------------- passives with their agent
def test_passive_cue_with_its_agent_reports_nothing():
    assert _rows("The attack on the depot was claimed by a little-known militant group.") == []


def test_interrupted_by_a_protester_reports_nothing():
    assert _rows("The mayor's speech was interrupted by a protester in a yellow coat.") == []


def test_active_cue_with_by_keeps_its_row():
    text = "Ann Lee said by phone that the ferry would be sold."
    assert _rows(text) == [("indirect", "the ferry would be sold", "Ann Lee")]


def test_read_also_and_watch_lines_give_no_row():
    text = ("READ ALSO: Minister says ferry talks will resume\n"
            "WATCH: Mayor explains why the harbour bridge closed\n"
            "Ann Lee said the bridge would reopen in May.")
    assert _rows(text) == [("indirect", "the bridge would reopen in May", "Ann Lee")]


def test_a_line_that_merely_mentions_reading_keeps_its_row():
    text = "More voters said they would read the plan before the vote."
    assert _rows(text)[0][2] == "More voters"


# ---------------------------------------------------------------- the kinds, already handled
def test_market_index_decline_gives_no_row():
    assert _rows("The benchmark index declined 1.2 per cent to 4,512 points on Tuesday.") == []


def test_thanked_him_for_gives_no_row():
    assert _rows("The mayor thanked him for his years of service to the harbour board.") == []


def test_decided_to_side_with_gives_no_row():
    assert _rows("The senator decided to side with the governor on the budget.") == []


def test_shown_little_daylight_gives_no_row():
    assert _rows("The governor has shown little daylight between himself and the party.") == []


def test_known_for_after_is_gives_no_row():
    assert _rows("She is known for her blunt style in council meetings.") == []


# ---------------------------------------------------------------- running for office
def test_seeking_the_presidency_is_no_report():
    assert _rows("Ann Lee, who is seeking the presidency, toured the harbour on Monday.") == []


def test_not_seeking_another_term_is_no_report():
    assert _rows("The mayor of Dalton was not seeking a third term.") == []


def test_seeking_to_reassure_still_reports():
    text = "The mayor sought to reassure residents that the ferry would keep running."
    assert _rows(text)[0][2] == "The mayor"


# ---------------------------------------------------------------- "known" as an adjective
def test_fronted_well_known_gives_no_row():
    assert _rows("Well known for its beaches, the region draws millions of visitors a year.") == []


def test_noun_well_known_for_gives_no_row():
    assert _rows("Ann Lee, a surgeon well known for her work in rural clinics, joined the board.") == []


# ---------------------------------------------------------------- cue words as nouns
def test_the_only_question_is_a_noun():
    assert _rows("The only question is whether the ferry will run on Sunday.") == []


def test_her_only_hope_is_a_noun():
    assert _rows("Her only hope is a late surge among rural voters.") == []


def test_this_only_explains_is_still_a_verb():
    text = "But this only explains why the council delayed the harbour vote."
    assert _rows(text) == [("indirect", "why the council delayed the harbour vote", "this")]


def test_told_him_off_is_no_telling():
    assert _rows("The coach told him off for arriving late to training.") == []


def test_said_off_the_record_that_keeps_its_row():
    text = "The official said off the record that the ferry plan had failed."
    rows = _rows(text)
    assert len(rows) == 1 and rows[0][2] == "The official" and rows[0][1].endswith("the ferry plan had failed")



# ---------------------------------------------------------------- "went on to" an outcome
def test_went_on_to_win_is_no_report():
    assert _rows("Ann Lee lost the first round but went on to win the county by six points.") == []


def test_went_on_to_say_still_reports():
    text = "Ann Lee went on to say that the ferry would be sold."
    assert _rows(text)[0][2] == "Ann Lee"


def test_maintains_a_lead_is_no_report():
    assert _rows("Ann Lee still maintains a comfortable lead over her rivals in the county.") == []


def test_maintained_that_still_reports():
    text = "Ann Lee has long maintained that the ferry was safe."
    assert _rows(text) == [("indirect", "the ferry was safe", "Ann Lee")]


def test_a_first_name_in_a_list_of_names_is_no_cue():
    assert _rows("Ann Lee, Tom Baker, Grant Young, Mia Soto.\n\nThe ferry sails at noon.") == []


def test_a_credit_line_gives_no_row():
    assert _rows("The ferry sails at noon.\n\nContributing: Ann Lee, Tom Baker, Grant Young.") == []
