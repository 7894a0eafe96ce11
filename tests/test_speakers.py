"""Speakers resolved within their article first (issue 3/7, Deliver 3): a bare surname is the person the article
names in full with it; where the article names two people of that surname and neither is its main one, the bare
surname stays unresolved and no other article's namesake claims it."""

from __future__ import annotations

import pandas as pd

import mediakit as mk

# article a: two Scotts, each named in full once: "Scott" is neither
A = ("Lamont Scott was shot on Tuesday. His wife Rakeyia Scott filmed it. "
     "Scott said the police gave no warning.")
# article b: one Scott, quoted in full elsewhere in the corpus
B = "Rep. Bobby Scott spoke in Richmond. Bobby Scott said the bill would pass."
# article c: two Scotts, but Bobby Scott is named three times and Tim Scott once: "Scott" is Bobby Scott
C = ("Bobby Scott could make history. Bobby Scott faces Tim Scott's record. Bobby Scott campaigned. "
     "Scott said he was ready.")
# article d: a Jr. is not his father: the bare surname is the judge the article names
D = "Chief Justice John G. Roberts Jr. spoke. Roberts said the law was clear."
E = "Jennifer Roberts, the mayor, said the city would appeal."


def _quotes() -> pd.DataFrame:
    corpus = pd.DataFrame({"article_id": list("abcde"), "outlet": ["x", "y", "x", "y", "x"], "text": [A, B, C, D, E]})
    q = mk.extract_quotes(corpus)
    for r in q.itertuples():       # offsets are sacred
        assert corpus.set_index("article_id").text[r.article_id][r.speaker_start:r.speaker_end] == r.speaker
    return q


def test_bare_surname_of_two_people_in_its_article_stays_unresolved():
    q = _quotes()
    a = q[q.article_id == "a"]
    assert a.speaker.tolist() == ["Scott"]
    assert a.speaker_canonical.isna().all() and (~a.resolved).all()      # not Bobby Scott of article b


def test_bare_surname_resolves_within_its_article_before_the_corpus():
    q = _quotes().set_index("article_id")
    assert q.loc["b", "speaker_canonical"] == "Bobby Scott"
    c = q.loc[["c"]]
    assert c.speaker.tolist() == ["Scott"] and c.speaker_canonical.tolist() == ["Bobby Scott"]   # the main Scott
    d = q.loc[["d"]]
    assert d.speaker.tolist() == ["Roberts"] and d.speaker_canonical.tolist() == ["John G. Roberts"]
    assert q.loc["e", "speaker_canonical"] == "Jennifer Roberts"
    assert q.resolved.sum() == 4 and len(q) == 5


def test_inverted_cue_before_a_full_name_with_titles_or_an_age():
    # the general noun-phrase reading stops at "Will" (an auxiliary), "and" between two titles, a cue
    # word later in the sentence ("tweet") or a verb that seldom inverts ("scoffed")
    texts = ["“No fare rise exists,” said HPA spokesman Tom Vance in a Monday tweet.",
             "“It is expensive,” said Will Doyle, a professor of education at Vanderbilt University.",
             "“He did it before,” said former Pennsylvania Gov. and Democratic Party Chairman Frank Costa.",
             "“Silly boys,” scoffed Arianna Gil, 22, who founded the group.",
             "“A disgrace,” blasted Ann Walsh as a liar."]
    corpus = pd.DataFrame({"article_id": list("abcde"), "text": texts})
    q = mk.extract_quotes(corpus).set_index("article_id")
    direct = q[q.kind == "direct"]
    got = {aid: texts["abcde".index(aid)][int(r.speaker_start):int(r.speaker_end)]
           for aid, r in direct.dropna(subset=["speaker_start"]).iterrows()}
    assert got == {"a": "HPA spokesman Tom Vance", "b": "Will Doyle",
                   "c": "former Pennsylvania Gov. and Democratic Party Chairman Frank Costa", "d": "Arianna Gil"}
    assert direct.loc["b", "speaker_canonical"] == "Will Doyle"
    assert direct.loc["d", "speaker_canonical"] == "Arianna Gil"
    # an object after a verb that does not invert is no speaker
    assert "e" not in got


def test_a_source_phrase_opening_the_sentence_before_a_quotation_makes_it_direct():
    texts = ["The paper covered guns. According to the newspaper, “The laws let dealers sell to any adult.”",
             "Vance is back. As Gullwing put it, “Hello, it’s the skipper.” He beat Quell.",
             'As The Post\'s Dana Kline puts it, "Senate Republicans are unmoved."']
    corpus = pd.DataFrame({"article_id": list("abc"), "text": texts})
    q = mk.extract_quotes(corpus)
    rows = {r.article_id: r for r in q.itertuples()}
    assert set(rows) == {"a", "b", "c"} and len(q) == 3
    assert all(r.kind == "direct" for r in rows.values())
    spans = {aid: (texts["abc".index(aid)][r.start:r.end], texts["abc".index(aid)][r.speaker_start:r.speaker_end])
             for aid, r in rows.items()}
    assert spans == {"a": ("The laws let dealers sell to any adult.", "the newspaper"),
                     "b": ("Hello, it’s the skipper.", "Gullwing"),
                     "c": ("Senate Republicans are unmoved.", "The Post's Dana Kline")}
    assert rows["c"].speaker_canonical == "Dana Kline"
    # with a colon, or inside the sentence after an apposition
    more = ["Few qualify. As Professor Quell put it: ''The harbour board does a better job than most.''",
            'But at the time, as prosecutor Marc Trevidic put it, "there was nothing to justify a case."']
    m = mk.extract_quotes(pd.DataFrame({"article_id": ["d", "e"], "text": more})).set_index("article_id")
    assert more[0][int(m.loc["d", "speaker_start"]):int(m.loc["d", "speaker_end"])] == "Professor Quell"
    assert more[1][m.loc["e", "start"]:m.loc["e", "end"]] == "there was nothing to justify a case."
    assert m.loc["e", "speaker_canonical"] == "Marc Trevidic" and m.loc["e", "kind"] == "direct"


def test_a_quotation_signed_on_the_next_line_with_a_dash_and_a_name():
    texts = ['We award no Pinocchios.\n\n"Americans are worried about their kids."\n\n- Ed Rhodes.\n\nThe figure is old.',
             'Briefings matter.\n\n"Great speech. She is ready."\n\n-President Barlow, tweeting after the speech.',
             'The vote is close.\n\n"We will win."\n\n- 2016.']
    corpus = pd.DataFrame({"article_id": list("abc"), "text": texts})
    q = mk.extract_quotes(corpus).set_index("article_id")
    a, b = q.loc["a"], q.loc["b"]
    assert texts[0][a.start:a.end] == "Americans are worried about their kids."
    assert texts[0][int(a.speaker_start):int(a.speaker_end)] == "Ed Rhodes" and a.kind == "direct"
    assert texts[1][int(b.speaker_start):int(b.speaker_end)] == "President Barlow" and b.speaker_canonical == "Barlow"
    assert "c" not in q.index       # a dash and a number signs nothing


def test_a_title_in_quotation_marks_is_no_quotation():
    texts = ["Sunday on Fox News Channel’s “Sunday Morning Futures,” Rep. Darrell Issa said Walsh lied.",
             "Speaking on “Meet the Press.” he said nothing.",
             'A troupe performs a play called "Los Hijos de Kerr," in Mexico City.',
             "“Make America Great Again,” Kerr said."]
    corpus = pd.DataFrame({"article_id": list("abcd"), "text": texts})
    q = mk.extract_quotes(corpus)
    direct = q[q.kind == "direct"]
    assert direct.article_id.tolist() == ["d"]          # a slogan with its own frame stays a quotation
    r = direct.iloc[0]
    assert texts[3][r.start:r.end] == "Make America Great Again," and r.speaker == "Kerr"
    issa = q[q.article_id == "a"].iloc[0]
    assert issa.kind == "indirect" and texts[0][issa.start:issa.end] == "Walsh lied"


def test_a_title_after_its_makers_noun_or_before_its_author_is_no_quotation():
    texts = ["Dana Reyes, the co-host of “Evening Desk,” said the network would grow.",
             "Lee, who starred in “Harbor Lights,” told fans the tour was over.",
             "Her favourite read, “The Long Winter,” by Tom Ames, sold well.",
             "“Keep the Harbor Open,” Lee said."]
    corpus = pd.DataFrame({"article_id": list("abcd"), "text": texts})
    q = mk.extract_quotes(corpus)
    direct = q[q.kind == "direct"]
    assert direct.article_id.tolist() == ["d"]          # a title-case slogan with its own frame stays a quotation
    r = direct.iloc[0]
    assert texts[3][r.start:r.end] == "Keep the Harbor Open," and r.speaker == "Lee"
    # no row anywhere quotes a title as its speaker's words
    titles = {"Evening Desk,", "Harbor Lights,", "The Long Winter,"}
    assert not any(texts["abcd".index(r.article_id)][r.start:r.end] in titles for r in q.itertuples())


def test_a_quotation_inside_a_sentence_with_its_own_speaking_subject_is_that_subjects():
    text = ('Rand Paul said the visas hurt workers. Former Arkansas Gov. Mike Huckabee called the program '
            '"a replacement program for American workers." Perhaps the program "is a fine thing for all."')
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    direct = q[q.kind == "direct"]
    r = direct.iloc[0]
    assert text[r.start:r.end] == "a replacement program for American workers."
    assert text[int(r.speaker_start):int(r.speaker_end)] == "Former Arkansas Gov. Mike Huckabee"  # not Rand Paul
    assert r.speaker_canonical == "Mike Huckabee"
    # an adverb opening the sentence is no speaker: that quotation keeps the previous speaker or none
    assert not (direct.speaker == "Perhaps").any()


def test_a_relative_pronoun_or_a_fronted_adverbial_gives_way_to_the_sentence_speaker():
    texts = ["Rev. Tom Vance said the town lost a voice that said “calm in spite of storms is strength.”",
             "Silas Orme praised Peter Dunn.\n\nHours later, Dunn thanked Orme, telling Gullwire, "
             "“Silas and I have sailed together for a long time.”",
             "Immediately after the attacks, he issued a statement, “We must act now and act with strength.”"]
    corpus = pd.DataFrame({"article_id": list("abc"), "text": texts})
    q = mk.extract_quotes(corpus)
    direct = q[q.kind == "direct"].set_index("article_id")
    got = {aid: texts["abc".index(aid)][int(r.speaker_start):int(r.speaker_end)] for aid, r in direct.iterrows()}
    assert got == {"a": "Tom Vance", "b": "Dunn", "c": "he"}       # not "that", "Hours", "Immediately"
    assert direct.loc["b", "speaker_canonical"] == "Peter Dunn"


def test_a_quotation_after_its_own_sentences_cue_is_not_the_previous_speakers():
    texts = ['"Why cozy up to Bush?" Allan Kress said about the effort. He added, though, that in the end '
             '"McCain could not escape the record of his party."',
             'Peter Dunn spoke. "We win," Orme said. Dunn took a gamble by waving at them, telling the crowd, '
             '"I am a sailor like you, folks."']
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a", "b"], "text": texts}))
    a = q[(q.article_id == "a") & q.quote.str.startswith("McCain")]
    assert len(a) == 1 and a.iloc[0].kind == "direct"
    assert texts[0][int(a.iloc[0].speaker_start):int(a.iloc[0].speaker_end)] == "He"     # not "Allan Kress"
    b = q[(q.article_id == "b") & q.quote.str.startswith("I am")].iloc[0]
    assert texts[1][b.start:b.end] == "I am a sailor like you, folks."
    assert texts[1][int(b.speaker_start):int(b.speaker_end)] == "Dunn" and b.verb == "telling"    # not Orme


def test_single_straight_marks_quote_in_a_headline_with_no_other_marks():
    from mediakit.quotes import find_quotes

    head = "Jane Moss: 'Jim Walsh's fair game.'\n\nThe candidate spoke in Iowa."
    assert [head[q.start:q.end] for q in find_quotes(head)] == ["Jim Walsh's fair game."]
    # apostrophes stay apostrophes: a plural possessive, "rock 'n roll", a subheading on its own line, and
    # any paragraph that quotes with other marks
    for text in ["They played rock 'n roll at the Rhodes' rally in the '90s.",
                 "'Pretty cool working there.'\n\nThe workers met at a bar.",
                 "He said \"no\" to the Rhodes' plan and 'our' plan."]:
        assert [text[q.start:q.end] for q in find_quotes(text)] in ([], ["no"]), text
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [head]})).iloc[0]
    assert q.kind == "direct" and head[int(q.speaker_start):int(q.speaker_end)] == "Jane Moss"


def test_a_statement_after_a_colon_is_the_subjects_of_the_verb_before_the_noun():
    text = ("When the governor died, President Jim Walsh released the following statement:\n\n"
            "“Ann and I offer our condolences to his family.”\n\nThe paper reported it.")
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    r = q[q.kind == "direct"].iloc[0]
    assert text[r.start:r.end] == "Ann and I offer our condolences to his family."
    assert text[int(r.speaker_start):int(r.speaker_end)] == "President Jim Walsh" and r.verb == "statement"


def test_inverted_cue_before_a_described_person():
    texts = ['"It is a calm place to fish," said one owner of a stall that sells nets.',
             '"There never was a dock-closure order," said the port chief known as Bob, speaking publicly.',
             "Mr. Orme, citing ''the odd charm of Dunn,'' said the candidate could win Devon.",
             "“A disgrace,” blasted the Dunn campaign as a liar."]
    q = mk.extract_quotes(pd.DataFrame({"article_id": list("abcd"), "text": texts}))
    direct = q[q.kind == "direct"].set_index("article_id")
    got = {aid: texts["abcd".index(aid)][int(r.speaker_start):int(r.speaker_end)]
           for aid, r in direct.dropna(subset=["speaker_start"]).iterrows()}
    assert got["a"] == "one owner of a stall" and got["b"] == "the port chief"
    assert got.get("c") != "the candidate"          # the subject of the reported clause
    assert "d" not in got                            # "blast" does not invert: an object


def test_another_and_one_as_the_subject_of_a_speech_verb():
    # "another" and "one" stand alone as the subject: not a determiner of "said"
    texts = ['Residents were angry. "We will win this," one said. "They cannot stop us," another said.',
             'One man wrote that the plan failed. Another said he hoped the mayor wins: "That way I can laugh."',
             'The report was long. Another report said the plan failed.']
    corpus = pd.DataFrame({"article_id": list("abc"), "text": texts})
    q = mk.extract_quotes(corpus)
    direct = q[q.kind == "direct"]
    got = [(r.article_id, texts["abc".index(r.article_id)][int(r.speaker_start):int(r.speaker_end)])
           for r in direct.itertuples()]
    assert got == [("a", "one"), ("a", "another"), ("b", "Another")]
    assert direct.speaker_canonical.isna().all()                       # no name
    c = q[q.article_id == "c"]
    assert c.speaker.tolist() == ["Another report"]                    # a determiner before a noun stays one


def test_a_clause_before_a_colon_gives_its_subject_not_the_clause():
    texts = ["Tom Vance came to town. He visited San Bernardino: “We are praying for the families.”",
             "Tom Vance came to town. Vance toured the hospital: “We are praying for the families.”",
             "Tom Vance came to town. Kerr on Twitter: “Sad!”"]
    q = mk.extract_quotes(pd.DataFrame({"article_id": list("abc"), "text": texts}))
    direct = q[q.kind == "direct"].set_index("article_id")
    spk = {aid: texts["abc".index(aid)][int(r.speaker_start):int(r.speaker_end)] for aid, r in direct.iterrows()}
    assert spk == {"a": "He", "b": "Vance", "c": "Kerr on Twitter"}      # no verb: the phrase is kept
    assert direct.loc["a", "speaker_canonical"] == "Tom Vance" == direct.loc["b", "speaker_canonical"]


def test_a_frame_opening_the_next_sentence_after_a_closed_quotation():
    # the quotation ends its sentence inside the marks; the next sentence opens with its frame and a long
    # participle clause, so the quotation is Tom Vance's, not the previous speaker's
    text = ('"Grizzly Adams?" Ann Lee repeated.\n\n"I am not sure you know Leo is available, but we will see, '
            'right?" Tom Vance remarked, alluding to the actor\'s latest turn as a rugged frontiersman in a film.\n\n'
            '"Our jobs are gone," Ann Lee said. "That is my wheelhouse." She said, twice, that she would get up and go back to work on '
            'Wednesday morning.\n\n'
            'Ann Lee spoke. "We won!" He added, "And we will win again and again, in every state, in every town '
            'and in every city of this great country of ours."')
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    direct = q[q.kind == "direct"]
    got = [(text[r.start:r.end][:12], text[int(r.speaker_start):int(r.speaker_end)]) for r in direct.itertuples()]
    assert got[:4] == [("Grizzly Adam", "Ann Lee"), ("I am not sur", "Tom Vance"), ("Our jobs are", "Ann Lee"),
                       ("That is my w", "Ann Lee")]                 # not "She", whose verb reports a clause
    assert ("We won!", "He") not in got                              # "He added," introduces the next one
    assert not any("alluding" in text[r.start:r.end] for r in q.itertuples())    # the frame is no content
    indirect = q[q.kind == "indirect"]
    assert [(text[r.start:r.end][-17:], r.speaker) for r in indirect.itertuples()] == [("Wednesday morning", "She")]


def test_a_name_with_a_long_apposition_and_an_abbreviated_place_before_the_verb():
    texts = ['"I was never a smuggler," Mr. Orme, now 81 and retired in Salem, Mass., said in an interview.',
             '"Perpetual motion!" Rep. Ann Lee, R-Pa., said of the convention.',
             '"We stay," Ann Lee, 22, of Dayton, Ohio, said.']
    q = mk.extract_quotes(pd.DataFrame({"article_id": list("abc"), "text": texts}))
    direct = q[q.kind == "direct"].set_index("article_id")
    spk = {aid: texts["abc".index(aid)][int(r.speaker_start):int(r.speaker_end)] for aid, r in direct.iterrows()}
    assert spk == {"a": "Mr. Orme", "b": "Rep. Ann Lee", "c": "Ann Lee"}
    assert [texts["abc".index(aid)][r.start:r.end] for aid, r in direct.iterrows()] == [
        "I was never a smuggler,", "Perpetual motion!", "We stay,"]


def test_a_next_sentence_reporting_its_own_that_clause_is_no_frame_of_the_quotation():
    # "She said, on Monday, that ...": the cue takes a clause of its own (after a short insertion between
    # commas), so the lone quotation before it keeps the previous speaker; "She said that too." is a frame
    texts = ["Ann Lee met Tom Vance. “It is over,” he said. “We go home.” She said, on Monday, that the ruling "
             "was wrong.",
             "Ann Lee met Tom Vance. “It is over,” he said. “We go home.” She said that too.",
             "Tom Vance spoke on Monday. “We will fight this.” She said, twice, that the ruling was wrong."]
    q = mk.extract_quotes(pd.DataFrame({"article_id": list("abc"), "text": texts}))
    direct = [(r.article_id, texts["abc".index(r.article_id)][r.start:r.end], r.speaker)
              for r in q[q.kind == "direct"].itertuples()]
    assert direct == [("a", "It is over,", "he"), ("a", "We go home.", "he"),
                      ("b", "It is over,", "he"), ("b", "We go home.", "She"),
                      # the quote-free sentence before the lone quotation has a speaker of its own
                      ("c", "We will fight this.", "Tom Vance")]
    # the clause is reported by its own sentence's subject
    indirect = [(r.article_id, texts["abc".index(r.article_id)][r.start:r.end], r.speaker)
                for r in q[q.kind == "indirect"].itertuples()]
    assert [(a, c.endswith("the ruling was wrong"), s) for a, c, s in indirect] == [("a", True, "She"),
                                                                                   ("c", True, "She")]


# speaker types (issue 3/7, Deliver 3): from the article's own introductions, agencies, head nouns of unresolved
# descriptions; transcript markers name no speaker
def _typed(texts: list[str]) -> pd.DataFrame:
    corpus = pd.DataFrame({"article_id": [f"t{i}" for i in range(len(texts))], "outlet": "x", "text": texts})
    q = mk.extract_quotes(corpus)
    by_id = corpus.set_index("article_id").text
    for r in q.itertuples():
        if pd.notna(r.speaker_start):
            assert by_id[r.article_id][int(r.speaker_start):int(r.speaker_end)] == r.speaker
    return q


def test_a_media_introduction_anywhere_in_the_article_types_later_mentions():
    q = _typed([
        "Veteran columnist and radio contributor Dana Pell wrote about the race. "
        "\"The field is wide open,\" Pell said on Monday.",
        "Senator Jo Marsh sat down with MSNBC's Rina Okafor on Thursday. "
        "\"Will you run again?\" Okafor asked. \"No,\" Marsh said.",
        "Ban Ki-woo, the secretary general of the league, arrived on Monday. "
        "\"We are ready,\" Ban said.",
    ])
    types = dict(zip(q.speaker, q.speaker_type))
    assert types["Pell"] == "media"          # "columnist and radio contributor Dana Pell"
    assert types["Okafor"] == "media"        # "MSNBC's Rina Okafor": a news organisation's person
    assert types["Marsh"] == "official"
    assert types["Ban"] == "official"        # "Ban Ki-woo, the secretary general": an office, not a rank


def test_agencies_are_officials_and_plural_heads_type_unresolved_descriptions():
    q = _typed([
        "The FBI said in a statement that the review was complete.",
        "Federal prosecutors said the suspect had fled.",
        "His attorneys said he would appeal the ruling.",
        "Attorney General Mara Voss said the law was clear.",
    ])
    got = dict(zip(q.speaker, zip(q.speaker_type, q.speaker_canonical)))
    assert got["The FBI"][0] == "official"
    assert got["Federal prosecutors"][0] == "official"
    assert got["His attorneys"][0] == "expert" and got["His attorneys"][1] is None
    assert got["Attorney General Mara Voss"] == ("official", "Mara Voss")   # not military ("general")
    assert len(q) == 4


def test_private_people_introduced_by_age_or_home_are_citizens():
    q = _typed([
        "Lena Ortiz, a 34-year-old shift manager from Dayton, waited in line. \"I want jobs,\" Ortiz said.",
        "Carl Boone, who lives outside Fresno, watched the debate. \"It was a mess,\" Boone said.",
    ])
    assert q.speaker_type.tolist() == ["citizen", "citizen"]


def test_transcript_markers_name_no_speaker():
    q = _typed([
        "Here is the trimmed transcript of the harbour interview.\n\nQ: You have been talking about how the harbour is "
        "on the mend, but the pilots are talking storms and floods.\n\nA: It is a big mistake.",
        "The governor spoke to the host.\n\n(END VIDEO CLIP)\n\nHOST: Talk to them.\n\n"
        "ORME: Well, I think sailors are scared. They want calm seas. They want safe piers.",
    ])
    assert len(q) == 7  # (with the answer "It is a big mistake.", its "A" standing for an interviewee not named)
    assert "Q" not in q.speaker.tolist()                          # "Q:" marks the question, no one's name
    assert q.loc[q.quote.str.startswith("You have been"), "speaker"].isna().all()
    assert not q.speaker_canonical.isin(["Q", "END VIDEO CLIP"]).any()   # no later "They" refers to the marker


def test_a_time_phrase_before_the_comma_is_no_speaker():
    # 'a few days later' and 'two weeks ago' end in a time word; the speaker is the subject after the comma
    texts = ["Tom Vance praised the plan on Monday. But a few days later, Vance reversed himself again, "
             "telling CBS that the rules “are set and we have to leave them that way.”",
             "Ann Ruiz spoke in Dallas. Two weeks ago, she changed course, telling reporters, "
             "“We will not sign this bill.”"]
    corpus = pd.DataFrame({"article_id": list("ab"), "text": texts})
    q = mk.extract_quotes(corpus)
    direct = q[q.kind == "direct"].set_index("article_id")
    got = {aid: texts["ab".index(aid)][int(r.speaker_start):int(r.speaker_end)] for aid, r in direct.iterrows()}
    assert got == {"a": "Vance", "b": "she"}  # not "a few days later", "Two weeks ago"
    assert direct.loc["a", "speaker_canonical"] == "Tom Vance"


def test_a_frame_opening_with_a_conjunction_after_a_quotation_is_a_new_clause_not_its_speaker():
    # "and Park, who says" begins a clause of its own: the quotation is Lee's, from the relative clause before it
    text = "Contrast that with Lee, who has called the plan “a disaster,” and Park, who says it is fine."
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    r = q[q.kind == "direct"].iloc[0]
    assert text[r.start:r.end] == "a disaster,"
    assert int(r.speaker_start) == text.index("who") and r.speaker_canonical == "Lee"   # not Park's "who"


def test_as_x_put_it_with_a_phrase_after_it_gives_the_speaker():
    text = ("The deal closed on Monday. As the chief executive, Ana Ruiz, put it in a memo to staff explaining the "
            "deal, “We are bigger now.”")
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    r = q[q.kind == "direct"].iloc[0]
    assert text[r.start:r.end] == "We are bigger now."
    assert text[int(r.speaker_start):int(r.speaker_end)] == "the chief executive"   # not "put it in a memo"
    assert r.speaker_canonical == "Ana Ruiz"                                        # her name in apposition


def test_from_x_colon_before_a_quotation_names_its_source():
    texts = ["The poll was sound. From the report: “Samples with more weighting did better.”",
             "Lee will back Park. More from Lee's Facebook post: “We must unite now.”",
             "From Ann Ruiz writing at the Ledger: “The race is over.”"]
    q = mk.extract_quotes(pd.DataFrame({"article_id": list("abc"), "text": texts})).set_index("article_id")
    spans = {k: texts["abc".index(k)][int(r.speaker_start):int(r.speaker_end)] for k, r in q.iterrows()}
    assert spans == {"a": "the report", "b": "Lee's Facebook post", "c": "Ann Ruiz"}   # not "More", nor "writing"
    assert texts[0][q.loc["a", "start"]:q.loc["a", "end"]] == "Samples with more weighting did better."
    assert (q.kind == "direct").all() and len(q) == 3
    assert q.verb_lemma.tolist() == ["from", "from", "write"]     # a participle after the name stays the cue


def test_a_cue_without_its_own_subject_takes_the_nearest_speech_cues_subject():
    # "called for" has no subject: it is She's (of "proposed"), not that of "reports" in the relative clause
    text = ("She has proposed a “trade prosecutor” who reports to the president, and called for tripling "
            "“the number of trade officers.”")
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    r = q[(q.kind == "direct") & (q.verb == "called for")].iloc[0]
    assert text[r.start:r.end] == "the number of trade officers."
    assert text[int(r.speaker_start):int(r.speaker_end)] == "She" and int(r.speaker_start) == 0


def test_a_fragment_in_the_main_clause_is_the_speaker_of_its_own_cue_not_of_a_fronted_clause():
    # the mixed quote opens in the fronted "Where ..." clause; the fragment's clause is "he said it still posed"
    texts = ["The senator spoke on Monday. Where he used to claim that he had “beaten the flu,” on Tuesday night "
             "he said it still posed “a direct risk” to people.",
             "Ann Ruiz spoke on Monday. Although she once argued that taxes were too high, on Friday she said the "
             "rate was “about right” for now."]
    q = mk.extract_quotes(pd.DataFrame({"article_id": list("ab"), "text": texts}))
    d = q[q.kind == "direct"].set_index("quote")
    a, b = texts
    assert a[d.loc["a direct risk", "start"]:d.loc["a direct risk", "end"]] == "a direct risk"
    assert int(d.loc["a direct risk", "speaker_start"]) == a.index("he said")       # the second "he"
    assert b[d.loc["about right", "start"]:d.loc["about right", "end"]] == "about right"
    assert int(d.loc["about right", "speaker_start"]) == b.index("she said")
    assert d.loc["about right", "speaker_canonical"] == "Ann Ruiz"
    # a parenthetical frame heading the sentence keeps its speaker ('Nor, he said, did he say ...')
    c = "Bob Lane spoke. Nor, he said, did he write anything that could be “taken as an order” to sail."
    r = mk.extract_quotes(pd.DataFrame({"article_id": ["c"], "text": [c]}))
    r = r[r.kind == "direct"].iloc[0]
    assert c[r.start:r.end] == "taken as an order" and int(r.speaker_start) == c.index("he said")


def test_a_relative_right_after_a_quoted_phrase_is_not_its_speaker():
    # "who reports" describes the quoted "water commissioner": the phrase is the proposer's, She
    text = "Mara Lind spoke in Ohio. She has proposed a “water commissioner” who reports to the governor."
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    r = q[q.kind == "direct"].iloc[0]
    assert text[r.start:r.end] == "water commissioner"
    assert text[int(r.speaker_start):int(r.speaker_end)] == "She" and int(r.speaker_start) == text.index("She")
    assert r.speaker_canonical == "Mara Lind"


def test_a_quotation_running_into_the_writers_words_before_a_final_frame_is_a_mixed_quote():
    text = "“We are tired” by the delays and the cost of the works, Omar Nefzi said on Sunday."
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    m = q[q.kind == "mixed"].iloc[0]
    assert text[m.start:m.end] == "“We are tired” by the delays and the cost of the works"
    assert text[int(m.speaker_start):int(m.speaker_end)] == "Omar Nefzi"
    d = q[q.kind == "direct"].iloc[0]
    assert text[d.start:d.end] == "We are tired" and d.speaker == "Omar Nefzi"
    # a quotation closed by its own comma is the whole clause: no mixed quote
    whole = "“We are tired,” Omar Nefzi said on Sunday."
    q2 = mk.extract_quotes(pd.DataFrame({"article_id": ["b"], "text": [whole]}))
    assert q2.kind.tolist() == ["direct"]


def test_an_inverted_speaker_before_and_others_or_familiar_with_is_found():
    texts = ["“We will keep going,” said Paul Doyle and others at the meeting.",
             "“She will run again,” said one person familiar with her plans.",
             "“She will run again,” said one aide familiar with the talks."]
    q = mk.extract_quotes(pd.DataFrame({"article_id": list("abc"), "text": texts})).set_index("article_id")
    spans = {k: texts["abc".index(k)][int(r.speaker_start):int(r.speaker_end)] for k, r in q.iterrows()}
    assert spans == {"a": "Paul Doyle", "b": "one person", "c": "one aide familiar with the talks"}
    assert (q.kind == "direct").all()
    assert texts[1][q.loc["b", "start"]:q.loc["b", "end"]] == "She will run again,"


def test_titles_in_a_list_with_digits_or_opening_the_sentence_before_their_author_are_no_quotes():
    texts = ["Lee appeared on “Meet the Press” and “Face the Nation” on Sunday.",
             "Lee has seen the film “Fahrenheit 9/11” and the show “Mamma Mia!” twice.",
             "“The Long Winter,” by Tom Ames, sold well in the spring."]
    q = mk.extract_quotes(pd.DataFrame({"article_id": list("abc"), "text": texts}))
    assert not (q.kind == "direct").any()
    # a quoted phrase after "and" that follows no title is still a quotation
    text = "Lee said the plan was “a disaster” and “a joke” for the town."
    d = mk.extract_quotes(pd.DataFrame({"article_id": ["d"], "text": [text]}))
    d = d[d.kind == "direct"]
    assert [text[s:e] for s, e in zip(d.start, d.end)] == ["a disaster", "a joke"]


def test_a_participle_before_a_colon_takes_its_clauses_subject_also_for_the_next_paragraph():
    text = ("The Ledger confirmed that account on Monday, reporting:\n"
            "“The mayor left the meeting early and did not return.”")
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    r = q[q.kind == "direct"].iloc[0]
    assert text[r.start:r.end] == "The mayor left the meeting early and did not return."
    assert text[int(r.speaker_start):int(r.speaker_end)] == "The Ledger" and r.verb == "reporting"


def test_an_unknown_verb_with_its_subject_before_a_colon_is_the_frame_not_a_cue_further_back():
    text = "Asked which county was her favorite, she demurred: “I love them all equally.”"
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    r = q[q.kind == "direct"].iloc[0]
    assert text[r.start:r.end] == "I love them all equally."
    assert int(r.speaker_start) == text.index("she") and r.speaker == "she" and r.verb == "demurred"


def test_a_frame_introducing_the_next_quotation_is_not_the_speaker_of_a_fragment_before_it():
    text = ("Lee's opponent, Ann Park, won in Ohio. He says he respects Park and calls her “a fine person.” "
            "He adds, “Things get heated.”")
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    d = q[q.kind == "direct"].set_index("quote")
    assert text[d.loc["a fine person.", "start"]:d.loc["a fine person.", "end"]] == "a fine person."
    assert int(d.loc["a fine person.", "speaker_start"]) == text.index("He says")     # not "He adds"
    assert int(d.loc["Things get heated.", "speaker_start"]) == text.index("He adds")


def test_a_sentence_opening_with_a_participle_takes_the_previous_sentences_speaker():
    text = ("Later in the show, Ann Ruiz stated of the scandal that the report “was weak.” "
            "Adding, “It was bad for the whole party and for her.”")
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    r = q[(q.kind == "direct") & (q.verb == "Adding")].iloc[0]
    assert text[r.start:r.end] == "It was bad for the whole party and for her."
    assert text[int(r.speaker_start):int(r.speaker_end)] == "Ann Ruiz"


def test_a_fragment_of_a_mixed_quote_whose_subject_is_a_time_phrase_takes_the_clauses_speaker():
    text = ("Mayor Ann Ruiz spoke on Monday. He has quarrelled with the city over its fares, at one point calling "
            "the mayor a “cheat” who was not “trustworthy.”")
    q = mk.extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    d = q[q.kind == "direct"]
    assert [text[s:e] for s, e in zip(d.start, d.end)] == ["cheat", "trustworthy."]
    assert (d.speaker_start == text.index("He has")).all()      # not "one point"
