"""Frames per sentence from an editable codebook, outlet profiles with uncertainty, and the sentences behind them.

>>> import mediakit as mk, pandas as pd
>>> corpus = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
...                        "text": ["The tariffs cost farmers dearly.", "The court ruled the ban illegal."]})
>>> scores = mk.score_frames(corpus)                          # codebook "policy_frames"
>>> profile = mk.frame_profile(scores, by="outlet", n_boot=100)
>>> profile[profile.share > 0][["group", "frame", "share"]].values.tolist()
[['X', 'economic', 1.0], ['Y', 'legality', 1.0]]
>>> mk.frame_evidence(scores, "Y", "legality")["text"].tolist()
['The court ruled the ban illegal.']
>>> test = mk.frame_difference_test(scores, by="outlet", n_perm=100)   # do the outlets differ?

One module per job:

- :mod:`~mediakit.framing.codebook`: codebooks as versioned YAML data (the format is documented there);
- :mod:`~mediakit.framing.scoring`: the sentence table (:func:`score_frames`, its columns are described
  there), reuse discounting and the evidence behind a number;
- :mod:`~mediakit.framing.articles`: the frames each article carries (multi-label, :func:`article_frames`),
  by a rule calibrated on the demo gold (documented there); ``frame_profile(..., unit="article")`` uses it;
- :mod:`~mediakit.framing.statistics`: frame shares, outlet profiles with bootstrap CIs, tests of
  difference, frames over time, headline against body;
- :mod:`~mediakit.framing.validation`: sampling sentences for hand coding, agreement and Krippendorff's alpha;
- :mod:`~mediakit.framing.classifier`: :class:`FrameClassifier`, frames learned from the hand coding (on
  TF-IDF or on multilingual sentence embeddings, so English codes carry over to Russian and Turkish);
- :mod:`~mediakit.framing.lemmas`: the lemmatiser behind the codebooks' Russian and Turkish ``lemmas:`` cues;
- :mod:`~mediakit.framing.zeroshot`: frames without cues, by similarity to each frame's description and
  examples in any language (``score_frames(..., method="embedding")``, :func:`frame_similarity`).

Topics and tone toward actors are analyses of their own: :mod:`mediakit.topics`, :mod:`mediakit.tone`.
"""

from .articles import MIN_SENTENCES, MIN_SHARE, article_frames, article_presence
from .classifier import FrameClassifier, SentenceEmbedder
from .codebook import Codebook, CodebookError, Cue, Frame, codebook_table, list_codebooks, load_codebook
from .scoring import (
    PARTS,
    SCORE_COLUMNS,
    TEXT_PARTS,
    dominant_frames,
    frame_evidence,
    mostly_inside,
    reused_sentence_mask,
    reused_span_index,
    score_frames,
)
from .statistics import frame_difference_test, frame_profile, frame_shares, frames_over_time, headline_vs_body
from .validation import agreement, krippendorff_alpha, sample_for_coding
from .zeroshot import EMBEDDING_THRESHOLD, frame_similarity, frame_texts

__all__ = [
    "Codebook",
    "CodebookError",
    "Cue",
    "Frame",
    "codebook_table",
    "list_codebooks",
    "load_codebook",
    "PARTS",
    "TEXT_PARTS",
    "SCORE_COLUMNS",
    "score_frames",
    "frame_evidence",
    "dominant_frames",
    "reused_sentence_mask",
    "reused_span_index",
    "mostly_inside",
    "frame_shares",
    "frame_profile",
    "frame_difference_test",
    "frames_over_time",
    "headline_vs_body",
    "sample_for_coding",
    "agreement",
    "krippendorff_alpha",
    "FrameClassifier",
    "SentenceEmbedder",
    "article_frames",
    "article_presence",
    "MIN_SENTENCES",
    "MIN_SHARE",
    "EMBEDDING_THRESHOLD",
    "frame_similarity",
    "frame_texts",
]
