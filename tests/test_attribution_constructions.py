"""Attribution constructions added on PolNeAR train false negatives: each test is a tiny sentence with the
content and speaker checked through text[start:end]."""

from __future__ import annotations

from mediakit.quotes import find_attributions

from .quote_rows import rows as _rows


def test_stated_and_stating_are_verbs_though_state_is_a_noun():
    text = "Quell stated earlier this month that she is ready to meet the ferry crews."
    assert _rows(text) == [("indirect", "she is ready to meet the ferry crews", "Quell")]
    text = "Barlow addressed the concerns on Thursday, stating local authorities are in charge of elections."
    assert _rows(text) == [("indirect", "local authorities are in charge of elections", "Barlow")]
    # the noun stays no cue
    assert _rows("The neighboring state sent troops to the border.") == []


def test_backed_down_is_no_attribution():
    assert _rows("The state party eventually backed down, but the candidate used the episode to rally voters.") == []


def test_adverb_between_commas_before_a_relative_clause():
    text = "Rhodes, meanwhile, who has no such endorsements, said the fact speaks volumes about his rival."
    assert _rows(text) == [("indirect", "the fact speaks volumes about his rival", "Rhodes")]


def test_phrase_about_the_telling_after_a_final_frame_leaves_the_content_on_the_left():
    text = "The new fares will not fix this shortfall, Nora Pell said on the same call."
    assert _rows(text) == [("indirect", "The new fares will not fix this shortfall", "Nora Pell")]
    text = "We will not give up on these voters, the senator said, clutching the lectern."
    assert _rows(text) == [("indirect", "We will not give up on these voters", "the senator")]
    # a that-clause after the phrase is still the content
    text = "Yesterday was a long day for the team, but Lee said on Monday that the plan would go ahead."
    assert ("indirect", "the plan would go ahead", "Lee") in _rows(text)


def test_according_to_after_a_clause_reports_that_clause():
    text = "Mrs. Vance leads Mr. Quell in harbour surveys by three points, according to the average of surveys " \
         "compiled by the Harbour Times."
    rows = _rows(text)
    assert rows[0][:2] == ("according_to", "Mrs. Vance leads Mr. Quell in harbour surveys by three points")
    assert rows[0][2].startswith("the average of surveys")
    # a subordinator leading into the phrase: the content is on the right
    text = "He crossed the border years ago after, according to him, the network censured his first report."
    assert _rows(text) == [("according_to", "the network censured his first report", "him")]
    # "As X noted, ..." keeps its content on the right
    text = "As The Harbour Times recently noted, trust in ferry lines is fading along the coast."
    assert _rows(text)[0][1] == "trust in ferry lines is fading along the coast"


def test_frame_between_commas_reports_both_sides_of_the_sentence():
    text = "It was impossible, Gabuyev said, so the leaders decided to divide the labor."
    assert _rows(text) == [("indirect", "It was impossible", "Gabuyev"),
                           ("indirect", "so the leaders decided to divide the labor", "Gabuyev")]
    text = "The licence, his office said, had been slow to arrive."
    # (a short subject before the frame and its predicate after it make one clause around the frame)
    assert [r[1] for r in _rows(text)] == ["The licence, his office said, had been slow to arrive"]
    # the narrator's next clause or a description of the speaker is no continuation
    assert [r[1] for r in _rows("The plan is weak, Smith said, and the vote was put off.")] == ["The plan is weak"]
    assert [r[1] for r in _rows("The plan is weak, Smith said, a view shared by others.")] == ["The plan is weak"]
    text = "The talks will go on next year, Ana Silva said on Wednesday, less than a month after the sanctions."
    assert [r[1] for r in _rows(text)] == ["The talks will go on next year"]


def test_coordinated_present_tense_cue_takes_the_sentence_subject():
    text = "Bush compares the actions to an executive order and says Barlow is flouting the process."
    assert _rows(text) == [("indirect", "Barlow is flouting the process", "Bush")]
    # a plural noun after "and" is no cue
    assert _rows("The senator ignored the threats and claims of the rivals.") == []


def test_chain_of_appositions_with_whose():
    text = "Hogan Gidley, a former director of the party, whose roots are in the church, said the base was angry."
    assert _rows(text) == [("indirect", "the base was angry", "Hogan Gidley")]


def test_comma_after_a_parenthesis_closing_the_subject():
    text = "Sen. Tom Vance (D-Ore.), said after a dinner on Tuesday that he had not seen the map."
    assert _rows(text) == [("indirect", "he had not seen the map", "Sen. Tom Vance (D-Ore.)")]


def test_speech_verb_before_that_needs_no_plural_subject():
    text = "Some who advocate free speech argue that the companies are in a difficult spot."
    assert [r[1] for r in _rows(text)] == ["the companies are in a difficult spot"]
    # a noun before "that" stays no cue
    assert _rows("There is a growing fear that the companies are in a difficult spot.") == []


def test_base_form_say_after_a_name_or_an_agent_noun():
    text = "Supporters of Ann Walsh say they should use the other door."
    assert _rows(text) == [("indirect", "they should use the other door", "Supporters of Ann Walsh")]
    assert _rows("Kerr has a say in it.") == []


def test_noun_cue_with_a_that_clause_and_a_speaker():
    text = "Later he expressed concern that the billionaire was encouraging violence."
    rows = find_attributions(text)
    assert [(text[r["start"]:r["end"]], text[r["speaker_start"]:r["speaker_end"]], r["lemma"]) for r in rows] == [
        ("the billionaire was encouraging violence", "he", "concern")]
    text = "Voters heard Kerr's repeated claims that the vote was rigged."
    assert _rows(text) == [("indirect", "the vote was rigged", "Kerr")]  # the possessor without "'s"
    # no speaker, or a relative clause: no attribution
    assert _rows("The allegations that Walsh lied were false.") == []
    assert _rows("It was his claim that was rejected by the court.") == []


def test_approximate_quantities_and_participles_as_subjects_of_say():
    assert _rows("About 9 percent said they had no preference.") == [
        ("indirect", "they had no preference", "About 9 percent")]
    text = "In each state, about half of voters say they prefer an outsider."
    assert _rows(text) == [("indirect", "they prefer an outsider", "about half of voters")]
    assert _rows("By double digits, those surveyed say tighter laws would help.") == [
        ("indirect", "tighter laws would help", "those surveyed")]


def test_age_between_commas_in_a_chain_of_appositions():
    text = "Jillian Chase, 27, a dental nurse in Ohio, said the election would come up."
    assert _rows(text) == [("indirect", "the election would come up", "Jillian Chase")]


def test_negated_auxiliary_between_subject_and_cue():
    assert _rows("Kerr didn't say that the wall would be built.") == [
        ("indirect", "the wall would be built", "Kerr")]
    assert _rows("Democrats don’t think Walsh can catch Rhodes.") == [
        ("indirect", "Walsh can catch Rhodes", "Democrats")]
    # a negated act with a noun phrase reports nothing
    assert _rows("The former president didn't mention his own impact on the race.") == []


def test_nounish_s_form_before_a_that_clause_is_a_verb():
    assert _rows("Still, the poll shows that moderates may be pliable.") == [
        ("indirect", "moderates may be pliable", "the poll")]
    assert _rows("His comments that were aired on Sunday angered many.") == []


def test_a_named_poll_introduced_by_in_is_a_source():
    text = "Vance led Quell more than 2-1 in a Harbour Times/Lark poll released Monday."
    assert _rows(text) == [("according_to", "Vance led Quell more than 2-1", "a Harbour Times/Lark poll released Monday")]
    text = "In the new Post-ABC poll, the mogul wins about 1 in 3 primary voters."
    assert _rows(text) == [("according_to", "the mogul wins about 1 in 3 primary voters", "the new Post-ABC poll")]
    # polls in general, or a poll inside a noun phrase, name no source
    assert _rows("Since then Walsh has continued to lead in the polls.") == []
    assert _rows("Just 13 percent of voters in the nationwide survey approved of him.") == []


def test_a_quotation_opening_the_next_paragraph_goes_on_quoting_the_speaker():
    text = '"There is something about those stories," said Ann Murphy, a teacher.\n\n"I mean, I do think of them."'
    rows = _rows(text)
    assert rows == [("direct", "There is something about those stories,", "Ann Murphy"),
                    ("direct", "I mean, I do think of them.", "Ann Murphy")]
    # not after an indirect attribution, nor across two paragraphs
    text = "Ann Murphy said the stories mattered.\n\nThe school closed.\n\n\"I mean, I do think of them.\""
    assert [r[1] for r in _rows(text)] == ["the stories mattered"]


def test_three_apostrophes_close_an_inner_and_the_outer_quotation():
    text = "''She would ask me, 'Why did he leave the harbour?''' Mr. Vance said."
    assert _rows(text) == [("direct", "She would ask me, 'Why did he leave the harbour?'", "Mr. Vance")]


def test_said_by_telephone_is_active_but_responded_by_doing_is_an_act():
    text = "''It is nonsense,'' Mr. Kerr said by telephone."
    assert _rows(text) == [("direct", "It is nonsense,", "Mr. Kerr")]
    assert _rows("Beijing responded by sidestepping Moscow and building a bank.") == []
    assert _rows("It was an option seen by many as the best.") == []


def test_a_polling_average_can_be_a_source_but_a_market_average_cannot():
    text = "Rhodes trails Walsh in California by 4 points, according to the polling average."
    assert _rows(text) == [("according_to", "Rhodes trails Walsh in California by 4 points", "the polling average")]
    assert _rows("The index fell 2 percent, according to the market average.") == []


def test_speech_acts_whose_object_is_what_was_said():
    text = "Former Gov. Jeb Bush called Kerr unhinged in a debate."
    assert _rows(text) == [("indirect", "Kerr unhinged in a debate", "Former Gov. Jeb Bush")]
    text = "The senator called for a special prosecutor on Monday."
    assert _rows(text)[0][1:] == ("a special prosecutor on Monday", "The senator")
    text = "Ms. Lee talked about the drug crisis in her state."
    assert _rows(text) == [("indirect", "the drug crisis in her state", "Ms. Lee")]
    # an event named by a determiner and one noun stays an event, not reported speech; acts of judging
    # ("condemned", "rejected") keep needing a clause; a time phrase is no object
    assert _rows("The Turkish Foreign Ministry called the move on Monday.") == []
    assert _rows("The Turkish Foreign Ministry condemned the new sanctions on the agency.") == []
    assert _rows("The plan described on Monday aims at the agency.") == []


def test_an_evidence_verb_after_a_document_is_a_verb():
    text = "A new CNN poll shows Walsh and Rhodes in a dead heat in Iowa."
    assert _rows(text) == [("indirect", "Walsh and Rhodes in a dead heat in Iowa", "A new CNN poll")]
    # after other nouns the -s form stays a noun
    assert _rows("The television shows drew large audiences in Iowa.") == []


def test_a_noun_whose_prepositional_object_is_the_content():
    text = "Other Republicans joined Pratt's call for a special prosecutor in the case."
    assert _rows(text) == [("indirect", "a special prosecutor in the case", "Pratt")]
    text = "She expressed support for the candidate."
    assert _rows(text) == [("indirect", "the candidate", "She")]
    # without a possessor or a voicing verb nobody in particular speaks
    assert _rows("The call for talks was ignored.") == []


def test_a_share_of_those_polled_is_a_subject():
    text = "The poll was taken in May. Two in three said they are more willing to sail."
    assert _rows(text) == [("indirect", "they are more willing to sail", "Two in three")]
    text = "On social issues, 42% say they are liberal."
    assert _rows(text) == [("indirect", "they are liberal", "42%")]
    assert _rows("A mere 9 percent say they only ride ferries.") == [
        ("indirect", "they only ride ferries", "A mere 9 percent")]
    # a number word before a verb is still a determiner elsewhere; noun-like -s verbs stay nouns
    assert _rows("The band played two in three concerts last year.") == []
    assert _rows("About 42% support a ban on imports from the region.") == []
    text = "The ministry said in a written statement that the sanctions were unfair."
    assert _rows(text) == [("indirect", "the sanctions were unfair", "The ministry")]


def test_stances_taken_in_words_have_their_object_as_content():
    text = "Republicans have been critical of Walsh's use of personal email."
    assert _rows(text) == [("indirect", "Walsh's use of personal email", "Republicans")]
    text = "Christie took aim at Vidal's record on immigration."
    assert _rows(text) == [("indirect", "Vidal's record on immigration", "Christie")]
    # an event named by a determiner and one noun is still no content
    assert _rows("The union was critical of the decision.") == []


def test_verbs_of_judging_and_announcing_take_a_noun_phrase_object_as_content():
    text = "The mayor criticized the governor's plan for the harbour."
    assert _rows(text) == [("indirect", "the governor's plan for the harbour", "The mayor")]
    text = "The minister announced a new programme of school meals."
    assert _rows(text) == [("indirect", "a new programme of school meals", "The minister")]
    text = "Ms. Okafor touted her record on public transport."
    assert _rows(text) == [("indirect", "her record on public transport", "Ms. Okafor")]
    # a measure or a decision as the object is an event, however long its noun phrase
    assert _rows("The council condemned the new parking restrictions as unfair.") == []
    assert _rows("The union denounced the decision of the board.") == []
    assert _rows("The mayor criticized the move.") == []


def test_object_nouns_with_on_and_their_object_cut_before_the_main_verb():
    # "on" is a preposition of these nouns (YAML 1.1 had read it as the boolean true)
    text = "Her harsh attacks on the new tax rules alarmed the suburbs."
    assert _rows(text) == [("indirect", "the new tax rules", "Her")]
    text = "Garza's sharp criticism on the zoning law surprised the council."
    assert _rows(text) == [("indirect", "the zoning law", "Garza")]
    # a name followed by the main clause's verb ends the object; so does a time phrase
    text = "Lindqvist's attacks on Moreau are unusual for a mayor."
    assert _rows(text) == [("indirect", "Moreau", "Lindqvist")]
    text = "His attack on Moreau last night drew boos from the crowd."
    assert _rows(text) == [("indirect", "Moreau", "His")]


def test_one_word_object_of_a_content_object_verb_is_its_content():
    assert _rows("The harbour union endorsed Moreau.") == [("indirect", "Moreau", "The harbour union")]
    assert _rows("Ms. Okafor criticized him.") == [("indirect", "him", "Ms. Okafor")]
    # a lower-case one-word object is no person: nothing reported
    assert _rows("The mayor criticized everything.") == []


def test_sentence_final_report_or_tell_with_an_addressee_reports_the_clause_on_its_left():
    text = "The ferry line will close in March, the Harbour Gazette reported."
    assert _rows(text) == [("indirect", "The ferry line will close in March", "the Harbour Gazette")]
    text = "The budget covers two new schools, the finance minister told a council panel Tuesday."
    assert _rows(text) == [("indirect", "The budget covers two new schools", "the finance minister")]
    # an addressee followed by a clause keeps the clause on the right, without the addressee
    text = "The harbour is busy, the mayor told reporters the budget was tight."
    assert _rows(text)[-1] == ("indirect", "the budget was tight", "the mayor")
    # a left part that is no clause of its own (a phrase of time or circumstance) reports nothing
    rows = _rows("On the last day of the tour, the captain told a joke.")
    assert all(not content.startswith("On the last day") for _kind, content, _spk in rows)
    assert _rows("With two seats at stake, the Harbour Gazette reported.") == []


def test_finding_oneself_or_a_way_is_no_report():
    assert _rows("The port authority has found itself at the centre of the dispute.") == []
    assert _rows("Ms. Okafor found ways to widen the harbour road.") == []
    # a finding that is a clause is still reported
    text = "The inspectors found that the pier was unsafe."
    assert _rows(text) == [("indirect", "the pier was unsafe", "The inspectors")]


def test_a_past_participle_between_a_number_and_its_noun_is_no_cue():
    assert _rows("Moreau currently leads Garza by roughly 270 pledged delegates as the season ends.") == []
    assert _rows("The win hands her 20 pledged delegates, helping her lead.") == []
    text = "Moreau pledged 270 new homes for the harbour district."
    assert _rows(text) == [("indirect", "270 new homes for the harbour district", "Moreau")]


def test_a_judged_act_inside_a_final_frames_clause_is_part_of_what_was_said():
    # the content of "the mayor said" is the whole clause on its left, not the object of "condemned"
    rows = _rows("The union condemned the move, the mayor said.")
    assert ("indirect", "The union condemned the move", "the mayor") in rows
    assert all(content != "the move" or spk != "the mayor" for _kind, content, spk in rows)


def test_an_article_after_a_speaker_first_frame_between_commas_opens_the_rest_of_the_content():
    text = "In any case, Mr. Marlow said, the shipping industry was vastly over-supplied with boats."
    # (the fronted phrase "In any case" is no content of its own)
    assert _rows(text) == [("indirect", "the shipping industry was vastly over-supplied with boats", "Mr. Marlow")]
    # after an inverted frame the article opens the speaker's description, not more content
    text = "Taxes will not bring these jobs back, said Dana Ruiz, a professor of economics at the university."
    assert _rows(text) == [("indirect", "Taxes will not bring these jobs back", "Dana Ruiz")]
    # a noun phrase with no finite verb after the frame is no continuation
    text = "The plan can still pass, the senator said, the day after the vote."
    assert [r[1] for r in _rows(text)] == ["The plan can still pass"]


def test_maintain_reports_only_a_clause():
    assert _rows("The county maintained the roads through the winter.") == []
    text = "The governor maintained that the budget was balanced."
    assert _rows(text) == [("indirect", "the budget was balanced", "The governor")]


def test_clause_only_verbs_of_judgement_and_calculation():
    text = "The director recommended that no charges be filed against the contractor."
    assert _rows(text) == [("indirect", "no charges be filed against the contractor", "The director")]
    text = "The water board calculates that four million homes will pay more."
    assert _rows(text) == [("indirect", "four million homes will pay more", "The water board")]
    text = "The auditors determined that the fund had lost half its value."
    assert _rows(text) == [("indirect", "the fund had lost half its value", "The auditors")]
    # without a clause they report nothing: a noun phrase is what was decided or computed, not said
    assert _rows("The panel will determine the winner on Friday.") == []
    assert _rows("The clerk calculated the total by hand.") == []


def test_like_reports_only_a_clause_or_an_infinitive():
    # (the noun cue "attack on" may still report its own object; "liked" reports nothing)
    assert [r for r in _rows("Voters liked his attack on the senator.") if r[2] == "Voters"] == []
    assert _rows("Voters liked the new stadium.") == []
    text = "The coach would like to see more effort from the younger players."
    assert _rows(text) == [("indirect", "to see more effort from the younger players", "The coach")]


def test_a_fronted_participle_reports_its_that_clause_for_the_sentences_subject():
    text = "Noting that only one senator voted with them, the activists vowed to fight on."
    assert ("indirect", "only one senator voted with them", "the activists") in _rows(text)
    # a participle with no clause after it reports nothing ("Walking home, ...")
    assert [r for r in _rows("Walking home after the game, the coach waved to the fans.") if r[1].startswith("home")] == []


def test_fronted_asked_reports_the_question_and_keeps_the_answer():
    text = "Asked whether the bridge would reopen, the engineer said repairs would take a month."
    assert _rows(text) == [("indirect", "whether the bridge would reopen", None),
                           ("indirect", "repairs would take a month", "the engineer")]
    text = "Asked about the delay, Ms. Okafor shook her head."
    assert _rows(text) == [("indirect", "about the delay", None)]
    # "when asked" later in the sentence
    text = "The mayor declined to comment when asked if the budget would be cut."
    assert ("indirect", "if the budget would be cut", None) in _rows(text)
    # not a question: "asked for" is a request the rules leave to the verb lexicon
    assert [r for r in _rows("Asked for an hour of work, they left.") if r[1].startswith("for")] == []


def test_a_headline_names_its_source_before_a_colon():
    text = "Mayor Ann Lee: The New Bridge Will Open On Time.\n\nThe city's mayor spoke on Friday."
    assert _rows(text) == [("indirect", "The New Bridge Will Open On Time", "Mayor Ann Lee")]
    rows = find_attributions(text)
    assert rows[0]["verb"] == ":"
    text = "Survey: Most residents back the tram plan.\n\nBody."
    assert _rows(text) == [("indirect", "Most residents back the tram plan", "Survey")]
    # quoted words inside the claim make it a mixed quote with its fragment
    text = "Okafor: Tax plan is “wrong for farmers” and must go.\n\nBody."
    assert _rows(text) == [("mixed", "Tax plan is “wrong for farmers” and must go", "Okafor"),
                           ("direct", "wrong for farmers", "Okafor")]


def test_a_headline_kicker_or_a_short_heading_is_no_source():
    for headline in ("WATCH: The Mayor Opens The New Bridge.", "Breaking: Storm closes the harbour road.",
                     "The Latest: Storm closes the harbour road.", "Morning Update: Storm closes the road.",
                     "Big Win For Lee: Council backs the tram plan.", "Okafor: A miracle."):
        assert _rows(headline + "\n\nBody.") == [], headline
    # a label inside the text is a transcript's turn (see the test of turns below), with its own filters
    assert _rows("First line of the piece.\n\nOkafor: The plan will fail next year.") == [
        ("indirect", "The plan will fail next year", "Okafor")]


def test_according_to_between_commas_after_a_fronted_phrase_reports_the_whole_sentence():
    text = "Since last May, according to the union, about 400 workers have left the plant."
    assert _rows(text) == [("according_to", text[:-1], "the union")]
    text = "But the next day, according to Ibsen, the mayor made new demands."
    assert _rows(text) == [("according_to", "the next day, according to Ibsen, the mayor made new demands", "Ibsen")]
    # a left part that is a clause of its own keeps only that clause; an apposition after the source is no clause
    text = "In Ohio, the governor leads, according to the poll, although the race is close."
    assert _rows(text)[0][:2] == ("according_to", "In Ohio, the governor leads")
    text = "The contract covers about 100 workers, according to the union, one of the groups representing staff."
    assert _rows(text)[0][:2] == ("according_to", "The contract covers about 100 workers")


def test_an_adverb_before_the_complementizer_is_no_content():
    text = "The mayor has said repeatedly that taxes will not rise."
    assert _rows(text) == [("indirect", "taxes will not rise", "The mayor")]


def test_a_participle_after_a_capitalised_determiner_takes_its_noun_phrase():
    """', adding that ...' has the sentence's subject; when that opens with "The" it is the noun phrase ("The
    senator", stopping at an irregular past such as "went"), never "The" alone; a determiner standing as a
    pronoun ("Some") is the subject itself."""
    text = "The senator went further, adding that the deal was a disaster."
    assert _rows(text) == [("indirect", "the deal was a disaster", "The senator")]
    text = "The judge ruled on Friday, saying the law was unconstitutional."
    assert _rows(text) == [("indirect", "the law was unconstitutional", "The judge")]
    text = "Some wrote back, adding that the plan was unfair."
    assert _rows(text) == [("indirect", "the plan was unfair", "Some")]


def test_a_name_with_an_age_and_home_town_between_commas():
    """'Kim Baker, 22, of Dayton, Ohio, said': the place's head follows a preposition, so the apposition
    reading failed and no row came out; the name before the details is the speaker."""
    text = "Kim Baker, 22, of Dayton, Ohio, said she would vote for the governor next year."
    assert _rows(text) == [("indirect", "she would vote for the governor next year", "Kim Baker")]
    text = "Tom Vance, 61, from Macon, says his biggest worry is the price of feed."
    assert _rows(text) == [("indirect", "his biggest worry is the price of feed", "Tom Vance")]


def test_a_name_with_a_party_tag_and_a_comma_after_a_fronted_phrase():
    """'At a rally on Monday, Gov. John Mercer (R-OH), said': a stray comma after the party tag; the name is
    the speaker also when the sentence does not start with it."""
    text = "At a rally on Monday, Gov. Anne Wells (R-OH), said the plan would fail."
    assert _rows(text) == [("indirect", "the plan would fail", "Gov. Anne Wells (R-OH)")]
    text = "Later, Sen. Jack Reed (D-R.I.), said the plan would fail."
    assert _rows(text) == [("indirect", "the plan would fail", "Sen. Jack Reed (D-R.I.)")]
    # a parenthesis that is no party tag after a fronted phrase names no speaker this way
    assert _rows("In Ohio, the governor (a Republican), said the plan would fail.") == []


def test_a_judgement_closed_by_a_final_frame_is_that_frames_content():
    """'Most economists agree, the report said.': the sentence-opening cue reports nothing on its right (what
    follows the comma is a final frame, its subject first and its verb last); the final frame reports the
    clause on its left. A parenthetical frame and a that-clause keep their own readings."""
    text = "Most economists agree, the report said on Thursday."
    assert _rows(text) == [("indirect", "Most economists agree", "the report")]
    text = "Most voters agree, a new poll found."
    assert _rows(text) == [("indirect", "Most voters agree", "a new poll")]
    text = "The ministry said that Turkey would respond."
    assert _rows(text) == [("indirect", "Turkey would respond", "The ministry")]


def test_a_cues_participle_alone_is_no_speaker():
    """'was considering supporting the governor': "supporting" has no subject of its own; "considering" gave a
    row with the participle as the speaker."""
    text = "She was considering supporting the governor."
    assert _rows(text) == [("indirect", "supporting the governor", "She")]


def test_a_preposition_after_a_complementizer_opens_the_content():
    text = "Setting that aside, Moreno said that with the votes she already had, the motion would pass easily."
    assert _rows(text) == [("indirect", "with the votes she already had, the motion would pass easily", "Moreno")]


def test_the_rest_after_a_frame_between_commas_may_open_with_a_preposition():
    text = "The harbor plan would be helped, Okafor said, by the new funding rules."
    assert _rows(text) == [("indirect", "The harbor plan would be helped", "Okafor"),
                           ("indirect", "by the new funding rules", "Okafor")]
    text = "It is only fair, the mayor said, for the county to share the cost of the bridge."
    assert _rows(text) == [("indirect", "It is only fair", "the mayor"),
                           ("indirect", "for the county to share the cost of the bridge", "the mayor")]
    # a phrase about the telling is no continuation of the content
    text = "The harbor plan would be helped, Okafor said, in an interview on Monday."
    assert _rows(text) == [("indirect", "The harbor plan would be helped", "Okafor")]


def test_fronted_asked_with_the_asker_or_a_phrase_about_the_asking():
    text = 'Asked by a local reporter whether the depot would close, Ms. Varga said, "Not this year."'
    assert _rows(text) == [("indirect", "whether the depot would close", "a local reporter"),
                           ("direct", "Not this year.", "Ms. Varga")]
    text = "Asked at a briefing on Friday about the new tariffs, the minister declined to comment."
    assert _rows(text)[0] == ("indirect", "about the new tariffs", None)
    text = "When asked on Tuesday if she would run again, Varga smiled."
    assert _rows(text) == [("indirect", "if she would run again", None)]
    # "asked by" inside a clause is no fronted question
    assert _rows("The bill was asked by the committee to pass.") == []


def test_a_later_line_opening_with_a_speakers_label_is_a_transcript_turn():
    text = ("Part of the radio interview follows.\n\nMARA VOSS: Do you think the new levy will pass this spring?\n\n"
            "Okafor: I think the council will back it, and the mayor knows that.\n\n"
            "Contributing: Lena Hart and Tom Baker.\n\nOhio: Ann Lee, Bob Marsh, Carl Ruiz, Dan Todd.\n\n"
            "Okafor: Not this year.")
    rows = _rows(text)
    assert ("indirect", "Do you think the new levy will pass this spring", "MARA VOSS") in rows
    assert ("indirect", "I think the council will back it, and the mayor knows that", "Okafor") in rows
    # a credit line, a list of names and a short heading are no turns
    assert not any(r[2] in ("Contributing", "Ohio") or r[1] == "Not this year" for r in rows)


def test_a_digest_item_names_its_source_after_a_dash():
    text = ("Weekly digest.\n\nSURVEYS CLOSED TOO SOON - Ann Lee and Bo Park: \u201cThe surveys closed too early to "
            "catch the late shift in the race.\u201d\n\nMore items follow.")
    rows = _rows(text)
    assert ("direct", "The surveys closed too early to catch the late shift in the race.", "Ann Lee and Bo Park") in rows
    assert rows[0][1].startswith("\u201cThe surveys") and rows[0][2] == "Ann Lee and Bo Park"


def test_a_time_phrase_after_an_apposition_is_not_the_speaker():
    text = "Dana Ruiz, the party chairman, last month said the vote would be held in May."
    assert _rows(text) == [("indirect", "the vote would be held in May", "Dana Ruiz")]


def test_a_frame_that_ends_the_sentence_reports_a_left_clause_that_opens_with_a_phrase():
    text = "In Toledo, marchers honored the victims with white candles held aloft, a local station reported."
    assert _rows(text) == [("indirect", "In Toledo, marchers honored the victims with white candles held aloft",
                            "a local station")]


def test_naming_expressing_and_retweeting_verbs_report_their_object():
    assert _rows("The mayor portrayed the plan as a gift to developers.") == [
        ("indirect", "the plan as a gift to developers", "The mayor")]
    assert _rows("Okafor likened the race to a slow car crash.") == [
        ("indirect", "the race to a slow car crash", "Okafor")]
    assert _rows("Ms. Varga characterized the offer as an insult to the nurses.") == [
        ("indirect", "the offer as an insult to the nurses", "Ms. Varga")]
    assert _rows("Several council members expressed frustration with the new parking rules.") == [
        ("indirect", "frustration with the new parking rules", "Several council members")]
    assert _rows("The senator retweeted a post calling the plan a disgrace.")[0] == (
        "indirect", "a post calling the plan a disgrace", "The senator")
    # "compared with" stays no cue
    assert _rows("The debate was tame compared with the one last year.") == []


def test_offering_listing_going_after_and_learning_report_their_object_or_clause():
    assert _rows("The mayor offered his assessment of the race.") == [
        ("indirect", "his assessment of the race", "The mayor")]
    assert _rows("Okafor listed three reasons for the long delay.") == [
        ("indirect", "three reasons for the long delay", "Okafor")]
    assert _rows("Ms. Varga went after the council's handling of the budget.") == [
        ("indirect", "the council's handling of the budget", "Ms. Varga")]
    assert _rows("The nurses learned that the ward would close in May.") == [
        ("indirect", "the ward would close in May", "The nurses")]
    # a passive names no source
    assert _rows("Mourners were offered two kinds of flowers.") == []


def test_offering_and_listing_need_a_speaker_an_object_and_no_negation():
    # a subject that cannot speak, a participle before a preposition, a negated act
    assert _rows("For the capital, the episode offers another chance to show that its arms can sell.") == []
    assert _rows("The twelve measures listed in Section 9 range from fines to visa bans.") == []
    assert _rows("The ministry did not offer details of the second purchase.") == []


def test_a_quantifier_alone_is_the_subject_of_a_base_form_cue():
    assert _rows("Few think the levy will ever take effect.") == [
        ("indirect", "the levy will ever take effect", "Few")]
    assert _rows("Many believe the ferry plan will fail.") == [("indirect", "the ferry plan will fail", "Many")]
    # "the most" opens a superlative, not a subject
    assert _rows("It was the most elaborate hiring process in years.") == []


def test_reportedly_attributes_its_clause_to_an_unnamed_source():
    assert _rows("The agency is reportedly making plans to question the governor.") == [
        ("indirect", "The agency is reportedly making plans to question the governor", None)]
    assert _rows("In total, the intruders have reportedly entered more than 100 party offices.") == [
        ("indirect", "the intruders have reportedly entered more than 100 party offices", None)]
    # a participle after a comma or an adverb inside a prepositional phrase reports no clause
    assert _rows("Lee has been on a hunt, reportedly winning over enough delegates to block the plan.") == []
    assert _rows("The dispute over his fee for allegedly breaking the deal went to court.") == []


def test_an_aside_between_dashes_after_the_subject():
    text = "Insiders in the two border states — Texas and Arizona — said that the tariff will not pass."
    assert _rows(text) == [("indirect", "the tariff will not pass", "Insiders in the two border states")]


def test_according_to_after_a_clause_reports_the_clause_whole_across_an_inner_frame():
    text = "The mayor is viewed favorably by 50 percent, while 45 percent view her unfavorably, according to the poll."
    rows = _rows(text)
    assert ("according_to", "The mayor is viewed favorably by 50 percent, while 45 percent view her unfavorably",
            "the poll") in rows


def test_a_connective_alone_before_a_frame_between_commas_leaves_the_content_on_the_right():
    assert _rows("And yet, the mayor's aides say, the harbor remains a priority for her.") == [
        ("indirect", "the harbor remains a priority for her", "the mayor's aides")]


def test_speech_acts_for_or_against_something_report_their_object():
    assert _rows("Okafor railed against the new harbor tax.") == [("indirect", "the new harbor tax", "Okafor")]
    assert _rows("Ms. Varga lashed out at the council's budget office.") == [
        ("indirect", "the council's budget office", "Ms. Varga")]
    assert _rows("Mayor Lee has pushed for a full recount of the ballots.") == [
        ("indirect", "a full recount of the ballots", "Mayor Lee")]


def test_collective_nouns_and_professions_can_speak():
    # verbs of naming report only with a subject that can speak: a union, nurses, a company (speaker_nouns.yaml)
    text = "The union characterized the offer as an insult."
    assert _rows(text) == [("indirect", "the offer as an insult", "The union")]
    text = "Nurses characterized the new rota as unsafe."
    assert _rows(text) == [("indirect", "the new rota as unsafe", "Nurses")]
    # a thing still cannot: no row
    assert _rows("The offer characterized the decade as a lost one.") == []


def test_a_frame_between_commas_after_a_cue_is_skipped_to_the_that_clause():
    # the content of "agreed" starts at "that", not at the inner frame; the inner frame gives no row of its own
    text = "He agreed, the mayor said, that the port should reopen."
    assert _rows(text) == [("indirect", "the port should reopen", "He")]
    text = "She hoped, said a close aide on Monday, that the strike would end soon."
    assert _rows(text) == [("indirect", "the strike would end soon", "She")]
    # with no "that" clause after it, the frame between commas is the sentence's own frame
    assert _rows("He agreed, the mayor said.") == [("indirect", "He agreed", "the mayor")]


def test_the_addressee_after_told_is_no_content():
    # "his top aide" points back to someone else: the chain of appositions stops there, and the name after
    # "told" is whom the aide told, not what
    text = "The senator remains committed to the race, his top aide, Tad Devine, told The Daily Ledger."
    assert _rows(text) == [("indirect", "The senator remains committed to the race", "his top aide")]
    text = "Despite the defeats on Tuesday, the senator will stay in the race, his top aide told The Daily Ledger."
    assert all(content != "The Daily Ledger" for _k, content, _s in _rows(text))
    # a clause after "told" is still the content
    text = "The mayor, his old rival, told The Daily Ledger that the port should reopen."
    assert ("indirect", "the port should reopen", "The mayor") in _rows(text)


def test_a_coordinated_verb_with_a_direct_quote_keeps_the_first_content():
    # "added" introduces the quotation with the outer subject; "said" keeps its own clause up to "and"
    text = "Smith said the plan was dead and added, “We will fight it.”"
    assert _rows(text) == [("indirect", "the plan was dead", "Smith"), ("direct", "We will fight it.", "Smith")]
    text = "Smith said the plan was dead and then added: “We will fight it.”"
    assert _rows(text) == [("indirect", "the plan was dead", "Smith"), ("direct", "We will fight it.", "Smith")]
    # a quotation inside the reported clause still makes one mixed quote
    text = "Smith said he wants “a fair deal” for the port."
    assert ("mixed", "he wants “a fair deal” for the port", "Smith") in _rows(text)


def test_told_without_that_starts_the_content_after_the_addressee():
    text = "The minister told reporters the port should reopen next week."
    assert _rows(text) == [("indirect", "the port should reopen next week", "The minister")]
    text = "The minister told the harbour committee on Tuesday the ferry would run again."
    assert _rows(text) == [("indirect", "the ferry would run again", "The minister")]
    assert _rows("Ana Silva told the radio station she would not stand again.") == [
        ("indirect", "she would not stand again", "Ana Silva")]
    # "her" after "told" is the addressee, not the subject's possessive
    assert _rows("Lee told her the plan was dead.") == [("indirect", "the plan was dead", "Lee")]
    # a phrase about the telling before the clause: "said in a statement the ..."
    assert _rows("The ferry company said in a statement the port would reopen.") == [
        ("indirect", "the port would reopen", "The ferry company")]
    # no clause after the addressee: the object stays as it was
    assert _rows("Lee told the crowd the story of his life.") == [
        ("indirect", "the crowd the story of his life", "Lee")]
    # a relative clause after a preposition's object is no content of its own
    text = "Marlow elaborated on the plan he felt the council was hoping to build."
    assert all(not c.startswith("he felt") for _k, c, _s in _rows(text))


def test_asked_with_an_addressee_reports_the_question():
    assert _rows("The host asked the mayor how high the sea wall would be.") == [
        ("indirect", "how high the sea wall would be", "The host")]
    assert _rows("Lee asked Walsh on Friday whether she would release the transcripts.") == [
        ("indirect", "whether she would release the transcripts", "Lee")]
    # an infinitive after the addressee is what was asked for
    text = "The anchor pressed on, asking the mayor to share his views on the ferry."
    assert _rows(text)[-1][1] == "the mayor to share his views on the ferry"


def test_plural_and_quantified_subjects_of_say():
    assert _rows("The police say they have not yet found the cause.") == [
        ("indirect", "they have not yet found the cause", "The police")]
    assert _rows("Nearly a third say they do not know.") == [("indirect", "they do not know", "Nearly a third")]
    rows = _rows("Six in 10 say the mayor is at least somewhat decisive.")
    assert [r[1] for r in rows] == ["the mayor is at least somewhat decisive"]
    assert _rows("Several said they would rather stay home.") == [
        ("indirect", "they would rather stay home", "Several")]
    # a quantifier inside a noun phrase is no subject
    assert _rows("The deal was worth several said billions.") == []


def test_an_ing_cue_after_be_before_punctuation_is_an_adjective():
    text = "The ferry plan is worrying, Cuban said."
    assert _rows(text) == [("indirect", "The ferry plan is worrying", "Cuban")]
    # "telling" after "is" and before a preposition is an adjective; before an addressee a verb
    assert _rows("The mayor's metaphor is telling in its own right.") == []
    assert _rows("The mayor is telling reporters the port will reopen.")[0][1] == "the port will reopen"
    # before "to" it is still a verb of intention
    assert _rows("The mayor is hoping to reopen the port.")[0][1] == "to reopen the port"


def test_an_according_to_phrase_after_the_content_ends_it():
    text = "Ana Silva said the ferry would stop in May, according to two aides."
    rows = _rows(text)
    assert ("indirect", "the ferry would stop in May", "Ana Silva") in rows
    assert rows[0][0] == "according_to" and rows[0][2] == "two aides"


def test_add_reports_only_a_clause():
    # "add" with a noun phrase or "to" is an addition, not a report
    assert _rows("In the past five years, the province has added 1 million private sector jobs.") == []
    assert _rows("The late filing only added to the picture of a council in chaos.") == []
    assert _rows("The mayor won the primary, adding to her string of wins in the north.") == []
    # with a clause it reports
    assert _rows("The mayor added that the port would reopen in May.") == [
        ("indirect", "the port would reopen in May", "The mayor")]
    text = "The port will reopen in May, the mayor added."
    assert _rows(text) == [("indirect", "The port will reopen in May", "the mayor")]


def test_fronted_phrase_before_a_frame_between_commas_is_no_content_of_its_own():
    text = "In Halifax, Mr. Lowe said, the ferry is seen as a lifeline."
    assert _rows(text) == [("indirect", "the ferry is seen as a lifeline", "Mr. Lowe")]
    text = "On Tuesday, the mayor said, the port will reopen."
    assert _rows(text) == [("indirect", "the port will reopen", "the mayor")]
    # a clause on the left is still reported, and so is a subject phrase opening with "this"
    text = "In the end, the plan failed, the mayor said, and the port closed."
    assert _rows(text)[0][1] == "In the end, the plan failed"
    text = "This sort of remark, the network said, violates its code of practice."
    assert [r[1] for r in _rows(text)] == ["This sort of remark", "violates its code of practice"]


def test_what_follows_an_according_to_source_is_its_description_not_the_content():
    text = "The claim cannot support a fine, according to a harbour notice posted by the county clerk."
    rows = _rows(text)
    assert [r[:2] for r in rows] == [("according_to", "The claim cannot support a fine")]
    assert rows[0][2].startswith("a harbour notice")
    # nothing on the left: the clause after the description's comma is the content
    text = "According to a report by the ministry, the port will reopen in May."
    assert [r[1] for r in _rows(text)] == ["the port will reopen in May"]
    text = "According to notes from Ana Silva, a close friend of the mayor, the deal was signed twice."
    assert [r[1] for r in _rows(text)] == ["the deal was signed twice"]
    text = "According to Ana Silva, a lawyer at Dunmore LLP, an operational test strengthens the case for action."
    assert [r[1] for r in _rows(text)] == ["an operational test strengthens the case for action"]
    # "as X reported" with a phrase of time after it reports the clause on its left
    text = "The strike was put to a vote, as the Harbour Gazette reported last week."
    assert [r[1] for r in _rows(text)] == ["The strike was put to a vote"]


def test_a_phrase_between_commas_after_that_keeps_the_clause():
    # "add" reports only a clause; "that" before the phrase between commas makes the rest one
    text = "Moreau added that, in the northern districts, the ferry carries most of the freight."
    assert _rows(text) == [("indirect", "in the northern districts, the ferry carries most of the freight", "Moreau")]
    # without "that" a noun phrase after "added" stays an event
    assert _rows("The council added two ferries to the winter schedule.") == []


def test_a_subject_pronoun_is_the_whole_subject_of_the_verb_after_it():
    # "the warmth and respect [they] show": the nouns before "they" end the earlier phrase, so the reported
    # clause of "say" runs on to its verb
    text = "Aides say the warmth and respect they show their mother gives voters a kinder picture of him."
    assert _rows(text) == [
        ("indirect", "the warmth and respect they show their mother gives voters a kinder picture of him", "Aides")]


def test_a_cue_whose_object_is_an_event_leaves_a_final_frame_its_clause():
    # "added 160 guards" is an event: it neither holds the final frame nor cuts its content
    text = "Organisers added 160 guards along the parade route, the Harbour Gazette reported."
    assert _rows(text) == [("indirect", "Organisers added 160 guards along the parade route", "the Harbour Gazette")]
    text = "In Lisbon, organisers added 40 guards along the route, up from 25 last year, a local radio station reported."
    assert _rows(text) == [("indirect", "In Lisbon, organisers added 40 guards along the route, up from 25 last year",
                            "a local radio station")]


def test_a_share_after_with_speaks_its_participle():
    text = "The mayor kept a narrow lead, with 30 percent of residents saying they would back a rival."
    assert _rows(text) == [("indirect", "they would back a rival", "30 percent of residents")]
    # without a clause after it the participle is left to the other rules
    text = "The mayor kept a narrow lead, with 30 percent of residents saying nothing at all."
    assert all(r[2] != "30 percent of residents" for r in _rows(text))


def test_a_subject_pronoun_after_a_fronted_phrase_is_the_speaker():
    text = "Although in March she said the ferry contract was a mistake, she defended it on Tuesday."
    rows = _rows(text)
    assert rows[0][2] == "she"
    assert rows[0][1].startswith("the ferry contract was a mistake")


def test_a_report_inside_a_speakers_description_ends_with_the_description():
    text = "Moreau, who had said the union would strike, argued on Monday that the deal was fair."
    assert _rows(text) == [("indirect", "the union would strike", "who"), ("indirect", "the deal was fair", "Moreau")]
    # what describes the speaker without a report stays part of the speaker
    text = "Ana Silva, a lawyer who writes on labour law, argued that the contract was void."
    assert _rows(text) == [("indirect", "the contract was void", "Ana Silva")]
    text = "An official who asked not to be named told the radio that the port would reopen."
    assert _rows(text) == [("indirect", "the port would reopen", "An official")]
    # a negated report in the description is none
    text = "Moreau, who did not say the union would strike, argued that the deal was fair."
    assert _rows(text) == [("indirect", "the deal was fair", "Moreau")]


def test_according_to_between_a_subordinate_clause_and_the_main_clause_reports_the_sentence():
    text = "While most files were marked confidential, according to a ministry official, two were marked secret."
    assert _rows(text) == [("according_to", text[:-1], "a ministry official")]
    # a fronted phrase whose noun is also a cue's form ("the long term") is still a phrase
    text = "Over the long run, according to the port office, the rise in fares is due to fuel."
    assert _rows(text) == [("according_to", text[:-1], "the port office")]


def test_a_poll_named_by_a_possessive_or_in_the_singular_is_the_source_of_the_clause_it_opens():
    text = "In May's Harbour Gazette poll, the mayor led her rival on handling the budget."
    assert _rows(text) == [("according_to", "the mayor led her rival on handling the budget",
                            "May's Harbour Gazette poll")]
    text = "In the survey, the mayor led her rival by eight points."
    assert _rows(text) == [("according_to", "the mayor led her rival by eight points", "the survey")]
    # polls in general are no source
    assert _rows("In the polls, the mayor led her rival by eight points.") == []


def test_the_subject_of_a_verb_before_to_say_is_the_speaker():
    text = "Moreau continued to say he had never seen the contract."
    assert _rows(text) == [("indirect", "he had never seen the contract", "Moreau")]
    text = "Residents are generally more likely to say the ferry is too expensive."
    assert _rows(text) == [("indirect", "the ferry is too expensive", "Residents")]


def test_reaffirm_and_brag_report_a_clause_only():
    text = "The minister is reaffirming that the inquiry is free of outside influence."
    assert _rows(text) == [("indirect", "the inquiry is free of outside influence", "The minister")]
    text = "Moreau bragged that the ferry had never been late."
    assert _rows(text) == [("indirect", "the ferry had never been late", "Moreau")]
    # an object that is no clause reports nothing
    assert _rows("The minister reaffirmed her commitment to the treaty.") == []


def test_an_acronym_with_full_stops_and_an_aside_with_commas_end_the_speaker():
    text = "The checks came back clean, and the H.P.A. has said it had no record of the barge."
    assert _rows(text) == [("indirect", "it had no record of the barge", "the H.P.A.")]
    text = "Officials in three towns — Dover, Truro and Bude — said the ferry would stop in winter."
    assert _rows(text) == [("indirect", "the ferry would stop in winter", "Officials in three towns")]


def test_a_semicolon_after_a_final_frame_closes_it_like_a_full_stop():
    text = "The mayor needs about 40 percent of the harbour wards to win, analysts say; in 2019 she won 31."
    assert _rows(text) == [("indirect", "The mayor needs about 40 percent of the harbour wards to win", "analysts")]


def test_cannot_is_an_auxiliary_not_part_of_the_subject():
    text = "The mayor cannot say that the ferry will run."
    assert _rows(text) == [("indirect", "the ferry will run", "The mayor")]


def test_a_comma_inside_a_closing_quotation_before_a_final_frame_with_a_tail():
    text = 'The fares have risen and that will take time to "settle down," Moreau said in an interview with the radio.'
    rows = _rows(text)
    assert rows[0] == ("mixed", 'The fares have risen and that will take time to "settle down,"', "Moreau")
    assert ("direct", "settle down,", "Moreau") in rows


def test_a_parenthesis_inside_the_description_of_an_inverted_speaker():
    text = "That will hold up to a point, said Moreau, a reporter whose zeal has driven others (like me) off the beat."
    assert _rows(text) == [("indirect", "That will hold up to a point", "Moreau")]


def test_according_to_with_a_long_source_opening_the_sentence_reports_a_past_tense_clause():
    text = "According to the ledger and the minutes, the directors signed the contract twice."
    assert _rows(text) == [("according_to", "the directors signed the contract twice", "the ledger")]
    # a participle after the comma still describes the source
    text = "According to the report by the ministry, released on Monday, costs rose."
    assert all(r[1] != "released on Monday, costs rose" for r in _rows(text))


def test_descriptions_between_commas_before_the_verb_leave_the_name_as_speaker():
    text = "Sen. Ana Silva, D-N.Y., a long-shot candidate for governor, said the ferry subsidy had failed."
    assert _rows(text) == [("indirect", "the ferry subsidy had failed", "Sen. Ana Silva")]
    text = "Tom Baker, 24, who was visiting Halifax from Ottawa, told me that he had never seen the harbour."
    assert _rows(text) == [("indirect", "he had never seen the harbour", "Tom Baker")]
    text = "Delegate Mary Stone, clad in a red cape with lights that spelled his name, said the vote could fail."
    assert _rows(text) == [("indirect", "the vote could fail", "Delegate Mary Stone")]


def test_an_inverted_speaker_with_a_long_description_leaves_the_content_on_the_left():
    text = "Tariffs will not bring these jobs back, said Ana Silva, a professor at M.I.T., who studies trade."
    assert _rows(text) == [("indirect", "Tariffs will not bring these jobs back", "Ana Silva")]
    text = "Fees drive the cost of college, said Tom Baker, an expert who has written books, papers and essays on it."
    assert _rows(text) == [("indirect", "Fees drive the cost of college", "Tom Baker")]
    # a left part that is no speaker: the name after the verb speaks
    text = "Some claims are hard to prove, while others are not meaningful to the public, said Grant Hale, a former official."
    assert _rows(text) == [("indirect", "Some claims are hard to prove, while others are not meaningful to the public",
                            "Grant Hale")]


def test_easier_said_than_done_is_no_attribution():
    assert _rows("Closing the ferry line is easier said than done in Halifax.") == []


def test_as_a_source_said_after_a_closing_quotation_reports_the_clause_on_its_left():
    text = 'Warnings come from "people on the left of the council," as the host Ana Silva said in April while on air.'
    rows = _rows(text)
    assert rows[0] == ("according_to", 'Warnings come from "people on the left of the council,"', "the host Ana Silva")


def test_base_form_after_a_plural_head_and_its_phrase():
    text = "Critics of the new zoning plan say it will raise rents across the district."
    assert _rows(text) == [("indirect", "it will raise rents across the district", "Critics of the new zoning plan")]
    text = "Neighbours fighting to keep the old market from the developer say the deal was rushed."
    assert _rows(text) == [("indirect", "the deal was rushed",
                            "Neighbours fighting to keep the old market from the developer")]
    # a singular head stays no subject of a base form
    assert _rows("The head of the new zoning board say it was rushed.") == []


def test_floating_both_one_says_and_contracted_auxiliaries():
    text = "The two mayors have both argued that the bridge must be rebuilt."
    assert _rows(text) == [("indirect", "the bridge must be rebuilt", "The two mayors")]
    text = "One says the count was done twice."
    assert _rows(text) == [("indirect", "the count was done twice", "One")]
    # the speaker is the pronoun without its contracted auxiliary
    text = "She's said the library will reopen in May."
    assert _rows(text) == [("indirect", "the library will reopen in May", "She")]
    text = "They’ve said the ferry will stop running next year."
    assert _rows(text) == [("indirect", "the ferry will stop running next year", "They")]


def test_ing_noun_after_a_preposition_and_an_adjective_is_no_cue():
    text = "The city cannot fix its budget through careful planning in the way it once did, the treasurer said."
    assert _rows(text) == [("indirect", "The city cannot fix its budget through careful planning in the way it once did",
                            "the treasurer")]
    # after "to" the -ing word is a participle of the verb before it
    text = "She went to work seeking to win back the council seat."
    assert _rows(text) == [("indirect", "to win back the council seat", "She")]


def test_speakers_is_a_noun_for_people_that_can_speak():
    text = "Many speakers at the vigil — including teachers, nurses, farmers — said the loss was hard to bear."
    assert _rows(text) == [("indirect", "the loss was hard to bear", "Many speakers at the vigil")]


def test_that_clause_report_keeps_its_cue_when_a_participle_phrase_holds_the_quotation():
    text = "Moreau said Friday that the council rejected her budget, calling it an “insult to every taxpayer.”"
    assert _rows(text) == [("indirect", "the council rejected her budget", "Moreau"),
                           ("direct", "insult to every taxpayer.", "Moreau")]
    # with no "that" too: the quotation takes the outer speaker, and the outer cue still reports its clause
    text = "Moreau said the council rejected her budget, calling it an “insult to every taxpayer.”"
    assert _rows(text) == [("indirect", "the council rejected her budget", "Moreau"),
                           ("direct", "insult to every taxpayer.", "Moreau")]


def test_plural_head_with_a_postnominal_adjective_and_a_final_frame():
    text = "Officials familiar with the talks say the harbour deal is close."
    assert _rows(text) == [("indirect", "the harbour deal is close", "Officials familiar with the talks")]
    text = "The open question is whether the minister can win back the farmers, aides to the premier say."
    assert _rows(text) == [("indirect", "The open question is whether the minister can win back the farmers",
                            "aides to the premier")]
    # other cue words end noun phrases: no frame at "vote." after a preposition's object
    assert _rows("The motion failed after delegates from the north forced a procedural vote.") == []


def test_ing_noun_after_an_article_stays_inside_the_speaker_phrase():
    text = "A person familiar with the planning for Monday’s session says the talks will start with the budget."
    assert _rows(text) == [("indirect", "the talks will start with the budget",
                            "A person familiar with the planning for Monday’s session")]


def test_here_between_a_plural_subject_and_its_cue():
    text = "Farmers here say the river has never been this low."
    assert _rows(text) == [("indirect", "the river has never been this low", "Farmers")]
    text = "Opponents of the new dam here say the valley will flood."
    assert _rows(text) == [("indirect", "the valley will flood", "Opponents of the new dam")]


def _rows_flagged(text: str) -> list[tuple[str, str, str | None, bool]]:
    return [(r["kind"], text[r["start"]:r["end"]],
             text[r["speaker_start"]:r["speaker_end"]] if r["speaker_start"] is not None else None, r["fragment"])
            for r in find_attributions(text)]


def test_quoted_fragment_before_its_cue_is_reported_with_its_clause():
    # issue 14: the words around the fragment up to the cue are the reported clause (kind mixed); the quoted
    # words stay a direct row flagged fragment, counted once with their mixed quote
    text = 'The new bridge will be a better route than the ferry "no matter what," one commuter wrote.'
    assert _rows_flagged(text) == [
        ("mixed", 'The new bridge will be a better route than the ferry "no matter what,"', "one commuter", False),
        ("direct", "no matter what,", "one commuter", True)]
    # the clause the final frame already gave is not reported twice
    text = 'The fares have risen and that will take time to "settle down," Moreau said in an interview.'
    assert _rows_flagged(text) == [
        ("mixed", 'The fares have risen and that will take time to "settle down,"', "Moreau", False),
        ("direct", "settle down,", "Moreau", True)]
    text = "Farmers on the coast tried to sell early, and in doing so they “lost a whole season,” Ana Ruiz said."
    rows = _rows_flagged(text)
    assert ("mixed", "Farmers on the coast tried to sell early, and in doing so they “lost a whole season,”",
            "Ana Ruiz", False) in rows
    assert ("direct", "lost a whole season,", "Ana Ruiz", True) in rows


def test_no_clause_for_a_quoted_title_or_the_speakers_own_phrase():
    # a title-case name in marks is no fragment of the speaker's words
    text = "In an interview with “Morning Harbour,” Lee Grant said the port would close."
    assert [r for r in _rows_flagged(text) if r[0] == "mixed"] == []
    # the quotation sits in the speaker's own noun phrase: no reported clause around it
    text = "Lena Ortiz, the hacker known as “the nightjar,” told the radio station she had no regrets."
    assert _rows_flagged(text) == [("direct", "the nightjar,", "Lena Ortiz", False)]
    # a whole quoted sentence after a comma keeps its own row
    text = "In a statement, “We will appeal the ruling,” the union said."
    assert _rows_flagged(text) == [("direct", "We will appeal the ruling,", "the union", False)]


def test_direct_row_inside_a_mixed_quote_of_its_cue_is_its_fragment():
    # the quoted word was a direct row of its own; inside the mixed quote of the same cue it is a fragment
    text = "Paul Mensah said he was “stunned” to hear about the closure, adding that it was avoidable."
    rows = _rows_flagged(text)
    assert ("mixed", "he was “stunned” to hear about the closure", "Paul Mensah", False) in rows
    assert ("direct", "stunned", "Paul Mensah", True) in rows


def test_rest_of_an_interrupted_sentence_may_hold_quoted_fragments():
    text = 'The new director, Park said, had spent "far too long" on the bill and missed "every deadline."'
    rows = _rows_flagged(text)
    # (the short subject and the predicate around the frame make one mixed row)
    assert ("mixed", 'The new director, Park said, had spent "far too long" on the bill and missed "every deadline."',
            "Park", False) in rows
    assert ("direct", "far too long", "Park", True) in rows
    assert ("direct", "every deadline.", "Park", True) in rows


def test_hopes_after_a_singular_subject_is_a_verb():
    text = "The mayor hopes the council would drop the tax before the summer."
    assert _rows(text) == [("indirect", "the council would drop the tax before the summer", "The mayor")]
    # the plural noun with a possessor stays no cue
    assert _rows("Her hopes were dashed by the vote in the council.") == []


def test_pledge_noun_with_a_to_infinitive_reports_the_pledge():
    text = "The senator has gained ground with his promise to cut the fuel tax for every farmer."
    assert _rows(text) == [("indirect", "to cut the fuel tax for every farmer", "his")]
    text = "Ruiz's vow to close the mine drew a crowd."
    # the sentence's own verb after the infinitive is no part of the pledge
    assert _rows(text) == [("indirect", "to close the mine", "Ruiz")]
    # a promise to a person is no infinitive: nothing reported
    assert _rows("He kept his promise to the voters of the district.") == []


def test_fronted_phrase_before_a_mid_sentence_frame_leaves_the_content_on_the_right():
    text = "In the long run, many analysts say, the levy could slow the growth of rents."
    assert _rows(text) == [("indirect", "the levy could slow the growth of rents", "many analysts")]
    # a clause on the left is still the content of a frame closing it with a phrase about the telling
    text = "The levy will slow the growth of rents, many analysts say this week."
    assert _rows(text)[0][:2] == ("indirect", "The levy will slow the growth of rents")


def test_in_a_possessors_view_attributes_the_clause_around_it():
    text = "In their view, the council could win back the northern districts next year."
    assert _rows(text) == [("according_to", "the council could win back the northern districts next year", "their")]
    text = "The only missing step, in Professor Lund's view, would be more money for research."
    assert _rows(text) == [("according_to", text[:-1], "Professor Lund")]
    text = "The plan would fail within a year, in her opinion."
    assert _rows(text) == [("according_to", "The plan would fail within a year", "her")]
    # "in their view of" is a noun phrase, no source phrase
    assert [r for r in _rows("There was a shift in their view of the deal after the vote.")
            if r[0] == "according_to"] == []


def test_say_before_its_plural_subject_closes_the_sentence():
    text = "A quieter campaign may not be such a bad thing, say some party officials."
    assert _rows(text) == [("indirect", "A quieter campaign may not be such a bad thing", "some party officials")]
    text = "The tax will never pass, say analysts at the bank."
    assert _rows(text) == [("indirect", "The tax will never pass", "analysts at the bank")]
    # a singular noun after "say" is no inverted subject
    assert _rows("The tax will never pass, say the word and I will leave.") == []


def test_noun_cue_with_its_speaker_after_by_or_from():
    text = "The ministry pushed back against claims by two auditors that the books had been altered."
    assert _rows(text) == [("indirect", "the books had been altered", "two auditors")]
    text = "The mayor has faced criticism from neighbours that the new road cuts the village in two."
    assert _rows(text) == [("indirect", "the new road cuts the village in two", "neighbours")]
    # "that" opening a relative clause: no report
    assert _rows("The claims by the company that were rejected by the court cost it dearly.") == []


def test_phrase_about_the_telling_before_a_promised_infinitive():
    text = "Ruiz promised Sunday at a rally in Leeds to end the waiting lists for hip surgery."
    assert _rows(text) == [("indirect", "to end the waiting lists for hip surgery", "Ruiz")]
    text = "The mayor promised on Tuesday to refrain from raising fares this year."
    assert _rows(text) == [("indirect", "to refrain from raising fares this year", "The mayor")]
    # "promised on Tuesday to the unions" has no infinitive: no report
    assert _rows("The mayor promised on Tuesday to the unions a new contract.") == []


def test_clause_split_by_a_frame_of_a_clause_verb_is_reported_on_both_sides():
    text = "A new bridge, the mayor promised, would open within two years."
    # (one clause around the frame, as annotators mark it)
    assert _rows(text) == [("indirect", "A new bridge, the mayor promised, would open within two years", "the mayor")]
    # a noun phrase after the frame's comma is no rest of the clause: the verb's own content stays
    assert _rows("A new bridge, the mayor decided, the town would not build.") == []


def test_threat_call_and_demand_nouns_with_a_to_infinitive_and_the_case_that():
    text = "Ruiz's threat to sue the newspaper was reported widely."
    assert _rows(text) == [("indirect", "to sue the newspaper", "Ruiz")]
    text = "Her promises to cut taxes and build a new bridge were popular with undecided voters."
    assert _rows(text) == [("indirect", "to cut taxes and build a new bridge", "Her")]
    text = "Lee made the case that the deal would cost jobs in the north."
    assert _rows(text) == [("indirect", "the deal would cost jobs in the north", "Lee")]
    # "the case that" with a verb after "that" opens a relative clause: no report
    assert _rows("Lee lost the case that was heard in the spring.") == []


def test_asked_with_an_adverb_before_the_question():
    text = "Asked specifically what should be done with the old harbour, most said it should be sold."
    rows = _rows(text)
    assert ("indirect", "what should be done with the old harbour", None) in rows
    assert ("indirect", "it should be sold", "most") in rows


def test_cognition_verb_after_a_plural_head_with_its_phrase_before_a_clause():
    text = "Supporters of the new law hope that the court will uphold it."
    assert _rows(text) == [("indirect", "the court will uphold it", "Supporters of the new law")]
    text = "But few on either side think the levy will ever take effect."
    assert _rows(text) == [("indirect", "the levy will ever take effect", "few on either side")]
    # an object pronoun before the verb, or a "to" in the phrase, is no subject
    assert _rows("He fixed his gaze on deck hands to make them feel that he was singing to them.") == []


def test_plural_subject_with_there_before_a_base_form_cue():
    text = "Polls there show that the mayor leads by five points."
    assert _rows(text) == [("indirect", "the mayor leads by five points", "Polls")]
    text = "Officials there say the bridge will reopen in May."
    assert _rows(text) == [("indirect", "the bridge will reopen in May", "Officials")]


def test_more_verbs_of_saying_demur_and_bemoan():
    text = "The minister demurred that the vote was premature."
    assert _rows(text) == [("indirect", "the vote was premature", "The minister")]
    text = "He has bemoaned the council's failure to act on housing."
    assert _rows(text) == [("indirect", "the council's failure to act on housing", "He")]
    # a gerund after an adjective is no cue
    assert _rows("The tides are too strong to let mere grumbling suffice.") == []


def test_legal_charges_and_charged_adjectives_are_no_cues():
    assert _rows("The supporter was later charged with assault.") == []
    assert _rows("It was a racially charged dispute over the judge.") == []
    # the speech act stays a cue
    text = "Critics charged that the ferry board failed to post new fares."
    assert _rows(text) == [("indirect", "the ferry board failed to post new fares", "Critics")]


def test_passive_echoed_by_is_no_report():
    assert _rows("Her attacks were echoed by the campaign across the country.") == []
    text = "Other Republicans echoed those comments."
    assert _rows(text) == [("indirect", "those comments", "Other Republicans")]


def test_anonymity_phrases_describe_the_speaker_and_report_nothing():
    text = "“It is over,” said a longtime adviser to the mayor, who declined to be identified and has no tie to the other camp."
    assert _rows(text) == [("direct", "It is over,", "a longtime adviser to the mayor")]
    text = "“It is over,” said a union member who backs the mayor, asking for anonymity to speak freely."
    assert ("indirect", "for anonymity to speak freely", "a union member") not in _rows(text)
    assert ("direct", "It is over,", "a union member") in _rows(text)
    # the speaker's own report stays
    text = "A senior aide, who declined to be identified, said the talks had stalled."
    assert _rows(text) == [("indirect", "the talks had stalled", "A senior aide")]


def test_declining_to_comment_or_not_answering_a_request_reports_nothing():
    assert _rows("The company declined to comment.") == []
    assert _rows("The mayor's office did not respond to a request for comment.") == []
    assert _rows("A lawyer for the firm did not respond to the newspaper's repeated requests for comment.") == []
    # "seeking" on the request is no cue with the request as its speaker
    assert _rows("Lena Hart did not return messages seeking comment.") == []
    # a response with content stays
    text = "The mayor responded that the budget was balanced."
    assert _rows(text) == [("indirect", "the budget was balanced", "The mayor")]


def test_attacks_as_a_noun_are_no_cue_but_the_verb_with_an_object_is():
    assert _rows("The Orlando attacks resonate abroad.") == []
    assert _rows("The Paris attacks and growing concern about terrorism changed the race.") == []
    text = "Kerr attacks Walsh on trade every day."
    assert _rows(text) == [("indirect", "Walsh on trade every day", "Kerr")]
    text = "In a speech, she attacks rival's foreign policy inexperience."
    assert _rows(text) == [("indirect", "rival's foreign policy inexperience", "she")]


def test_a_favourite_read_is_a_noun_but_a_statement_still_reads():
    assert _rows("Her favourite read, “The Long Winter,” is a memoir of the prairie.") == []
    text = "The statement read: “We will appeal.”"
    assert _rows(text) == [("direct", "We will appeal.", "The statement")]
    # "seeking" stays a cue after other nouns: "calls saying shots had been fired"
    text = "Police received calls saying shots had been fired."
    assert [r[1] for r in _rows(text)] == ["shots had been fired"]
