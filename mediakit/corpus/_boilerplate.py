"""Credit lines, web furniture, leftover markup and database markers: removed from a body at load time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .._yaml import load_yaml


@dataclass(frozen=True)
class _Rules:
    lines: list[tuple[str, str, re.Pattern[str]]]
    line_gate: re.Pattern[str]  # matches where any of ``lines`` does (their alternation, groups unnamed)
    leads: list[re.Pattern[str]]
    markers: list[re.Pattern[str]]
    trailing: list[tuple[re.Pattern[str], re.Pattern[str] | None]]  # (rule, the rule after its leading \s*)
    lead_markers: re.Pattern[str]
    lead_markers_at_line_start: bool  # every match of lead_markers starts a line
    inline_credits: re.Pattern[str]
    inline_trigger: list[re.Pattern[str]]  # what every inline credit contains (the alternatives apart)
    label_line: re.Pattern[str]
    markup: list[tuple[re.Pattern[str], str]]  # (pattern, replacement), applied in order


@lru_cache(maxsize=1)
def _boilerplate_rules() -> _Rules:
    spec = load_yaml(resources.files("mediakit.resources").joinpath("boilerplate.yaml").read_text("utf-8"))
    mk = spec["markup"]

    def names(key: str) -> str:
        return "|".join(re.escape(n) for n in mk[key])

    markup = [
        # <script>...</script>: the tag and what is inside
        (re.compile(rf"<\s*({names('drop_with_content')})\b[^<>]*>.*?<\s*/\s*\1\s*>", re.I | re.S), "\n\n"),
        # [embed]...[/embed], then a lone [embed ...] shortcode
        (re.compile(rf"\[({names('shortcodes')})\b[^\[\]]*\].*?\[/\1\]", re.I | re.S), "\n\n"),
        (re.compile(rf"\[/?(?:{names('shortcodes')})\b[^\[\]]*\]", re.I), "\n\n"),
        (re.compile(rf"<\s*/?\s*(?:{names('drop_with_content')})\b[^<>]*>", re.I), "\n\n"),
        (re.compile(rf"<\s*/?\s*(?:{names('block')})\b[^<>]*>", re.I), "\n\n"),
        (re.compile(rf"<\s*/?\s*(?:{names('inline')})\b[^<>]*>", re.I), ""),
    ]
    return _Rules(
        lines=[(r["name"], r["action"], re.compile(r["pattern"], re.I)) for r in spec["line_rules"]],
        line_gate=re.compile("|".join(f"(?:{re.sub(r'[(][?]P<[a-z_]+>', '(?:', r['pattern'])})"
                                      for r in spec["line_rules"]), re.I),
        leads=[re.compile(r["pattern"]) for r in spec["lead_rules"]],
        markers=[re.compile(p, re.M) for p in spec["wire_markers"]],
        trailing=[(re.compile(r["pattern"], re.I), _after_leading_space(r["pattern"], re.I))
                  for r in spec["trailing_rules"]],
        lead_markers=re.compile("|".join(f"(?:{p})" for p in spec["lead_markers"]), re.M),
        lead_markers_at_line_start=all(b.startswith("^") for p in spec["lead_markers"] for b in _alternatives(p)),
        inline_credits=re.compile("|".join(f"(?:{p})" for p in spec["inline_credits"])),
        inline_trigger=[re.compile(b) for b in _alternatives(spec["inline_credit_trigger"])],
        label_line=re.compile(spec["label_lines"]),
        markup=markup,
    )


# Speed without a change of result. Python's re finds a literal first character fast, but tries every position
# for a pattern opening with an alternation (a|b), a "^" (with re.M) or "\s*"; the helpers below find the
# same matches: each alternative on its own, only line starts, or the rest of the pattern and then the
# spaces before it.
def _alternatives(pattern: str) -> list[str]:
    r"""The top-level alternatives of a regular expression; the whole pattern when splitting could change it
    (inline flags, back-references) or it has none.

    >>> _alternatives(r"\((?:AP|AFP)\s*/|Getty Images"), _alternatives("(?i)a|b")
    (['\\((?:AP|AFP)\\s*/', 'Getty Images'], ['(?i)a|b'])
    """
    if re.search(r"\(\?[aiLmsux-]|\(\?P=|\\[1-9]|\\g<", pattern):
        return [pattern]
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class, i = True, i + 1
            i += pattern[i:i + 1] == "^"
            i += pattern[i:i + 1] == "]"  # a "]" first in a class is itself
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    try:
        for p in parts:
            re.compile(p)
    except re.error:
        return [pattern]
    return parts


def _after_leading_space(pattern: str, flags: int) -> re.Pattern[str] | None:
    r"""The pattern without a leading ``\s*`` (None when it has none, or what follows could change its meaning)."""
    rest = pattern[3:]
    if not pattern.startswith(r"\s*") or rest.startswith(("*", "+", "?", "{")) or flags & re.ASCII:
        return None
    try:
        return re.compile(rest, flags)
    except re.error:
        return None


def _leftmost_start(rx: re.Pattern[str], rest: re.Pattern[str] | None, text: str) -> int:
    r"""Where ``rx.search(text)`` starts, or -1. ``rest`` is ``rx`` without its leading ``\s*``: where it first
    matches, ``rx`` matches from the start of the spaces before, and nowhere earlier.

    >>> rx = re.compile(r"\s*\(by [a-z]+\)$")
    >>> text = "Text. \n (by ann)"
    >>> _leftmost_start(rx, _after_leading_space(rx.pattern, 0), text), rx.search(text).start()
    (5, 5)
    """
    if rest is None:
        m = rx.search(text)
        return m.start() if m else -1
    m = rest.search(text)
    if m is None:
        return -1
    at = m.start()
    while at > 0 and text[at - 1].isspace():  # \s in a str pattern is str.isspace()
        at -= 1
    return at


def _any_line_starts(rx: re.Pattern[str], text: str) -> bool:
    r"""Whether ``rx`` (whose matches all start a line) matches anywhere in ``text``: tried at line starts only.

    >>> _any_line_starts(re.compile("^B", re.M), "a B\nB"), _any_line_starts(re.compile("^B", re.M), "a B")
    (True, False)
    """
    at = 0
    while at >= 0:
        if rx.match(text, at):
            return True
        at = text.find("\n", at)
        at = at + 1 if at >= 0 else -1
    return False


_SPACES = re.compile(r"[ \t]{2,}")


def strip_markup(text: str) -> str:
    r"""Remove markup left in plain text: tags, embedded-tweet markup (its text stays), shortcodes, scripts.

    >>> strip_markup('He wrote:\n<tweet id="7">We will win.</tweet>\n<p>Then <b>he</b> left.<br/></p>'
    ...              '[embed]https://x.example/v[/embed]')
    'He wrote:\n\nWe will win.\n\nThen he left.'
    """
    rules = _boilerplate_rules()
    if "<" not in text and "[" not in text:
        return text
    out = text
    for rx, repl in rules.markup:
        out = rx.sub(repl, out)
    if out == text:
        return text
    lines = [_SPACES.sub(" ", ln).strip() for ln in out.split("\n")]
    return _MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()


_MANY_NEWLINES = re.compile(r"\n\s*\n(?:\s*\n)+")
_HEADLINE_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")


def strip_boilerplate(text: str) -> tuple[str, str, list[str]]:
    """Remove credit lines, web furniture, leftover markup and database markers from a normalised body.

    Returns ``(text, wire, credits)``: credit lines go to ``credits``, an agency named in a dateline or a
    credit to ``wire``; markup, share buttons and database markers ("ABSTRACT.", "FULL TEXT.", "Copyright
    ... All rights reserved.") are dropped. The rules are language data in ``resources/boilerplate.yaml``.

    >>> strip_boilerplate("BERLIN (Reuters) - Germany said no.\\n\\nPhoto: A. B. / dpa\\n\\nShare this article")
    ('Germany said no.', 'Reuters', ['BERLIN (Reuters) -', 'Photo: A. B. / dpa'])
    >>> strip_boilerplate("FULL TEXT. Rates rose. (Additional reporting by A. Li; Editing by B. Ode)")
    ('Rates rose.', '', ['(Additional reporting by A. Li; Editing by B. Ode)'])
    >>> strip_boilerplate("Mayor wins.\\n\\nNEW YORK, Nov. 19 (UPI) — The mayor won.")
    ('Mayor wins.\\n\\nThe mayor won.', 'UPI', ['NEW YORK, Nov. 19 (UPI) —'])
    >>> strip_boilerplate("LETTERS.\\n\\n2:10 p.m.:\\n\\nThe bank spoke.\\n\\nNATO agreed.")
    ('The bank spoke.\\n\\nNATO agreed.', '', [])
    >>> strip_boilerplate("Rates rose (AP Photo/A. Li).\\n\\n___.\\n\\nB. ODE/AFP via Getty ImagesThe bank spoke.")
    ('Rates rose.\\n\\nB. ODEThe bank spoke.', '', ['(AP Photo/A. Li)', '/AFP via Getty Images'])
    """
    rules = _boilerplate_rules()
    text = strip_markup(text)
    if (_any_line_starts(rules.lead_markers, text) if rules.lead_markers_at_line_start
            else rules.lead_markers.search(text)):  # "ABSTRACT.", "FULL TEXT.", "Copyright ... All rights reserved."
        text = rules.lead_markers.sub("", text)
    wire = ""
    credits: list[str] = []
    # "(AP Photo/Jane Doe)", "Jane Doe via Getty Images": removed in one pass, each kept in credits
    if any(rx.search(text) for rx in rules.inline_trigger):
        text = rules.inline_credits.sub(lambda m: credits.append(m.group().strip()) or "", text)
    kept: list[str] = []
    for line in text.split("\n"):
        s = line.strip()
        rule = None
        if s and rules.line_gate.match(s):  # one match for most lines instead of one per rule
            rule = next(((a, m) for _, a, rx in rules.lines if (m := rx.match(s))), None)
        if rule is None and s and rules.label_line.match(s):
            continue  # "LETTERS.", "ANALYSIS:": a section label
        if rule is None:
            kept.append(line)
            continue
        action, m = rule
        if action in ("credit", "wire"):
            credits.append(s)
        if action == "wire" and not wire:
            wire = m.group("wire").strip()
    # Trailing tag lines (section tags, group labels) after the last sentence are not article text.
    # No library does this; the rule is: short lines without sentence punctuation at the very end.
    tags: list[str] = []
    while kept and (not kept[-1].strip() or (len(kept[-1].split()) <= 8 and not _SENTENCE_END.search(kept[-1].strip()))):
        if kept[-1].strip():
            tags.append(kept[-1].strip())
        kept.pop()
    credits.extend(reversed(tags))
    body = _MANY_NEWLINES.sub("\n\n", "\n".join(kept)).strip()
    for rx, rest in rules.trailing:  # "... he said. (Additional reporting by A; Editing by B)"
        at = _leftmost_start(rx, rest, body)
        if at > 0:
            credits.append(body[at:].strip())
            body = body[:at].rstrip()
    # A wire dateline opens the first paragraph, or the second when the first is a headline (the title
    # kept in the text: one line of at most _HEADLINE_WORDS words).
    head = body.find("\n\n")
    starts = [0] + ([head + 2] if head > 0 and len(body[:head].split()) <= _HEADLINE_WORDS else [])
    for at in starts:
        m = next((m for rx in rules.leads if (m := rx.match(body, at))), None)
        if m:
            wire = wire or m.group("wire").strip()
            credits.insert(0, body[at: m.end()].strip())
            body = body[:at] + body[m.end():]
            break
    if not wire:
        for rx in rules.markers:
            m = rx.search(body[:300])
            if m:
                wire = m.group("wire").strip()
                break
    return body, wire, credits
