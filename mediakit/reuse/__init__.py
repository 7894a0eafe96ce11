"""Text reuse: passages that one article shares with another (wire copy, reprints, lifted paragraphs).

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")
>>> reuse = mk.find_reuse(corpus)
>>> len(reuse), int(reuse.same_outlet.sum())
(8, 0)
>>> mk.reuse_edges(reuse)["passages"].tolist()                # per (source outlet, reprinting outlet)
[3, 2, 2, 1]
>>> shares = mk.original_share(corpus, reuse, by="outlet")     # reprints and agency copy are not original
>>> shares["original_share"].round(2).tolist(), shares["agency_copy"].tolist()
([0.79, 0.76, 0.85, 1.0, 1.0, 1.0, 0.97], [2, 2, 1, 0, 0, 0, 0])
>>> reuse["kind"].value_counts().to_dict()
{'reprint': 8}

Every passage has exact character offsets in both articles' ``text`` (``text[source_start:source_end]``
is the passage in the source), a similarity, and a direction: the earlier article is the source; pairs
published the same day are flagged (``same_day``) and ordered by a wire credit or a mention of the other
outlet when there is one. Pairs within one outlet are flagged ``same_outlet`` so that they can be kept
apart from reuse between outlets.

How it works, and why it grows about linearly with the corpus
--------------------------------------------------------------
1. Tokens: each text is tokenised with :data:`mediakit.text.TOKEN_PATTERN`, lower-cased, and every run of
   ``shingle`` (5) words is hashed to a 64-bit integer.
2. Candidates (a shingle index): winnowing (Schleimer, Wilkerson & Aiken 2003) keeps the smallest hash in
   every window of ``window`` shingles, which guarantees that any exact run of ``window + shingle - 1``
   words shared by two articles leaves at least one common fingerprint. Fingerprints found in more than
   ``max_df`` articles (stock phrases, boilerplate) are dropped. A pair of articles is a candidate when it
   shares ``min_shared`` fingerprints of which ``min_shared - 1`` are held by at most 4 articles (counted
   pairwise), or when one shared fingerprint belongs to a passage reprinted in many articles (the ends of its
   list of articles are those of ``min_shared`` other fingerprints): a stock phrase in 5-100 articles is never
   expanded into its pairs, so the count grows about linearly with the corpus (see
   :func:`mediakit.reuse._candidates.fingerprint_pairs`; the counts of the pairs kept are exact).
3. Alignment (seed and extend): in each candidate pair, equal shingles are seeds; seeds on one diagonal
   form exact runs; runs are chained into a passage across small edits (gaps of at most ``max_gap`` words
   on either side). A passage is kept when both sides have ``min_words`` words and its similarity (the
   share of its words covered by exact matches) reaches ``min_similarity``.

Written by hand rather than with a library, and why: datasketch's MinHash LSH (offered here as
``candidates="minhash"``) estimates the Jaccard similarity of whole articles, so a 60-word wire paragraph
inside two 800-word articles (Jaccard about 0.04) goes unseen, and it gives no offsets. difflib aligns
well but in pure Python per word and with quadratic worst cases; the alignment here works on numpy arrays
of shingle hashes and only on candidate pairs.

Translated reprints (``find_reuse(..., cross_lingual=True)``, or :func:`find_translations` alone): runs of
sentences of one article that translate a run of another article in another language, found with
multilingual sentence embeddings and a monotonic alignment; they join the same table with ``kind``
``translation`` and offsets in both languages, so :func:`original_share`, :func:`reused_spans` and every
``discount_reuse=`` use them (see :mod:`mediakit.reuse._translation`).

Modules, one job each: ``_shingles`` (tokens, shingle hashes, winnowed fingerprints, alignment),
``_candidates`` (candidate pairs from the fingerprints), ``_find`` (find_reuse as a registered analysis, the output table), ``_direction`` (the table's columns and
the direction of a pair), ``_kinds`` (reprint, shared quote or boilerplate; agency credits), ``_translation``
(translated reprints) and ``_tables`` (reused spans, original shares, reuse edges).
"""

from __future__ import annotations

from ._candidates import fingerprint_pairs
from ._direction import REUSE_COLUMNS, order_pair
from ._find import FIND_REUSE, ReuseStats, aligned_passages, find_reuse
from ._kinds import KINDS, agency_credit, quote_spans
from ._tables import original_share, reuse_edges, reused_spans
from ._translation import TRANSLATION_COLUMNS, find_translations

__all__ = ["find_reuse", "original_share", "reused_spans", "reuse_edges", "REUSE_COLUMNS", "FIND_REUSE", "KINDS",
           "ReuseStats", "agency_credit", "quote_spans", "aligned_passages", "fingerprint_pairs", "order_pair",
           "find_translations", "TRANSLATION_COLUMNS"]
