"""Charts: one function per chart, ``plot_x(data, *, ax=None, **kw) -> Axes``.

Functions never call ``plt.show()`` or save files; export with :func:`mediakit.export.save_figure`.
One submodule per analysis (corpus, terms, framing, sources, reuse, similarity, timeline); every chart is
importable from here: ``mediakit.plotting.plot_articles_per_outlet(corpus)``. Text made from article data
(outlet names, terms, quotes) is drawn literally: a ``$`` is a dollar sign, never matplotlib mathtext.
"""

from __future__ import annotations

from ._base import new_axes, outlet_colors
from .corpus import articles_over_time, plot_articles_over_time, plot_articles_per_outlet
from .framing import (
    frame_colors,
    plot_frame_profile,
    plot_frames_over_time,
    plot_headline_vs_body,
    plot_tone,
    plot_topic_shares,
)
from .reuse import plot_reuse_graph
from .similarity import plot_outlet_map, plot_similarity_heatmap
from .sources import (
    plot_profile_share,
    plot_speaker_countries,
    plot_speaker_heatmap,
    plot_speaker_types,
    plot_verb_stance,
    shares,
    speaker_matrix,
)
from .terms import (
    distinctive_terms_data,
    naming_heatmap_data,
    plot_distinctive_terms,
    plot_naming_heatmap,
    plot_term_heatmap,
    plot_term_scatter,
    term_heatmap_data,
    term_scatter_data,
)
from .timeline import plot_coverage_timeline

__all__ = [
    "outlet_colors", "new_axes", "plot_articles_per_outlet", "plot_articles_over_time",
    "articles_over_time", "plot_frame_profile", "plot_frames_over_time", "plot_headline_vs_body",
    "plot_tone", "plot_topic_shares", "frame_colors", "plot_reuse_graph", "plot_similarity_heatmap",
    "plot_outlet_map", "shares", "speaker_matrix", "plot_speaker_types", "plot_speaker_countries",
    "plot_speaker_heatmap", "plot_verb_stance", "plot_profile_share", "distinctive_terms_data",
    "plot_distinctive_terms", "term_scatter_data", "plot_term_scatter", "naming_heatmap_data",
    "plot_naming_heatmap", "term_heatmap_data", "plot_term_heatmap", "plot_coverage_timeline",
]
