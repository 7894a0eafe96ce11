"""Explore: the term scatter with keyword-in-context lines and the evidence browsers (frames, speakers,
reuse), as live JupyterLab widgets and as one self-contained offline page (``explorer.html``).

>>> from mediakit.explore import CSP
>>> CSP.split(";")[0]
"default-src 'none'"
"""

from __future__ import annotations

from ._browse import EvidenceBrowser, explore_evidence
from ._build import TermExplorer, build_explorer, explore_terms
from ._page import CSP

__all__ = ["TermExplorer", "build_explorer", "explore_terms", "EvidenceBrowser", "explore_evidence", "CSP"]
