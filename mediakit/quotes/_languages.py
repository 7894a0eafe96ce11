"""What differs between the languages the rules know (en, tr, ru), as one table of switches per language,
so that the construction modules ask ``self.lang_rules.<switch>`` instead of testing the language code.

Word lists per language are in :mod:`._words` and the cue lexicon (``resources/attribution_verbs.yaml``);
this table holds the differences in word order and in how strict a check is.

>>> LANGUAGE_RULES["tr"].sov_reported_speech, LANGUAGE_RULES["en"].sov_reported_speech
(True, False)
>>> language_rules("de") is LANGUAGE_RULES["en"]
True
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LanguageRules", "LANGUAGE_RULES", "language_rules"]


@dataclass(frozen=True, slots=True)
class LanguageRules:
    """The switches of one language (True turns the behaviour on)."""

    # English capitalises cue words only at a sentence start or in a headline: a capitalised cue word
    # elsewhere is a name ("United States", "State Department"), not a cue
    caps_block_cues: bool
    # check the words around a cue to tell a verb from a noun or an adjective ("the report", "his top
    # shows"); English only, the Turkish and Russian cue forms are unambiguous enough
    check_verb_context: bool
    # inverted frames ("said Smith") only with verbs that invert in English, the speaker followed by a
    # boundary, and no object pronoun or time phrase as the speaker
    strict_inversion: bool
    # any cue may stand before its speaker ("— заявил Петров: «...»", "dedi Aksoy")
    free_inversion: bool
    # a full stop right after a quotation ends the search for its frame ('“...”. Smith said' is rare)
    stop_ends_post_frame: bool
    # a past tense missing from the lexicon next to a quotation and a name is taken as a cue ("he surmised")
    guess_unknown_verbs: bool
    # the speaker stands before the quotation and the verb after it: 'Kaplan, “...” dedi.'
    subject_before_quote: bool
    # subject-object-verb reported speech: the clause stands between the subject and the verb, and quoted
    # fragments come with the reported clause around them (see :mod:`._turkish`)
    sov_reported_speech: bool
    # the speaker ends before a prepositional phrase: "Ахмедов в интервью телеканалу HBC News"
    speaker_before_pp: bool


LANGUAGE_RULES: dict[str, LanguageRules] = {
    "en": LanguageRules(caps_block_cues=True, check_verb_context=True, strict_inversion=True,
                        free_inversion=False, stop_ends_post_frame=True, guess_unknown_verbs=True,
                        subject_before_quote=False, sov_reported_speech=False, speaker_before_pp=False),
    "tr": LanguageRules(caps_block_cues=False, check_verb_context=False, strict_inversion=False,
                        free_inversion=True, stop_ends_post_frame=False, guess_unknown_verbs=False,
                        subject_before_quote=True, sov_reported_speech=True, speaker_before_pp=False),
    "ru": LanguageRules(caps_block_cues=False, check_verb_context=False, strict_inversion=False,
                        free_inversion=True, stop_ends_post_frame=False, guess_unknown_verbs=False,
                        subject_before_quote=True, sov_reported_speech=False, speaker_before_pp=True),
}


def language_rules(lang: str) -> LanguageRules:
    """The switches of ``lang``; languages the rules do not know are read as English."""
    return LANGUAGE_RULES.get(lang, LANGUAGE_RULES["en"])
