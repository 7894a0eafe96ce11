"""A direct quotation's post-quote frame whose subject and cue a phrase between commas splits
('“...,” Stroud, after a long pause, said of Marsh.'); the rest of the frames live in :mod:`._direct`."""

from __future__ import annotations

from ._direct_speakers import _POST_FRAME_WINDOW, _DirectSpeakers
from ._tokens import _Frame, _is_cap
from ._words import _PREPS


class _InterruptedSubject(_DirectSpeakers):
    """The subject-phrase-cue frame after a closing quotation mark."""

    def _subject_phrase_cue(self, k: int, hi: int) -> _Frame | None:
        """'“...,” Stroud, after a long pause, said of Marsh.': a name or pronoun, then a prepositional phrase
        between commas, then the cue; the phrase is about the telling, so the name is the speaker."""
        t = self.t
        np_ = self._np_right(k, hi)
        if np_ is None or np_[0] != k or np_[1] + 2 >= hi or t.low[np_[1]] != "," \
                or not (_is_cap(t.text[k]) or t.low[k] in ("he", "she", "they")) or t.low[np_[1] + 1] not in _PREPS:
            return None
        for c in range(np_[1] + 2, min(hi - 1, np_[1] + 2 + _POST_FRAME_WINDOW)):
            if t.quote[c] != -1 or t.low[c] in (".", ";", "!", "?", ":"):
                return None
            if t.low[c] == ",":
                cue = self._cue_at(c + 1)
                if cue is None or cue[2].cls != "speech" or cue[2].form not in ("past", "s"):
                    return None
                fr = _Frame(-1, -1, None, np_[0], np_[1])
                fr.c0, fr.c1, fr.cue = cue
                return fr
        return None
