"""The speaker of a cue read from the sentence around it: the subject left of the cue ("Smith, a fellow at X,
said"; "officials familiar with the talks say"), a relative subject ("Voss, who had said ..."), an inverted
subject right of it ("said Smith, a fellow at X"), and the subject a participle or "adding" inherits from the
clause before it. A mixin of the quote analyser (:mod:`._rules`), on the noun phrases of :mod:`._phrases`.
"""

from __future__ import annotations

from ._clauses import _name_verb_at
from ._phrases import (
    _APPOSITION_MAX_TOKENS,
    _DETAIL_MAX_PARTS,
    _DOTTED_ACRONYM,
    _NP_MAX_TOKENS,
    _PAREN_MAX_TOKENS,
    _PARTICIPLE_DESCRIPTIONS,
    _RELATIVE_CLAUSE_MAX_TOKENS,
    _SUBJECT_PRONOUNS,
    _TIME_NOUNS,
    _TO_SAY_HEADS,
)
from ._tokens import _Frame, _is_cap, _is_word
from ._words import (
    _ARTICLES,
    _AUX,
    _CLAUSE,
    _CONTRACTED_BE,
    _DET,
    _DOCUMENT_NOUNS,
    _INVERTIBLE,
    _IRREGULAR_PAST,
    _KIN_NOUNS,
    _LEADING_ADVERBS,
    _LEADING_SKIP,
    _NOUNISH,
    _OBJECT_PRONOUNS,
    _POSSESSIVE_DET,
    _PREPS,
    _SPEAKER_NOUNS,
    _SPEAKING_PRONOUNS,
    _TIME_WORDS,
    _TITLES_ABBR,
    _past_like,
)

# verbs that raise the subject of their infinitive ("The report seems to show", "she appeared to believe")
_RAISING_VERBS = frozenset({"seem", "seems", "seemed", "appear", "appears", "appeared"})
# adjectives among the heads before "to": only with a that-clause after the cue ("quick to add that"; "quick to
# offer condolences" reports no words)
_TO_SAY_ADJECTIVES = frozenset({"quick", "careful", "eager", "keen"})
# time nouns that head the antecedent of a relative "that"/"which" before a cue ("a year that saw", "a season
# that has seen"): a time speaks no words, so the relative pronoun names no speaker
_SPEECHLESS_TIME_HEADS = frozenset({"year", "years", "day", "days", "week", "weeks", "month", "months", "era",
                                    "eras", "decade", "decades", "season", "seasons", "century", "centuries",
                                    "time", "times", "moment", "moments", "night", "nights", "morning", "evening",
                                    "afternoon", "weekend", "period", "summer", "winter", "spring", "autumn"})
# the words that open a subject clause before a cue ("How the board handles the vote will determine")
_SUBJECT_CLAUSE_WH = frozenset({"how", "what", "whether", "why"})
# the modals between such a clause and the cue ("... will determine"; not "What we know is that": a cleft)
_SUBJECT_CLAUSE_MODALS = frozenset({"will", "would", "could", "can", "may", "might", "should", "must", "shall"})
# verbs that take an object and a bare infinitive ("saw the plan fail", "let the deal lapse")
_BARE_INFINITIVE_VERBS = frozenset({"saw", "see", "sees", "seen", "watched", "watch", "heard", "hear", "let",
                                    "lets", "made", "make", "makes", "helped", "help", "helps"})
# forms of "be" before a participle inside a relative clause ("who did not want to be named", "who was
# questioned"): a passive of the clause, not a second verb that ends it
_PASSIVE_BE = frozenset({"be", "been", "being", "was", "were", "is", "are"})


# verbs of causing whose object is the subject of the infinitive cue after it ("led some to speculate that",
# "caused many to wonder whether", "left voters to ask"); chosen on PolNeAR train false negatives
_CAUSATIVE_VERBS = frozenset({"lead", "leads", "led", "leading", "cause", "causes", "caused", "causing", "leave",
                              "leaves", "left", "leaving", "prompt", "prompts", "prompted", "prompting",
                              "force", "forces", "forced", "forcing", "drive", "drives", "drove", "driven",
                              "driving", "spur", "spurs", "spurred", "spurring", "inspire", "inspires", "inspired",
                              "inspiring"})
# verbs of spending time before an -ing cue ("spent the week arguing that"): their subject speaks
_SPEND_VERBS = frozenset({"spent", "spend", "spends"})
# the most tokens of that object ("led a number of senior party officials to ...")
_CAUSEE_MAX_TOKENS = 8


# the most tokens of a noun phrase between a relative "whom" and its verb ("whom the senior senator backed")
_VERBLESS_NP_MAX_TOKENS = 5


# verbs of aspect before an -ing cue whose subject speaks ("began arguing", "kept insisting", "started saying")
_GERUND_ASPECT_VERBS = frozenset({"began", "begin", "begins", "started", "start", "starts", "kept", "keep", "keeps",
                           "continued", "continue", "continues", "resumed", "resume", "resumes"})
# the most tokens of a name or role before "and" in a coordinated subject ("Sen. Ann B. Lee and her husband")
_COORDINATED_MAX_TOKENS = 6
# determiners of a noun closing an adverbial before a subject ("at which point the crowd", "that way the public",
# "each time the mayor")
_ADVERBIAL_DETS = frozenset({"which", "whose", "what", "that", "this", "each", "every", "next", "last", "any"})
# number words opening the second half of a coordinated subject ("Ann Lee and two aides")
_SECOND_HALF_COUNTS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several"})
# quantifiers opening an aside between dashes that counts the plural subject before it ("— both from the east
# ward —", "— all of them veterans —"); set by hand
_ASIDE_QUANTIFIERS = frozenset({"both", "all", "each", "most", "many", "some", "half", "none", "one"})


# subordinators opening a fronted clause before the main one ("While the donor did not disclose it, he said ...");
# its frames are no speakers of the main clause's joined verbs and participles; set by hand
_FRONTED_SUBORDINATORS = frozenset({"while", "although", "though", "whereas", "because", "if", "when", "since",
                                    "after", "before", "once", "unless", "even"})


# adverbs of sequence and time that may open a sentence before a fronted participle ("Afterwards, calling the count
# unfair, her aides said"), and the most tokens of such an opening; set by hand
_PARTICIPLE_OPENING_ADVERBS = frozenset({"afterwards", "afterward", "later", "then", "earlier", "first", "finally", "next",
                               "again", "instead", "still", "eventually", "subsequently", "thereafter", "soon"})
_FRONTED_ADVERB_MAX_TOKENS = 3
# the most tokens of a phrase of place or time opening a sentence before a fronted participle ("After the vote,
# saying ...", "At a rally in Dover, calling ..."); set by hand
_FRONTED_PHRASE_MAX_TOKENS = 6




# pronouns of amount that are the object of a cue, never its inverted subject ("— said little about", "said
# nothing"); set by hand
_AMOUNT_PRONOUNS = frozenset({"little", "nothing", "much", "anything", "something", "everything", "plenty"})


# verbs linking a subject to "likely to say", "quick to point out" (no speaker's words themselves)
_LINKING_VERBS = frozenset({"appear", "appears", "appeared", "seem", "seems", "seemed", "look", "looks", "looked",
                            "become", "becomes", "became", "remain", "remains", "remained", "grew", "grow", "grows"})


# passive participles of perception before a participle cue, whose subject is the speaker ("can be heard
# asking", "was seen telling"); set by hand
_PERCEPTION_PASSIVES = frozenset({"heard", "overheard", "seen", "caught", "filmed", "recorded", "spotted"})
# words after "to" in a parenthetical between a subject's commas ("Lee, to be fair, said", "to put it mildly",
# "to date", "to say the least"); set by hand
_TO_PARENTHETICAL = frozenset({"be", "put", "date", "say", "this", "that"})


class _CueSubjects:
    """Mixin: who a cue's subject is (uses the noun-phrase methods of :class:`._phrases._Phrases`)."""

    def _causee(self, j: int, lo: int) -> tuple[int, int] | None:
        """The object of a verb of causing before the "to" at ``j`` of an infinitive cue: it says or thinks
        what the cue reports ("led some to speculate that", "has caused many to wonder whether", "leaving
        voters to ask if"); None when no such verb and noun phrase stand before "to"."""
        t = self.t
        m = j - 1
        while m >= lo and j - m <= _CAUSEE_MAX_TOKENS and _is_word(t.text[m]) and t.quote[m] == -1 \
                and t.low[m] not in _CAUSATIVE_VERBS:
            m -= 1
        if m < lo or m == j - 1 or t.low[m] not in _CAUSATIVE_VERBS:
            return None
        np_ = self._np_left(j - 1, m + 1)
        if np_ is None or np_[0] != m + 1 or self._cannot_speak(*np_) or t.low[np_[0]] in ("it", "this", "that") \
                or any(t.low[x] in _PREPS and t.low[x] not in ("of", "like", "in") for x in range(*np_)):
            return None  # "left it to others to praise ...": no noun phrase of a speaker before "to"
        return np_

    def _subject_left(self, c0: int, lo: int) -> _Frame | None:
        """Speaker left of the cue starting at ``c0``: "Smith said", "Smith, a fellow at X, said",
        "officials in Ottawa have long said", ", who said"."""
        t = self.t
        j = self._skip_adverbs_left(c0 - 1, lo)
        q = j + 1  # "Both said that ...", "and all vowed to ...": a floating quantifier opening the clause is its subject
        if q < c0 and t.low[q] in ("both", "all") and (j < lo or t.low[j] in (",", ";", "and", "but", "—", "–")) \
                and c0 + 1 < len(t) and _is_word(t.text[c0 + 1]):
            return _Frame(c0, c0, None, q, q + 1)
        if j < lo:
            return None
        if self._contracted_copula(j):
            return _Frame(c0, c0, None, j, j + 1)  # "He's poised to argue", "they're saying": the pronoun
        w = t.low[j]
        if t.quote[j] != -1 and t.mark[j] and j - 1 > lo and t.low[j - 1] == "," and self.lang == "en":
            # 'Ann Lee, star of “The Show,” stated': a quoted title closing the apposition, the comma inside its
            # marks; the name before the apposition speaks
            qo, qc, qe, qz = self.q_tok[t.quote[j]]
            form = self.lex.forms.get(t.low[c0])
            if qz == j + 1 and (form is None or form.form != "ing") and self._is_title(qo, qc, qe, lo):
                k = qo - 1
                while k >= lo and t.low[k] not in (",", ";", ":", "(") and t.quote[k] == -1 \
                        and j - k < _APPOSITION_MAX_TOKENS:
                    k -= 1
                head = self._np_left(k - 1, lo) if k - 1 >= lo and t.low[k] == "," and k + 1 < qo and not any(
                    t.low[m] in _AUX or _past_like(t.low[m]) and t.low[m - 1] not in _DET or t.low[m] in self.lex.forms
                    and self.lex.forms[t.low[m]].form in ("past", "s") for m in range(k + 1, qo)) \
                    else None  # (not 'Lee, who backs Kim, trashed Roe on “The Show,” calling': a clause)
                if head is not None and head[1] == k and not self._adverbial(head) and self._human(*head):
                    head = self._chain_head(head, lo)
                    return _Frame(c0, c0, None, head[0], head[1], k + 1, j + 1)
        if w == "," and t.low[c0] in self.lex.forms and self.lex.forms[t.low[c0]].form == "ing":
            return None  # "..., saying": a participle; its subject is the sentence's
        fr = _Frame(c0, c0, None)
        base = self.lex.forms.get(t.low[c0])
        if base is not None and base.form == "ing" and w in _GERUND_ASPECT_VERBS and j - 1 >= lo and self.lang == "en":
            # "Ann Lee began arguing that", "moved to a bank and began writing that": the subject of the verb
            # of aspect, or of the verb it is coordinated with
            sub = self._subject_left(j, lo)
            m = self._skip_adverbs_left(j - 1, lo)
            if sub is None and m > lo and t.low[m] in ("and", "but"):
                sub = self._prior_subject(j, lo)
            if sub is not None:
                sub.c0 = sub.c1 = c0
            return sub
        if base is not None and base.form == "ing" and w in _PERCEPTION_PASSIVES and j - 1 >= lo \
                and t.low[j - 1] in ("be", "been", "being", "is", "are", "was", "were") and self.lang == "en":
            # "a reporter can be heard asking Lee", "Lee was seen telling aides": the subject of the passive
            sub = self._subject_left(j, lo)
            if sub is not None:
                sub.c0 = sub.c1 = c0
            return sub
        if base is not None and base.form == "ing" and w == "to" and j - 2 > lo and t.low[j - 1] == "back" \
                and t.low[j - 2] in ("is", "are", "was", "were", "be", "been", "'s", "’s") and self.lang == "en":
            # "Lee was back to implying that ...": the subject of the copula before "back to"
            sub = self._subject_left(j - 2, lo)
            if sub is not None:
                sub.c0 = sub.c1 = c0
            return sub
        if base is not None and base.form == "base" and w in ("help", "helps", "helped") and j - 1 >= lo \
                and self.lang == "en":
            # "Ann Lee helped explain that ...": the subject of "helped", which takes a bare infinitive
            sub = self._subject_left(j, lo)
            if sub is not None:
                sub.c0 = sub.c1 = c0
            return sub
        phrase = self.lex.phrases.get(tuple(t.low[c0:c0 + 2])) if base is None and w == "to" else None
        if w == "to" and j - 1 >= lo and (base is not None and base.form == "base" and base.cls == "speech"
                                          or phrase is not None and phrase.cls == "speech" and not phrase.content_object
                                          and phrase.lemma == " ".join(t.low[c0:c0 + 2])) \
                and t.low[j - 1] in _TO_SAY_HEADS and (t.low[j - 1] not in _TO_SAY_ADJECTIVES or any(
                    t.low[x] == "that" for x in range(c0 + 1, min(len(t), c0 + 3)))):
            # "Lewandowski continued to say", "voters are more likely to say", "critics are quick to point out": the
            # subject of the verb or adjective before "to"
            m = j - 1
            if t.low[m] == "likely":
                while m - 1 >= lo and t.low[m - 1] in ("more", "less", "most", "least", "much", "far", "even"):
                    m -= 1
            if m - 1 >= lo and t.low[m - 1] in _LINKING_VERBS:
                m -= 1  # "Minority voters appeared more likely to describe": the verb of the subject's clause
            return self._subject_left(m, lo)
        if w == "to" and base is not None and base.form == "base" and base.cls in ("evidence", "cognition") \
                and j - 1 >= lo and t.low[j - 1] in _RAISING_VERBS:
            return self._subject_left(j - 1, lo)  # "The report seems to show that ...": the report shows it
        if w == "to" and base is not None and base.form == "base" and j - 2 >= lo and self.lang == "en":
            sub = self._causee(j, lo)
            if sub is not None:
                fr.s0, fr.s1 = sub
                return fr
        ing = base
        if ing is not None and ing.form == "ing" and ing.cls == "speech" and not ing.content_object \
                and self.lang == "en":
            # "..., with 30 percent of voters saying they ...": the noun phrase after "with" speaks
            m = j
            while m > lo and j - m < _NP_MAX_TOKENS and _is_word(t.text[m]) and t.quote[m] == -1 \
                    and t.low[m] != "with":
                m -= 1
            end = next((x for x in range(c0 + 1, len(t)) if t.low[x] in (",", ";", ":", ".") or t.quote[x] != -1),
                       len(t))
            if m < j and t.low[m] == "with" and self._is_clause(c0 + 1, end, False):
                np_ = self._np_left(j, m + 1)
                if np_ is not None and np_[0] == m + 1 and not self._cannot_speak(*np_) and not all(
                        t.low[x] in _TIME_WORDS or t.low[x].isdigit() or t.low[x] in _DET for x in range(*np_)):
                    fr.s0, fr.s1 = np_
                    return fr
        if w in ("who", "which", "that", "который", "которая", "которые"):
            fr.s0, fr.s1 = j, j + 1
            k = j - 1
            if k >= lo and t.low[k] == ",":
                k -= 1
            if w == "that" and (k < lo or t.low[k] == "," or self._cue_at(k, backward=True) is not None
                                or t.low[k] in _AUX or t.low[k] in _CLAUSE or t.low[k] in _PREPS):
                return None  # "said that ...": a complementizer, not a relative pronoun
            ante = self._np_left(k, lo) if k >= lo else None
            if ante is not None:
                ante = self._object_of_clause(ante)
            if ante is not None and t.low[ante[1] - 1] in _SPEECHLESS_TIME_HEADS and w in ("that", "which") \
                    and not (ante[1] - 2 >= ante[0] and (t.low[ante[1] - 2] in _TIME_WORDS or t.low[ante[1] - 2] in (
                        "next", "last", "this", "each", "every") or _is_cap(t.text[ante[1] - 2])
                        and t.low[ante[1] - 2] not in _DET)):
                # "a year that saw the party take the House": a time cannot speak (but "a report this summer that
                # may answer": the time dates the noun before it)
                return None
            if ante is not None:
                fr.antecedent = ante
                return fr
            if w == "that":
                return None
            return fr
        if w == ",":
            detailed = self._name_with_details(j, lo)
            if detailed is not None:
                fr.s0, fr.s1, fr.a0, fr.a1 = detailed
                return fr
            # apposition or parenthetical between two commas: "Smith, head of X, said"
            k = j - 1
            while k >= lo and t.low[k] not in (",", ";", ":", "(") and t.quote[k] == -1 and j - k < _APPOSITION_MAX_TOKENS:
                if t.low[k] == ")":  # "president of the INE (Instituto Nacional de Estadística), said"
                    while k > lo and t.low[k] != "(" and t.quote[k] == -1:
                        k -= 1
                k -= 1
            inner = (k + 1, j)
            if inner[1] - inner[0] <= 0:
                return None
            first = t.low[inner[0]]
            nxt = t.low[inner[0] + 1] if inner[1] - inner[0] > 1 else ""
            if first == "not" and nxt == "to" or first == "to" and nxt not in _TO_PARENTHETICAL and nxt.isalpha() \
                    and nxt not in _POSSESSIVE_DET and nxt not in _DET and not _is_cap(t.text[inner[0] + 1]):
                # "warned the rival, Tom Vance, not to move on the port, said an official": the infinitive of a verb
                # before the comma, no description of a speaker (unlike "Lee, to be fair, said")
                return None
            split = self._split_relative(j, lo)
            if split is not None:
                fr.s0, fr.s1, fr.a0, fr.a1 = split
                return fr
            if k >= lo and t.low[k] == "," and k - 2 >= lo and t.low[k - 1] in _LEADING_ADVERBS \
                    and t.low[k - 2] == ",":
                k -= 2  # "Voss, meanwhile, who sits at zero endorsements, said": skip the adverb
            if k >= lo and t.low[k] == ",":
                head = self._np_left(k - 1, lo) if k - 1 >= lo else None
                if first in _PREPS or first in ("speaking", "asked", "when", "while", "meanwhile", "however",
                                                 "though", "too", "in", "for", "according", "referring"):
                    # parenthetical phrase: the subject is before it
                    if head is not None:
                        fr.s0, fr.s1 = head
                        return fr
                    return None
                if head is not None and head[1] - head[0] == 1 and t.low[head[0]].isdigit() \
                        and head[0] - 2 >= lo and t.low[head[0] - 1] == ",":
                    head = self._np_left(head[0] - 2, lo)  # "Yin Myint May, 60, a doctor, said", "Kim, 24, who ..."
                    if head is not None and not any(_is_cap(t.text[m]) for m in range(*head)):
                        head = None
                if head is not None and first in ("who", "which", "whose", "who's", "who’s") and not self._adverbial(head):
                    # "Quinn, who has campaigned for Hale, blasted ..."; "Hal Grady, a former party
                    # director, whose roots are in ..., said": the name is the first of the chain
                    a_end = inner[1]
                    head = self._chain_head(head, lo)
                    fr.s0, fr.s1 = head
                    fr.a0, fr.a1 = head[1] + 1 if t.low[head[1]] == "," else inner[0], a_end
                    return fr
                # "Mara Quell, clad in a blue coat with buttons that spelled his name, said": a participle phrase
                # describing a named speaker
                part = (_past_like(first) or first in _PARTICIPLE_DESCRIPTIONS or first.endswith("ing")
                        and first not in self.lex.forms) and head is not None and any(
                    _is_cap(t.text[m]) for m in range(*head))
                if head is not None and (self._looks_like_np(*inner) or part) and not self._adverbial(head):
                    # chained appositions: "Glen Rourke, the attorney general of Oklahoma, one of the
                    # states suing the EPA, said" -- the name is the first of the chain
                    a_end = inner[1]
                    head = self._chain_head(head, lo)
                    fr.s0, fr.s1 = head
                    fr.a0, fr.a1 = head[1] + 1, a_end
                    return fr
                wide = self._relative_apposition(k, inner, lo)
                if wide is not None:
                    fr.s0, fr.s1, fr.a0, fr.a1 = wide
                    return fr
                if inner[1] - inner[0] <= 4 and all(_is_cap(t.text[m]) or t.low[m] == "." for m in range(*inner)) \
                        and t.low[inner[0]] not in _DET and first not in _PREPS and self._described_name(k, lo):
                    # "One delegate not on the slate, Kelly Smith, told ...": the name after a description speaks
                    fr.s0, fr.s1 = inner
                    return fr
                return None
            if t.low[j - 1] == ")" and k < lo:
                # "Sen. Jack Ruddy (D-R.I.), said": a comma after a parenthesis closing the subject
                np_ = self._np_left(j - 1, lo)
                if np_ is not None and np_[0] == lo and any(_is_cap(t.text[m]) for m in range(*np_)):
                    fr.s0, fr.s1 = np_
                    return fr
            # no comma before: "X, said" can only be an inversion; not a subject on the left
            return None
        spaced = w == "-" and j - 1 >= lo and t.end[j - 1] < t.start[j] and j + 1 < len(t) \
            and t.end[j] < t.start[j + 1]  # "Ann Lee - the mayor's sister - told": a hyphen typed for a dash
        if w in ("—", "–") or spaced:
            # an aside between dashes after the subject: "Insiders in two states — Nevada and Ohio — said"
            k = j - 1
            while k >= lo and t.low[k] not in ("—", "–", ";", ":") and t.quote[k] == -1 \
                    and j - k < _APPOSITION_MAX_TOKENS and not (spaced and t.low[k] == "-" and k > lo
                                                                and t.end[k - 1] < t.start[k] < t.end[k] < t.start[k + 1]):
                k -= 1  # (commas inside: "— including Muslims, Christians —")
            if k > lo and t.low[k] == t.low[j] and k + 1 < j:
                head = self._np_left(k - 1, lo)
                if head is not None and not self._adverbial(head) and self._counted_aside(head, k + 1, j):
                    fr.s0, fr.s1, fr.a0, fr.a1 = head[0], head[1], k + 1, j
                    return fr
            return None
        if w == "-" and j - 1 > lo and t.low[j - 1] == "-" and t.end[j - 1] == t.start[j]:
            # the same aside between double hyphens: "The justice -- who has clashed with the nominee -- said"
            k = j - 2
            while k > lo and not (t.low[k] == "-" and t.low[k - 1] == "-") and t.low[k] not in (";", ":") \
                    and t.quote[k] == -1 and j - k < _APPOSITION_MAX_TOKENS:
                k -= 1
            passive = base is not None and base.form == "past" and any(
                t.low[x] in ("is", "are", "was", "were", "be", "been") for x in range(j + 1, c0))
            if k - 1 > lo and t.low[k] == "-" and t.low[k - 1] == "-" and k + 1 < j - 1 and not passive:
                head = self._np_left(k - 2, lo)
                if head is not None and not self._adverbial(head) and self._counted_aside(head, k + 1, j - 1):
                    fr.s0, fr.s1, fr.a0, fr.a1 = head[0], head[1], k + 1, j - 1
                    return fr
            return None
        rel = self._relative_subject(j, lo)
        if rel is not None:
            return rel
        m = next((x for x in range(j, max(lo - 1, j - _VERBLESS_NP_MAX_TOKENS - 1), -1) if t.low[x] == "whom"), None)
        if m is not None and self._verbless_np(m + 1, j + 1) and (c0 + 1 >= len(t) or not _is_word(t.text[c0 + 1])):
            # "asked whom she supported, Lee smiled": "whom" is the cue's whole object; it reports nothing (but
            # "whom he called a liar", "whom she described as ...")
            return None
        np_ = self._np_left(j, lo)
        if np_ is None:
            return None
        if np_[0] > lo and t.low[np_[0] - 1] in _BARE_INFINITIVE_VERBS and t.text[np_[0] - 1].islower() \
                and np_[1] - np_[0] >= 3 and t.text[np_[1] - 1].islower() and not t.low[np_[1] - 1].endswith("s") \
                and t.low[np_[0]] in _DET:
            # "A year that saw the plan fail showed that": the object of "saw" and its bare infinitive, no
            # subject of the cue
            return None
        if np_[0] > lo and t.low[np_[0] - 1] in _SUBJECT_CLAUSE_WH and (np_[0] - 1 == lo or t.low[np_[0] - 2] in (
                ",", ";", ":")) and any(t.low[x] in _SUBJECT_CLAUSE_MODALS for x in range(np_[1], c0)):
            # "How the board handles the vote will determine whether": a subject clause, no speaker (but "What
            # the mayor says is ...": the cue is the clause's own verb)
            return None
        if base is not None and base.form == "s" and base.lemma in _NOUNISH and j > lo and _is_cap(t.text[j]) \
                and t.low[j] not in _DET and t.low[j - 1] in _PREPS and t.text[j - 1].islower() \
                and (c0 + 1 >= len(t) or not _is_word(t.text[c0 + 1]) or t.low[c0 + 1] in _PREPS):
            # "Lee apologizes for Roe comments;", "amid Lee claims of fraud": a plural noun after a name in a
            # prepositional phrase, no verb ("after Lee calls Roe a liar" is one)
            return None
        verb = next((x for x in range(np_[0] + 1, np_[1] - 1)
                     if _name_verb_at(t.text[np_[0]:np_[1]], t.low[np_[0]:np_[1]], x - np_[0])), None)
        if verb is not None and (verb - np_[0] > 1 or self._in_full_name(t.text[np_[0]])):
            # "Strand comes with the right calling card": a name and its verb, a clause; no subject of the cue
            # (a capitalised word opening the sentence is a name only when the article writes it in full: not
            # "Exit polls from the primary showed")
            return None  # "Lee apologizes for Roe comments": a clause with its own verb, no subject of the cue
        np_ = self._head_before_participle(np_, lo)
        np_ = self._participle_phrase(np_, c0)
        if np_[1] - np_[0] > 2 and np_[0] > lo and t.low[np_[0] - 1] in _ADVERBIAL_DETS \
                and t.text[np_[0]][:1].islower() and t.low[np_[0]] not in _DET \
                and (t.low[np_[0] + 1] in _ARTICLES or t.low[np_[0] + 1] in _POSSESSIVE_DET):
            # "at which point the crowd chanted", "that way the public knows", "each time the mayor said": the
            # noun closing an adverbial before the subject's determiner is no part of it
            np_ = (np_[0] + 1, np_[1])
        np_ = self._coordinated_subject(np_, lo)
        if (base is None or base.form == "ing") and self._verb_object(np_, lo):
            # "She also sent a tweet saying ...", "levels don't offer a surefire forecast of ...": a verb and its
            # object read as the noun phrase before a participle or a noun cue; the verb's subject speaks
            sub = self._subject_left(np_[0], lo)
            if sub is not None and sub.s0 >= 0 and sub.s1 <= np_[0]:
                sub.c0 = sub.c1 = c0
                return sub
        if base is not None and base.form == "ing" and self.lang == "en":
            # "The mayor left the hall thinking that ...": a subject, its past-tense verb and that verb's object
            # read as one noun phrase before a participle; the subject speaks
            v = next((x for x in range(np_[0] + 1, np_[1] - 2) if (_past_like(t.low[x]) or t.low[x] in _IRREGULAR_PAST)
                      and t.low[x - 1] not in _DET and t.low[x - 1] not in _PREPS and t.low[x - 1] not in _AUX
                      and self._verb_object((x, np_[1]), lo)), None)
            if v is not None and not self._adverbial((np_[0], v)) and self._human(np_[0], v) \
                    and not any(t.low[x] in _DOCUMENT_NOUNS for x in range(v, np_[1])):
                # (not "issued a report saying": the speaker stays with the document, named after its issuer)
                np_ = (np_[0], v)
        if all(t.low[k] in _TIME_WORDS or t.low[k] in _DET or t.low[k].isdigit() for k in range(*np_)) \
                and any(t.low[k] in _TIME_WORDS and t.low[k] not in _DET for k in range(*np_)) \
                and not (np_[1] - np_[0] == 1 and _is_cap(t.text[np_[0]])):
            # "spending the past week bickering over who ...": a time phrase, not a speaker (but "..., Day said")
            m = np_[0] - 1
            if m - 1 >= lo and t.low[m] in _AUX:
                sub = self._np_left(m - 1, lo)  # "Police had last month charged ...": the subject before the aux
                if sub is not None and not self._adverbial(sub):
                    fr.s0, fr.s1 = sub
                    return fr
            if m >= lo and t.low[m] in ("who", "which"):
                rel = self._subject_left(np_[0], lo)  # "Ann Lee, who last year threatened to ...": the relative
                if rel is not None:
                    rel.c0 = rel.c1 = c0
                return rel
            return None
        r = np_[0]
        while r < np_[1] - 1 and (not _is_cap(t.text[r]) or t.low[r] in _DET or t.low[r] in ("last", "next", "earlier",
                                                                                          "later")) \
                and (t.low[r] in _TIME_WORDS or t.low[r] in _DET):
            r += 1
        if r > np_[0] and _is_cap(t.text[r]) and any(t.low[k] in _TIME_WORDS and t.low[k] not in _DET
                                                     for k in range(np_[0], r)):
            np_ = (r, np_[1])  # "reported last month Ashby had ordered": the time goes with the verb before
        r = self._bare_time_phrase_end(np_[0], np_[1])
        if r > np_[0]:
            np_ = (r, np_[1])  # "Two days ago the mayor said", "Hours later Ann Lee said": the time is no speaker
        r = np_[1]
        while r > np_[0] + 1 and not _is_cap(t.text[r - 1]) and (t.low[r - 1] in _TIME_WORDS or t.low[r - 1] in _DET):
            r -= 1
        if np_[1] - r >= 2 and t.low[r] in ("last", "this", "next", "earlier", "later", "a", "that") \
                and any(t.low[k] in _TIME_WORDS and t.low[k] not in _DET for k in range(r, np_[1])) \
                and t.low[r - 1] not in _DET and t.low[r - 1] not in _TIME_WORDS \
                and not any(t.low[k] in _SUBJECT_PRONOUNS for k in range(np_[0], r)):
            if r - 1 > np_[0] and _past_like(t.low[r - 1]) and not _is_cap(t.text[r - 1]):
                r -= 1  # "a poll released last week": the participle goes with its time
                if r - 2 > np_[0] and t.low[r - 1] == "be" and t.low[r - 2] == "to":
                    r -= 2  # "a study to be published next month"
            np_ = (np_[0], r)  # "a study last year found": the time goes with the verb after
        v = next((k for k in range(np_[1] - 1, np_[0] - 1, -1) if t.low[k] in _SPEND_VERBS), None)
        if v is not None and all(t.low[k] in _TIME_WORDS or t.low[k] in _TIME_NOUNS or t.low[k] in _DET
                                 or t.low[k].isdigit() for k in range(v + 1, np_[1])):
            # "The senators spent the past week bickering over who ...", "Lee has spent months insisting that":
            # the subject of "spent", not the time it took
            m = v - 1
            while m >= lo and t.low[m] in _AUX:
                m -= 1
            sub = self._np_left(m, lo) if m >= lo else None
            if sub is None or self._adverbial(sub) or any(t.low[k] in _SPEND_VERBS for k in range(*sub)):
                return None
            np_ = sub
        subj = [k for k in range(np_[0], np_[1] - 1) if t.low[k] in _SPEAKING_PRONOUNS and t.low[k] != "who"]
        if subj and not any(t.low[k] in _DET for k in range(np_[0], subj[-1])) and t.low[subj[-1] + 1] != "and":
            # ("all the experts I interviewed said": a reduced relative clause, left as it is)
            # "On September 27 they published the results by announcing that", "He recently pitched himself
            # to voters by saying": the scan crossed a clause; its subject pronoun is the speaker
            np_ = (subj[-1], subj[-1] + 1)
        fr.s0, fr.s1 = np_
        return fr

    def _counted_aside(self, head: tuple[int, int], s: int, e: int) -> bool:
        """True when the noun phrase ``head`` before an aside s..e between dashes can speak: a person, group or
        organisation, or a plural the aside counts or describes as people ("Two aldermen — both from the east
        ward — said", "The aldermen — three of them — said", "Two aldermen — three officials — said")."""
        t = self.t
        if self._human(*head):
            return True
        words = [x for x in range(s, e) if _is_word(t.text[x])]
        plural = self._plural_subject(*head) or t.low[head[1] - 1].endswith(("men", "people", "folk"))
        return bool(words) and not self._cannot_speak(*head) and plural and (
            t.low[words[0]] in _ASIDE_QUANTIFIERS or t.low[words[0]] in _SECOND_HALF_COUNTS or t.low[words[0]].isdigit()
            or self._human(s, e))

    def _main_clause_start(self, a: int, i0: int) -> int:
        """The first token of the main clause when the sentence at ``a`` opens with a fronted subordinate clause
        ("While the donor did not disclose his backing, he did say ...", 'When Lee said it was "Medicare for
        all," Kim seized on it, repeating ...'): the token after the clause's comma (a comma inside a closing
        quotation mark counts), when it stands before the cue at ``i0``; else ``a``."""
        t = self.t
        k = a
        while k < i0 and (not _is_word(t.text[k]) and t.quote[k] == -1 or t.low[k] in ("and", "but", "yet")):
            k += 1
        if k >= i0 or t.low[k] not in _FRONTED_SUBORDINATORS or t.quote[k] != -1:
            return a
        if t.low[k] == "even" and (k + 1 >= i0 or t.low[k + 1] not in ("though", "if", "as")):
            return a
        for m in range(k + 1, i0):
            if t.low[m] in (";", ".", "!", "?") and t.quote[m] == -1 and not (
                    t.low[m] == "." and t.low[m - 1] in _TITLES_ABBR):  # ("When Mr. Hale asked ...,")
                return a
            if t.low[m] == ",":
                if t.quote[m] == -1:
                    return m + 1
                if m + 1 < i0 and t.mark[m + 1] and t.quote[m + 1] == t.quote[m] \
                        and self.q_tok[t.quote[m]][3] == m + 2:
                    return m + 2  # 'When Lee called it "Medicare for all," Kim ...': the comma inside the marks
        return a

    def _participle_frame(self, before: list[_Frame], i0: int, a: int) -> _Frame | None:
        """The frame whose subject a participle or joined verb at ``i0`` takes, among the frames ``before`` it
        in the sentence at ``a``: the frame that ends right at the comma before the participle ("..., Mr. Lee
        said, adding that"; "..., said Ann Lee, adding"), else the first frame of the main clause, past a
        fronted subordinate clause ("While the donor did not disclose it, he did say ... and called"). None when
        every frame is in the fronted clause: the main clause's subject is found otherwise."""
        t = self.t
        j = self._skip_adverbs_left(i0 - 1, a)
        if j > a and t.low[j] == "," and t.quote[j] == -1:
            near = [f for f in before if f.c0 >= a and f.cue is not None and f.cue.form in ("past", "s")
                    and max(f.c1, f.s1, f.a1) == j and (f.inverted or f.c1 == j) and f.s0 >= 0]
            if near:
                return near[-1]
        later = self._later_clause_subject(before, i0, a)
        if later is not None:
            return later
        start = self._main_clause_start(a, i0)
        # (not "The union pushed back against Lee's attack on it, calling it ...": a noun cue's possessor inside
        # the clause is no subject of the clause's verb; one opening the clause is: "Lee's reply came, saying")
        lead = start
        while lead < i0 and (not _is_word(t.text[lead]) or t.low[lead] in _LEADING_SKIP):
            lead += 1
        before = [f for f in before if not (f.c0 >= start and f.cue is not None and f.cue.form == "noun"
                                            and f.s0 > lead and self._possessor_of(f))]
        main = [f for f in before if f.c0 >= start]
        if main:
            return min(main, key=lambda f: f.c0)
        return None if start > a else min(before, key=lambda f: f.c0) if before else None

    _COPULA_WORDS = ("is", "was", "are", "were", "has", "had", "have", "'s", "’s")

    def _later_clause_subject(self, before: list[_Frame], i0: int, a: int) -> _Frame | None:
        """The subject of a later clause of the sentence at ``a`` that a participle at ``i0`` closes: a clause after
        ", but", ", and" or ", where" with a subject and a finite verb ("..., but Lee brought him back, asking
        Vance to ..."; "..., where 50 protesters had gathered, chanting ..."), or a relative clause on a noun after
        the main verb ("sat with Ann Lee, who surprised him by declaring ..."; the frame is "who" with that noun as
        its antecedent). None when a reporting verb comes before that clause ("Lee said the mayor, who quit, was
        wrong, adding ...": the participle goes on with the sayer) or the noun is the sentence's subject."""
        t = self.t
        if self.lang != "en":
            return None
        j = self._skip_adverbs_left(i0 - 1, a)
        if j <= a or t.quote[j] != -1 or t.low[j] not in (",", "by"):
            return None
        subj = None
        act = False
        for m in range(j - 1, a + 1, -1):
            w = t.low[m]
            if t.quote[m] != -1:
                continue
            if w in (";", ":", ".", "(", ")"):
                return None
            if w == "who" and t.low[m - 1] == "and" and m + 1 < j:
                act = act or t.low[m + 1] not in self._COPULA_WORDS  # "..., who is running and who worked the crowd"
            if t.low[m - 1] != "," or t.quote[m - 1] != -1:
                continue
            if w == "who" and m - 2 >= a:
                if m + 1 < j and t.low[m + 1] in self._COPULA_WORDS and not act:
                    return None  # ("Sepp Lee, who is under investigation, saying ...": a description, no act)
                k = m - 2
                while k > a and (_is_cap(t.text[k]) or t.low[k] == ".") and t.quote[k] == -1:
                    k -= 1
                if k + 1 >= m - 1 or not _is_cap(t.text[k + 1]):
                    return None  # (a name only: "Speaker Ann Lee, who ...")
                ante = (k + 1, m - 1)
                subj = _Frame(-1, -1, None, m, m + 1)
                subj.antecedent = ante
                start = ante[0]
                break
            if w in ("but", "and", "where", "whereas"):
                k = m + 1
                if t.low[k] in ("about", "around", "roughly", "nearly", "some") and t.low[k + 1][:1].isdigit():
                    k += 1  # "where about 50 protesters had gathered"
                np_ = self._sentence_subject(k, j)
                if np_ is None:
                    # "50 protesters had gathered": a short noun phrase of words up to its verb
                    v = next((x for x in range(k + 1, min(j, k + 5))
                              if t.low[x] in _AUX or t.low[x] in self._COPULA_WORDS), None)
                    if v is not None and all(_is_word(t.text[x]) and t.low[x] not in _PREPS
                                             and t.low[x] not in _CLAUSE for x in range(k, v)):
                        np_ = (k, v)
                if np_ is None or np_[0] != k or self._cannot_speak(*np_):
                    return None
                v = np_[1]
                while v < j and t.low[v].endswith("ly") and len(t.low[v]) > 4:
                    v += 1
                if v >= j or not (t.low[v] in _AUX or t.low[v] in self._COPULA_WORDS or t.low[v] in _IRREGULAR_PAST
                                  or _past_like(t.low[v])):
                    return None
                subj = _Frame(-1, -1, None, np_[0], np_[1])
                start = np_[0]
                break
        if subj is None:
            return None
        first = self._sentence_subject(a, j)
        if first is None or first[1] > start or not any(
                t.low[x] in _AUX or t.low[x] in self._COPULA_WORDS or t.low[x] in _IRREGULAR_PAST or _past_like(t.low[x])
                or self._cue_at(x) is not None for x in range(first[1], start)):
            # (the clause's noun is the sentence's subject, or no subject opens the sentence, or no verb comes
            # before the clause: "Sen. Ann Lee, R-Ohio, who faces a race, dropped it, saying ...")
            return None
        if any(f.cue is not None and f.c0 < start and f.cue.cls == "speech" and f.cue.form in ("past", "s")
               for f in before) or any((c := self._cue_at(x)) is not None and c[2].cls == "speech"
                                       and c[2].form in ("past", "s") and c[1] < start
                                       and t.low[c[1]] not in _PREPS and t.low[c[1]] not in (",", ".")
                                       for x in range(a, start)):
            return None  # (a reporting verb with its content before the clause; not "spoke near the plaza")
        return subj

    def _possessor_of(self, f: _Frame) -> bool:
        """True when the speaker of frame ``f`` is the possessor right before its noun cue ("Lee's attack")."""
        t = self.t
        if not 0 <= f.s0 < f.s1 <= f.c0 <= f.s1 + 1:
            return False
        ends = ("'s", "’s", "'", "’")
        return t.low[f.s1 - 1].endswith(ends) or f.s1 < f.c0 and t.low[f.s1] in ends

    def _contracted_copula(self, k: int) -> bool:
        """True when token ``k`` is a subject pronoun with its contracted form of "be" ("He's poised to argue",
        "they're trying to claim"): the copula and the speaker in one token."""
        return 0 <= k < len(self.t) and self.t.low[k] in _CONTRACTED_BE and self.t.quote[k] == -1

    def _verb_object(self, np_: tuple[int, int], lo: int) -> bool:
        """True when the noun phrase ``np_`` opens with a verb and its object ("sent a letter", "offer a surefire",
        "has taken the lead"): a lower-case past form, or a base form after an auxiliary, a modal or "to",
        before an article or a possessive."""
        t = self.t
        s0, s1 = np_
        if s1 - s0 < 3 or not t.text[s0][:1].islower() or t.low[s0] in _DET or t.low[s0] in _PREPS \
                or not (t.low[s0 + 1] in _ARTICLES or t.low[s0 + 1] in _POSSESSIVE_DET):
            return False
        if _past_like(t.low[s0]) or t.low[s0] in _IRREGULAR_PAST:
            return True
        m = self._skip_adverbs_left(s0 - 1, lo)
        return any(x >= lo and (t.low[x] in _AUX or t.low[x] == "to") for x in (s0 - 1, m))

    def _coordinated_subject(self, np_: tuple[int, int], lo: int) -> tuple[int, int]:
        """"Ann Lee and her husband told": a noun phrase opened by a possessive, "the" or a number after "and" and
        a name (or "the" and a noun for a person) opening the clause is the second half of one subject, read as a
        whole like "Ann Lee and Tom Vance"; else ``np_`` itself."""
        t = self.t
        s0, s1 = np_
        paired = self._paired_modifier(np_, lo)
        if paired is not None:
            return (paired, s1)
        x = s0 - 2
        if x >= lo and t.low[s0 - 1] == "and" and (x == lo or t.low[x - 1] in (",", ";", ":")) \
                and t.text[x][:1].isalpha() and t.quote[x] == -1 and t.low[x] in _SUBJECT_PRONOUNS:
            return (x, s1)  # "..., she and another aide said": a pronoun alone before "and" opens the subject
        if s0 - 2 < lo or t.low[s0 - 1] != "and" or not (t.low[s0] in _POSSESSIVE_DET or t.low[s0] == "the"
                                                         or t.low[s0].isdigit() or t.low[s0] in _SECOND_HALF_COUNTS):
            return np_
        left = self._np_left(s0 - 2, lo)
        if left is None or left[1] != s0 - 1 or left[1] - left[0] > _COORDINATED_MAX_TOKENS or self._adverbial(left):
            return np_
        if not (left[0] == lo or t.low[left[0] - 1] in (",", ";", ":") or t.low[left[0] - 1] in _LEADING_SKIP):
            return np_  # ("Police arrested Lee and his son": an object)
        head = t.low[s1 - 1]
        if not (head in _SPEAKER_NOUNS or head in _KIN_NOUNS or _is_cap(t.text[s1 - 1]) and t.low[s0] == "the"):
            return np_  # ("Lee and his remarks loomed large": no person; "Lee and the State Department" is a body)
        words = [x for x in range(*left) if _is_word(t.text[x])]
        name = words and all(_is_cap(t.text[x]) for x in words) and t.low[words[0]] not in _DET \
            and (len(words) > 1 or left[0] > lo or self._in_full_name(t.text[words[0]]))
        role = len(words) == 2 and t.low[words[0]] == "the" and t.low[words[1]] in _SPEAKER_NOUNS
        return (left[0], s1) if name or role else np_

    def _paired_modifier(self, np_: tuple[int, int], lo: int) -> int | None:
        """"..., current and former officials said", "past and present aides said", "officials and aides said": a
        single word (after an optional determiner) and "and" opening the clause before the noun phrase ``np_`` of
        a person or group is the first half of one subject; the start of that word, else None."""
        t = self.t
        s0, s1 = np_
        x = s0 - 2
        if self.lang != "en" or x < lo or t.low[s0 - 1] != "and" or t.quote[x] != -1 or t.quote[s0 - 1] != -1 \
                or t.low[s0] in _POSSESSIVE_DET or t.low[s0] == "the":
            return None  # ("Lee and her husband": the names and roles below)
        w = t.low[x]
        if w == "." and (left := self._np_left(x, lo)) is not None and left[1] == x + 1 and left[1] - left[0] <= 4 \
                and all(_is_cap(t.text[m]) or t.low[m] == "." for m in range(left[0] + (t.low[left[0]] == "the"), left[1])):
            # "U.S. and European officials", "the U.S. and European officials": a dotted acronym
            x = left[0] + (t.low[left[0]] == "the")
        elif not _is_word(t.text[x]) or w in _DET or w in _CLAUSE or w in _PREPS or w in _AUX or w in self.lex.forms \
                or w in _SUBJECT_PRONOUNS or w in _OBJECT_PRONOUNS:
            return None
        start = x - 1 if x - 1 >= lo and (t.low[x - 1] in _DET or t.low[x - 1].isdigit()) else x
        if not (start == lo or t.low[start - 1] in (",", ";", ":", "—", "–")
                or t.low[start - 1] in _LEADING_SKIP and t.low[start - 1] not in ("and", "or", "nor")):
            return None  # (not "felt helpless and I felt": a clause before "and")
        if t.low[s1 - 1] in _SPEAKER_NOUNS:
            return start
        # ("Lee and his remarks loomed large": a determiner opens no person's noun phrase)
        return start if t.low[s0] not in _DET and t.low[s0] not in _SUBJECT_PRONOUNS and self._human(s0, s1) else None

    def _split_relative(self, j: int, lo: int) -> tuple[int, int, int, int] | None:
        """"Ann Lee, whose company, Bluefin, sells boats, said"; "Ann Lee, who, as mayor, cut taxes, said": a
        relative clause after a name, split by commas around an apposition or a phrase, ending at the comma ``j``
        before the cue ("Ann Lee, who is a pastor in Dover, Ohio, said"). One part at most has a verb. Returns the
        name's span and the relative clause's span, or None."""
        t = self.t
        parts: list[tuple[int, int]] = []
        end = j
        while len(parts) < _DETAIL_MAX_PARTS:
            m = end - 1
            while m >= lo and t.low[m] not in (",", ";", ":", "(", ")", "—", "–") and t.quote[m] == -1 \
                    and end - m < _APPOSITION_MAX_TOKENS:
                m -= 1
            if m < lo or t.low[m] != "," or m + 1 >= end:
                return None
            parts.append((m + 1, end))
            if t.low[m + 1] in ("who", "whose"):
                break
            end = m
        else:
            return None
        verbs = [n for n, (a, b) in enumerate(parts) if any(
            _is_word(t.text[x]) and not _is_cap(t.text[x]) and (
                t.low[x] in _AUX or _past_like(t.low[x]) or t.low[x] in self.lex.forms
                and self.lex.forms[t.low[x]].form in ("past", "s")) for x in range(a, b))
            or n == len(parts) - 1 and t.low[a] == "who" and b - a > 1]  # "who runs a firm"
        if len(parts) < 2 or len(verbs) > 1 or len(parts) == 2 and verbs != [1]:
            # (not "Lee, whose plan failed, resigned, said": the relative clause ends earlier; two parts only when
            # the relative has its verb and a place or a name closes it: "Lee, who is a pastor in Dover, Ohio,")
            return None
        s0 = parts[-1][0] - 1  # the comma before "who"
        head = self._np_left(s0 - 1, lo) if s0 - 1 >= lo else None
        if head is None or head[1] != s0 or self._adverbial(head) or not any(_is_cap(t.text[x]) for x in range(*head)):
            return None
        return head[0], head[1], parts[-1][0], j

    def _described_name(self, k: int, lo: int) -> bool:
        """True when the words before the comma at ``k`` open the sentence with a description of a person ("One
        delegate not on the slate", "A longtime aide to the mayor"): a determiner or number first, a noun for
        people among them, no verb."""
        t = self.t
        s = lo
        while s < k and (not _is_word(t.text[s]) or t.low[s] in ("but", "and", "still", "yet")):
            s += 1
        if s >= k or k - s > _APPOSITION_MAX_TOKENS or not (t.low[s] in _DET or t.low[s].isdigit()):
            return False
        if any(t.quote[m] != -1 or t.low[m] in (",", ";", ":") or t.low[m] in _AUX for m in range(s, k)):
            return False
        return self._human(s, k)

    def _fronted_clause_subject(self, c0: int, lo: int, hi: int) -> tuple[int, int] | None:
        """The subject of the main clause for a cue opening the sentence in a fronted participle clause
        ("After saying he was nervous, the senator asked ...", "While discussing the budget, Ms. Lee said"):
        the participle has no subject of its own; the main clause's subject (in unit lo..hi), after the clause's
        comma, is its speaker. Used for the speaker only, once the report's extent is fixed. Not a fronted "asked"
        ("Asked whether ..., Ms. Lee said"): the question is someone else's."""
        t = self.t
        j = self._skip_adverbs_left(c0 - 1, lo)
        form = self.lex.forms.get(t.low[c0])
        if form is None or form.form != "ing" or t.quote[c0] != -1:
            return None
        if j >= lo and t.low[j] == "," and t.quote[j] == -1 and (0 < j - lo <= _FRONTED_ADVERB_MAX_TOKENS and (
                all(t.low[m] in _PARTICIPLE_OPENING_ADVERBS or t.low[m] in _LEADING_ADVERBS
                    or t.low[m].endswith("ly") and len(t.low[m]) > 4 for m in range(lo, j))
                or self._time_opening(lo, c0))
                or 0 < j - lo <= _FRONTED_PHRASE_MAX_TOKENS and t.low[lo] in _PREPS
                and all(t.low[m] != "," for m in range(lo, j)) and self._fronted_phrase(lo, j)):
            # "Afterwards, calling the count unfair, her aides said": an adverb, a time phrase or a phrase of place
            # or time ("After the vote, saying ...") first
            j = lo - 1
        if not (j < lo or j == lo and t.low[j] in ("after", "while", "before", "when", "since", "upon", "by")):
            return None
        np_ = self._sentence_subject(lo, hi)
        if np_ is None or np_[0] <= c0 or t.low[np_[0] - 1] != "," or self._cannot_speak(*np_):
            return None
        return np_

    def _relative_apposition(self, k: int, inner: tuple[int, int], lo: int) -> tuple[int, int, int, int] | None:
        """"Ann Lee, a pollster who works with Harbour Group, a local charity, said": the last apposition
        ("a local charity", ``inner``, after the comma at ``k``) describes a noun phrase inside the relative
        clause of the apposition before it; the speaker is the name before that one. Returns the name's span
        and the span of both appositions, or None."""
        t = self.t
        if not self._looks_like_np(*inner) or t.low[inner[0]] not in _DET:
            return None
        m = k - 1
        while m >= lo and t.low[m] not in (",", ";", ":", "(", ")") and t.quote[m] == -1 \
                and k - m < _APPOSITION_MAX_TOKENS:
            m -= 1
        seg = (m + 1, k)
        if m - 1 < lo or t.low[m] != "," or seg[1] - seg[0] < 3 or t.low[seg[0]] not in _DET \
                or not any(t.low[x] in ("who", "whose") for x in range(seg[0] + 1, seg[1])) \
                or not self._looks_like_np(*seg):
            return None
        head = self._np_left(m - 1, lo)
        if head is None or self._adverbial(head) or not all(_is_cap(t.text[x]) or not _is_word(t.text[x])
                                                             for x in range(*head)):
            return None
        head = self._chain_head(head, lo)
        return head[0], head[1], seg[0], inner[1]

    def _relative_subject(self, j: int, lo: int) -> _Frame | None:
        """"a US official who spoke on condition of anonymity said": the subject is the noun phrase before
        a relative clause that ends right before the cue."""
        t = self.t
        for k in range(j, max(lo, j - _RELATIVE_CLAUSE_MAX_TOKENS) - 1, -1):
            w = t.low[k]
            if t.quote[k] != -1 or w in (",", ";", ":", ".", "(", ")"):
                return None
            if w in ("who", "whom", "whose"):
                if k == j or k - 1 < lo:
                    return None
                if w in ("who", "whom") and self._verbless_np(k + 1, j + 1):
                    return None  # "asked whom she supported": the cue is the relative clause's verb, "she" its subject
                # (a base-form cue counts after the relative's own verb, not after "to", nor where a subject
                # opens the relative: "who many believe betrayed")
                own_verb = k + 1 < j and t.text[k + 1][:1].islower() and t.low[k + 1] not in _DET \
                    and t.low[k + 1] not in _SUBJECT_PRONOUNS
                if any(t.low[m] in self.lex.forms and (self.lex.forms[t.low[m]].form in ("past", "s") or own_verb
                                                        and t.low[m - 1] != "to" and self._cue_at(m) is not None)
                       and not (m == j and self.lex.forms[t.low[m]].form == "past" and t.low[m - 1] in _PASSIVE_BE)
                       and not (m - 1 > k + 1 and t.low[m - 1] in ("not", "n't") and t.low[k + 1] in _AUX)
                       for m in range(k + 2, j + 1)):
                    # a second verb: "who asked not to be named said the decision had been ...", "Supporters who
                    # came to the city say they will back": the relative clause ended before it
                    return None

                head = self._np_left(k - 1, lo)
                if head is None or self._adverbial(head):
                    return None
                return _Frame(-1, -1, None, head[0], head[1], k, j + 1)
        return None

    def _verbless_np(self, s: int, e: int) -> bool:
        """True when tokens s..e are a short noun phrase with no verb of its own: a subject pronoun ("she"), a
        name ("Lee") or a determiner and its words ("the senator"), as between a relative "whom" and its verb
        ("whom she supported", "whom the senator backed"); not "whom the paper interviewed"."""
        t = self.t
        if not 0 < e - s <= _VERBLESS_NP_MAX_TOKENS or any(not _is_word(t.text[x]) or t.quote[x] != -1
                                                           for x in range(s, e)):
            return False
        if t.low[s] in _SUBJECT_PRONOUNS:
            return e - s == 1
        if not (t.low[s] in _DET or _is_cap(t.text[s])):
            return False
        return not any(t.low[x] in _AUX or t.low[x] in _CLAUSE or t.low[x] in _PREPS or _past_like(t.low[x])
                       or t.low[x] in self.lex.forms for x in range(s, e))  # (not "Who Endorsed Lee": a headline)

    def _head_before_participle(self, np_: tuple[int, int], lo: int) -> tuple[int, int]:
        """The noun phrase ``np_`` found before a cue, widened to the noun a reduced relative participle describes
        when ``np_`` is that participle or starts with the time phrase after it ("Research [to be released] this
        week by four economists suggests", "A study to be published next month suggests"): the head noun, not the
        time or the participle, opens the subject; ``np_`` otherwise."""
        t = self.t
        s = np_[0]
        p = s if _past_like(t.low[s]) and t.text[s].islower() and all(
            t.low[k] in _TIME_WORDS or t.low[k] in _DET for k in range(s + 1, np_[1])) \
            else s - 1 if s - 1 >= lo and t.low[s] in _TIME_WORDS and t.text[s].islower() and _past_like(t.low[s - 1]) \
            and t.text[s - 1].islower() else -1
        if p <= lo:
            return np_
        q = p - 1
        if q - 1 >= lo and t.low[q] == "be" and t.low[q - 1] == "to":
            q -= 2  # "to be released"
        head = self._np_left(q, lo) if q >= lo else None
        if head is None or head[1] != q + 1 or any(t.low[k] in _TIME_WORDS or t.low[k] in _AUX for k in range(*head)) \
                or head[0] > lo and (t.low[head[0] - 1] in _AUX or t.low[head[0] - 1] in ("not", "n't", "never")):
            return np_  # (not "who didn't want to be named said": a verb, no noun)
        return (head[0], np_[1])

    def _subject_right(self, c1: int, hi: int, lemma: str | None = None) -> _Frame | None:
        """Speaker right of an inverted cue: '“...,” said Smith, a fellow at X.' or '— сказал он'."""
        t = self.t
        k = c1
        if self.lang_rules.strict_inversion and lemma is not None and lemma not in _INVERTIBLE:
            return None
        # skip an addressee in quotes (Russian: заявила «Речной Вестник» Анна Соколова)
        if k < hi and t.quote[k] != -1 and t.mark[k]:
            qi = t.quote[k]
            z = self.q_tok[qi][3]
            k = z
        np_ = self._np_right(k, hi)
        if np_ is None:
            return None
        fam = next((m for m in range(np_[0] + 1, np_[1] - 1) if t.low[m] == "familiar" and t.low[m + 1] == "with"), -1)
        if fam > 0 and np_[1] < hi and _is_word(t.low[np_[1]]):
            # 'said one person familiar with her plans' read as far as "her": the person, then what qualifies them
            np_ = (np_[0], fam)
        nxt = t.low[np_[1]] if np_[1] < hi else "."
        if self.lang_rules.strict_inversion and nxt not in (",", ".", "!", "?", ";", ":", "—", "–", "-", "in", "on", "at", "during",
                                             "who", "after", "when", "before", "while", "of", "(", "last", "this",
                                             "earlier", "recently", "later", "today", "yesterday", "whose", "whom",
                                             "which") and not (nxt in _PREPS and nxt != "as") \
                and not (nxt == "as" and np_[1] + 1 < hi and t.low[np_[1] + 1] in _SUBJECT_PRONOUNS) \
                and not t.mark[np_[1]] and nxt not in _TIME_WORDS and not nxt.endswith("ing") \
                and not (nxt.endswith("ed") and nxt not in self.lex.forms) \
                and not (nxt == "familiar" and np_[1] + 1 < hi and t.low[np_[1] + 1] == "with") \
                and not (nxt == "and" and np_[1] + 1 < hi and (t.low[np_[1] + 1] in ("others", "other") or _is_cap(
                    t.text[np_[1] + 1]) and _is_cap(t.text[np_[0]]))):
            # ('said one person familiar with her plans', 'said Will Doyle and others', 'said Lee and Park')
            return None  # '“...” blasted Lee as a disgrace': an object, not an inverted speaker
        if self.lang_rules.strict_inversion and (t.low[np_[0]] in _OBJECT_PRONOUNS or all(
                t.low[k] in _TIME_WORDS or t.low[k].isdigit() for k in range(*np_))) and not (
                np_[1] - np_[0] == 1 and self._name_modal(np_[0], nxt in (".", ",", "!", "?", ";"))):
            return None  # "said Sunday", "said May 5" name no speaker; "said May." does
        if t.low[np_[0]] in _AMOUNT_PRONOUNS and (np_[1] - np_[0] == 1 or t.low[np_[0]] != "much"):
            return None  # "— said little about the bridge", "said nothing": what was said, no speaker
        fr = _Frame(c1, c1, None, np_[0], np_[1], inverted=True)
        e = np_[1]
        if e < hi and t.low[e] == ",":
            f = e + 1
            while f < hi and t.low[f] not in (",", ".", ";", ":", ")") and t.quote[f] == -1 and f - e < _APPOSITION_MAX_TOKENS \
                    or f < hi and t.low[f] == "." and f + 1 < hi and (_DOTTED_ACRONYM.match(t.text[f - 1]) or len(
                        t.text[f - 1]) == 1 and t.text[f - 1].isupper()):  # "a professor at M.I.T.", "Ann B. Lee"
                if t.low[f] == "(":  # "a reporter whose zeal has driven others (like me) off the beat"
                    g = next((x for x in range(f + 1, min(hi, f + _PAREN_MAX_TOKENS)) if t.low[x] == ")"), None)
                    if g is None or f == e + 1:
                        break
                    f = g
                f += 1
            ing = self.lex.forms.get(t.low[e + 1]) if e + 2 < hi and (
                t.low[e + 2] in (":", ",") or t.low[e + 2] in self.lex.complementizers) else None
            # (not '..., said Ann Lee, adding: "..."': a participle cue; not 'Lee, said Ann Cole, never forgets a
            # slight': the predicate of the clause the frame interrupts)
            if f > e + 1 and self._looks_like_np(e + 1, f) and (ing is None or ing.form != "ing") \
                    and not (self._predicate_at(e + 1, f) and not _past_like(t.low[e + 1])):
                fr.a0, fr.a1 = e + 1, f
        return fr

    def _prior_subject(self, i: int, a: int) -> _Frame | None:
        """The speaker of a cue with no subject of its own ("..., adding", "and called him"): the subject
        of the nearest speech cue before it in the sentence (else of the nearest cue of any class), else the
        sentence's first noun phrase."""
        t = self.t
        cues = [m for m in range(i - 1, a - 1, -1) if not (t.quote[m] != -1 and not t.mark[m])
                and self._cue_at(m) is not None]
        # a speech cue first: in 'X said there was no meeting planned, adding:' the speaker is the sayer's,
        # not the subject of "planned" inside what was said
        speech = [m for m in cues if self._cue_at(m)[2].cls == "speech"]
        for group in (speech, cues) if speech else (cues,):
            for m in group:
                fr = self._subject_left(m, a)
                if fr is None and group is speech and m > a and t.low[m - 1] == "," and t.low[i - 1] == "," \
                        and self.lang == "en":
                    # "The plan failed, said Ann Lee, adding: ...": the inverted speaker of the verb before, when
                    # that speaker (and its description) ends at the participle's comma
                    c = self._cue_at(m)
                    fr = self._subject_right(c[1], i, c[2].lemma) if c[2].form in ("past", "s") else None
                    if fr is not None and max(fr.s1, fr.a1) != i - 1:
                        fr = None
                if fr is not None:
                    return fr
        j = self._skip_adverbs_left(i - 1, a)
        if j > a and t.low[j] in ("and", "but", "or"):
            # "I came ashore, and a deckhand came in and told me ...": a verb coordinated inside a later clause of
            # the sentence has that clause's subject, after its ", and" or ";"
            k = next((m for m in range(j - 1, a, -1) if t.quote[m] != -1 or t.low[m] == ";"
                      or t.low[m] == "," and t.low[m + 1] in ("and", "but")), None)
            if k is not None and t.quote[k] == -1:
                np_ = self._sentence_subject(k + 1, j)
                if np_ is not None and not self._cannot_speak(*np_):
                    return _Frame(-1, -1, None, np_[0], np_[1])
        semi = next((m for m in range(i - 2, a, -1) if t.low[m] == ";" and t.quote[m] == -1), None)
        if semi is not None:
            # "Lee lost the vote; the winner, Tom Vance, thanked voters, saying ...": the clause after the
            # semicolon has a subject of its own
            np_ = self._sentence_subject(semi + 1, i)
            if np_ is not None and not self._cannot_speak(*np_):
                return _Frame(-1, -1, None, np_[0], np_[1])
            q = semi + 1
            while q < i and (t.low[q] == "," or t.low[q] in _PARTICIPLE_OPENING_ADVERBS or t.low[q] in _LEADING_ADVERBS):
                q += 1
            if np_ is None and q == i:
                # "Lee lost the vote; afterwards, calling the count unfair, her aides said ...": a participle
                # opening the clause after the semicolon has that clause's subject, after the participle's
                # phrase (else none: not the subject of the clause before the semicolon)
                end = next((m for m in range(i, len(t)) if t.quote[m] == -1 and t.low[m] in (";", ".", "!", "?")),
                           len(t))
                np_ = self._fronted_clause_subject(i, semi + 1, end)
                return None if np_ is None else _Frame(-1, -1, None, np_[0], np_[1])
        np_ = self._sentence_subject(a, i)
        if np_ is None:
            return None
        return _Frame(-1, -1, None, np_[0], np_[1])
