"""Outlet boilerplate: passages an outlet repeats across its articles, and the user's own rules.

Both are removed from ``text`` at load time, before any offset exists, and kept in the ``boilerplate``
column, so nothing is lost silently and offsets never shift afterwards.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from .._yaml import load_yaml
from ..text import _SENT_END_RE, sentence_spans
from ._base import BOILERPLATE_FILE, CorpusError

# A passage is an outlet's boilerplate when it is repeated in at least MIN_ARTICLES of that outlet's articles
# AND in at least MIN_SHARE of them, and has at least MIN_WORDS words (a sentence or a run of sentences).
# A sentence counts as repeated when its words (whitespace normalised) recur, or when at least NEAR_SHARE of
# its word NEAR_N-grams recur as often (a note reworded between versions: "X is a liar" / "X lies and is a
# liar"). MIN_SHARE was 0.2 until PolNeAR train (real 2016 news, 120 articles per outlet) showed a note in 18 of
# one outlet's 120 articles (15%, in several wordings) left in place; 0.025 needs 3 of 120, and grows with
# the outlet so that a few updated versions of one story in a large corpus are not its boilerplate.
# NEAR_N and NEAR_SHARE: chosen by reading what they add on PolNeAR train (in-sample; no labelled boilerplate).
MIN_ARTICLES = 3
MIN_SHARE = 0.025
MIN_WORDS = 8
MAX_ARTICLE_SHARE = 0.8  # learned passages never take (nearly) a whole article
NEAR_N = 4
NEAR_SHARE = 0.7
NEAR_AFFIX = 5  # near-copy candidates share their first and last 5 words
NEAR_WORDS = 16  # near-copies only of long sentences: "X did not respond to a request for comment." is no note
SEPARATOR = " | "  # between the passages of one article in the `boilerplate` column
_MAX_RULES_BYTES = 1_000_000

_NEWLINES = re.compile(r"\n\s*\n(?:\s*\n)*")
_CUT_CHARS = (".", "!", "?", "…", "\n")  # the first characters of _SENT_END_RE's matches
_WINDOW = 200  # characters read around a cut for its NEAR_AFFIX words (more when they are longer)


def _key(sentence: str) -> str:
    return " ".join(sentence.split())


def learn_spans(texts: Sequence[str], outlets: Sequence[str], *, min_articles: int = MIN_ARTICLES,
                min_share: float = MIN_SHARE, min_words: int = MIN_WORDS) -> list[list[tuple[int, int]]]:
    """Spans ``(start, end)`` of each text that are its outlet's boilerplate, learned from all the texts.

    A sentence counts when it occurs in at least ``min_articles`` of its outlet's articles and in at least
    ``min_share`` of them, verbatim or reworded a little (:data:`NEAR_SHARE` of its word :data:`NEAR_N`-grams
    do); adjacent such sentences form one passage, kept when it has ``min_words`` words. An article whose
    passages would cover more than :data:`MAX_ARTICLE_SHARE` of it keeps them: a story told from a template is
    the article, not furniture around it.

    >>> note = "Editor's note: this story was updated with the council's vote on Tuesday."
    >>> texts = [f"Story {i} tells how the council voted for the bridge. {note}" for i in range(4)] + ["No note."]
    >>> spans = learn_spans(texts, ["Post"] * 5)
    >>> [[texts[i][s:e] for s, e in sp] for i, sp in enumerate(spans)][0], spans[4]
    (["Editor's note: this story was updated with the council's vote on Tuesday."], [])
    """
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for i, outlet in enumerate(outlets):
        by_outlet[outlet].append(i)
    out: list[list[tuple[int, int]]] = [[] for _ in texts]
    sentences: dict[int, list[tuple[int, int]]] = {}
    for members in by_outlet.values():
        need = max(min_articles, math.ceil(min_share * len(members)))
        if len(members) < need:
            continue
        # Only articles that share a _cue with `need` of the outlet's articles can hold or count a repeated
        # sentence (see _cues); the others (most) are never split into sentences.
        cues = {i: _cues(texts[i]) for i in members}
        cue_df = _doc_freq(cues, lambda cue: (cue,))
        members = [i for i in members if any(cue_df[c] >= need for c in cues[i])]
        for i in members:
            sentences[i] = sentence_spans(texts[i])
        keys = {i: [_key(texts[i][s:e]) for s, e in sentences[i]] for i in members}
        common = _repeated(keys, need)
        if not common:
            continue
        for i in members:
            run: list[tuple[int, int]] = []
            for (s, e), key in zip([*sentences[i], (-1, -1)], [*keys[i], None], strict=True):  # sentinel
                if key is not None and key in common:
                    run.append((s, e))
                    continue
                if run and len(texts[i][run[0][0]:run[-1][1]].split()) >= min_words:
                    out[i].append((run[0][0], run[-1][1]))
                run = []
            if sum(e - s for s, e in out[i]) > MAX_ARTICLE_SHARE * len(texts[i].strip()):
                out[i] = []  # (nearly) the whole article: a templated story ("bridge number 4 ..."), not furniture
    return out


def _cues(text: str) -> set[str]:
    """What an article shares with every article holding one of its sentences or the first or last
    NEAR_AFFIX words of one. Cut the text at every place sentence_spans may end a sentence (a match of its
    pattern): each sentence is a run of the pieces, cut alike in every article holding it. The cues are the
    NEAR_AFFIX words after each cut ("<"), those before it (">") and each piece of fewer words ("=").
    Whatever _repeated counts (a sentence, the ends of a long one) and finds in ``need`` articles gives
    all of them a cue that ``need`` articles have, so the articles without such a cue can be left out.

    >>> sorted(_cues("Mr. Li spoke. Then all of them left the hall."))  # doctest: +NORMALIZE_WHITESPACE
    ['<li spoke. then all of', '<mr. li spoke. then all', '<then all of them left', '=Li spoke.', '=Mr.',
     '>mr.', '>mr. li spoke.', '>of them left the hall.']
    """
    hits = []
    for c in _CUT_CHARS:  # where a match of _SENT_END_RE can start, found by memchr
        at = text.find(c)
        while at >= 0:
            hits.append(at)
            at = text.find(c, at + 1)
    hits.sort()
    cues: set[str] = set()
    start = done = 0
    for at in [*hits, -1]:  # -1: the end of the text
        if at >= 0:
            if at < done or (m := _SENT_END_RE.match(text, at)) is None:
                continue  # inside the previous match (finditer goes on after it), or no sentence end here
            end, done = at if text[at] == "\n" else m.end(), m.end()
        else:
            end = len(text)
        words = text[start:end].split(None, NEAR_AFFIX)
        if words:
            cues.add("<" + _words_from(text, start, words))
            cues.add(">" + _words_before(text, end))
            if len(words) < NEAR_AFFIX:
                cues.add("=" + " ".join(words))
        start = done
    return cues


def _words_from(text: str, at: int, piece_words: list[str]) -> str:
    """The first NEAR_AFFIX words of ``text[at:]`` joined by single spaces, lower-cased (``piece_words``: the
    piece at ``at`` split with maxsplit NEAR_AFFIX); read from a window when it surely holds them."""
    if len(piece_words) > NEAR_AFFIX:
        words = piece_words
    else:
        words = text[at:at + _WINDOW].split(None, NEAR_AFFIX)
        if len(words) <= NEAR_AFFIX and at + _WINDOW < len(text):  # the window may cut the last word
            words = text[at:].split(None, NEAR_AFFIX)
    return " ".join(words[:NEAR_AFFIX]).lower()


def _words_before(text: str, at: int) -> str:
    """The last NEAR_AFFIX words of ``text[:at]`` joined by single spaces, lower-cased."""
    low = max(at - _WINDOW, 0)
    words = text[low:at].rsplit(None, NEAR_AFFIX)
    if len(words) <= NEAR_AFFIX and low > 0:  # the window may cut the first word
        words = text[:at].rsplit(None, NEAR_AFFIX)
    return " ".join(words[-NEAR_AFFIX:]).lower()


def _repeated(keys: dict[int, list[str]], need: int) -> set[str]:
    """Sentence keys of one outlet's articles (article -> keys) that recur in ``need`` articles or more,
    verbatim or as near-copies (sentences of NEAR_WORDS words or more whose word NEAR_N-grams recur in
    ``need`` articles for NEAR_SHARE of them).

    >>> note = "Editor's note: the paper's owner has given money to {} and to the campaign of the mayor."
    >>> k = {0: [note.format("his party")], 1: [note.format("his rival")], 2: [note.format("his party")],
    ...      3: [note.format("his party"), "Rain fell."]}
    >>> [key[43:61] for key in sorted(_repeated(k, 3))]
    ['money to his party', 'money to his rival']
    """
    df = _doc_freq(keys, lambda key: (key,))
    common = {k for k, n in df.items() if n >= need}
    # Near-copies. Candidates: long sentences whose first AND last NEAR_AFFIX words open and close long sentences
    # in ``need`` articles (cheap: two strings per sentence); a note reworded in the middle keeps both ends, an
    # outlet's stock attribution ("X, a specialist at Y, said <what>") does not. Only their n-grams are counted.
    ends = {k: ("<" + " ".join(k.split(" ", NEAR_AFFIX)[:NEAR_AFFIX]).lower(),
                ">" + " ".join(k.rsplit(" ", NEAR_AFFIX)[1:]).lower())
            for k in df if k.count(" ") + 1 >= NEAR_WORDS}   # keys have single spaces (_key)
    ends_df = _doc_freq(keys, lambda key: ends.get(key, ()))
    candidates = {k for k, (head, tail) in ends.items() if ends_df[head] >= need and ends_df[tail] >= need}
    if not candidates - common:
        return common
    lowered = {k: k.lower().split(" ") for k in candidates}
    grams = {k: set(zip(*(lowered[k][j:] for j in range(NEAR_N)))) for k in candidates}
    grams_df = _doc_freq(keys, lambda key: grams.get(key, ()))
    for key in candidates - common:
        gs = grams[key]
        if sum(grams_df[g] >= need for g in gs) >= NEAR_SHARE * len(gs):
            common.add(key)
    return common


def _doc_freq(keys: dict[int, list[str]], features: Callable[[str], Iterable[Hashable]]) -> dict[Hashable, int]:
    """In how many articles each feature occurs; ``features(key)`` gives a sentence key's features.

    >>> sorted(_doc_freq({0: ["a b", "a b"], 1: ["a c"]}, lambda key: key.split()).items())
    [('a', 2), ('b', 1), ('c', 1)]
    """
    df: dict[Hashable, int] = defaultdict(int)
    for article_keys in keys.values():
        seen: set[Hashable] = set()
        for key in set(article_keys):
            seen.update(features(key))
        for feature in seen:
            df[feature] += 1
    return df


def compile_rules(rules: Sequence[str | re.Pattern[str]], *, where: str = "boilerplate") -> list[re.Pattern[str]]:
    """User rules as patterns: a string is literal text (any run of spaces matches any whitespace), a string
    starting with ``re:`` or a compiled pattern is a regular expression.

    >>> [p.pattern for p in compile_rules(["Sign up  now!", "re:^Posted \\\\d+ hours ago"])]
    ['Sign\\\\s+up\\\\s+now!', '^Posted \\\\d+ hours ago']
    """
    out = []
    for rule in rules:
        if isinstance(rule, re.Pattern):
            out.append(rule)
        elif isinstance(rule, str) and rule.startswith("re:"):
            try:
                out.append(re.compile(rule[3:], re.M))
            except re.error as exc:
                raise CorpusError(f"{where}: rule {rule!r} is not a valid regular expression ({exc}); "
                                  "fix it, or drop the 're:' prefix to match the text literally") from exc
        elif isinstance(rule, str) and rule.strip():
            out.append(re.compile(r"\s+".join(re.escape(w) for w in rule.split())))
        else:
            raise CorpusError(f"{where}: rule {rule!r} is not a non-empty string or a compiled pattern; "
                              "give literal text, 're:<regex>' or re.compile(...)")
    return out


def read_rules_file(folder: Path) -> list[str]:
    """The ``patterns:`` of a corpus folder's ``boilerplate.yaml`` (none when the file is absent)."""
    path = folder / BOILERPLATE_FILE
    if not path.is_file():
        return []
    hint = "write it as 'patterns:' followed by '- text' lines (a line starting 're:' is a regex)"
    try:
        if path.stat().st_size > _MAX_RULES_BYTES:
            raise CorpusError(f"{path}: larger than {_MAX_RULES_BYTES:,} bytes; {hint}")
        spec: Any = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path}: cannot be read ({str(exc).splitlines()[0]}); {hint}") from exc
    patterns = spec.get("patterns") if isinstance(spec, dict) else None
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise CorpusError(f"{path}: no list of strings under 'patterns:'; {hint}")
    return patterns


def rule_spans(text: str, rules: Sequence[re.Pattern[str]]) -> list[tuple[int, int]]:
    """Spans of ``text`` matched by any rule (empty matches ignored)."""
    return [(m.start(), m.end()) for rx in rules for m in rx.finditer(text) if m.end() > m.start()]


def remove_spans(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, list[str]]:
    """``text`` without ``spans`` (overlapping ones merged), and the removed passages in text order.

    A passage that filled its paragraph takes the paragraph break with it; one inside a paragraph leaves
    one space.

    >>> remove_spans("Lead. Note: read us.\\n\\nBody here.\\n\\nNote: read us.", [(6, 20), (34, 48)])
    ('Lead.\\n\\nBody here.', ['Note: read us.', 'Note: read us.'])
    """
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    if not merged:
        return text, []
    pieces, removed, pos = [], [], 0
    for s, e in merged:
        removed.append(_key(text[s:e]))
        pieces.append(text[pos:s])
        pos = e
    pieces.append(text[pos:])
    out = pieces[0]
    for piece in pieces[1:]:
        left, right = out.rstrip(" \t"), piece.lstrip(" \t")
        joint = "" if not left or not right or left.endswith("\n") or right.startswith("\n") else " "
        out = left + joint + right
    lines = "\n".join(ln.rstrip(" \t") for ln in out.split("\n"))
    return _NEWLINES.sub("\n\n", lines).strip(), removed


def join_removed(passages: Sequence[str]) -> str:
    return SEPARATOR.join(passages)
