"""Frame codebooks as versioned YAML data: loading, validation and a fast cue matcher.

A codebook is a YAML file (see ``mediakit/resources/codebooks/``) that a researcher can read and edit::

    codebook: s400              # short name
    version: "1.0"
    title: S-400 story frames
    ignore: [Presidency of Defense Industries]   # names masked before matching (they contain cue words)
    frames:
      - name: sanctions_legality
        label: Sanctions and legality
        description: The story as a matter of law, sanctions and their legitimacy.
        cues:
          words: [sanction*, CAATSA, illegitimate]     # one word; * at the end matches any ending
          phrases: [significant transaction]          # consecutive words
          patterns: ['\\bsection\\s+231\\b']          # Python regular expressions (ignoring case)
        negative:                                     # optional: subtract from the score
          words: [sanctuary]
        examples: ["The US imposed sanctions under CAATSA."]

Matching rules (the same for cues, negative cues and ``ignore``):

- words and phrases ignore case and diacritics (``yaptırım*`` matches "Yaptırımlar"), except words written
  in capitals (``NATO``, ``MP``, ``US``), which match capitals only, so "US" never matches "us";
- a trailing ``*`` matches any ending: ``sanction*`` matches sanction, sanctions, sanctioned;
- an apostrophe ending is ignored on both sides, so ``Russia`` matches "Russia's" and ``Türkiye`` matches
  "Türkiye'nin"; hyphens separate words, so ``interoperab*`` matches inside "NATO-interoperable";
- each cue may be a plain string or ``{cue: TEXT, weight: W}``; default weights are 1 for words and
  1.5 for phrases and patterns (more specific), changeable under ``weights:`` at the top of the file.

>>> cb = load_codebook("s400")
>>> cb.frame_names[:3]
['sovereignty', 'alliance', 'security']
>>> cb.match("Washington imposed CAATSA sanctions on a NATO ally.")["sanctions_legality"]
(1.75, ['CAATSA', 'sanction*'])
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .text import fold

__all__ = ["Cue", "Frame", "Codebook", "CodebookError", "load_codebook", "list_codebooks"]

KINDS = ("words", "phrases", "patterns")
DEFAULT_WEIGHTS = {"words": 1.0, "phrases": 1.5, "patterns": 1.5}
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# Tokens for matching: runs of letters/digits, joined by apostrophes (the ending after it is dropped).
_MATCH_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_APOSTROPHE_RE = re.compile(r"['’]")


class CodebookError(ValueError):
    """A codebook file is malformed; the message names the file, the place and the fix."""


@dataclass(frozen=True)
class Cue:
    """One cue of a frame: ``kind`` is words, phrases or patterns; ``text`` as written in the codebook."""

    text: str
    kind: str
    weight: float


@dataclass(frozen=True)
class Frame:
    """A frame: name (snake_case id), label, description, cues, negative cues and example sentences."""

    name: str
    label: str
    description: str
    cues: tuple[Cue, ...]
    negative: tuple[Cue, ...] = ()
    examples: tuple[str, ...] = ()
    residual: bool = False
    # Names of frames in another codebook this frame corresponds to (e.g. s400 -> policy_frames).
    maps_to: tuple[str, ...] = ()


@dataclass
class Codebook:
    """A validated codebook. Use :func:`load_codebook` to make one; :meth:`match` scores one text."""

    name: str
    version: str
    title: str
    description: str
    frames: tuple[Frame, ...]
    ignore: tuple[str, ...] = ()
    min_score: float = 1.0
    languages: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def frame_names(self) -> list[str]:
        return [f.name for f in self.frames]

    def frame(self, name: str) -> Frame:
        for f in self.frames:
            if f.name == name:
                return f
        raise KeyError(f"frame {name!r} is not in codebook {self.name!r}; frames: {', '.join(self.frame_names)}")

    def to_frame(self) -> pd.DataFrame:
        """The cue lexicon as a table: frame, label, kind, cue, weight, negative (for reading and editing)."""
        rows = []
        for f in self.frames:
            for neg, cues in ((False, f.cues), (True, f.negative)):
                rows += [{"frame": f.name, "label": f.label, "kind": c.kind, "cue": c.text, "weight": c.weight,
                          "negative": neg} for c in cues]
        return pd.DataFrame(rows, columns=["frame", "label", "kind", "cue", "weight", "negative"])

    @cached_property
    def matcher(self) -> _Matcher:
        return _Matcher(self)

    def match(self, text: str) -> dict[str, tuple[float, list[str]]]:
        """Score one text: ``{frame: (score, matched cues)}`` for frames with any cue (negatives as ``-cue``).

        >>> load_codebook("s400").match("Talks in Sochi went on.")
        {'diplomacy': (1.0, ['talks'])}
        """
        hits = self.matcher.match_spans(text, [(0, len(text))])[0]
        return {self.frames[i].name: (score, cues) for i, (score, cues) in sorted(hits.items())}

    def __repr__(self) -> str:
        return f"Codebook({self.name!r}, version={self.version!r}, frames={self.frame_names})"


# ---------------------------------------------------------------- loading and validation
def list_codebooks() -> list[str]:
    """Names of the codebooks shipped with mediakit.

    >>> sorted(list_codebooks())
    ['policy_frames', 's400']
    """
    folder = resources.files("mediakit.resources").joinpath("codebooks")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def load_codebook(name_or_path: str | Path | Codebook | Mapping[str, Any]) -> Codebook:
    """Load and validate a codebook: a shipped name (``"s400"``, ``"policy_frames"``), a YAML path or a dict.

    Every problem raises :class:`CodebookError` with one line saying where and how to fix it.

    >>> load_codebook("policy_frames").frame_names[0]
    'economic'
    """
    if isinstance(name_or_path, Codebook):
        return name_or_path
    if isinstance(name_or_path, Mapping):
        return _build(dict(name_or_path), "<dict>")
    path = Path(name_or_path)
    text_name = str(name_or_path)
    if path.suffix.lower() not in (".yaml", ".yml") and "/" not in text_name and "\\" not in text_name:
        if text_name not in list_codebooks():
            raise CodebookError(f"no codebook named {text_name!r}; shipped codebooks: "
                                f"{', '.join(list_codebooks())}, or pass the path of a YAML file")
        return _load_shipped(text_name)
    if not path.exists():
        raise CodebookError(f"{path}: no such codebook file; check the path or use a shipped name "
                            f"({', '.join(list_codebooks())})")
    return _load_path(str(path.resolve()), path.stat().st_mtime)


@lru_cache(maxsize=8)
def _load_shipped(name: str) -> Codebook:
    res = resources.files("mediakit.resources").joinpath("codebooks").joinpath(f"{name}.yaml")
    return _parse(res.read_text(encoding="utf-8"), f"mediakit/resources/codebooks/{name}.yaml")


@lru_cache(maxsize=16)
def _load_path(path: str, _mtime: float) -> Codebook:
    return _parse(Path(path).read_text(encoding="utf-8"), path)


def _parse(text: str, where: str) -> Codebook:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise CodebookError(f"{where}:{line} is not valid YAML ({getattr(exc, 'problem', exc)}); "
                            "check indentation and quote cues that contain ':' or '#'") from None
    if not isinstance(data, dict):
        raise CodebookError(f"{where}: a codebook must be a YAML mapping with 'codebook' and 'frames' keys")
    return _build(data, where)


def _build(data: dict[str, Any], where: str) -> Codebook:
    known = {"codebook", "version", "title", "description", "frames", "ignore", "min_score", "weights",
             "languages", "references", "notes", "authors", "license", "changelog"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise CodebookError(f"{where}: unknown top-level key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(known))}")
    name = data.get("codebook")
    if not isinstance(name, str) or not name.strip():
        raise CodebookError(f"{where}: missing 'codebook: NAME' at the top (a short name such as s400)")
    if "version" not in data:
        raise CodebookError(f"{where}: missing 'version:' (e.g. version: \"1.0\"); codebooks are versioned data")
    weights = dict(DEFAULT_WEIGHTS)
    for k, v in (data.get("weights") or {}).items():
        if k not in KINDS or not _is_number(v):
            raise CodebookError(f"{where}: weights must map words/phrases/patterns to numbers, got {k}: {v!r}")
        weights[k] = float(v)
    frames_data = data.get("frames")
    if not isinstance(frames_data, list) or not frames_data:
        raise CodebookError(f"{where}: 'frames:' must be a non-empty list of frames (each with name, description, cues)")
    frames = []
    seen: set[str] = set()
    for i, fd in enumerate(frames_data):
        frame = _build_frame(fd, f"{where}: frame #{i + 1}", weights)
        if frame.name in seen:
            raise CodebookError(f"{where}: frame name {frame.name!r} appears twice; frame names must be unique")
        if frame.name == "none":
            raise CodebookError(f"{where}: 'none' is reserved for sentences without a frame; rename that frame")
        seen.add(frame.name)
        frames.append(frame)
    min_score = data.get("min_score", 1.0)
    if not _is_number(min_score) or min_score <= 0:
        raise CodebookError(f"{where}: min_score must be a positive number, got {min_score!r}")
    ignore = _string_list(data.get("ignore"), f"{where}: ignore")
    for phrase in ignore:
        if not _cue_tokens(phrase):
            raise CodebookError(f"{where}: ignore entry {phrase!r} has no words; remove it")
    cb = Codebook(
        name=name.strip(), version=str(data["version"]), title=str(data.get("title", name)),
        description=str(data.get("description", "")).strip(), frames=tuple(frames), ignore=tuple(ignore),
        min_score=float(min_score), languages=tuple(_string_list(data.get("languages"), f"{where}: languages")),
        references=tuple(_string_list(data.get("references"), f"{where}: references")), source=where,
        meta={k: data[k] for k in ("notes", "authors", "license", "changelog") if k in data},
    )
    cb.matcher  # noqa: B018 -- compile now so that a bad pattern fails at load time, not mid-analysis
    return cb


def _build_frame(fd: Any, where: str, weights: dict[str, float]) -> Frame:
    if not isinstance(fd, dict):
        raise CodebookError(f"{where}: each frame must be a mapping with name, description and cues")
    known = {"name", "label", "description", "cues", "negative", "examples", "residual", "notes", "maps_to"}
    unknown = sorted(set(fd) - known)
    name = fd.get("name")
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise CodebookError(f"{where}: 'name' must be a snake_case id like sanctions_legality, got {name!r}")
    where = f"{where} ({name})"
    if unknown:
        raise CodebookError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(known))}")
    desc = fd.get("description")
    if not isinstance(desc, str) or not desc.strip():
        raise CodebookError(f"{where}: missing 'description:' (one or two sentences saying what the frame is)")
    residual = bool(fd.get("residual", False))
    cues = _build_cues(fd.get("cues"), f"{where}: cues", weights)
    if not cues and not residual:
        raise CodebookError(f"{where}: no cues; add cues: {{words: [...]}} or mark the frame 'residual: true'")
    negative = _build_cues(fd.get("negative"), f"{where}: negative", weights)
    examples = _string_list(fd.get("examples"), f"{where}: examples")
    return Frame(name=name, label=str(fd.get("label") or name.replace("_", " ").capitalize()),
                 description=" ".join(desc.split()), cues=tuple(cues), negative=tuple(negative),
                 examples=tuple(examples), residual=residual,
                 maps_to=tuple(_string_list(fd.get("maps_to"), f"{where}: maps_to")))


def _build_cues(data: Any, where: str, weights: dict[str, float]) -> list[Cue]:
    if data is None:
        return []
    if not isinstance(data, dict):
        raise CodebookError(f"{where} must be a mapping with words, phrases and/or patterns lists")
    unknown = sorted(set(data) - set(KINDS))
    if unknown:
        raise CodebookError(f"{where}: unknown key(s) {', '.join(unknown)}; use words, phrases, patterns")
    out: list[Cue] = []
    seen: set[tuple[str, str]] = set()
    for kind in KINDS:
        items = data.get(kind) or []
        if not isinstance(items, list):
            raise CodebookError(f"{where}.{kind} must be a list, got {type(items).__name__}")
        for item in items:
            weight = weights[kind]
            if isinstance(item, dict):
                if set(item) - {"cue", "weight"} or "cue" not in item:
                    raise CodebookError(f"{where}.{kind}: write a weighted cue as {{cue: TEXT, weight: N}}, got {item!r}")
                weight = item.get("weight", weight)
                if not _is_number(weight):
                    raise CodebookError(f"{where}.{kind}: weight of {item['cue']!r} must be a number, got {weight!r}")
                item = item["cue"]
            if not isinstance(item, str | int | float) or not str(item).strip():
                raise CodebookError(f"{where}.{kind}: empty or non-text cue {item!r}")
            text = str(item).strip()
            if kind == "patterns":
                try:
                    re.compile(text)
                except re.error as exc:
                    raise CodebookError(f"{where}.patterns: {text!r} is not a valid regular expression ({exc}); "
                                        "quote it in single quotes and escape backslashes once") from None
            else:
                toks = _cue_tokens(text)
                if not toks:
                    raise CodebookError(f"{where}.{kind}: cue {text!r} has no letters or digits")
                if kind == "words" and len(toks) > 1 and " " in text.strip():
                    raise CodebookError(f"{where}.words: {text!r} has several words; move it to phrases")
                if any(t.endswith("*") and len(t.rstrip("*")) < 3 for t in toks):
                    raise CodebookError(f"{where}.{kind}: {text!r}: a '*' cue needs at least 3 letters before the *")
            key = (kind, _cue_key(text) if kind != "patterns" else text)
            if key in seen:
                raise CodebookError(f"{where}.{kind}: cue {text!r} is listed twice (ignoring case and accents)")
            seen.add(key)
            out.append(Cue(text=text, kind=kind, weight=float(weight)))
    # A word also matched by a wildcard word of the same list would count twice.
    stars = [c.text for c in out if c.kind == "words" and c.text.endswith("*")]
    for c in out:
        if c.kind == "words" and not c.text.endswith("*"):
            low, kept = _token_keys(c.text)
            for s in stars:
                stem = s.rstrip("*")
                if (kept if _is_caps(stem) else low).startswith(_token_keys(stem)[1 if _is_caps(stem) else 0]):
                    raise CodebookError(f"{where}.words: {c.text!r} is already matched by {s!r}; remove one of them")
    return out


def _cue_key(text: str) -> tuple[tuple[str, bool], ...]:
    out = []
    for w in _cue_tokens(text):
        stem = w.rstrip("*")
        low, kept = _token_keys(stem)
        out.append((kept if _is_caps(stem) else low, w.endswith("*")))
    return tuple(out)


def _string_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CodebookError(f"{where} must be a list of strings")
    return [v.strip() for v in value if v.strip()]


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


# ---------------------------------------------------------------- matching
def _cue_tokens(text: str) -> list[str]:
    """Split a cue into word units; a trailing ``*`` stays on its word."""
    out = []
    for m in re.finditer(r"[^\W_]+(?:['’][^\W_]+)*\*?", text):
        out.append(m.group())
    return out


def _token_keys(raw: str) -> tuple[str, str]:
    """(case-folded key, case-kept key) of a token: apostrophe ending dropped, diacritics folded."""
    base = _APOSTROPHE_RE.split(raw, 1)[0]
    kept = fold(base)
    return kept.lower(), kept


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class _Matcher:
    """Cues compiled for speed: words and phrases are matched on tokens with dictionary look-ups (one pass
    per sentence, whatever the size of the lexicon); each pattern runs once over the lower-cased text.

    Written by hand because no well-kept library matches a weighted, multi-frame lexicon with prefix
    wildcards on tokens and reports which cue hit; one regex alternation over hundreds of cues is ~20x slower.
    """

    IGNORE = -1

    def __init__(self, codebook: Codebook):
        self.n_frames = len(codebook.frames)
        self._units: dict[tuple[str, bool, bool], int] = {}
        self._exact: dict[str, list[int]] = {}
        self._exact_case: dict[str, list[int]] = {}
        self._prefix: list[tuple[str, bool, int]] = []
        self._cache: dict[str, frozenset[int]] = {}
        self._prefix_index: dict[str, list[tuple[str, bool, int]]] | None = None
        # sequence cues: (unit ids, frame index or IGNORE, weight as signed float, label)
        self._seqs: list[tuple[tuple[int, ...], int, float, str]] = []
        self._by_first: dict[int, list[int]] = {}
        # patterns: (compiled for lower-cased text or None, leading \\b stripped?, compiled ignoring case,
        # frame, weight, label)
        self._patterns: list[tuple[re.Pattern[str] | None, bool, re.Pattern[str], int, float, str]] = []
        for phrase in codebook.ignore:
            self._add_seq(phrase, self.IGNORE, 0.0, phrase)
        for fi, frame in enumerate(codebook.frames):
            for sign, cues in ((1.0, frame.cues), (-1.0, frame.negative)):
                for cue in cues:
                    label = cue.text if sign > 0 else f"-{cue.text}"
                    if cue.kind == "patterns":
                        low, lead_b = _lower_pattern(cue.text)
                        self._patterns.append((low, lead_b, re.compile(cue.text, re.IGNORECASE),
                                               fi, sign * cue.weight, label))
                    else:
                        self._add_seq(cue.text, fi, sign * cue.weight, label)

    def _unit(self, word: str) -> int:
        prefix = word.endswith("*")
        word = word.rstrip("*")
        case = _is_caps(word)
        low, kept = _token_keys(word)
        key = (kept if case else low, prefix, case)
        if key not in self._units:
            uid = len(self._units)
            self._units[key] = uid
            if prefix:
                self._prefix.append((key[0], case, uid))
            else:
                (self._exact_case if case else self._exact).setdefault(key[0], []).append(uid)
        return self._units[key]

    def _add_seq(self, text: str, frame: int, weight: float, label: str) -> None:
        units = tuple(self._unit(w) for w in _cue_tokens(text))
        idx = len(self._seqs)
        self._seqs.append((units, frame, weight, label))
        self._by_first.setdefault(units[0], []).append(idx)

    def _units_of(self, raw: str) -> frozenset[int]:
        if self._prefix_index is None:  # wildcard cues bucketed by their first 3 letters (all have >= 3)
            self._prefix_index = {}
            for p, case, uid in self._prefix:
                self._prefix_index.setdefault(p[:3] if len(p) >= 3 else "", []).append((p, case, uid))
        low, kept = _token_keys(raw)
        ids = list(self._exact.get(low, ())) + list(self._exact_case.get(kept, ()))
        for key in {low[:3], kept[:3], ""}:  # "": the rare stems shorter than 3 after folding
            ids += [uid for p, case, uid in self._prefix_index.get(key, ()) if (kept if case else low).startswith(p)]
        hit = frozenset(ids)
        if len(self._cache) < 1_000_000:
            self._cache[raw] = hit
        return hit

    def match_spans(self, text: str, spans: list[tuple[int, int]]) -> list[dict[int, tuple[float, list[str]]]]:
        """For each ``(start, end)`` span of ``text``: ``{frame index: (score, cues)}`` before thresholds."""
        results: list[dict[int, tuple[float, list[str]]]] = [{} for _ in spans]
        if not spans:
            return results
        findall = _MATCH_TOKEN_RE.findall
        cache = self._cache
        miss = self._units_of
        masked: list[tuple[int, int]] = []
        for si, (s, e) in enumerate(spans):
            units = [cache[t] if t in cache else miss(t) for t in findall(text, s, e)]
            if any(units):  # most sentences of most texts hit nothing: skip them at C speed
                self._match_tokens(text, s, e, units, results[si], masked)
        if self._patterns:
            self._match_patterns(text, spans, masked, results)
        return results

    def _match_patterns(self, text: str, spans, masked, results) -> None:
        if masked:  # blank ignored names so that patterns do not see them either (same length)
            chars = list(text)
            for a, b in masked:
                chars[a:b] = " " * (b - a)
            text = "".join(chars)
        low = text.lower()
        same = len(low) == len(text)  # lower() may lengthen a few letters (İ); then match ignoring case
        starts = [s for s, _ in spans]
        for rx_low, lead_b, rx_case, fi, w, label in self._patterns:
            if same and rx_low is not None:
                found = _finditer_b(rx_low, low) if lead_b else rx_low.finditer(low)
            else:
                found = rx_case.finditer(text)
            for m in found:
                si = bisect.bisect_right(starts, m.start()) - 1
                if si >= 0 and m.start() < spans[si][1]:
                    _add(results[si], fi, w, label)

    def _match_tokens(self, text: str, s: int, e: int, units: list[frozenset[int]], out: dict,
                      masked: list[tuple[int, int]]) -> None:
        n = len(units)
        seqs = self._seqs
        by_first = self._by_first
        hits: list[tuple[int, int, int]] = []  # (position, length, seq index)
        for i in range(n):
            for u in units[i]:
                for qi in by_first.get(u, ()):
                    seq = seqs[qi][0]
                    L = len(seq)
                    if i + L <= n and all(seq[j] in units[i + j] for j in range(1, L)):
                        hits.append((i, L, qi))
        if not hits:
            return
        blocked = [False] * n
        ignores = [h for h in hits if seqs[h[2]][1] == self.IGNORE]
        if ignores:
            pos = [(m.start(), m.end()) for m in _MATCH_TOKEN_RE.finditer(text, s, e)]
            for i, L, _ in ignores:
                for j in range(i, i + L):
                    blocked[j] = True
                masked.append((pos[i][0], pos[i + L - 1][1]))
        for i, L, qi in hits:
            _, fi, w, label = seqs[qi]
            if fi == self.IGNORE or (ignores and any(blocked[i:i + L])):
                continue
            _add(out, fi, w, label)


def _lower_pattern(pattern: str) -> tuple[re.Pattern[str] | None, bool]:
    """The pattern for lower-cased text: literals lower-cased, escapes (\\S, \\B, \\x41) and group names kept.

    Matching a lower-cased pattern on lower-cased text is what IGNORECASE does, 4x faster in CPython's re.
    A leading ``\\b`` is removed and checked by hand (:func:`_finditer_b`): it stops re from skipping ahead
    to candidate first letters, another 2-10x. Returns (None, False) when the result does not compile.
    """
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            j = i + 2
            if pattern[i + 1] == "N" and j < n and pattern[j] == "{":
                j = pattern.find("}", j) + 1 or n
            out.append(pattern[i:j])
            i = j
        elif pattern.startswith(("(?P<", "(?P="), i):
            j = pattern.find(">" if pattern[i + 3] == "<" else ")", i) + 1 or n
            out.append(pattern[i:j])
            i = j
        else:
            out.append(c.lower())
            i += 1
    low = "".join(out)
    lead_b = low.startswith("\\b") and low[2:3] not in ("{", "*", "+", "?")
    if lead_b:
        low = low[2:]
    try:
        return re.compile(low), lead_b
    except re.error:
        return None, False


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _finditer_b(rx: re.Pattern[str], text: str):
    """``finditer`` of ``\\b`` + ``rx``: the same matches, found by searching ``rx`` and checking the boundary."""
    pos, n = 0, len(text)
    while pos <= n:
        m = rx.search(text, pos)
        if m is None:
            return
        p = m.start()
        if (p > 0 and _is_word(text[p - 1])) != (p < n and _is_word(text[p])):
            yield m
            pos = m.end() if m.end() > p else p + 1
        else:
            pos = p + 1


def _add(out: dict[int, tuple[float, list[str]]], fi: int, w: float, label: str) -> None:
    score, cues = out.get(fi, (0.0, []))
    cues.append(label)
    out[fi] = (score + w, cues)


def codebook_table(codebooks: Iterable[str] = ("s400", "policy_frames")) -> pd.DataFrame:
    """One row per frame of the given codebooks: codebook, version, frame, label, description, n_cues."""
    rows = []
    for name in codebooks:
        cb = load_codebook(name)
        rows += [{"codebook": cb.name, "version": cb.version, "frame": f.name, "label": f.label,
                  "description": f.description, "n_cues": len(f.cues)} for f in cb.frames]
    return pd.DataFrame(rows)
