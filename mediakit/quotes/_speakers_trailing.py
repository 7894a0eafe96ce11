"""The speaker a sentence names after its reported content, closing it: ", Finch said.", ", officials said
Tuesday.", ", according to a new poll.", ", said Ann Lee." A report whose content runs up to such a close is
that speaker's, not the words of a subject inside the sentence ("Voss plans to remain a Democrat, Finch
said."); used by :mod:`._speakers`.

>>> t = "Lee plans to stay, Finch said. Most voters agree, according to a new poll. It is over, said Jo Roe."
>>> [t[s:e] for s, e in (trailing_speaker(t, t.index(w)) for w in (", Finch", ", according", ", said Jo"))]
['Finch', 'a new poll', 'Jo Roe']
>>> t = "It is over, according to former Sen. Jo Roe. It is, Mr. Lee said."
>>> t[slice(*trailing_speaker(t, t.index(", according")))], t[slice(*trailing_speaker(t, t.index(", Mr.")))]
('former Sen. Jo Roe', 'Mr. Lee')
"""

from __future__ import annotations

import re

from ._words import _TITLES_ABBR

_VERBS = r"(?:said|says|say|added|adds|argued|argues|wrote|writes|explained|noted|insisted|contended|reported|reports" \
         r"|show|shows|found|finds|estimated|estimates|concluded|told\s+(?:reporters|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*))"
# a time or manner closing the cue ("said Tuesday", "said in a statement", "reported last week")
_TAIL = r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|recently" \
        r"|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|in\s+a\s+statement|in\s+an\s+interview))?"
_NAME = r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+"
# the subject of a closing cue: a pronoun for people, a noun for sources, a description opened by a determiner,
# or a name
# (a plural noun phrase in lower case: "analysts", "political scientists", "people familiar with the session",
# never a clause's conjunction: ", but others said")
_PLURAL = (r"(?!(?:and|but|or|as|which|that|while|because|if|so|then|when|where|though|although|yet|who)\b)"
           r"(?:[a-z][\w’'-]*\s+){0,4}(?:[a-z][\w’'-]*[^s’'\W]s|police|people)"
           # a source's standard postmodifier: "people familiar with the session", "officials close to the talks"
           r"(?:\s+(?:familiar\s+with|close\s+to|involved\s+in|briefed\s+on|knowledgeable\s+about"
           r"|with\s+knowledge\s+of)\s+(?:[\w’'-]+\s+){0,5}[\w’'-]+)?")
_SUBJECT = (r"he|she|they|data|(?:the|a|an|his|her|their)\s+(?:[\w’'/-]+\s+){0,3}[\w’'/-]+|" + _PLURAL + "|"
            + _NAME)
_OPEN = r"[”\"'’]?,[”\"'’]?\s+"
# a title's abbreviation, whose full stop ends no sentence ("according to former Sen. Jo Roe"): the quote rules'
# one list of them (_words._TITLES_ABBR), written as the text capitalises them
_ABBREVIATIONS = tuple(sorted(re.escape(a.capitalize()) for a in _TITLES_ABBR))
_NOT_AFTER_ABBREVIATION = "".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS)
_CLOSE = _NOT_AFTER_ABBREVIATION + r"\.(?:[”\"'’]?\s|$)"
# the words of a source's phrase, up to the sentence's end: no clause punctuation, a title's full stop kept
_PHRASE = r"(?:[^,.;“”\"]|\b(?:" + "|".join(_ABBREVIATIONS) + r")\.)"
_SUBJECT_CUE = re.compile(rf"{_OPEN}(?P<s>{_SUBJECT})(?:\s+recently)?\s+{_VERBS}{_TAIL}{_CLOSE}")
_INVERTED_CUE = re.compile(rf"{_OPEN}(?:said|says|reported){_TAIL}\s+(?P<s>{_NAME}|(?:the|an?)\s+{_PHRASE}{{2,60}}?)"
                           rf"{_CLOSE}")
_ACCORDING = re.compile(rf"{_OPEN}according\s+to\s+(?P<s>{_PHRASE}{{2,80}}?){_CLOSE}")


def trailing_speaker(text: str, end: int) -> tuple[int, int] | None:
    """Offsets of the speaker a sentence names right after a report ending at ``end`` and closing the sentence
    (", Finch said.", ", according to a new poll.", ", said Jo Roe."), or None."""
    for pattern in (_SUBJECT_CUE, _INVERTED_CUE, _ACCORDING):
        m = pattern.match(text, end)
        if m is not None:
            return m.start("s"), m.end("s")
    return None


# the farthest a sentence's closing cue may stand after the end of a report inside it
_SENTENCE_REST_MAX_CHARS = 160
_SENTENCE_END = re.compile(_NOT_AFTER_ABBREVIATION + r"[.!?](?:[”\"'’]?\s|$)|\n")


def closing_speaker(text: str, end: int) -> tuple[int, int] | None:
    """Offsets of the speaker of the cue closing the sentence in which a report ends at ``end`` ("Lee's remarks
    about [[a judge]] were “a racist comment,” Mr. Royce said."), the cue right after the report included, or
    None.

    >>> t = "Lee's remarks about a judge were wrong, Mr. Royce said. Roe agreed. It was over, he said."
    >>> t[slice(*closing_speaker(t, t.index(" were")))], closing_speaker(t, t.index(" agreed"))
    ('Mr. Royce', None)
    """
    found = trailing_speaker(text, end)
    if found is not None:
        return found
    stop = _SENTENCE_END.search(text, end, end + _SENTENCE_REST_MAX_CHARS)
    if stop is None:
        return None
    comma = text.rfind(",", end, stop.start())
    if comma < 0:
        return None
    while comma > end and text[comma - 1] in "”\"'’":
        comma -= 1
    found = trailing_speaker(text, comma)
    return found if found is not None and found[1] <= stop.end() else None
