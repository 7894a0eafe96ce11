"""Frame codebooks as versioned YAML data: loading, validation and the cue matcher.

A codebook is a YAML file (see ``mediakit/resources/codebooks/policy_frames.yaml``; a story pack's
``codebook.yaml``) that a researcher can read and edit::

    codebook: energy_story      # short name
    version: "1.0"
    title: Frames of an energy-price story
    languages: [en]             # the languages the cues are written in (a fit warning names the others)
    ignore: [Economic Security Council]          # names masked before matching (they contain cue words)
    frames:
      - name: economic
        label: Economic
        description: The story as a matter of costs, prices and budgets.
        cues:
          words: [cost*, price*, GDP]                 # one word; * at the end matches any ending
          phrases: [price cap]                        # consecutive words
          patterns: ['[$€£]\\s?\\d']                  # Python regular expressions (ignoring case)
          lemmas:                                     # dictionary forms, per language: match any inflection
            ru: [цена, бюджет, "экономический ущерб"]
            tr: [fiyat, bütçe, "ekonomik kayıp"]
        negative:                                     # optional: subtract from the score
          words: [priceless]
        examples: ["The price cap will cost the budget two billion dollars."]

Matching rules (the same for cues, negative cues and ``ignore``; words and phrases are matched by
:class:`mediakit.matching.TermMatcher`, the one matcher of the package):

- words and phrases ignore case and diacritics (``yaptırım*`` matches "Yaptırımlar"), except words written
  in capitals (``NATO``, ``MP``, ``US``), which match capitals only, so "US" never matches "us";
- a trailing ``*`` matches any ending: ``sanction*`` matches sanction, sanctions, sanctioned;
- a word is matched whole, and an apostrophe ending does not stop it: ``Germany`` matches "Germany's" and
  ``Almanya`` matches "Almanya'nın"; hyphens separate words, so ``interoperab*`` matches inside
  "NATO-interoperable";
- the words of a phrase must be separated by white space (not a blank line) or one hyphen in the text,
  and a hyphen in a cue is the same as a space: ``price cap`` matches "price cap", "price\\ncap" and
  "price-cap", ``test-fir*`` matches "test firing"; any other punctuation in the text ends a phrase, so
  ``price cap`` does not match "price, cap" and a phrase never runs across a sentence end; other
  punctuation written in a cue must be there in the text (``U.S.``);
- ``lemmas:`` cues (one list per language code) are dictionary forms, matched against the lemma of each
  word of a text in that language (:mod:`mediakit.framing.lemmas`, simplemma's dictionaries for ru, tr,
  en and more): ``санкция`` finds "санкций" and "санкциями", ``yaptırım`` finds "yaptırımları". A lemma
  cue of several words is a phrase (each word by its lemma). They apply to articles whose ``language``
  is that code, or to every article when the corpus has no ``language`` column. A text word matches a
  lemma cue when its form or its lemma is the cue as written or the cue's own lemma (simplemma reduces
  some derived Turkish words further, "savunma" to "savun": both sides are reduced alike);
- each cue may be a plain string or ``{cue: TEXT, weight: W}``; default weights are 1 for words and
  1.5 for phrases and patterns (more specific), changeable under ``weights:`` at the top of the file
  (a lemma cue weighs as a word, or as a phrase when it has several words);
- a pattern that nests unbounded repeats, such as ``(a+)+b``, is refused at load time: Python's regex
  engine can take hours on one sentence with it (catastrophic backtracking).

>>> cb = load_codebook("policy_frames")
>>> cb.frame_names[:3]
['economic', 'capacity_resources', 'morality']
>>> cb.match("The new tariffs cost farmers dearly.")["economic"]
(2.0, ['tariff*', 'cost*'])
>>> cb.match("Пошлины ударили по экономике и бюджету.", language="ru")["economic"]
(3.0, ['ru:пошлина', 'ru:экономика', 'ru:бюджет'])
"""

from __future__ import annotations

import bisect
import re
import re._parser as _re_parser  # CPython's own regex parser: its tree shows which repeats nest
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .._yaml import load_yaml
from ..matching import TermMatcher
from ..packs import pack_file, story_names
from ..text import fold
from .lemmas import LANGUAGES, lemmatizer

__all__ = ["Cue", "Frame", "Codebook", "CodebookError", "load_codebook", "list_codebooks", "codebook_table"]

KINDS = ("words", "phrases", "patterns")
CUE_KINDS = (*KINDS, "lemmas")
DEFAULT_WEIGHTS = {"words": 1.0, "phrases": 1.5, "patterns": 1.5}
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_CUE_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*\*?")
_APOSTROPHE_RE = re.compile(r"['’]")


class CodebookError(ValueError):
    """A codebook file is malformed; the message names the file, the place and the fix."""


@dataclass(frozen=True)
class Cue:
    """One cue of a frame: ``kind`` is words, phrases, patterns or lemmas; ``text`` as written in the codebook.

    ``language`` is the language code of a ``lemmas`` cue ("" for the others, which apply to every text).
    """

    text: str
    kind: str
    weight: float
    language: str = ""

    @property
    def label(self) -> str:
        """How the cue is reported in the ``cues`` column: its text, ``lang:text`` for a lemma cue."""
        return f"{self.language}:{self.text}" if self.language else self.text


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
    # Names of frames in another codebook this frame corresponds to (e.g. a story frame -> policy_frames).
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
        """The cue lexicon as a table: frame, label, kind, cue, weight, negative, language (for reading and
        editing; ``language`` is "" except on lemma cues)."""
        rows = []
        for f in self.frames:
            for neg, cues in ((False, f.cues), (True, f.negative)):
                rows += [{"frame": f.name, "label": f.label, "kind": c.kind, "cue": c.text, "weight": c.weight,
                          "negative": neg, "language": c.language} for c in cues]
        return pd.DataFrame(rows, columns=["frame", "label", "kind", "cue", "weight", "negative", "language"])

    @property
    def lemma_languages(self) -> list[str]:
        """The language codes of the codebook's lemma cues."""
        return sorted({c.language for f in self.frames for c in (*f.cues, *f.negative) if c.language})

    @cached_property
    def matcher(self) -> CueMatcher:
        return CueMatcher(self)

    def match(self, text: str, language: str | None = None) -> dict[str, tuple[float, list[str]]]:
        """Score one text: ``{frame: (score, matched cues)}`` for frames with any cue (negatives as ``-cue``).

        ``language``: the text's language code, which selects the lemma cues (None: those of every language).

        >>> load_codebook("policy_frames").match("The court ruled.")
        {'legality': (2.0, ['court*', 'ruled'])}
        >>> load_codebook("policy_frames").match("Anayasa Mahkemesi yasayı iptal etti.", language="tr")
        {'legality': (3.0, ['tr:anayasa', 'tr:mahkeme', 'tr:yasa'])}
        """
        hits = self.matcher.match_spans(text, [(0, len(text))], language=language)[0]
        return {self.frames[i].name: (score, cues) for i, (score, cues) in sorted(hits.items())}

    def __repr__(self) -> str:
        return f"Codebook({self.name!r}, version={self.version!r}, frames={self.frame_names})"


class CueMatcher:
    """A codebook's cues compiled into one :class:`~mediakit.matching.TermMatcher` (internal to framing).

    Each cue (words, phrases, ``re:`` patterns, negative cues) is one pattern of the matcher, which reports
    every match (``overlapping=True``); the ``ignore`` names are its exclusions, so no cue match overlapping
    an ignored name counts. Lemma cues make one more matcher per language, whose text words are looked up
    by their lemma too (:func:`mediakit.framing.lemmas.lemmatizer`), with the same exclusions.
    """

    def __init__(self, codebook: Codebook):
        self.cues: list[tuple[int, float, str, bool]] = []  # (frame index, signed weight, label, is a pattern)
        patterns: list[tuple[int, str]] = []
        by_language: dict[str, list[tuple[int, str]]] = {}
        owner: dict[tuple[int, str, str], str] = {}  # (frame, language, form) -> the lemma cue that has it
        for fi, frame in enumerate(codebook.frames):
            for sign, cues in ((1.0, frame.cues), (-1.0, frame.negative)):
                for cue in cues:
                    label = cue.label if sign > 0 else f"-{cue.label}"
                    regex = cue.kind == "patterns"
                    if cue.language:  # the cue as written and as lemmatised: both sides normalised alike
                        lemma = lemmatizer(cue.language)
                        forms = dict.fromkeys([cue.text, " ".join(lemma(w) for w in cue.text.split())])
                        for form in forms:
                            key = (fi, cue.language, form.lower())
                            if owner.setdefault(key, cue.text) != cue.text:
                                raise CodebookError(
                                    f"{codebook.source}: frame {frame.name!r}: lemma cues {owner[key]!r} and "
                                    f"{cue.text!r} ({cue.language}) have the same lemma {form!r} and would count "
                                    "twice; keep one")
                        by_language.setdefault(cue.language, []).extend((len(self.cues), f) for f in forms)
                    else:
                        patterns.append((len(self.cues), f"re:{cue.text}" if regex else cue.text))
                    self.cues.append((fi, sign * cue.weight, label, regex))
        self.terms = TermMatcher(patterns, exclude=codebook.ignore, overlapping=True, hyphens=True)
        self.lemma_terms = {lang: TermMatcher(pats, exclude=codebook.ignore, overlapping=True, hyphens=True,
                                              lemmatize=lemmatizer(lang))
                            for lang, pats in sorted(by_language.items())}

    def _matchers(self, language: str | None) -> list[TermMatcher]:
        if not self.lemma_terms:
            return [self.terms]
        if not language:
            return [self.terms, *self.lemma_terms.values()]
        extra = self.lemma_terms.get(language.lower())
        return [self.terms] if extra is None else [self.terms, extra]

    def match_spans(self, text: str, spans: list[tuple[int, int]],
                    language: str | None = None) -> list[dict[int, tuple[float, list[str]]]]:
        """For each ``(start, end)`` span of ``text`` (sorted, disjoint): ``{frame index: (score, cues)}``.

        A match belongs to the span it starts in; a word or phrase must also end there. ``language`` selects
        the lemma cues (None or "": every language's).
        """
        results: list[dict[int, tuple[float, list[str]]]] = [{} for _ in spans]
        if not spans:
            return results
        starts = [s for s, _ in spans]
        matchers = self._matchers(language)
        found = matchers[0].find(text)
        if len(matchers) > 1:  # a lemma cue may match by its written form and by its lemma: count it once
            extra = {h for m in matchers[1:] for h in m.find(text)}
            found = sorted([*found, *extra], key=lambda h: (h[0], h[1], h[2]))
        for s, e, cid in found:
            si = bisect.bisect_right(starts, s) - 1
            if si < 0 or s >= spans[si][1]:
                continue
            fi, w, label, regex = self.cues[cid]
            if not regex and e > spans[si][1]:
                continue
            score, labels = results[si].get(fi, (0.0, []))
            labels.append(label)
            results[si][fi] = (score + w, labels)
        return results


# ---------------------------------------------------------------- loading and validation
def list_codebooks() -> list[str]:
    """Names of the codebooks shipped with mediakit: the generic ones and those of the story packs.

    >>> "policy_frames" in list_codebooks()
    True
    """
    folder = resources.files("mediakit.resources").joinpath("codebooks")
    names = {p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml")}
    names |= {name for name in story_names() if pack_file(name, "codebook") is not None}
    return sorted(names)


def load_codebook(name_or_path: str | Path | Codebook | Mapping[str, Any] = "policy_frames") -> Codebook:
    """Load and validate a codebook: a name, a YAML path, a story pack folder or a dict.

    A name is looked up first as a story pack (its ``codebook.yaml``, :func:`mediakit.packs.pack_file`),
    then among the generic codebooks shipped in ``mediakit/resources/codebooks`` (``"policy_frames"``,
    the default). Every problem raises :class:`CodebookError` with one line saying where and how to fix it.

    >>> load_codebook().frame_names[0]
    'economic'
    >>> load_codebook({"codebook": "tiny", "version": "1", "frames": [
    ...     {"name": "cost", "description": "Money.", "cues": {"words": ["price*"]}}]}).match("Prices rose.")
    {'cost': (1.0, ['price*'])}
    """
    if isinstance(name_or_path, Codebook):
        return name_or_path
    if isinstance(name_or_path, Mapping):
        return _build(dict(name_or_path), "<dict>")
    if not isinstance(name_or_path, str | Path):
        raise CodebookError(f"a codebook is a name, a YAML path, a dict or a Codebook, not {type(name_or_path).__name__}")
    packed = pack_file(name_or_path, "codebook")
    if packed is not None:
        return _load_path(str(packed.resolve()), packed.stat().st_mtime)
    path = Path(name_or_path)
    text_name = str(name_or_path)
    if path.suffix.lower() not in (".yaml", ".yml") and "/" not in text_name and "\\" not in text_name:
        res = resources.files("mediakit.resources").joinpath("codebooks").joinpath(f"{text_name}.yaml")
        if not res.is_file():
            raise CodebookError(f"no codebook named {text_name!r}; codebooks: {', '.join(list_codebooks())}, "
                                "or pass the path of a YAML file or a story pack folder")
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
        data = load_yaml(text)
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
        raise CodebookError(f"{where}: missing 'codebook: NAME' at the top (a short name such as policy_frames)")
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
        if not cue_tokens(phrase):
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
        raise CodebookError(f"{where}: 'name' must be a snake_case id like public_opinion, got {name!r}")
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
        raise CodebookError(f"{where} must be a mapping with words, phrases, patterns and/or lemmas lists")
    unknown = sorted(set(data) - set(CUE_KINDS))
    if unknown:
        raise CodebookError(f"{where}: unknown key(s) {', '.join(unknown)}; use words, phrases, patterns, lemmas")
    out: list[Cue] = []
    seen: set[tuple[str, Any]] = set()
    lists: list[tuple[str, str, Any]] = [(kind, "", data.get(kind)) for kind in KINDS]
    lemmas = data.get("lemmas") or {}
    if not isinstance(lemmas, dict):
        raise CodebookError(f"{where}.lemmas must map language codes to lists, e.g. lemmas: {{ru: [санкция]}}")
    for lang, items in lemmas.items():
        if lang not in LANGUAGES:
            raise CodebookError(f"{where}.lemmas: {lang!r} is not a language with a lemmatiser; use one of "
                                f"{', '.join(LANGUAGES)} (ru, tr, ...)")
        lists.append(("lemmas", lang, items))
    for kind, lang, items in lists:
        items = items or []
        place = f"{where}.{kind}" + (f".{lang}" if lang else "")
        if not isinstance(items, list):
            raise CodebookError(f"{place} must be a list, got {type(items).__name__}")
        for item in items:
            text, weight = _cue_item(item, place, weights.get(kind))
            if kind == "patterns":
                _check_pattern(text, where)
            else:
                toks = cue_tokens(text)
                if not toks:
                    raise CodebookError(f"{place}: cue {text!r} has no letters or digits")
                if kind == "words" and len(toks) > 1 and " " in text.strip():
                    raise CodebookError(f"{where}.words: {text!r} has several words; move it to phrases")
                if kind == "lemmas" and "*" in text:
                    raise CodebookError(f"{place}: {text!r}: a lemma cue is a dictionary form without '*'; "
                                        "write the lemma (it matches every inflected form)")
                if any(t.endswith("*") and len(t.rstrip("*")) < 3 for t in toks):
                    raise CodebookError(f"{place}: {text!r}: a '*' cue needs at least 3 letters before the *")
                if kind == "lemmas" and weight is None:
                    weight = weights["words"] if len(toks) == 1 else weights["phrases"]
            key = (kind + lang, _cue_key(text) if kind != "patterns" else text)
            if key in seen:
                raise CodebookError(f"{place}: cue {text!r} is listed twice (ignoring case and accents)")
            seen.add(key)
            out.append(Cue(text=text, kind=kind, weight=float(weight), language=lang))
    # A word (or a one-word lemma) also matched by a wildcard or plain word of the same list would count twice.
    stars = [c.text for c in out if c.kind == "words" and c.text.endswith("*")]
    plain = {token_keys(c.text)[0]: c.text for c in out if c.kind == "words" and not c.text.endswith("*")}
    for c in out:
        if c.kind in ("words", "lemmas") and not c.text.endswith("*") and len(cue_tokens(c.text)) == 1:
            low, kept = token_keys(c.text)
            for s in stars:
                stem = s.rstrip("*")
                if (kept if is_caps(stem) else low).startswith(token_keys(stem)[1 if is_caps(stem) else 0]):
                    raise CodebookError(f"{where}.{c.kind}: {c.text!r} is already matched by {s!r}; remove one of them")
            if c.kind == "lemmas" and low in plain:
                raise CodebookError(f"{where}.lemmas: {c.text!r} is already matched by {plain[low]!r}; remove one of them")
    return out


def _cue_item(item: Any, place: str, weight: float | None) -> tuple[str, float | None]:
    """(text, weight) of one cue written as a string or as ``{cue: TEXT, weight: N}``."""
    if isinstance(item, dict):
        if set(item) - {"cue", "weight"} or "cue" not in item:
            raise CodebookError(f"{place}: write a weighted cue as {{cue: TEXT, weight: N}}, got {item!r}")
        weight = item.get("weight", weight)
        if weight is not None and not _is_number(weight):
            raise CodebookError(f"{place}: weight of {item['cue']!r} must be a number, got {weight!r}")
        item = item["cue"]
    if not isinstance(item, str | int | float) or not str(item).strip():
        raise CodebookError(f"{place}: empty or non-text cue {item!r}")
    return str(item).strip(), weight


def _check_pattern(text: str, where: str) -> None:
    try:
        re.compile(text)
    except re.error as exc:
        raise CodebookError(f"{where}.patterns: {text!r} is not a valid regular expression ({exc}); "
                            "quote it in single quotes and escape backslashes once") from None
    if _nested_repeat(text):
        raise CodebookError(f"{where}.patterns: {text!r} repeats a repeat (like '(a+)+'): catastrophic "
                            "backtracking can take hours on one sentence; drop one of the two, e.g. '(a+)+b' -> "
                            "'a+b', '(\\w+\\s?)+' -> '[\\w\\s]+'")


def cue_tokens(text: str) -> list[str]:
    """The word units of a cue (for validation); a trailing ``*`` stays on its word."""
    return _CUE_WORD_RE.findall(text)


def token_keys(raw: str) -> tuple[str, str]:
    """(case-folded key, case-kept key) of a cue word: apostrophe ending dropped, diacritics folded."""
    kept = fold(_APOSTROPHE_RE.split(raw, 1)[0])
    return kept.lower(), kept


def is_caps(word: str) -> bool:
    """A word written in capitals (two letters or more), matched in capitals only."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _cue_key(text: str) -> tuple[tuple[str, bool], ...]:
    out = []
    for w in cue_tokens(text):
        stem = w.rstrip("*")
        low, kept = token_keys(stem)
        out.append((kept if is_caps(stem) else low, w.endswith("*")))
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


def _nested_repeat(pattern: str) -> bool:
    """True when an unbounded repeat (``+``, ``*``, ``{n,}``) lies inside another unbounded repeat.

    Such a pattern ("(a+)+b", "(x*)*", "(\\w+\\s?)+") can split one run of text among the two repeats in
    exponentially many ways, and Python's backtracking ``re`` tries them all when the rest fails to match:
    one sentence can then take hours. Lookarounds and alternatives are searched too; bounded repeats
    (``?``, ``{0,3}``) are allowed. Other slow shapes (overlapping alternatives such as "(a|a)+") are not
    detected.

    >>> _nested_repeat("(a+)+b"), _nested_repeat("(?:x*)*"), _nested_repeat("\\b(ab)+ (c+d)?")
    (True, True, False)
    """

    def walk(items: Any, inside: bool) -> bool:
        for op, av in items:
            kind = str(op)
            if kind in _REPEATS:
                unbounded = av[1] == _re_parser.MAXREPEAT
                if (unbounded and inside) or walk(av[2], inside or unbounded):
                    return True
            elif any(walk(child, inside) for child in _regex_children(kind, av)):
                return True
        return False

    return walk(_re_parser.parse(pattern), False)


def _regex_children(kind: str, av: Any) -> list[Any]:
    """The sub-patterns of a non-repeat node of ``re``'s parse tree (groups, alternatives, lookarounds)."""
    if kind == "SUBPATTERN":
        return [av[3]]
    if kind == "BRANCH":
        return list(av[1])
    if kind in ("ASSERT", "ASSERT_NOT"):
        return [av[1]]
    if kind == "ATOMIC_GROUP":
        return [av]
    if kind == "GROUPREF_EXISTS":
        return [p for p in av[1:] if p is not None]
    return []


def codebook_table(codebooks: Iterable[str] = ("policy_frames",)) -> pd.DataFrame:
    """One row per frame of the given codebooks: codebook, version, frame, label, description, n_cues.

    >>> codebook_table(["policy_frames"])[["codebook", "frame"]].head(2).values.tolist()
    [['policy_frames', 'economic'], ['policy_frames', 'capacity_resources']]
    """
    rows = []
    for name in codebooks:
        cb = load_codebook(name)
        rows += [{"codebook": cb.name, "version": cb.version, "frame": f.name, "label": f.label,
                  "description": f.description, "n_cues": len(f.cues)} for f in cb.frames]
    return pd.DataFrame(rows)
