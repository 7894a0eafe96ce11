"""YAML read with libyaml's C parser where PyYAML has it (about 10x faster than its pure-Python one; the
same safe constructors, so the same values), PyYAML's own safe loader otherwise.

One job: every YAML file mediakit reads (story packs, codebooks, lexicons, the language resources, user
rule files) goes through :func:`load_yaml`; front matter has its own loader (:mod:`mediakit.corpus._text`).

>>> load_yaml("frames:\\n  - name: economic\\n    weight: 1.5\\n")
{'frames': [{'name': 'economic', 'weight': 1.5}]}
>>> load_yaml("") is None
True
"""

from __future__ import annotations

from typing import IO, Any

import yaml

__all__ = ["load_yaml", "SAFE_LOADER"]

SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(source: str | bytes | IO[str] | IO[bytes]) -> Any:
    """``yaml.safe_load(source)``, by the C parser when available (raises ``yaml.YAMLError`` alike)."""
    return yaml.load(source, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader)
