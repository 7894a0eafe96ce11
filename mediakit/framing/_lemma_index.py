"""A seek index of simplemma's dictionary streams, shipped with mediakit so a first look-up need not build one.

simplemma's memory-frugal backend reads a language's dictionary as it ships: one front-coded stream (sorted
keys, each stored as the bytes it does not share with the previous one), which can only be entered where the
decoding state is known. Its :class:`~simplemma.strategies.dictionaries.stream_dictionary_factory.StreamMap`
finds those places by decoding the whole stream once per process (1.36 M records for Russian, about 0.75 s;
1.1 M for Turkish, 0.7 s): the cost of the first Russian or Turkish lemma look-up of every report, notebook
kernel or engine worker that meets a word not in the user cache.

The index written here is that same information for every ``EVERY``-th record (the record's offset, its key,
and the key and value of the record before it), computed once from the installed simplemma by
``python -m mediakit.framing._lemma_index en ru tr`` (``make lemma-index``) and shipped in
``mediakit/resources/lemma_index`` (about 300 KB for the toolkit's three languages). It is used only when the
stream it was computed from is byte for byte the one installed (length and CRC-32 of the decompressed stream,
about 5 ms to check); otherwise, and for languages without one, simplemma builds its own. Look-ups then run
simplemma's own code from the nearest indexed record, so the lemmas are simplemma's (tests check them
against simplemma's own index on thousands of words).

>>> factory = IndexedStreamFactory()
>>> factory.get_dictionary("ru").get("санкций")
'санкция'
>>> type(factory.get_dictionary("ru")).__name__ in ("_SeededStreamMap", "StreamMap")
True
"""

from __future__ import annotations

import json
import lzma
import struct
import sys
import zlib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from simplemma.strategies.dictionaries import frontcode
from simplemma.strategies.dictionaries.dictionary_factory import _read_decompressed
from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamDictionaryFactory, StreamMap

__all__ = ["IndexedStreamFactory", "build_index", "EVERY"]

EVERY = 128          # records between two indexed ones: a look-up decodes at most this many (~40 us)
FORMAT = 1
_RECORD = struct.Struct("<IHHH")  # offset, then the lengths of first key, previous key, previous value


def _stream_id(data: bytes) -> dict[str, int]:
    return {"length": len(data), "crc32": zlib.crc32(data)}


def build_index(language: str, every: int = EVERY) -> bytes:
    """The index file for ``language``: one JSON header line, then the lzma-compressed records.

    >>> blob = build_index("en")
    >>> json.loads(blob.split(b"\\n", 1)[0])["language"]
    'en'
    """
    data = _read_decompressed(language)
    _, count, pos = frontcode._read_header(data)
    parts: list[bytes] = []
    prev_key, prev_value = b"", b""
    for i, (start, key, value) in enumerate(frontcode._iter_records(data, pos)):
        if i % every == 0:
            parts.append(_RECORD.pack(start, len(key), len(prev_key), len(prev_value)) + key + prev_key + prev_value)
        prev_key, prev_value = key, value
    from importlib.metadata import version

    header = {"format": FORMAT, "language": language, "simplemma": version("simplemma"), "every": every,
              "records": count, "blocks": len(parts), **_stream_id(data)}
    return json.dumps(header, sort_keys=True).encode() + b"\n" + lzma.compress(b"".join(parts), preset=9)


def _read_index(blob: bytes, data: bytes) -> tuple[list[bytes], list[tuple[int, bytes, bytes]]] | None:
    """The block keys and seeds of an index file, or None when it was not computed from ``data``."""
    head, body = blob.split(b"\n", 1)
    header = json.loads(head)
    if header.get("format") != FORMAT or {k: header.get(k) for k in ("length", "crc32")} != _stream_id(data):
        return None
    raw = lzma.decompress(body)
    firsts: list[bytes] = []
    blocks: list[tuple[int, bytes, bytes]] = []
    pos, size, unpack = 0, _RECORD.size, _RECORD.unpack_from
    while pos < len(raw):
        start, a, b, c = unpack(raw, pos)
        pos += size
        firsts.append(raw[pos:pos + a])
        blocks.append((start, raw[pos + a:pos + a + b], raw[pos + a + b:pos + a + b + c]))
        pos += a + b + c
    if len(firsts) != header.get("blocks"):
        return None
    return firsts, blocks


class _SeededStreamMap(StreamMap):
    """simplemma's StreamMap with its block index read from a shipped file instead of decoded from the stream."""

    __slots__ = ()

    def __init__(self, data: bytes, firsts: list[bytes], blocks: list[tuple[int, bytes, bytes]]) -> None:
        self._data = data
        self._rev, self._count, self._pos = frontcode._read_header(data)
        self._firsts = firsts
        self._blocks = blocks


class IndexedStreamFactory(StreamDictionaryFactory):
    """simplemma's low-memory dictionary factory, entering each stream by the index shipped for it when it
    matches the installed stream (simplemma's own index otherwise)."""

    __slots__ = ("_folder",)

    def __init__(self, folder: str | Path | None = None, cache_max_size: int = 8) -> None:
        super().__init__(cache_max_size)
        self._folder = folder

    def _index_file(self, language: str) -> Any:
        if self._folder is not None:
            return Path(self._folder) / f"{language}.idx"
        return resources.files("mediakit.resources").joinpath("lemma_index").joinpath(f"{language}.idx")

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        try:
            blob = self._index_file(lang).read_bytes()
        except OSError:  # no index shipped for this language
            return StreamMap(lang)
        data = _read_decompressed(lang)
        try:
            seeds = _read_index(blob, data)
        except (ValueError, lzma.LZMAError, struct.error):  # a damaged file: simplemma's own index
            seeds = None
        return StreamMap(lang) if seeds is None else _SeededStreamMap(data, *seeds)


def main(argv: list[str] | None = None) -> int:
    """Write the index of each language given (default en, ru, tr) into mediakit/resources/lemma_index."""
    languages = (sys.argv[1:] if argv is None else argv) or ["en", "ru", "tr"]
    folder = Path(__file__).resolve().parents[1] / "resources" / "lemma_index"
    folder.mkdir(exist_ok=True)
    for language in languages:
        blob = build_index(language)
        (folder / f"{language}.idx").write_bytes(blob)
        print(f"{folder / (language + '.idx')}: {len(blob) / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
