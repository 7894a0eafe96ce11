""""According to X" phrases (and their Russian and Turkish counterparts in the lexicon).
"""

from __future__ import annotations

from ._tokens import _is_cap


class _According:
    """According-to attributions (mixed into the analyser of :mod:`._rules`)."""

    def _according_at(self, k: int) -> int | None:
        """End token of an "according to" phrase starting at ``k``, else None."""
        t = self.t
        if t.low[k] not in self.lex.according_first:
            return None
        for ph in self.lex.according_to:
            L = len(ph)
            if tuple(t.low[k:k + L]) == ph:
                if ph == ("per",) and not (k + 1 < len(t) and _is_cap(t.text[k + 1])):
                    continue
                return k + L
        return None
