"""Who is speaking: resolve speaker mentions inside an article ("he", "the defence chief", "López" ->
"María López"), each to the person, organisation or group introduced before it. The parts it uses: the
gazetteer and word-level typing (:mod:`._gazetteer`), what a mention's words are (:mod:`._names`) and what
they make it (a pronoun phrase, a possessed description, joined names: :mod:`._mentions`), the
people an article names in full (:mod:`._speakers_article`), the entities mentions resolve to and what a
pronoun refers to (:mod:`._speakers_entities`), types, countries and genders read from the article
(:mod:`._speakers_typing`); names are merged across articles afterwards (:mod:`._speakers_merge`).

>>> recs = [{"start": 40, "end": 51, "speaker_start": 0, "speaker_end": 11},
...         {"start": 64, "end": 71, "speaker_start": 53, "speaker_end": 58}]
>>> text = "María López, the defence minister, said it was over. López said no more."
>>> resolve_speakers(text, recs)
>>> [r["speaker_canonical"] for r in recs]
['María López', 'María López']
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..text import fold
from ._clauses import _clause_like, _clause_subject, _clause_tail
from ._gazetteer import (
    _DETS,
    _HUMAN_HEADS,
    _ORG_WORDS,
    _PRONOUNS,
    _ROLE_WORDS,
    _SYNONYMS,
    Gazetteer,
    _name_words,
    _words,
    country_of,
    is_anonymous,
    is_transcript_marker,
    load_gazetteer,
    name_key,
    speaker_type_of,
)
from ._mentions import (
    _appositive_name,
    _canonical_name,
    _complement_of_name,
    _full_form,
    _joint_names,
    _org_mention,
    _plural_head,
    _possessed,
    _pronoun_led,
    _proper_name,
)
from ._names import (
    _clean_description,
    _common,
    _indefinite_source,
    _is_group,
    _is_org,
    _name_part,
    _place_words,
    _speaker_extent,
    _without_tail,
    _without_time,
)
from ._speakers_article import (
    _PERSON_HEADS,
    _ArticleNames,
    _described_subjects,
    _full_names_in_text,
    _thing_name,
)
from ._speakers_entities import _Ent, _gender_hint, _pronoun_antecedent
from ._speakers_merge import clear_caches, merge_names
from ._speakers_trailing import closing_speaker
from ._speakers_typing import (
    _KIN,
    _ambiguous_type,
    _canon_anonymous,
    _gender_of,
    _is_word_char,
    _type_from_introductions,
    _unnamed_source_country,
)
from ._words import _ANSWER_MARKERS, _DOCUMENT_NOUNS, _NON_SPEAKER_HEADS, _PREPS, _SPEAKER_NOUNS, _TIME_WORDS

__all__ = ["resolve_speakers", "merge_names", "clear_caches"]


# ---------------------------------------------------------------- resolution inside an article
@lru_cache(maxsize=64)
def _thing_names(text: str) -> dict[str, str]:
    """The memo of :func:`_thing_name_memo` for one article (filled as it is asked)."""
    return {}


def _thing_name_memo(name: str, text: str) -> str:
    """:func:`._speakers_article._thing_name`, memoised per article: every mention of a name asks again, and
    each answer searches the text with a pattern made for that name.

    >>> text = "Grand Central Publishing agreed. Grand Central won."
    >>> _thing_name_memo("Grand Central", text), _thing_name_memo("Grand Central", text)
    ('org', 'org')
    """
    memo = _thing_names(text)
    if name not in memo:
        memo[name] = _thing_name(name, text)
    return memo[name]


def resolve_speakers(text: str, records: list[dict], *, gazetteer: Gazetteer | None = None,
                     subjects: list[tuple[int, int]] | None = None) -> None:
    """Fill ``speaker``, ``speaker_canonical``, ``speaker_type`` and ``speaker_country`` of the records of
    one article (in place), resolving pronouns and descriptions to the entity introduced before them.
    ``subjects`` are offsets of names opening sentences that are no speakers ("López played down the
    sanctions."): a later "he" may refer to them."""
    gz = gazetteer or load_gazetteer()
    for r in records:
        if r.get("speaker_start") is not None:
            # no preposition opening the sentence ("Despite Roger Will"); a pronoun closing the span speaks
            s, e = _speaker_extent(text[r["speaker_start"]:r["speaker_end"]], clause=False)
            r["speaker_start"], r["speaker_end"] = r["speaker_start"] + s, r["speaker_start"] + e
            label = _turn_label(text, r["speaker_start"], r["speaker_end"])
            if label is not None:
                r["speaker_start"], r["speaker_end"] = label
        if r.get("kind") in ("indirect", "mixed") and (m := closing_speaker(text, r["end"])) is not None \
                and (r.get("speaker_start") is None or r["speaker_start"] < r["start"]):
            # "Voss plans to remain a Democrat, Finch said.": the sentence closing with its own speaker is
            # that speaker's report, not the words of the subject inside it
            r["speaker_start"], r["speaker_end"] = m
    ents: list[_Ent] = []
    names = _ArticleNames()  # surname key -> longest full name in this article
    # first pass: every named mention, so that "López" meets "María López" wherever it appears
    for r in records:
        if r.get("speaker_start") is None:
            continue
        m = text[r["speaker_start"]:r["speaker_end"]]
        n = _name_part(m)
        if n and not _org_mention(m, n) and not _is_org(n):
            k = name_key(n)
            if len(n.split()) > len(names.get(k, "").split()):
                names[k] = n
    names.ambiguous = _full_names_in_text(text, names)
    events = [(r["speaker_start"] if r.get("speaker_start") is not None else r["start"], 1, i, r)
              for i, r in enumerate(records)]
    taken = {(r["speaker_start"], r["speaker_end"]) for r in records if r.get("speaker_start") is not None}
    events += [(sp[0], 0, i, sp) for i, sp in enumerate(subjects or []) if (sp[0], sp[1]) not in taken]
    # "The senator voted no. “...,” he said.": a person described at a sentence's start, no speaker
    starts = {r["speaker_start"] for r in records if r.get("speaker_start") is not None} | {e[0] for e in events}
    events += [(sp[0], 0, -1, sp) for sp in _described_subjects(text) if sp[0] not in starts]
    for _pos, is_record, _i, r in sorted(events, key=lambda x: (x[0], x[1], x[2])):
        if not is_record:
            _add_subject(text, r, ents, names, gz)
            continue
        s0 = r.get("speaker_start")
        if s0 is not None and is_transcript_marker(text[s0:r["speaker_end"]]):
            # "Q: ...", "END VIDEO CLIP": a transcript's marker, no speaker
            r["speaker_start"] = r["speaker_end"] = s0 = None
            r["speaker"] = None
        r.setdefault("speaker", None)
        r["speaker_canonical"], r["speaker_type"], r["speaker_country"] = None, "unknown", ""
        r["resolved"] = False
        if s0 is None:
            continue
        mention = text[s0:r["speaker_end"]]
        r["speaker"] = mention
        mention = _without_time(mention)  # "A poll released on Thursday": the time names no one
        tailed = mention
        mention = _without_tail(mention)  # "Ann Lee in a statement", "Sen. Ron Lee (R-Wis.) kept": the name
        appos = text[r["appos_start"]:r["appos_end"]] if r.get("appos_start") is not None else ""
        # "..., said an official who spoke on condition of anonymity": the phrase may stand anywhere in the
        # sentence of a speaker who is not named
        r["_anon"] = r.get("sent_start") is not None and not _name_part(mention) \
            and _words(mention)[:1] not in (("who",), ("he",), ("she",), ("they",), ("it",)) \
            and is_anonymous(text[r["sent_start"]:r["sent_end"]])
        ent = _resolve_one(text, mention, appos, r, ents, names, gz)
        if ent is None:
            # unresolved: the mention stays in `speaker`; a pronoun or a common noun is no canonical name
            r["speaker_type"], r["speaker_country"] = speaker_type_of(mention, appos)
            if r.pop("_anon", False):
                r["speaker_type"] = "anonymous"
            # "Pro-government commentators spent the day": the clause's subject, never the clause
            subj = _clause_subject(mention)
            canon = None if _common(subj) or _pronoun_led(subj) else _canonical_name(_clean_description(subj))
            r["speaker_canonical"] = None if _common(canon) or _pronoun_led(canon) else canon
            if _is_group(mention) and r["speaker_type"] != "anonymous":
                r["speaker_type"] = "group"
            r["resolved"] = r["speaker_canonical"] is not None
            continue
        r.pop("_anon", None)
        canon = ent.canonical or None
        if ent.kind != "anon":
            canon = _canonical_name(canon)  # "Lee's news conference" -> "Lee", "Monday's results" -> None
        if ent.kind != "anon" and (_common(canon) or _pronoun_led(canon) or _clause_like(canon)):
            # "analysts", "a bank teller", "the official", "I'm": a description, not a name; "That's the
            # takeaway from ...", "Lee released her medical records": a clause, not a name
            canon = None
        if tailed != mention:
            ent.describe_with(_words(tailed))  # "Sen. Jo Roe (R-Fla.)": the tag cut off the name still describes her
        if ent.type == "unknown" and tailed != mention:
            # "Jo Roe of the Harbour Policy Institute": the body cut off the name still types the person
            t, c = speaker_type_of(tailed, appos)
            if t != "unknown":
                ent.type, ent.country = t, ent.country or c
        r["speaker_canonical"], r["speaker_type"], r["speaker_country"] = canon, ent.type, ent.country
        r["resolved"] = canon is not None
        low = _words(mention)
        if low and low[0] in ("he", "she", "он", "она") and not ent.gender:
            ent.gender = "f" if low[0] in ("she", "она") else "m"
    _type_from_introductions(text, records, gz)
    _titled_surnames(text, records)
    for r in records:
        if r.get("speaker_start") is not None:
            # the span names the speaker only, cut like the canonical name: "Local commentators spent the day"
            # -> "Local commentators" (after resolution, which may use the whole mention's words)
            s, e = _speaker_extent(text[r["speaker_start"]:r["speaker_end"]])
            r["speaker_start"], r["speaker_end"] = r["speaker_start"] + s, r["speaker_start"] + e
            r["speaker"] = text[r["speaker_start"]:r["speaker_end"]]


# a transcript's turn: a line opening with a name in capitals and a colon ("FALLIN: I think ...")
_TURN_LABEL = re.compile(r"(?:^|\n)[ \t]*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):[ \t]")


def _turn_label(text: str, s0: int, s1: int) -> tuple[int, int] | None:
    """Offsets of the label of the transcript turn in which the speaker mention ``text[s0:s1]`` is "I" or "we"
    (in "FALLIN: I think we must act", the first person is the one labelled), or None.

    >>> t = "HOST: Why?\\nFALLIN: I think we must act."
    >>> _turn_label(t, t.index("I think"), t.index("I think") + 1), _turn_label(t, 0, 4)
    ((11, 17), None)
    """
    if text[s0:s1].lower() not in ("i", "we"):
        return None
    line = text.rfind("\n", 0, s0) + 1
    m = _TURN_LABEL.match(text, max(0, line - 1))
    if m is None or m.end() > s0 or is_transcript_marker(m.group(1)):
        return None
    return m.start(1), m.end(1)


def _add_subject(text: str, span: tuple, ents: list[_Ent], names: dict[str, str], gz: Gazetteer) -> None:
    """A name opening a sentence ("Lena Hart, a defence economist, was blunt.", "The German Foreign
    Ministry condemned the move.") becomes a candidate antecedent for later pronouns and descriptions."""
    mention = text[span[0]:span[1]]
    if is_transcript_marker(mention):
        return  # "END VIDEO CLIP" opening a line: no one a later "they" can refer to
    appos = text[span[2]:span[3]] if len(span) > 3 and span[2] >= 0 else ""
    desc = " ".join(_words(f"{mention} {appos}"))
    words = _words(mention)
    if words and words[0] in ("his", "her", "their") and (
            words[-1] in _KIN or words[-1] in _SPEAKER_NOUNS or words[-1] in _HUMAN_HEADS):
        # "But his wife, Jane, offered a preview ... “...,” she said": someone new, described, whom a later
        # "she" refers to (no name: "Jane" alone names no one)
        ent = _Ent("", "person", *speaker_type_of(mention, appos), desc, span[0])
        # the possessive tells the possessor's gender, not theirs ("Her spokesman", "his wife")
        ent.gender = _gender_of("", " ".join(words[1:]))
        ents.append(ent)
        return
    if words and words[0] == "the" and len(words) > 1 and words[-1] in _PERSON_HEADS:
        # "The senator voted no.": the person described before, now the latest one named (a later "he" is
        # them), or the one the gazetteer knows holds the role; no one new ("The candidate" is mostly the
        # article's own person, described again)
        ref = _description_antecedent(words, span[0], ents, _required_words(mention), mention)
        if ref is None and (e := gz.describe(f"{mention} {appos}")) is not None:
            ref = _Ent(e.name, "person" if e.kind == "person" else "org", e.type, e.country, desc, span[0])
        if ref is not None:
            ents.append(_Ent(ref.canonical, ref.kind, ref.type, ref.country, ref.desc, span[0], ref.gender))
        return
    if _pronoun_led(mention) or _clause_like(mention):
        # "His Catholic faith is important", "I'm old enough", "That's the takeaway from ...": no one new is named
        return
    owner = re.match(r"(.+?)['’]s\s", mention)
    if owner is not None and _possessed(mention) and not _is_org(mention) and _name_part(owner.group(1)):
        # "Mrs. Lee's voyage has not taken a straight course. She came of age ...": the possessor is the
        # one a later "she" refers to
        _add_subject(text, (span[0], span[0] + len(owner.group(1))), ents, names, gz)
        return
    stripped = " ".join(w for w in words if w not in _DETS)
    e = gz.lookup(mention, surname=False) or (gz.lookup(stripped, surname=False) if stripped else None)
    if e is not None and e.kind != "person":
        ents.append(_Ent(e.name, "org", e.type, e.country, desc, span[0]))
        return
    if _is_org(mention):
        t, c = speaker_type_of(mention, appos)
        ents.append(_Ent(_clean_description(mention), "org", t, c, desc, span[0]))
        return
    name = _name_part(mention)
    if not name or all(w in _place_words() for w in _words(name)) or name.isupper():
        return
    k = name_key(name)
    if len(name.split()) == 1 and k in getattr(names, "ambiguous", ()):
        # a surname the article gives two people: a later "he" refers to someone, but to no name
        ents.append(_Ent("", "person", *_ambiguous_type(text, mention, appos, names.ambiguous[k]), desc, span[0]))
        return
    best = _full_form(name, names)
    e = gz.lookup(best)
    if e is not None and e.kind == "person":
        ent = _Ent(e.name, "person", e.type, e.country, desc, span[0])
        _gender_hint(ent, words)
        ents.append(ent)
    elif k in names or len(name.split()) >= 2:
        t, c = speaker_type_of(mention, appos)
        thing = _thing_name_memo(best, text)
        if thing:
            # "Grand Central agreed" (of "Grand Central Publishing"), "Exclusive Excerpt": no person, whom no
            # later "he" or "she" refers to
            ents.append(_Ent(best, thing, t, c, desc, span[0]))
            return
        ent = _Ent(best, "person", t, c, desc, span[0])
        _gender_hint(ent, words)
        ents.append(ent)


def _person_after_thing(phrase: str) -> int:
    """Offset in ``phrase`` of the name closing it after a preposition when the noun before the preposition is
    a thing, not a person ("the House bill to Ann Lee" -> the offset of "Ann Lee"; "the head of Harbour
    Bank" keeps its head: 0); "who" refers to that name.

    >>> _person_after_thing("the House bill to Ann Lee"), _person_after_thing("the head of Harbour Bank")
    (18, 0)
    """
    spans = list(re.finditer(r"\S+", phrase))
    raw = [m.group() for m in spans]
    at = max((i for i, w in enumerate(raw) if w in _PREPS), default=None)
    if at is None or at == 0 or at + 1 >= len(raw) or not all(w[:1].isupper() for w in raw[at + 1:]):
        return 0
    head = fold(raw[at - 1]).lower().strip(".,")
    if not raw[at - 1].islower() or head in _PERSON_HEADS or head in _SPEAKER_NOUNS or head in _KIN \
            or head.endswith("s") and (head[:-1] in _PERSON_HEADS or head[:-1] in _SPEAKER_NOUNS) \
            or _is_org(" ".join(raw[at + 1:])) or not _name_part(" ".join(raw[at + 1:])):
        return 0
    return spans[at + 1].start()


def _resolve_one(text, mention, appos, r, ents, names, gz) -> _Ent | None:
    pos = r["speaker_start"]
    words = _words(mention)
    low = words[0] if len(words) == 1 else ""
    full = f"{mention} {appos}"
    # relative pronoun: its antecedent noun phrase
    if low in ("who", "which", "that", "который", "которая", "которые") and r.get("antecedent"):
        a0, a1 = r["antecedent"]
        agent = [m for m in _BY_AGENT.finditer(text, a0, a1)
                 if fold(text[m.end():a1].split(" ", 1)[0]).lower().strip(".,") not in _TIME_WORDS]
        if agent and agent[-1].end() < a1:
            # "remarks made by a ferry captain who said", "a statement by the Harbour Council, which said":
            # the agent speaks
            a0 = agent[-1].end()
        elif _clause_like(text[a0:a1]):
            # "the ministry's reaction followed a statement by the White House, which said": the last noun phrase
            tail = _clause_tail(text[a0:a1])
            if not tail or _pronoun_led(tail) or text.rfind(tail, a0, a1) < 0:
                return None
            a0 = text.rfind(tail, a0, a1)
        elif low == "who" and (at := _person_after_thing(text[a0:a1])) \
                and not _APPOSED_TO.search(text, max(0, a0 - _APPOSED_MAX_CHARS), a0):
            # "tying the House bill to Ann Lee, who supported it": the person, not the bill (not "Roe, a graduate
            # of Harbour Law School who": a description in apposition to a name)
            a0 += at
        sub = dict(r, speaker_start=a0, speaker_end=a1, antecedent=None)
        ent = _resolve_one(text, text[a0:a1], appos, sub, ents, names, gz)
        named = _APPOSED_TO.search(text, max(0, a0 - _APPOSED_MAX_CHARS), a0) if low == "who" else None
        if ent is not None and not ent.canonical and ent.kind == "person" and named and _name_part(named.group(1)) \
                and not _is_org(named.group(1)) and not all(w in _place_words() for w in _words(named.group(1))) \
                and not _complement_of_name(text, named.start(1)):
            # "Marsh, a graduate of Lyme Sea School who has said": the description is in apposition to a
            # name, and the name speaks (not a name's place or body: "Ann Lee of Ohio, a ...")
            sub = dict(r, speaker_start=named.start(1), speaker_end=named.end(1), antecedent=None)
            return _resolve_one(text, named.group(1), text[a0:a1], sub, ents, names, gz) or ent
        return ent
    if mention in _ANSWER_MARKERS and text[pos + len(mention):pos + len(mention) + 1] == ":":
        # "A: We rebuild the bridge.": an interview's answer marker stands for the interviewee (._according),
        # when the introduction names one
        if not r.get("antecedent"):
            return None
        a0, a1 = r["antecedent"]
        return _resolve_one(text, text[a0:a1], appos, dict(r, speaker_start=a0, speaker_end=a1, antecedent=None),
                            ents, names, gz)
    if low in _PRONOUNS:
        return _pronoun_antecedent(text, low, pos, ents, names, gz, r.get("sent_start", -1))
    named = _appositive_name(mention, appos)
    if named:
        # "his top aide, Tad Finch, told ...", "The city's mayor, Ann Lee, said": the description's apposition
        # names the speaker; the description types them
        return _resolve_one(text, named, mention, r, ents, names, gz)
    if is_anonymous(full) or _indefinite_source(words) or r.get("_anon") and not _is_group(mention):
        country = country_of(full) or _unnamed_source_country(text, r, words)
        canon = _canon_anonymous(full, country)
        ent = _Ent(canon, "anon", "anonymous", country, " ".join(_words(full)), pos)
        ents.append(ent)
        return ent
    head = words[-1] if words else ""
    raw = _name_words(mention)
    if _is_group(mention) or words and words[0] in ("one", "another") or words and words[0] in ("a", "an") and (
            not _name_part(mention) or len(raw) > 1 and raw[1][:1].islower()):
        # "critics", "72 percent of Republicans", "a bank teller", "One Ohio Republican": a group or a new
        # person described, never an earlier speaker or a gazetteer entry
        t, c = speaker_type_of(mention, appos)
        group = _is_group(mention)
        canon = _clean_description(mention)
        if not group or not all(w[:1].isupper() for w in _name_words(canon)):
            canon = ""  # a description ("a bank teller", "72 percent of Republicans") names no one
        # "a name suggesting ...", "a statement": a thing described, which no later "he" or "she" refers to
        kind = "group" if group else "thing" if head in _THING_HEADS else "person"
        ent = _Ent(canon, kind, "group" if group and t != "anonymous" else t, c, " ".join(_words(full)), pos)
        ents.append(ent)
        return ent
    joint = _joint_names(mention)
    if joint:
        # "Ortiz and Vance", "Ann Lee and Tom Vance": both speak; neither alone is the speaker
        ent = _Ent(joint, "group", "group", country_of(full), " ".join(_words(full)), pos)
        ents.append(ent)
        return ent
    if _possessed(mention):
        # "Ashby's spokesman", "Hale's campaign": someone else's person or body, never the possessor nor
        # an earlier speaker described again; the gazetteer may know who holds the role ("the mayor's spokesman")
        e = gz.describe(full)
        if e is not None:
            ent = _Ent(e.name, "person" if e.kind == "person" else "org", e.type, e.country, " ".join(_words(full)), pos)
            ents.append(ent)
            return ent
        t, c = speaker_type_of(mention, appos)
        # "Lee's confidants": several people, whom no later "she" refers to
        kind = "org" if _is_org(mention) else "group" if _plural_head(head) else "person"
        ent = _Ent(_clean_description(mention), kind, t, c, " ".join(_words(full)), pos)
        ents.append(ent)
        return ent
    if words and words[0] in ("the", "this", "that") and head in _HUMAN_HEADS or len(words) == 1 and head in _ROLE_WORDS:
        # "the defence chief", "the agency president", "the official", "Yetkili": a description of someone
        ref = _description_antecedent(words, pos, ents, _required_words(mention), mention)
        if ref is None:
            e = gz.describe(full)
            if e is not None:
                ref = _Ent(e.name, "person" if e.kind == "person" else "org", e.type, e.country,
                           " ".join(_words(full)), pos)
                ents.append(ref)
        if ref is not None:
            return ref
    if words and all(w in _place_words() for w in words if w not in _DETS):
        # "Paris", "Ottawa", "Germany": a government named by its capital or country
        ent = _Ent(_clean_description(mention), "org", "official", country_of(mention), " ".join(_words(full)), pos)
        ents.append(ent)
        return ent
    name = _name_part(mention)
    if name and (all(w in _place_words() for w in _words(name)) or name.isupper() and len(name) <= 8
                 or any(ch.isdigit() for ch in name)):
        name = ""  # "the head of Chile's agency", "NAFTA", "F-16": no person's name
    org = _org_mention(mention, name)
    if name and not org and words and words[0] not in ("the", "a", "an") or name and len(name.split()) > 1 \
            and not org:
        k = name_key(name)
        if len(name.split()) == 1 and k in getattr(names, "ambiguous", ()):
            # "Ferris" where the article names Lamont Ferris and Tavia Ferris: unresolved, and no other
            # article's or the gazetteer's Ferris may claim it
            ent = _Ent("", "person", *_ambiguous_type(text, mention, appos, names.ambiguous[k]),
                       " ".join(_words(full)), pos)
            ents.append(ent)
            return ent
        best = _full_form(name, names)
        e = gz.lookup(best) or gz.lookup(name) or gz.lookup(" ".join(name.split()[-2:]))
        if e is not None:
            ent = _Ent(e.name, "person" if e.kind == "person" else "org", e.type, e.country,
                       " ".join(_words(full)) + " " + fold(e.role).lower(), pos)
        else:
            t, c = speaker_type_of(mention, appos)
            prior = next((x for x in reversed(ents) if x.kind == "person" and name_key(x.canonical) == k), None)
            if prior is not None and t == "unknown":
                t, c = prior.type, c or prior.country
            # "Grand Central agreed" (of "Grand Central Publishing"): a body, whom no later "she" refers to
            ent = _Ent(best, _thing_name_memo(best, text) or "person", t, c, " ".join(_words(full)), pos)
        _gender_hint(ent, words)
        ents.append(ent)
        return ent
    # organisations and descriptions
    stripped = " ".join(w for w in words if w not in _DETS)
    e = gz.lookup(mention, surname=False) or (gz.lookup(stripped, surname=False) if stripped else None)
    if e is not None and e.kind != "person":
        ent = _Ent(e.name, "org", e.type, e.country, " ".join(_words(full)), pos)
        ents.append(ent)
        return ent
    if (words and words[0] in ("the", "this", "that") and not _proper_name(mention)) or (len(words) <= 3 and not any(
            w[:1].isupper() for w in _name_words(mention)[1:])):
        ref = _description_antecedent(words, pos, ents, _required_words(mention), mention)
        if ref is not None:
            return ref
        e = gz.describe(full)
        if e is not None:
            ent = _Ent(e.name, "person" if e.kind == "person" else "org", e.type, e.country, " ".join(_words(full)), pos)
            ents.append(ent)
            return ent
    e = gz.describe(full)
    if e is not None:
        ent = _Ent(e.name, "person", e.type, e.country, " ".join(_words(full)), pos)
        ents.append(ent)
        return ent
    t, c = speaker_type_of(mention, appos)
    kind = "org" if _is_org(mention) else "group" if words and words[-1].endswith("s") else \
        "person" if head in _HUMAN_HEADS or head in _ROLE_WORDS else "thing"
    canon = _clean_description(_clause_subject(mention))  # "The council approved a resolution": "council"
    ent = _Ent(canon, kind, t, c, " ".join(_words(full)), pos)
    ents.append(ent)
    return ent


def _titled_surnames(text: str, records: list[dict]) -> None:
    """A bare surname the article writes with a gendered title ("Mr. Roe", "Mrs. Roe") and never in full
    keeps the title in its canonical name, so that names merged across articles can tell the man from the
    woman of that surname (:func:`._speakers_merge.merge_names`); two genders given one surname keep it bare.

    >>> recs = [{"speaker_canonical": "Roe"}, {"speaker_canonical": "Lee"}]
    >>> _titled_surnames("Mr. Roe said so. Lee agreed, and Mr. Roe left.", recs)
    >>> [r["speaker_canonical"] for r in recs]
    ['Mr. Roe', 'Lee']
    """
    titled: dict[str, str | None] = {}
    for r in records:
        c = r.get("speaker_canonical")
        if not isinstance(c, str) or c in titled or " " in c or not c[:1].isupper() or c.isupper():
            continue
        found = _titled_counts(text, c)
        genders = {"m" if t == "Mr" else "f" for t in found}
        titled[c] = f"{found.most_common(1)[0][0]}. {c}" if len(genders) == 1 else None
    for r in records:
        c = r.get("speaker_canonical")
        if isinstance(c, str) and titled.get(c):
            r["speaker_canonical"] = titled[c]


# a gendered title before a name ("Mr. ", "Mrs ")
_TITLE_PREFIX = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+")


@lru_cache(maxsize=64)
def _title_prefixes(text: str) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, title)`` of every gendered title (with its full stop and spaces) in ``text``."""
    return tuple((m.start(), m.end(), m.group(1)) for m in _TITLE_PREFIX.finditer(text))


def _titled_counts(text: str, name: str) -> Counter:
    r"""How often each gendered title stands right before ``name`` in ``text``: what
    ``Counter(m.group(1) for m in re.finditer(rf"\b(Mr|Mrs|Ms|Miss)\.?\s+{re.escape(name)}\b", text))`` counts
    (matches do not overlap), from the article's titles found once instead of a pattern compiled per name.

    >>> _titled_counts("Mr. Roe and Mrs Roe met Ms. Roes. Mr. Roe left.", "Roe")
    Counter({'Mr': 2, 'Mrs': 1})
    """
    found: Counter = Counter()
    last, n, size = 0, len(name), len(text)
    for start, end, title in _title_prefixes(text):
        if start < last or not text.startswith(name, end):
            continue
        p = end + n
        # \b after the name: a word character on one side only
        if (p > 0 and _is_word_char(text[p - 1])) == (p < size and _is_word_char(text[p])):
            continue
        found[title] += 1
        last = p
    return found


# heads of a described thing, never a person a later pronoun refers to ("a name suggesting ...", "a statement")
_THING_HEADS = frozenset(_DOCUMENT_NOUNS | _NON_SPEAKER_HEADS | {
    "name", "names", "statement", "statements", "message", "messages", "sign", "signs", "note", "notes",
    "headline", "slogan", "banner", "caption", "phrase", "word", "words", "post", "tweet", "ad", "release"})
# "remarks made by a campaign surrogate", "a statement by the Harbour Council": "by" before the agent
_BY_AGENT = re.compile(r"\bby\s+(?=(?:an?|the)\s+\w|[A-Z])")
# a capitalised name and a comma right before a description ("Marsh, a graduate of ..."), to the text's position
_APPOSED_MAX_CHARS = 60
_APPOSED_TO = re.compile(r"(?<![\w’'])((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+),\s+$")


def _required_words(mention: str) -> frozenset[str]:
    """The words of a description that its antecedent must have been described with: capitalised modifiers
    ("the Florida senator", "the Vatican spokesman") and "former" ("the former president" is not the
    president).

    >>> sorted(_required_words("The Florida senator")), sorted(_required_words("the former president"))
    (['florida'], ['former'])
    >>> sorted(_required_words("the senator"))
    []
    """
    raw = _name_words(mention)
    keep = {fold(w).lower().strip(".,’'") for w in raw[1:-1] if w[:1].isupper()}
    if raw and raw[0][:1].isupper() and raw[0].lower() not in _DETS and len(raw) > 1:
        keep.add(fold(raw[0]).lower())
    keep |= {w for w in _words(mention) if w in ("former", "ex")}
    return frozenset(w for w in keep if w and w not in _DETS)


def _description_antecedent(words: list[str], pos: int, ents: list[_Ent],
                            required: frozenset[str] = frozenset(), mention: str = "") -> _Ent | None:
    """"the defense chief", "the ministry", "the official", "эксперт": the latest entity whose
    description shares the head noun (or a synonym of it), and every ``required`` word (see
    :func:`_required_words`); with required words and no such entity, none. A head that is a name in
    ``mention`` ("HBC", "the Fed") matches only an entity whose canonical name has it; an organisation word
    ("the campaign") only an organisation."""
    head = words[-1] if words else ""
    if not head or head in _DETS or head in _FUNCTION_WORDS:
        return None  # "the authors of the": a cut phrase, whose last word describes no one
    syn = _SYNONYMS.get(head, {head}) | {head}
    if required:
        # "the Florida senator" is "Sen. Jo Roe (R-Fla.)": a title's abbreviation, once the state or party says
        # which one (a bare "the senator" keeps to the latest person, whom news means more often)
        syn |= _ABBREVIATED_TITLES.get(head, set())
    plural = head.endswith("s")
    named = _named_head(mention, head)
    # "the campaign", not "the head of the directorate" (a person described by a body)
    org_only = head in _ORG_WORDS and not set(words[:-1]) & _COMMON_HEADS
    for e in reversed(ents):
        if e.pos >= pos or e.kind == "group" and not plural:
            continue  # "the official" is one person, not the officials named before
        if named:
            # "HBC", "the Fed", "The Times": a name, which is the entity's own name, never a word elsewhere in
            # a person's description ("analysts on HBC", "a reporter for The Times")
            if set(_words(e.canonical)) & syn and required <= set(e.desc.split()):
                return e
            continue
        if org_only and e.kind != "org":
            continue  # "the campaign" is a body, not the person described as its spokesman
        dwords = set(e.desc.split())
        if dwords & syn and required <= dwords:
            return e
    if named:
        return None
    if required:
        return None  # "the Florida senator" is not the last senator named, unless he was the Florida one
    org_head = head in _ORG_WORDS
    if head in _SOLE_PERSON_HEADS:
        # "the president": the one person named so far, if only one was; never merely the last named ("...
        # Representative Jo Roe told Mr. Lee ... The president told her": Roe is no president)
        people = {e.canonical for e in ents if e.pos < pos and e.kind == "person"}
        return next(e for e in reversed(ents) if e.pos < pos and e.kind == "person") if len(people) == 1 else None
    for e in reversed(ents):
        if e.pos >= pos:
            continue
        if org_head and e.kind == "org" or not org_head and e.kind in ("person", "anon") and head in (
                "official", "minister", "chief", "head", "analyst", "expert", "economist", "executive",
                "senator", "diplomat", "эксперт", "yetkili"):
            # (not "spokesman": a spokesman speaks for someone, and is not the last person named)
            return e
    return None


# heads of a description that names one office holder, whom the last person named need not be
_SOLE_PERSON_HEADS = frozenset({"president"})
# a title and the abbreviations a name's introduction writes for it ("Sen. Jo Roe", "Gov. Al Lee")
_ABBREVIATED_TITLES = {"senator": {"sen"}, "governor": {"gov"}, "congressman": {"rep"}, "congresswoman": {"rep"},
                       "representative": {"rep"}, "lawmaker": {"sen", "rep"}}
# words that end a cut phrase ("the authors of the"), never a description's head
_FUNCTION_WORDS = frozenset({"of", "for", "to", "in", "on", "at", "by", "with", "from", "and", "or", "as"})


def _named_head(mention: str, head: str) -> bool:
    """Whether a mention's last word is a name ("HBC", "the Fed", "The Times", "G-III") rather than a common
    noun, capitalised or not ("the senator", "Officials", "The Ministry"); every word of it is capitalised.

    >>> _named_head("the Fed", "fed"), _named_head("HBC", "hbc"), _named_head("the senator", "senator")
    (True, True, False)
    >>> _named_head("Officials", "officials"), _named_head("the ministry", "ministry")
    (False, False)
    >>> _named_head("The Times", "times"), _named_head("the head of the Times", "times")
    (True, False)
    """
    raw = [w for w in _name_words(mention) if w.lower() not in _DETS]
    if not raw or not all(w[:1].isupper() for w in raw):
        return False  # "the head of Chile's Directorate": a description whose head is "head"
    return head not in _COMMON_HEADS and head not in _SYNONYMS


_COMMON_HEADS = frozenset(_HUMAN_HEADS | _ROLE_WORDS | _SPEAKER_NOUNS | _PERSON_HEADS)
