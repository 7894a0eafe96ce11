"""The lexicons of quote attribution, loaded from ``mediakit/resources``: attribution verbs with their
stance, and the closed word classes (determiners, pronouns, clause words) the rules need.

Verbs live in ``resources/attribution_verbs.yaml`` (editable). English inflections are generated here so
that the YAML lists lemmas only.

>>> lex = load_verb_lexicon("en")
>>> lex.forms["stressed"].lemma, lex.forms["stressed"].stance
('stress', 'emphatic')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .._yaml import load_yaml

__all__ = ["Cue", "VerbLexicon", "load_verb_lexicon", "inflect", "verb_stances"]


@dataclass(frozen=True, slots=True)
class Cue:
    """One attribution cue form: its lemma, stance, class and whether it takes an addressee."""

    lemma: str
    stance: str
    cls: str = "speech"
    object: bool = False
    form: str = "past"  # base, s, past, ing, phrase, noun
    indirect: bool = True  # False: the cue introduces direct quotations only ("continued:")
    clause: bool = False  # True: reported content only as a clause ("condemned the move" is no quote)
    infinitive: bool = False  # with clause: a to-infinitive is reported content too ("plans to run")
    # with clause: a noun-phrase object is reported content too, being what the act says ("criticized Lee
    # for accepting donations", "called for talks"), unless it names an event by a determiner and one noun
    # ("condemned the move")
    content_object: bool = False
    # an adjective of belief after a form of "be" ("were hopeful that"): it needs a subject that can hold a
    # belief and a clause after it
    adjective: bool = False


@dataclass
class VerbLexicon:
    """Cue forms of one language: single words, multi-word phrases, "according to" phrases."""

    lang: str
    forms: dict[str, Cue] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], Cue] = field(default_factory=dict)
    according_to: list[tuple[str, ...]] = field(default_factory=list)
    complementizers: frozenset[str] = frozenset()
    max_phrase: int = 1
    phrase_first: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    according_first: frozenset[str] = frozenset()
    candidates: frozenset[str] = frozenset()  # every word a cue can start with
    clause_nouns: dict[str, Cue] = field(default_factory=dict)  # "claim(s)" -> cue, with a that-clause only
    # "call(s)" -> (cue, prepositions): a noun whose prepositional object is the content ("his call for talks")
    object_nouns: dict[str, tuple[Cue, frozenset[str]]] = field(default_factory=dict)
    watch: frozenset[str] = frozenset()  # candidates, clause nouns and "in" (a poll as a source)


_VOWELS = set("aeiou")
# forms of "be" and "remain" that make a phrase of a cognition adjective ("were hopeful", "remains confident")
_COPULAS = ("is", "are", "was", "were", "am", "'m", "’m", "be", "been", "being", "remain", "remains",
            "remained", "isn't", "isn’t", "aren't", "aren’t", "wasn't", "wasn’t", "weren't", "weren’t", "'re", "’re",
            "seem", "seems", "seemed")
# ... with one adverb between ("are not convinced", "were acutely aware", "remain cautiously optimistic", "are
# well aware", "am fully aware"; not "more": "are more optimistic about the economy than ..." compares)
_COPULA_ADVERBS = ("not", "also", "still", "very", "increasingly", "quite", "fairly", "deeply", "acutely", "now",
                   "so", "all", "both", "equally", "particularly", "especially", "absolutely", "highly", "cautiously",
                   "genuinely", "clearly", "keenly", "fully", "well", "apparently", "firmly")
# ... or two ("are now more convinced", "are apparently so worried", "is far less sure", "was also keenly aware"): a
# first adverb of these and a second of degree; set by hand
_COPULA_FIRST_ADVERBS = ("not", "now", "apparently", "also", "still", "far", "so", "all", "much", "even")
_DEGREE_ADVERBS = ("more", "less", "so", "very", "keenly", "fully", "acutely", "deeply", "increasingly")


def inflect(lemma: str, *, double: bool = False) -> dict[str, str]:
    """Regular English forms of a verb: ``{"base", "s", "past", "ing"}``.

    >>> inflect("admit", double=True)
    {'base': 'admit', 's': 'admits', 'past': 'admitted', 'ing': 'admitting'}
    >>> inflect("deny")["past"], inflect("note")["ing"], inflect("stress")["s"]
    ('denied', 'noting', 'stresses')
    """
    w = lemma
    if w.endswith(("s", "sh", "ch", "x", "z", "o")):
        s = w + "es"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        s = w[:-1] + "ies"
    else:
        s = w + "s"
    if double:
        past, ing = w + w[-1] + "ed", w + w[-1] + "ing"
    elif w.endswith("e"):
        past = w + "d"
        ing = w + "ing" if w.endswith(("ee", "ye", "oe")) else w[:-1] + "ing"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        past, ing = w[:-1] + "ied", w + "ing"
    else:
        past, ing = w + "ed", w + "ing"
    return {"base": w, "s": s, "past": past, "ing": ing}


@lru_cache(maxsize=1)
def _raw() -> dict:
    path = resources.files("mediakit.resources").joinpath("attribution_verbs.yaml")
    with path.open(encoding="utf-8") as fh:
        return load_yaml(fh) or {}


@lru_cache(maxsize=8)
def load_verb_lexicon(lang: str = "en") -> VerbLexicon:
    """The cue lexicon of ``lang`` ("en", "tr", "ru"); other languages fall back to English."""
    raw = _raw()
    spec = raw.get(lang) or raw["en"]
    lex = VerbLexicon(lang=lang if lang in raw else "en")
    is_en = lex.lang == "en"
    for key, info in (spec.get("verbs") or {}).items():
        info = info or {}
        lemma = str(info.get("lemma", key))
        stance = str(info.get("stance", "neutral"))
        cls = str(info.get("class", "speech"))
        obj = bool(info.get("object", False))
        ind = bool(info.get("indirect", True))
        cl = bool(info.get("clause", False))
        inf = bool(info.get("infinitive", False))
        co = bool(info.get("content_object", False))
        if is_en:
            for form, word in inflect(lemma, double=bool(info.get("double"))).items():
                lex.forms.setdefault(word, Cue(lemma, stance, cls, obj, form, ind, cl, inf, co))
        for word in info.get("forms") or []:
            word = str(word).lower()
            if " " in word:
                lex.phrases[tuple(word.split())] = Cue(lemma, stance, cls, obj, "phrase", ind, cl, inf, co)
            else:
                lex.forms[word] = Cue(lemma, stance, cls, obj, "past", ind, cl, inf, co)
    for phrase, info in (spec.get("phrases") or {}).items():
        info = info or {}
        words = tuple(str(phrase).lower().split())
        # a phrase opening with a participle ("making clear") behaves like one
        form = "ing" if is_en and words[0].endswith("ing") else "phrase"
        lex.phrases[words] = Cue(str(info.get("lemma", phrase)), str(info.get("stance", "neutral")),
                                 str(info.get("class", "speech")), bool(info.get("object", False)), form,
                                 bool(info.get("indirect", True)), bool(info.get("clause", False)),
                                 bool(info.get("infinitive", False)), bool(info.get("content_object", False)))
    if is_en:
        for adj, info in ((raw.get("cognition_adjectives") or {}).get("en") or {}).items():
            info = info or {}
            cue = Cue(f"be {adj}", str(info.get("stance", "cognitive")), "cognition", False, "phrase", True, True,
                      adjective=True)
            for cop in _COPULAS:
                lex.phrases.setdefault((cop, str(adj)), cue)
                for adv in _COPULA_ADVERBS:  # "are not convinced that", "were acutely aware that"
                    lex.phrases.setdefault((cop, adv, str(adj)), cue)
                for adv in _COPULA_FIRST_ADVERBS:
                    for deg in _DEGREE_ADVERBS:  # "are now more convinced that"
                        lex.phrases.setdefault((cop, adv, deg, str(adj)), cue)
    lex.according_to = [tuple(str(p).lower().split()) for p in spec.get("according_to") or []]
    lex.complementizers = frozenset(str(w).lower() for w in spec.get("complementizers") or [])
    lex.max_phrase = max([len(p) for p in lex.phrases] + [len(p) for p in lex.according_to] + [1])
    lex.phrase_first = frozenset(p[0] for p in lex.phrases)
    lex.according_first = frozenset(p[0] for p in lex.according_to)
    lex.candidates = frozenset(lex.forms) | lex.phrase_first | lex.according_first
    for noun, info in ((raw.get("clause_nouns") or {}).get(lex.lang) or {}).items():
        info = info or {}
        cue = Cue(str(noun), str(info.get("stance", "neutral")), str(info.get("class", "speech")), False, "noun",
                  True, True, False)
        lex.clause_nouns[str(noun)] = cue
        if is_en:
            lex.clause_nouns.setdefault(inflect(str(noun))["s"], cue)
    for noun, info in ((raw.get("object_nouns") or {}).get(lex.lang) or {}).items():
        info = info or {}
        cue = Cue(str(noun), str(info.get("stance", "neutral")), str(info.get("class", "speech")), False, "noun",
                  True, True, False, True)
        entry = (cue, frozenset(str(p).lower() for p in info.get("prepositions") or []))
        lex.object_nouns[str(noun)] = entry
        if is_en:
            lex.object_nouns.setdefault(inflect(str(noun))["s"], entry)
    lex.watch = lex.candidates | frozenset(lex.clause_nouns) | frozenset(lex.object_nouns) | \
        ({"in"} if is_en else set())
    lex.nouns = frozenset(str(w).lower() for w in ((raw.get("nouns") or {}).get(lex.lang) or []))
    return lex


def verb_stances(lang: str = "en") -> dict[str, str]:
    """Lemma -> stance for every cue of ``lang``.

    >>> verb_stances()["claim"]
    'distancing'
    """
    lex = load_verb_lexicon(lang)
    out = {c.lemma: c.stance for c in lex.forms.values()}
    out.update({c.lemma: c.stance for c in lex.phrases.values()})
    out["according to"] = "neutral"
    return out
