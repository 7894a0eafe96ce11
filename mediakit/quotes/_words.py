"""Closed word classes the attribution rules need (determiners, auxiliaries, prepositions, time and
medium words, title abbreviations, ...), as plain sets. English first; Turkish and Russian members are
listed with the English ones where the rule is the same for all three languages.
"""

from __future__ import annotations

import re
from importlib import resources

from .._yaml import load_yaml

# ---------------------------------------------------------------- closed word classes
PRONOUNS = {
    "en": {"he", "she", "they", "it", "we", "i", "you", "who", "which", "this", "that"},
    "tr": {"o", "onlar", "kendisi"},
    "ru": {"он", "она", "они", "оно", "который", "которая", "которые"},
}
_PERSONAL = {"he", "she", "they", "it", "we", "i", "you", "o", "onlar", "он", "она", "они"}
_DET = {
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some",
    "many", "several", "most", "both", "all", "each", "every", "another", "other", "no", "any", "few",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "such", "more", "fewer",
    "numerous", "various", "certain",
}
_POSSESSIVE_DET = {"his", "her", "its", "their", "our", "my", "your"}
_ARTICLES = frozenset({"the", "a", "an"})
# a subject pronoun with its contracted "be", one token ("He's poised to", "they're saying", "I'm trying to")
_CONTRACTED_BE = frozenset(f"{pron}{q}{aux}" for pron, aux in (
    ("he", "s"), ("she", "s"), ("they", "re"), ("we", "re"), ("you", "re"), ("i", "m")) for q in ("'", "’"))
# nouns for relatives: the head of the second half of a coordinated subject ("Ann Lee and her husband")
_KIN_NOUNS = frozenset({"husband", "wife", "son", "sons", "daughter", "daughters", "brother", "brothers", "sister",
                        "sisters", "partner", "spouse", "family", "children", "parents", "mother", "father"})
_CLAUSE = {
    "and", "but", "or", "nor", "that", "which", "who", "whom", "whose", "when", "while", "where", "as",
    "because", "since", "if", "unless", "although", "though", "after", "before", "until", "so", "than",
    "whether", "what", "how", "why", "yet", "once", "whereas", "despite", "without", "instead", "not",
    "then", "there", "here", "also", "even", "just", "only", "now", "meanwhile", "however", "thus",
    "ve", "ile", "ama", "ancak", "и", "а", "но", "что", "как", "когда", "также",
}
_AUX = {
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "won't", "wouldn't",
    "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "isn't", "wasn't", "aren't", "weren't",
    "can't", "couldn't", "shouldn't", "get", "got", "gets",
}
_ADV_SKIP = {
    "also", "later", "then", "previously", "recently", "repeatedly", "once", "again", "reportedly",
    "publicly", "privately", "separately", "further", "quickly", "simply", "only", "even", "still",
    "just", "already", "never", "often", "frequently", "initially", "originally", "first", "flatly",
    "openly", "not", "always", "subsequently", "ultimately", "eventually", "finally", "himself",
    "herself", "themselves", "itself", "too", "long", "has", "have", "had", "would", "will", "could",
    "can", "may", "might", "did", "does", "do", "should", "must", "shall", "is", "was", "were", "are",
    "be", "been", "being", "ever", "now", "allegedly", "apparently",
    "n't", "since", "earlier", "late", "today", "yesterday", "tonight", "however", "both", "all",
    "personally", "directly", "indirectly", "explicitly", "specifically", "clearly", "loudly",
    "he", "she",  # "he himself", never reached: pronouns are subjects
    "также", "уже", "ранее", "ayrıca", "da", "de", "ясно", "четко", "прямо", "открыто", "вновь", "снова",
    "еще", "ещё",
}
_ADV_SKIP -= {"he", "she"}
# negated auxiliaries, with either apostrophe ("doesn't want", "don’t think"): skipped between a subject and its
# cue like the plain auxiliaries
_NEGATED_AUX = {w.replace("'", q) for w in (
    "won't", "wouldn't", "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "isn't", "wasn't",
    "aren't", "weren't", "can't", "couldn't", "shouldn't", "mustn't", "mightn't", "ain't") for q in ("'", "’")}
_NEGATED_AUX.add("cannot")  # "The mayor cannot say ...": an auxiliary, no part of the subject
_AUX |= _NEGATED_AUX
_ADV_SKIP |= _NEGATED_AUX
_NOT_ADVERBS_LY = {"ally", "rally", "family", "assembly", "supply", "reply", "anomaly", "daily", "weekly",
                   "monthly", "early", "july", "italy", "bully", "belly", "holy", "fly", "only"}
_PREPS_INNER = {"of", "at", "for", "to", "from", "in", "with", "on", "under", "within", "inside", "outside",
                "and", "de", "du", "van", "von", "bin", "al", "el", "la", "le", "del"}
_PREPS = {
    "of", "at", "for", "to", "from", "in", "with", "on", "under", "within", "inside", "outside", "by",
    "about", "into", "during", "over", "after", "before", "among", "against", "through", "like",
    "near", "amid", "behind", "toward", "towards", "per", "via", "than", "upon", "across",
    "alongside", "beside", "besides", "despite", "including", "unlike", "without", "beyond", "around",
    "along", "throughout", "following", "regarding", "concerning",
    "в", "во", "на", "с", "со", "по", "к", "ко", "о", "об", "от", "до", "из", "за", "для", "при", "после",
    "перед", "через", "у", "под", "над",
}
# irregular past tenses of common verbs: a main verb where a rule looks for "-ed" ("Ann Lee met Oleg Sokolov",
# "the attacks on Curiel won praise"); speech and cognition cues are in attribution_verbs.yaml
_IRREGULAR_PAST = frozenset({
    "met", "won", "lost", "made", "took", "gave", "went", "came", "saw", "held", "led", "ran", "sent", "spent",
    "built", "brought", "bought", "caught", "fought", "felt", "kept", "paid", "stood", "began", "broke",
    "chose", "drove", "fell", "flew", "grew", "knew", "rode", "rose", "sold", "struck", "threw", "wore",
    "hung", "shot", "beat", "dealt", "fled", "froze", "hid", "meant", "sought", "shook", "stole", "swept",
    "taught", "tore", "withdrew", "became", "drew", "got", "forgot", "overcame", "undertook",
    "left", "sat", "laid", "slept", "heard", "bore", "woke", "ate", "drank", "sang", "rang", "sank", "swam", "bent",
    "lent", "bled", "sped", "wept", "crept", "knelt", "dug", "clung", "slid", "spun", "stuck", "stung", "swung",
    "strove", "forgave", "forbade", "overtook", "overthrew", "mistook", "misled", "upheld", "withheld", "withstood",
    "oversaw", "arose", "awoke", "shone", "sprang", "underwent", "foresaw",
})


def _past_like(word: str) -> bool:
    """A lower-case word that reads as a past tense: "-ed" or an irregular past ("met", "won")."""
    return word.endswith("ed") or word in _IRREGULAR_PAST


_TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "weekend",
    "month", "year", "night", "morning", "afternoon", "evening", "day", "today", "yesterday", "tonight",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "spring", "summer", "autumn", "fall", "winter", "earlier", "last", "this", "next", "recently",
    "past",
}
_MEDIUM_WORDS = {
    "statement", "interview", "tweet", "tweets", "letter", "speech", "post", "posts", "message", "email",
    "e-mail", "op-ed", "column", "essay", "book", "memo", "report", "video", "address", "remarks",
    "conference", "call", "briefing", "hearing", "rally", "debate", "appearance", "testimony", "release",
    "note", "blog", "radio", "television", "podcast", "documentary", "town", "meeting", "session",
    "announcement", "filing", "lawsuit", "complaint", "broadcast", "show", "event", "facebook", "twitter",
    "instagram", "article", "editorial", "commentary", "press", "news", "phone", "telephone",
}
_TITLES_ABBR = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt",
                "adm", "prof", "rev", "st", "jr", "sr", "pres", "amb", "atty", "supt", "insp", "cmdr",
                "messrs", "hon", "u.s", "no", "del", "sens", "reps", "govs", "cpl", "pvt", "brig", "cdr",
                "mt", "ft", "fr", "det", "lt.gen", "corp", "inc", "co", "ltd", "calif", "fla", "ariz",
                "conn", "mass", "mich", "minn", "penn", "tenn", "wis", "va", "md", "ky", "ill", "ind", "ga",
                "la", "mo", "nev", "okla", "ore", "tex", "wash", "colo", "ala", "ark", "kan", "neb", "miss",
                "vt", "n.y", "n.j", "n.h", "d.c", "s.c", "n.c"}
# verbs that stand before their speaker in English ('“...,” said Smith'; not '“...” blasted Lee as')
_INVERTIBLE = {"say", "add", "write", "ask", "continue", "explain", "note", "recall", "reply", "respond",
               "answer", "insist", "argue", "observe", "warn", "quip", "joke", "counter", "conclude", "declare",
               "exclaim", "announce", "remark", "comment", "suggest", "predict", "recount", "concede",
               "acknowledge", "admit", "claim", "boast", "complain", "shout", "yell", "scream", "read", "post",
               "tweet", "state", "tell", "muse", "retort", "interject", "agree", "chime in", "offer", "begin",
               "cry", "whisper", "mutter", "lament", "emphasize", "stress", "caution", "report", "quote",
               "according to", "go on", "went on", "pointed out", "point out", "proclaim", "assert", "affirm",
               "maintain", "contend", "allege", "speculate", "wonder", "reason", "reiterate", "repeat", "echo"}
# addressees that follow "told" and never are the speaker
_PUNCT_OPEN = set("([{")
_DASHES = {"—", "–", "-", "--"}
_QUOTE_CHARS = set("\"“”«»„‘’‹›'")
# a quotation of at most this many tokens of capitalised words is a name in quotes ("Sunday Night Revue"),
# not a quotation; origin unknown, predates this refactor (see the thresholds note in ._direct)
_NAME_QUOTE_MAX = 5
_NEWLINE_RE = re.compile(r"\n")
_SENT_OPENERS = {".", "!", "?", ":", ";", "\"", "“", "”", "''", "—", "–", "-", "(", "«", "»", "„", "‘", "’"}
_OBJECT_PRONOUNS = {"him", "her", "it", "them", "us", "me", "you", "this", "that"}
_CLAUSE_BREAKS = {",", ";", "and", "but", "—", "–"}
_SUBORDINATORS = {"although", "though", "while", "whereas", "because", "as", "when", "after", "before", "if",
                  "since", "but", "and", "yet", "so"}
_PASSIVE_BLOCKED = {"know", "see", "consider", "view", "regard", "like", "love", "hate", "support", "back",
                    "favor", "favour", "prefer", "decide", "plan", "seek", "understand", "recognize", "recognise",
                    "realize", "realise", "call", "label", "brand", "term", "dub", "describe", "quote", "cite",
                    "find", "show", "read", "post", "report", "ask", "tell", "inform", "remind", "charge",
                    "accuse", "attack", "criticize", "criticise", "question", "challenge", "name", "thank",
                    "allow", "oppose", "reject", "endorse", "praise", "blame", "dismiss", "mock", "offer", "list",
                    "portray", "characterize", "liken", "echo"}
_LEADING_SKIP = {"and", "but", "then", "so", "yet", "also", "meanwhile", "still", "now", "later", "instead",
                 "however", "indeed", "again", "or", "nor", "plus", "thus", "even"}
_TR_SUBJECT_NOUNS = {"bakanlık", "bakanlığı", "yetkili", "yetkilisi", "muhalefet", "hükümet",
                     "kurum", "ekonomist", "analist", "uzman"}
_NAME_PARTICLES = {"van", "von", "de", "da", "di", "du", "del", "della", "der", "den", "ter", "ten", "bin", "ibn",
                   "al", "el", "la", "le", "dos", "das", "abu"}
_POSSESSIVE_PRON = {"his", "her", "their", "its", "его", "ее", "её", "их"}
_LEADING_ADVERBS = {"earlier", "later", "meanwhile", "previously", "recently", "separately", "also", "however",
                    "today", "yesterday", "now", "then", "still", "again", "instead", "ранее", "позднее", "также",
                    "ayrıca", "öte", "ise", "тем", "самым", "тем самым"}
_SPEAKING_PRONOUNS = {"he", "she", "they", "we", "i", "you", "who", "он", "она", "они", "мы", "o", "onlar"}
def _read_speaker_nouns() -> frozenset[str]:
    """The word lists of resources/speaker_nouns.yaml (English): role nouns, common nouns for people and
    bodies of people that can speak ("official", "union", "nurses")."""
    raw = load_yaml(resources.files("mediakit.resources").joinpath("speaker_nouns.yaml").read_text("utf-8"))
    return frozenset(str(w).lower() for words in (raw.get("en") or {}).values() for w in words or ())


# collective nouns and nouns for people of resources/speaker_nouns.yaml: subjects that can speak
_SPEAKER_NOUNS = _read_speaker_nouns()
_CLAUSE_OPENERS = {"that", "whether", "if", "how", "why", "what", "when", "where", "who", "which", "to"}
_CONTRACTED = {"'s", "'re", "'ve", "'d", "'ll", "’s", "’re", "’ve", "’d", "’ll"}
_NOT_PLURAL = {"his", "this", "its", "was", "is", "has", "does", "us", "thus", "yes", "as", "plus", "always",
               "perhaps", "whereas", "unless", "less", "across", "news", "politics", "series", "vs"}
# -s forms that are mostly plural nouns ("TV shows", "his comments"): verbs only after a name or pronoun
_NOUNISH = {"show", "comment", "note", "report", "claim", "call", "plan", "state", "brand", "detail",
            "question", "charge", "demand", "fear", "doubt", "view", "support", "back", "quote", "post",
            "tweet", "remark", "answer", "reply", "promise", "pledge", "attack", "challenge", "protest",
            "concern", "threat", "warning", "outline", "project", "estimate", "forecast", "label", "term",
            "object", "counter", "find", "like", "wish", "need", "respond", "thank", "dispute"}
# lemmas that are verbs only after these words (or an auxiliary/negation)
_RESTRICTED = {
    "like": {"i", "we", "you", "they", "who", "would", "'d", "to"},
    "state": {"to"},
    "back": set(),
    "object": {"to"},
    "project": {"to"},
}

# heads of noun phrases that cannot speak: prices, indices, markets, quantities ("the index declined 1.2 per
# cent to ...", "shares fell", "the dollar showed"); a frame with such a subject is no attribution. A share
# of people speaks ("59 percent said"), so "percent" is not among them.
_NON_SPEAKER_HEADS = {
    "index", "indices", "indexes", "market", "markets", "price", "prices", "share", "shares", "stock", "stocks",
    "bond", "bonds", "yield", "yields", "currency", "currencies", "dollar", "euro", "pound", "yen", "rate",
    "rates", "inflation", "economy", "gdp", "output", "exports", "imports", "sales", "revenue", "revenues",
    "profit", "profits", "earnings", "oil", "gold", "crude", "futures", "level", "levels", "average",
    "amount", "value", "weather", "temperature", "temperatures", "turnout", "margin", "lead", "gap", "deficit",
    "debt", "budget", "spending", "cost", "costs", "fee", "fees", "salary", "wages", "trading", "volume",
}
# heads of what a person or body said or did in public: "Rusk's news conference" is Rusk speaking, and so is
# "Lee's aggressive attack on Roe" (a speech act named by its noun), never the person it is about
_STATEMENT_HEADS = frozenset({
    "conference", "speech", "speeches", "statement", "statements", "remarks", "comment", "comments", "interview",
    "announcement", "testimony", "op-ed", "tweet", "tweets", "post", "posts", "release", "letter", "memo",
    "article", "column", "email", "e-mail", "emails", "e-mails", "account", "response", "words", "message",
    "video", "ad", "address", "briefing", "call", "appearance", "rally", "report", "book", "blog", "essay",
    "reaction", "attack", "criticism", "critique", "missive", "rebuttal", "retort", "reply", "answer",
    "praise", "warning", "plea", "accusation", "complaint", "assessment", "prediction",
    "pledge", "promise", "vow", "admission", "apology", "denial", "endorsement", "rebuke",
    "condemnation", "tribute", "argument", "claim", "assertion", "remark", "note", "request", "demand",
    "proposal", "suggestion", "editorial", "broadside", "swipe", "jab"})
# words opening an indirect question ("asked whether ...", "split on how ...")
_QUESTION_WORDS = frozenset({"whether", "if", "how", "what", "who", "whom", "why", "when", "where", "which"})
# heads of noun phrases that report evidence: "the poll showed", "the study found"
_DOCUMENT_NOUNS = {
    "poll", "polls", "polling", "survey", "surveys", "study", "studies", "report", "reports", "data",
    "figures", "statistics", "records", "record", "documents", "document", "emails", "email", "letter",
    "letters", "memo", "memos", "analysis", "analyses", "results", "research", "filing", "filings", "census",
    "tally", "count", "review", "investigation", "audit", "footage", "video", "videos", "photos", "photo",
    "images", "pictures", "transcript", "transcripts", "estimates", "projections", "evidence", "tests",
    "test", "experiment", "book", "paper", "papers", "article", "articles", "timeline", "map", "chart",
    "exit", "numbers", "returns", "model", "models", "forecast", "forecasts", "index", "tapes", "logs",
}
# words opening an object that is an appearance, not reported content ("has shown little daylight",
# "showed no sign of", "shown signs of strain")
_APPEARANCE_OBJECTS = {"little", "no", "any", "signs", "sign", "some", "much", "few", "great", "enough",
                       "up", "off", "interest", "restraint", "strength", "weakness", "resilience"}

# units of time ("two weeks ago", "a few days later"); set by hand
_TIME_UNITS = frozenset({"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
                         "year", "years", "decade", "decades"})
# the markers of an interview's answer lines ("A: ...") and of its question lines ("Q: ..."); set by hand
_ANSWER_MARKERS = frozenset({"A", "ANSWER"})
_QUESTION_MARKERS = frozenset({"Q", "QUESTION"})
