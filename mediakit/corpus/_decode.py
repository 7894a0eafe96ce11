"""Bytes to text: UTF-8 and UTF-16/32 with a byte-order mark, and the legacy encodings of news sites."""

from __future__ import annotations

import re
from pathlib import Path

from ._base import _Skip

_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 32)
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = len(head.translate(None, _NOT_CONTROL))
    return control > len(head) * 0.05


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith(_BOMS):
        codec = "utf-32" if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff") else "utf-16"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as exc:
            raise _Skip(f"not valid {codec.upper()} though it starts with a {codec.upper()} byte-order mark",
                        "re-save the file as UTF-8") from exc
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Legacy encodings used by Russian (cp1251) and Turkish (cp1254) sites. Both decode almost any byte
    # string, so pick the one whose result reads as text: cp1251 must give Cyrillic words, not Latin
    # words with Cyrillic letters inside.
    as_ru = data.decode("cp1251", errors="replace")
    if _reads_as_cyrillic(as_ru):
        return as_ru, "cp1251"
    # cp1254 differs from latin-1 only in six Turkish letters: prefer it when they appear.
    try:
        as_tr = data.decode("cp1254")
        if re.search("[ğĞışŞİ]", as_tr):
            return as_tr, "cp1254"
    except UnicodeDecodeError:
        pass
    # Western European Windows text (cp1252) has curly quotes, dashes and the euro in bytes 0x80-0x9f,
    # where latin-1 has invisible control characters.
    if re.search(rb"[\x80-\x9f]", data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


_WORD_RE = re.compile(r"\w+")
_CYR = re.compile(r"[\u0400-\u04ff]")
_LAT = re.compile(r"[A-Za-z]")


def _reads_as_cyrillic(text: str) -> bool:
    cyr = mixed = 0
    for w in _WORD_RE.findall(text):
        has_c, has_l = bool(_CYR.search(w)), bool(_LAT.search(w))
        if has_c and has_l:
            mixed += 1
        elif has_c:
            cyr += 1
    letters = sum(ch.isalpha() for ch in text)
    # and Cyrillic letters make a real share of the text (one "Ђ" for a cp1252 euro sign is not Russian)
    return cyr > 0 and mixed * 4 < cyr and len(_CYR.findall(text)) >= 0.2 * letters

