"""Recall rules (issue 3/7, Deliver 4): attributions the project's rule admits (a speech, report or cognition cue, a
subject that can speak, reported content) that the quote rules used to miss. Each test checks the reported
content through the character offsets (text[start:end])."""

from __future__ import annotations

from mediakit.quotes import find_attributions

from .conftest import attribution_contents

_contents = attribution_contents


def test_adjective_of_belief_after_be_reports_its_clause():
    got = _contents("The mayor's advisers were optimistic that she would win the vote in March.")
    assert got == {"she would win the vote in March": "The mayor's advisers"}
    got = _contents("Some members remain hopeful they can still block the measure.")
    assert got == {"they can still block the measure": "Some members"}
    got = _contents("Harbour Council members are adamant that the park stays open.")
    assert got == {"the park stays open": "Harbour Council members"}


def test_adjective_of_belief_needs_a_clause_and_a_believer():
    # no clause: nothing is reported; the adjective's own cue ("skeptical of") still reads its object
    assert _contents("Ann Lee is hopeful about the talks.") == {}
    assert _contents("These voters are skeptical of free trade.") == {"free trade": "These voters"}
    # an expletive subject holds no belief
    assert _contents("It is certain that the bill will pass.") == {}
    # a to-infinitive after "certain" is a prediction about the subject, not its belief
    assert _contents("The candidates are certain to be pressed on the court.") == {}


def test_colon_after_the_frame_leaves_the_fronted_phrase_out():
    text = "Ann Lee had no kind words for the plan. In a speech last July, she said:\n\nLet no one be mistaken."
    assert not any(text[r["start"]:r["end"]] == "In a speech last July" for r in find_attributions(text))
    text = "In the text that came with the video, Ann Lee wrote:\n\nThe council has failed us."
    # the unquoted paragraph after the colon is what she wrote; the fronted phrase stays out
    assert _contents(text) == {"The council has failed us": "Ann Lee"}
    # a clause after the colon is still the content
    assert _contents("The plan will fail, Ann Lee said: it has no money.") == {"it has no money": "Ann Lee"}


def test_speaker_before_an_apposition_whose_relative_clause_has_its_own_apposition():
    text = "Ann Lee, a pollster who is working with Harbour Group, a local charity, said the primaries have hurt him."
    got = [r for r in find_attributions(text) if r["kind"] == "indirect"]
    assert [text[r["start"]:r["end"]] for r in got] == ["the primaries have hurt him"]
    assert text[got[0]["speaker_start"]:got[0]["speaker_end"]] == "Ann Lee"


def test_participle_coordinated_with_an_earlier_participle_shares_its_speaker():
    text = "Ann Lee began by thanking the harbour master for his patience and urging him to keep repairing them."
    assert _contents(text) == {"him to keep repairing them": "Ann Lee"}
    text = "Ann Lee endorsed the mayor, trashing the rival as unqualified and accusing him of endangering the troops."
    assert _contents(text)["him of endangering the troops"] == "Ann Lee"


def test_coordinated_participle_needs_a_speaking_subject_and_no_object_content():
    # the subject is no speaker: "suggesting ..." and "underscoring ..." report nothing new
    text = "The lull has real downsides, suggesting higher interest on the other side and underscoring her problem."
    assert "her problem" not in _contents(text)
    # an act with a noun-phrase object after "and" stays part of the first participle's content
    text = "Ann Lee spoke for an hour, praising the council and criticizing the mayor."
    assert "the mayor" not in _contents(text)


def test_quantifier_subjects_before_a_cue_with_a_clause_or_infinitive():
    assert _contents("Both said that the vote was rigged.") == {"the vote was rigged": "Both"}
    assert _contents("Both have promised to pursue the bill if elected.") == {"to pursue the bill if elected": "Both"}
    got = _contents("In interviews, several threatened to disrupt the council's meeting in July.")
    assert got == {"to disrupt the council's meeting in July": "several"}
    got = _contents("The two mayors spoke. And both vowed to be tougher on crime.")
    assert got == {"to be tougher on crime": "both"}
    # "All told, ..." is a phrase, no one told anything
    assert _contents("All told, five people were hurt in the storm.") == {}


def test_plans_to_after_a_speaker_noun_is_a_verb():
    got = _contents("The Harbour Council candidate plans to be back in the city later Saturday.")
    assert got == {"to be back in the city later Saturday": "The Harbour Council candidate"}
    assert _contents("The union will not sue but plans to watch the case closely.") == {
        "to watch the case closely": "The union"}
    # the noun: an adjective, a verb or a conjunction before it
    assert _contents("Officials are drafting plans to deal with a flooded port.") == {}
    assert _contents("The three harbour boards all have fairly modest plans to address silt buildup.") == {}


def test_contracted_progressive_before_a_participle_cue():
    assert _contents("He's suggesting that delegates should flip.") == {"delegates should flip": "He"}
    assert _contents("They’re saying the vote was rigged.") == {"the vote was rigged": "They"}
    # a possessive "'s" before an -ing noun is no progressive
    assert _contents("Ann Lee's saying was odd.") == {}


def test_voiced_noun_cue_with_an_addressee_or_a_day_before_its_clause():
    got = _contents("Ann Lee will make the case to members gathered in the hall that the park is safe.")
    assert got == {"the park is safe": "Ann Lee"}
    got = _contents("Ann Lee has been making the case for weeks that the mayor is not ready.")
    assert got == {"the mayor is not ready": "Ann Lee"}
    assert _contents("Ann Lee also made the point that the fund was empty.") == {"the fund was empty": "Ann Lee"}
    got = _contents("Ann Lee's assertion Monday that taxes must rise was rejected.")
    assert list(got.values()) == ["Ann Lee"] and list(got)[0].startswith("taxes must rise")
    # without a voicing verb the phrase after the noun is no addressee; "point" needs a speaker
    assert _contents("His case to the court that was heard on Monday failed.") == {}
    assert _contents("At the point that the vote came, the hall was empty.") == {}


def test_possessed_noun_cue_whose_predicate_is_a_that_clause():
    assert _contents("Their fear is that the vote comes too late.") == {"the vote comes too late": "Their"}
    got = _contents("But Ann Lee's most explosive claim is that the council is a sham.")
    assert got == {"the council is a sham": "Ann Lee"}
    got = _contents("Perhaps Mr. Lee's most surprising suggestion was that the email was sent abroad.")
    assert got == {"the email was sent abroad": "Mr. Lee"}
    # no possessor, no speaker
    assert _contents("The point is that the tax was too high.") == {}


def test_participle_cue_keeps_its_coordinated_participle_in_its_content():
    text = "The ministry responded, calling the removal unfair and saying that the decision was not legitimate."
    got = _contents(text)  # one report, not two split at "and"
    assert got == {"calling the removal unfair and saying that the decision was not legitimate": "The ministry"}


def test_name_ending_in_a_modal_before_an_apposition():
    got = _contents("Mara Quell, 60, a baker, said she was relieved but still feared the tides.")
    assert got == {"she was relieved but still feared the tides": "Mara Quell"}


def test_quantifier_subject_with_a_day_before_the_complementizer():
    text = "Some members doubted the mayor, but many said Monday that the ruling helps him."
    assert _contents(text)["the ruling helps him"] == "many"


def test_adjective_before_to_and_a_phrase_cue_passes_the_subject_on():
    got = _contents("The sailors involved are always quick to point out that they are not the ferry crew.")
    assert got == {"they are not the ferry crew": "The sailors involved"}
    assert _contents("Ann Lee was quick to add that the deal is not off.") == {"the deal is not off": "Ann Lee"}
    # no that-clause: an offer of condolences reports no words
    assert _contents("The leaders were quick to offer condolences on Monday.") == {}


def test_aside_between_double_hyphens_after_the_subject():
    text = "The council judge -- who has clashed with the mayor over the past days -- said she regretted her remarks."
    assert _contents(text) == {"she regretted her remarks": "The council judge"}
    # a passive cue after the aside reports nothing
    text = "The price of the Harbour resort -- now known as the Lee Club -- was not disclosed, although it grew."
    assert _contents(text) == {}


def test_ruled_signaled_groused_with_that():
    assert _contents("The judge ruled that the school misled its students.") == {
        "the school misled its students": "The judge"}
    assert _contents("Ann Lee has signaled that she may run again.") == {"she may run again": "Ann Lee"}
    assert _contents("On Monday, Ann Lee groused that the paper treats her badly.") == {
        "the paper treats her badly": "Ann Lee"}
    # the nouns: "a signal that", "party rules that"
    assert _contents("The new chief is a signal that the network is stable.") == {}
    assert _contents("The council ruled the city for decades.") == {}


def test_final_frame_reports_a_frame_inside_a_relative_clause_with_the_rest():
    text = "The plan could carry him into March, which he's expected to win, Kim said."
    assert _contents(text)["The plan could carry him into March, which he's expected to win"] == "Kim"
    text = "People ride ferries because they like the crews they know or have sailed with, she said."
    got = _contents(text)
    assert got["People ride ferries because they like the crews they know or have sailed with"] == "she"
    # a fronted subordinate clause is no main clause: the old start after the inner frame stays
    text = "Ann Lee won the seat. After the mayor accused her of fraud, she said."
    assert "After the mayor accused her of fraud" not in _contents(text)


def test_participle_after_a_comma_heads_its_own_quotation():
    text = "Ann Lee urged sailors to vote for her, saying, “There’s a special bench on the pier for them.”"
    rows = {(r["kind"], text[r["start"]:r["end"]], r["verb"]) for r in find_attributions(text)}
    assert ("indirect", "sailors to vote for her", "urged") in rows
    assert ("direct", "There’s a special bench on the pier for them.", "saying") in rows


def test_comma_inside_a_number_is_no_clause_break():
    text = "The Harbour Gazette also reported that roughly 1,100 donor names were missing."
    assert _contents(text) == {"roughly 1,100 donor names were missing": "The Harbour Gazette"}
    text = "Since June, at least 21,000 said they would help."
    assert _contents(text) == {"they would help": "at least 21,000"}


def test_noticed_anticipated_sniped_that():
    assert _contents("Ann Lee noticed that none of the networks cut away.") == {
        "none of the networks cut away": "Ann Lee"}
    assert _contents("Mr. Lee, the senator, anticipated that the session would go well.") == {
        "the session would go well": "Mr. Lee"}
    # no clause: nothing reported
    assert _contents("Ann Lee noticed the crowd.") == {}
    assert _contents("Eagerly anticipated, the banter has become a staple of the season.") == {}


def test_states_after_a_pronoun_is_the_verb():
    assert _contents("It states that courts should not rule too close to the vote.") == {
        "courts should not rule too close to the vote": "It"}
    assert _contents("They state their goal is to expand the park.") == {"their goal is to expand the park": "They"}
    # the noun
    assert _contents("The 15 states that the mayor won are blue.") == {}


def test_according_to_inside_a_clause_that_goes_on_after_the_source():
    text = "At the root of the delay, according to Ann Lee, a former pilot, was a decision by the mayor."
    assert _contents(text) == {text[:-1]: "Ann Lee"}
    text = "The council gave its blessing, according to court papers, becoming the owner of the park."
    assert _contents(text) == {text[:-1]: "court papers"}
    # a relative clause on the source describes it: the clause on the left is the content
    text = "The plan was approved on Monday, according to officials, who spoke on condition of anonymity."
    assert _contents(text) == {"The plan was approved on Monday": "officials"}


def test_participle_after_an_adverb_an_en_dash_or_a_quoted_comma():
    text = "Mr. Lee, after initially saying he would not run, entered the race."
    assert _contents(text)["he would not run, entered the race"] == "Mr. Lee"
    text = "Ann Lee changed her mind on the spot – saying she would now back the mayor."
    assert _contents(text) == {"she would now back the mayor": "Ann Lee"}
    text = "Democrats sued over the “Golden Week,” saying that its loss burdened voters."
    assert _contents(text)["its loss burdened voters"] == "Democrats"


def test_adjective_of_belief_with_an_adverb_after_be():
    assert _contents("Her advisers are not convinced that the plan will work.") == {"the plan will work": "Her advisers"}
    assert _contents("The sailors were keenly aware that their boat might be kept ashore.") == {
        "their boat might be kept ashore": "The sailors"}
    # a comparative is no belief about a clause
    assert _contents("Sailors are more hopeful about the fares than it may seem.") == {}


def test_report_by_a_source_that():
    text = "On Friday, it was a report by the Harbour Gazette that he made up the story."
    assert _contents(text) == {"he made up the story": "the Harbour Gazette"}


def test_frame_after_a_closed_quotation_keeps_its_own_clause():
    text = 'His ferries are the equivalent of "The Slow Boat." She says he is unfit to be harbour master.'
    assert _contents(text)["he is unfit to be harbour master"] == "She"
    text = "“We will win.” Ann Lee said as she launched the campaign."
    assert "as she launched the campaign" not in _contents(text)


def test_belief_in_a_speakers_description_and_whos_apposition():
    text = "Still, Ann Lee, who thinks the council made a power grab, said no."
    assert _contents(text)["the council made a power grab"] == "who"
    text = "But Ann Lee, who’s hoping to be a pilot, added that she, too, backs the ferry plan."
    assert _contents(text) == {"she, too, backs the ferry plan": "Ann Lee"}
    # an object that is no clause: "who wants the mayor removed" stays part of the description
    text = "Ann Lee, a member who now wants the mayor removed from the group, said no."
    assert not any(k.startswith("the mayor removed") for k in _contents(text))


def test_name_after_a_description_that_is_no_noun_phrase_of_its_own():
    text = "One delegate not on the council slate, Kelly Smith, told reporters she was leaning toward Lee."
    assert _contents(text) == {"she was leaning toward Lee": "Kelly Smith"}


def test_final_told_with_an_addressee_and_a_clause_about_the_telling():
    text = "This is not about me, Mayor Lee told her closest advisers as she worked on the speech."
    assert _contents(text) == {"This is not about me": "Mayor Lee"}
    # "telling them when to ..." reports the wh-clause
    text = "Guests are given tickets telling them when to join the queue."
    assert "when to join the queue" in _contents(text)


def test_contracted_pronoun_opens_a_clause():
    text = "The mayor is fair game, Lee said. But, the former head of the firm added, it's not the way to win."
    assert _contents(text)["it's not the way to win"] == "the former head of the firm"
    assert _contents("The mayor brags that's good news for the party.") == {"that's good news for the party": "The mayor"}


def test_share_written_out_of():
    text = "Nearly eight out of 10 say they will buy new boats."
    assert _contents(text) == {"they will buy new boats": "Nearly eight out of 10"}


def test_participle_with_an_object_before_its_quotation_leaves_the_outer_clause():
    text = "On taxes, he says he would release his returns on Friday, calling them “very boring returns.”"
    rows = {(r["kind"], text[r["start"]:r["end"]]) for r in find_attributions(text)}
    assert ("indirect", "he would release his returns on Friday") in rows
    assert ("direct", "very boring returns.") in rows


def test_approximator_before_a_written_fraction():
    text = "Among regular riders, about two-thirds, 67 percent, say they will sail with Lee."
    assert _contents(text) == {"they will sail with Lee": "about two-thirds"}
