"""Finding the files of a corpus folder safely, and reading the bytes of one regular file."""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from pathlib import Path

from ._base import ALWAYS_IGNORED, IGNORE_FILE, MAX_FILE_BYTES, _round_up, _shown, _Skip
from ._decode import _BOMS, _looks_binary


def _walk(root: Path, problems: list[tuple[Path, str, str]] | None = None) -> list[Path]:
    """Files under ``root`` to load, sorted. Folders that cannot be entered, symlinked folders and symlinks
    leading out of ``root`` are not returned; they are appended to ``problems`` as (path, reason, hint)."""
    problems = problems if problems is not None else []
    ignore = list(ALWAYS_IGNORED)
    ign = root / IGNORE_FILE
    try:
        if ign.is_file() and ign.stat().st_size < 1_000_000:
            ignore += [ln.strip() for ln in ign.read_text(encoding="utf-8", errors="replace").splitlines()
                       if ln.strip() and not ln.startswith("#")]
    except OSError as exc:
        problems.append((ign, f"unreadable ({exc.strerror or exc})", "check the file's permissions"))
    real_root = os.path.realpath(root)

    def unenterable(exc: OSError) -> None:
        problems.append((Path(exc.filename or root), f"folder cannot be read ({exc.strerror or exc})",
                         "check the folder's permissions (it needs read and execute rights)"))

    # _ignored for every file, in one match per file: name patterns as one regex, and path patterns
    names_rx = _any_of([pat.rstrip("/") for pat in ignore if "/" not in pat.rstrip("/")])
    path_patterns = [pat for pat in ignore if "/" in pat.rstrip("/")]
    out = []
    for folder, dirs, names in os.walk(root, onerror=unenterable):
        base = Path(folder)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for d in list(dirs):
            rel = (base / d).relative_to(root)
            if any(_ignored(rel, pat) for pat in ignore):
                dirs.remove(d)
            elif (base / d).is_symlink():  # os.walk does not follow them; say so
                problems.append((base / d, "symbolic link to a folder, not followed",
                                 "load the folder it points to directly, or copy it into the corpus"))
        folder_parts = base.relative_to(root).parts
        folder_ignored = any(names_rx.match(os.path.normcase(part)) for part in folder_parts)
        for name in names:
            if name.startswith(".") or folder_ignored or names_rx.match(os.path.normcase(name)):
                continue
            if path_patterns and any(_ignored(Path(*folder_parts, name), pat) for pat in path_patterns):
                continue
            p = base / name
            if os.path.islink(p):
                target = os.path.realpath(p)
                if os.path.commonpath([real_root, target]) != real_root:
                    problems.append((p, f"symbolic link leading out of the corpus folder (to {_shown(target)})",
                                     "copy the file into the corpus folder if it belongs there"))
                    continue
            out.append(p)  # broken links and special files are kept, to be reported when read
    return sorted(out)


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    """One regex matching a name when ``fnmatch`` matches it to any of ``patterns``.

    >>> rx = _any_of(["README*", "*.tmp"])
    >>> [bool(rx.match(n)) for n in ("README.md", "a.tmp", "a.md")]
    [True, True, False]
    """
    if not patterns:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile("|".join(fnmatch.translate(os.path.normcase(pat)) for pat in patterns))


def _ignored(rel: Path, pattern: str) -> bool:
    """gitignore-like: ``name`` or ``glob*`` matches a file name or a folder on the path; ``a/b.csv`` a path."""
    pattern = pattern.rstrip("/")
    if "/" in pattern:
        return fnmatch.fnmatch(rel.as_posix(), pattern) or rel.as_posix().startswith(pattern + "/")
    return any(fnmatch.fnmatch(part, pattern) for part in rel.parts)

_KINDS = {stat.S_ISDIR: "a folder", stat.S_ISCHR: "a character device", stat.S_ISBLK: "a block device",
          stat.S_ISFIFO: "a FIFO (named pipe)", stat.S_ISSOCK: "a socket"}


def _read_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file (symlinks resolved), at most ``max_bytes``; anything else is a _Skip."""
    try:
        st = os.stat(path)  # follows symlinks: what would be opened
    except OSError as exc:
        why = "broken symbolic link" if os.path.islink(path) else (exc.strerror or str(exc))
        raise _Skip(f"unreadable ({why})", "check the file's permissions, or where the link points") from exc
    _check_regular(st.st_mode, path, st.st_size, max_bytes)
    try:
        # O_NONBLOCK: if a FIFO was swapped in after the check, open() returns at once and fstat refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with open(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            _check_regular(st.st_mode, path, st.st_size, max_bytes)
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise _Skip(f"unreadable ({exc.strerror or exc})", "check the file's permissions") from exc
    if len(data) > max_bytes:
        _check_regular(st.st_mode, path, len(data), max_bytes)
    if not data.strip():
        raise _Skip("empty file", "delete it or add the article text")
    if path.suffix.lower() != ".parquet" and not data.startswith(_BOMS) and _looks_binary(data):
        raise _Skip("binary file, not text", "export the article as .md, .txt, .html or .csv")
    return data


def _check_regular(mode: int, path: Path, size: int, max_bytes: int) -> None:
    if not stat.S_ISREG(mode):
        kind = next((k for test, k in _KINDS.items() if test(mode)), "not a regular file")
        via = " (through a symbolic link)" if os.path.islink(path) else ""
        raise _Skip(f"{kind}{via}, not a regular file; not read", "only regular files are loaded; remove it")
    if size > max_bytes:
        raise _Skip(f"file too large ({size / 1e6:,.1f} MB; the cap is {max_bytes / 1e6:,.1f} MB)",
                    f"raise the cap with load_corpus(..., max_file_bytes={_round_up(size)})")


