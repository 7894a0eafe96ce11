"""Charts: one function per chart, ``plot_x(data, *, ax=None, **kw) -> Axes``.

Functions never call ``plt.show()`` or save files; export with :func:`mediakit.export.save_figure`.
One submodule per analysis (corpus, terms, framing, sources, reuse); all their functions are
available here: ``mediakit.plotting.plot_articles_per_outlet(corpus)``.
"""

from __future__ import annotations

import importlib
import pkgutil

from ._base import new_axes, outlet_colors  # noqa: F401

__all__ = ["outlet_colors", "new_axes"]

for _info in pkgutil.iter_modules(__path__):
    if _info.name.startswith("_"):
        continue
    _mod = importlib.import_module(f".{_info.name}", __name__)
    for _name in getattr(_mod, "__all__", []):
        globals()[_name] = getattr(_mod, _name)
        __all__.append(_name)
