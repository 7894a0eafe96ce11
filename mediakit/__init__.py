"""mediakit: compare how news outlets cover the same story (terms, framing, sources, reuse).

>>> import mediakit as mk
>>> corpus = mk.load_corpus("data/s400")     # doctest: +SKIP
>>> quotes = mk.extract_quotes(corpus)       # doctest: +SKIP

Importing mediakit is cheap and has no side effects: the analysis modules load on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# Public name -> module that defines it. Modules are imported on first access (PEP 562).
_EXPORTS: dict[str, str] = {
    # corpus
    "load_corpus": "corpus", "validate_corpus": "corpus", "CorpusError": "corpus", "load_manifest": "corpus",
    "ColumnError": "corpus", "LoadReport": "corpus", "corpus_summary": "corpus",
    # fetch
    "fetch_articles": "fetch",
    # text
    "split_sentences": "text", "tokenize": "text", "fold": "text", "detect_language": "text",
    # vectorize
    "make_vectorizer": "vectorize", "vectorise": "vectorize", "group_term_matrix": "vectorize",
    # terms
    "distinctive_terms": "api", "naming_table": "terms", "kwic": "terms", "collocations": "terms",
    "suggest_variants": "terms", "naming_matches": "terms", "load_lexicon": "terms",
    # framing
    "load_codebook": "framing", "score_frames": "api", "frame_profile": "framing", "agreement": "framing",
    "FrameClassifier": "framing", "sample_for_coding": "framing", "frame_evidence": "framing",
    "frame_shares": "framing", "frame_difference_test": "framing", "frames_over_time": "framing",
    "headline_vs_body": "framing", "krippendorff_alpha": "framing",
    "article_frames": "api", "frame_similarity": "framing",
    # tone and topics
    "tone_toward": "tone", "actor_mentions": "tone", "load_actors": "tone", "topic_model": "topics",
    # sources
    "extract_quotes": "api", "speaker_table": "sources", "source_profile": "sources",
    "article_sourcing": "sources", "stance_lexicon": "sources", "quotes_with_articles": "quotes",
    "sample_quotes": "quotes", "quote_accuracy": "quotes",
    # reuse and similarity
    "find_reuse": "api", "original_share": "reuse", "reused_spans": "reuse", "reuse_edges": "reuse",
    "similarity_matrix": "similarity", "outlet_similarity": "similarity", "similarity_clusters": "similarity",
    "similarity_map": "similarity", "similarity_linkage": "similarity", "similarity_pairs": "similarity",
    # timeline
    "coverage_timeline": "api", "load_events": "timeline", "first_reports": "timeline",
    "outlet_lag": "timeline", "events_fit": "timeline", "auto_freq": "timeline",
    # export and report
    "embed": "embedding", "Embeddings": "embedding", "find_translations": "reuse",
    "save_figure": "export", "save_table": "export", "write_csv": "export", "build_report": "report",
    # story packs
    "load_story": "stories", "Story": "stories", "StoryError": "stories", "init_story": "stories",
    # explore (the term scatter and evidence browsers: widgets and explorer.html)
    "explore_terms": "explore", "build_explorer": "explore", "explore_evidence": "explore",
    # scale (Dask; the scale extra). distinctive_terms, score_frames, extract_quotes, coverage_timeline and
    # find_reuse come from "api": the pandas functions, handing a Dask DataFrame to mediakit.scale.run
    "load_corpus_dask": "scale",
}
_MODULES = ("corpus", "fetch", "text", "vectorize", "terms", "framing", "sources", "reuse", "similarity",
            "timeline", "plotting", "export", "report", "dates", "topics", "tone", "scale",
            "analysis", "api", "stories", "quotes", "explore", "parsed", "spans", "matching")

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        module = importlib.import_module(f".{_EXPORTS[name]}", __name__)
        return getattr(module, name)
    if name in _MODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'mediakit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(__all__) | set(_MODULES))
