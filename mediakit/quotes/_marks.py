"""Find the spans of text between quotation marks, in every common style, with exact offsets.

Handles “English”, "straight", ''doubled apostrophes'' (wire and NYT archive style), ``Penn Treebank'',
‘single’, «guillemets», „German/Russian“ and ‹single guillemets›, nesting (“He said ‘no’”), and quotes running over several
paragraphs (the convention of leaving the paragraph open and re-opening the next one with a quote mark).

Written by hand: textacy's quote finder needs a spaCy model and handles only English marks; no library
returns offsets for all these styles.

>>> [(s.start, s.end) for s in find_quotes('He said: “We will go.” Then he left.')]
[(10, 21)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["QuoteSpan", "find_quotes", "OPEN_MARKS", "CLOSE_MARKS"]

OPEN_MARKS = "\"“«„‘‹'"
CLOSE_MARKS = "\"”»“’›'"
# opening mark -> the marks that may close it
_CLOSERS = {
    "“": "”“\"",  # sloppy texts close a curly quote with a second “ or a straight mark
    "„": "“”\"",
    "«": "»",
    "‹": "›",
    "‘": "’‘",
    '"': '"”',
    "''": "''",
    "``": "''",  # Penn Treebank style ``...''
    "'": "'",
    "”": "”\"",  # Swedish/Finnish style ”...” (an opening ” after a space)
    "»": "«",  # Danish/German style »...«
}
_MARK_RE = re.compile(r"''|``|[\"“”«»„‘’‹›']")
# format characters with no width (zero-width space and joiners, word joiner, byte-order mark, soft hyphen):
# a mark after one is read by the character before it ("said \u200b“We ...”")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_PARA_RE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One top-level quotation: ``text[start:end]`` is the quoted content without its marks.

    ``open_start`` and ``close_end`` include the marks. ``closed`` is False when the quote ran to the end
    of its paragraph without a closing mark (and the next paragraph did not continue it).
    ``paragraphs`` > 1 for a quote continued over paragraphs.
    """

    start: int
    end: int
    open_start: int
    close_end: int
    mark: str
    closed: bool = True
    paragraphs: int = 1


def _closes(top: str, mark: str) -> bool:
    """True when ``mark`` may close a quotation opened with ``top``: doubled apostrophes close only with
    doubled ones (the single mark in ''Francis' walls ...'' is an apostrophe)."""
    if top == "''" or mark == "''":
        return top in ("''", "``") and mark == "''"
    return mark in _CLOSERS.get(top, "")


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _can_open(text: str, i: int, n: int, mark: str) -> bool:
    """A mark opens when it follows a space, an opening bracket, a dash, a colon or another mark, and a
    non-space follows it."""
    p = i - 1
    while p >= 0 and text[p] in _INVISIBLE:
        p -= 1
    prev = text[p] if p >= 0 else " "
    nxt = text[i + len(mark)] if i + len(mark) < n else " "
    if nxt.isspace():
        return False
    return prev.isspace() or prev in "([{—–―-:/" or prev in OPEN_MARKS


def _can_close(text: str, i: int, n: int, mark: str) -> bool:
    """A mark closes when a space, punctuation or the end follows it (not a letter: that is an apostrophe)."""
    nxt = text[i + len(mark)] if i + len(mark) < n else " "
    prev = text[i - 1] if i > 0 else " "
    if mark in "’'" and _is_word(nxt):
        return False
    return not (prev.isspace() and _is_word(nxt))


# marks that show a paragraph quotes with other marks, so that its single straight marks are apostrophes
_OTHER_MARKS_RE = re.compile(r"''|``|[\"“”«»„‘’‹›]")


def _single_quote_opens(text: str, i: int, p0: int, p1: int) -> bool:
    """A single straight mark opening a quotation inside a paragraph that has no other quote marks (the
    headline style: "Carla Fenn: 'Tom Lee's fair game.'"): a letter follows it and a later mark in
    the paragraph can close it (not a plural possessive: "the Voss' rally")."""
    if i == p0 or not text[i + 1:i + 2].isalpha() or _OTHER_MARKS_RE.search(text, p0, p1):
        # a paragraph that is only a phrase in single marks is a subheading, not a quotation
        return False
    j = text.find("'", i + 2, p1)
    while j != -1:
        if not text[j - 1].isspace() and (j + 1 >= p1 or not text[j + 1].isalnum()) \
                and not (text[j - 1] == "s" and text[j + 1:j + 2].isspace()):  # "the Voss' rally"
            return True
        j = text.find("'", j + 1, p1)
    return False


def _scan_paragraph(text: str, p0: int, p1: int, carry: str | None) -> tuple[list[list], str | None]:
    """Scan one paragraph. Returns top-level spans as ``[open_start, start, end, close_end, mark, closed]``
    and the mark left open at the paragraph's end (None when all closed).

    ``carry`` is the mark of a quote left open by the previous paragraph: when this paragraph starts with
    an opening mark the quote continues (the caller joins the two), otherwise it is closed there.
    """
    spans: list[list] = []
    stack: list[tuple[str, int]] = []  # (mark, position of the mark)
    skip_to = p0
    for m in _MARK_RE.finditer(text, p0, p1):
        mark, i = m.group(), m.start()
        if i < skip_to:
            continue
        if mark == "''" and text[i + 2:i + 3] == "'" and len(stack) >= 2 and stack[-1][0] == "'" \
                and stack[-2][0] == "''":
            # three apostrophes: an inner single quote and the outer doubled ones close together
            # (''She asked, 'What did he mean?''' Hollis said)
            stack.pop()
            mark, i = "''", i + 1
            skip_to = i + 2
        if stack:
            top, top_pos = stack[-1]
            closes = _closes(top, mark) or top == "''" and mark == "'" and text.find("''", i + 1, p1) == -1
            # (a single mark closes doubled ones only when no doubled mark follows in the paragraph:
            # archive text that lost one of the pair)
            if closes and i > top_pos + len(top) - 1 and _can_close(text, i, p1, mark):
                # a straight mark that could also open a nested quote closes only if it cannot open,
                # or if it matches the innermost open mark (the usual case)
                stack.pop()
                if not stack:
                    spans.append([top_pos, top_pos + len(top), i, i + len(mark), top, True])
                continue
            # a closing mark of an outer quote closes the inner ones left open (sloppy typing)
            if mark not in "'’" and any(mark in _CLOSERS.get(s, "") for s, _ in stack[:-1]) \
                    and _can_close(text, i, p1, mark) and not _can_open(text, i, p1, mark):
                while stack and mark not in _CLOSERS.get(stack[-1][0], ""):
                    stack.pop()
                top, top_pos = stack.pop()
                if not stack:
                    spans.append([top_pos, top_pos + len(top), i, i + len(mark), top, True])
                continue
        # opening marks
        if mark in "’›":
            continue
        if mark == "'":
            # a single straight mark opens only inside another quote (outside it is an apostrophe), or in a
            # paragraph quoting with single marks only (headlines)
            if not _can_open(text, i, p1, mark) or not stack and not _single_quote_opens(text, i, p0, p1):
                continue
        elif mark == "‘":
            if not _can_open(text, i, p1, mark) or text[i + 1 : i + 2].isdigit():  # ‘16 is a year
                continue
        elif mark in "”»":
            # only as an opener after a space (Swedish ”…”, Danish »…«); otherwise a stray closer
            if not _can_open(text, i, p1, mark):
                continue
        elif mark == "``" and text[i + 2:i + 3].isspace():
            continue
        elif mark in "\"''" and not _can_open(text, i, p1, mark) and i != p0:
            # a straight mark that can neither open nor close opens only at the paragraph start
            continue
        stack.append((mark, i))
    left_open = None
    if stack:
        mark, pos = stack[0]
        end = p1
        while end > pos + len(mark) and text[end - 1].isspace():
            end -= 1
        spans.append([pos, pos + len(mark), end, end, mark, False])
        left_open = mark
    return spans, left_open


def find_quotes(text: str) -> list[QuoteSpan]:
    """Top-level quotations in ``text`` (nested ones are inside their parent's span), in text order.

    A quote left open at a paragraph's end continues when the next paragraph opens with a quote mark
    (the print convention for multi-paragraph quotes); the returned span then covers both paragraphs.
    Memoised per text (the analyser and the speakers' typing both ask for an article's quotes); each call
    returns a new list of the (frozen) spans.

    >>> t = "«Мы продолжим», — сказал он. He said, ''It's \\"fine\\" now.''"
    >>> [t[q.start:q.end] for q in find_quotes(t)]
    ['Мы продолжим', 'It\\'s "fine" now.']
    """
    return list(_quotes_of(text))


@lru_cache(maxsize=64)
def _quotes_of(text: str) -> tuple[QuoteSpan, ...]:
    return tuple(_find_quotes(text))


def _find_quotes(text: str) -> list[QuoteSpan]:
    """:func:`find_quotes` computed."""
    out: list[QuoteSpan] = []
    pending: list | None = None  # an open multi-paragraph quote: [open_start, start, end, mark, n_paragraphs]
    for pm in _PARA_RE.finditer(text):
        p0, p1 = pm.start(), pm.end()
        while p0 < p1 and text[p0].isspace():
            p0 += 1
        if p0 >= p1:
            continue
        spans, left_open = _scan_paragraph(text, p0, p1, None)
        if pending is not None:
            first = spans[0] if spans else None
            if first is not None and first[0] == p0:
                # the paragraph re-opens the quote: join
                if first[5]:
                    out.append(QuoteSpan(pending[1], first[2], pending[0], first[3], pending[3], True, pending[4] + 1))
                    spans = spans[1:]
                    pending = None
                else:  # still open: carry on
                    pending = [pending[0], pending[1], first[2], pending[3], pending[4] + 1]
                    continue
            else:
                out.append(QuoteSpan(pending[1], pending[2], pending[0], pending[2], pending[3], False, pending[4]))
                pending = None
        for s in spans:
            if not s[5] and s is spans[-1]:
                pending = [s[0], s[1], s[2], s[4], 1]
            elif s[2] > s[1]:
                out.append(QuoteSpan(s[1], s[2], s[0], s[3], s[4], s[5], 1))
    if pending is not None:
        out.append(QuoteSpan(pending[1], pending[2], pending[0], pending[2], pending[3], False, pending[4]))
    return [q for q in out if q.end > q.start]
