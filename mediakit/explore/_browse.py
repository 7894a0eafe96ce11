"""The speaker and reuse browsers of the explorer page as live JupyterLab widgets (ipywidgets 8, no build
step): a speaker -> their quotes per outlet side by side, kind and verb shown; a reuse pair -> both
passages aligned with the changed words marked. Same data, caps and order as the page's browsers."""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from ._evidence import quote_data, reuse_data

__all__ = ["EvidenceBrowser", "explore_evidence"]

_QUOTE_COLUMNS = ["speaker", "article_id", "group", "date", "title", "kind", "verb", "mention", "start", "end", "quote"]


class EvidenceBrowser:
    """Quotes per speaker and reuse pairs of one corpus (made by :func:`explore_evidence`).

    ``quotes_of(speaker)`` and ``pair(i)`` are the tables a selection shows; ``select_speaker`` and
    ``select_pair`` pick one (updating the widget when it is shown); ``widget()`` is the live view.
    """

    def __init__(self, articles: pd.DataFrame, quotes: dict[str, Any], reuse: dict[str, Any], *, by: str,
                 caps: dict[str, Any]) -> None:
        self.by, self.caps, self._articles = by, caps, articles
        self._quotes, self._reuse = quotes, reuse
        self.speakers = pd.DataFrame(quotes["speakers"], columns=["speaker", "quotes"])
        self.selected_speaker: str | None = None
        self.selected_pair: int | None = None
        self._ui: Any = None

    def quotes_of(self, speaker: str) -> pd.DataFrame:
        """The shown quotes of ``speaker``: ``speaker, article_id, <by> as group, date, title, kind, verb,
        mention, start, end, quote`` (``start:end`` indexes the article's text)."""
        if speaker not in self._quotes["quotes"]:
            raise KeyError(f"speaker {speaker!r} is not among the {len(self.speakers)} shown; raise max_speakers "
                           f"or pick one of speakers['speaker']")
        rows = []
        for a, kind, verb, mention, start, end, quote in self._quotes["quotes"][speaker]:
            art = self._articles.iloc[a]
            rows.append([speaker, art["article_id"], art["group"], art["date"], art["title"], kind, verb, mention,
                         start, end, quote])
        return pd.DataFrame(rows, columns=_QUOTE_COLUMNS)

    def pairs(self) -> pd.DataFrame:
        """The shown reuse passages: ``source_id, target_id, source_start, source_end, target_start,
        target_end, similarity, source_text, target_text, changes`` (changes: word diff ops)."""
        ids = self._articles["article_id"]
        return pd.DataFrame([[ids.iloc[sa], ids.iloc[ta], ss, se, ts, te, sim, a, b, ops]
                             for sa, ta, ss, se, ts, te, sim, a, b, ops in self._reuse["pairs"]],
                            columns=["source_id", "target_id", "source_start", "source_end", "target_start",
                                     "target_end", "similarity", "source_text", "target_text", "changes"])

    def select_speaker(self, speaker: str) -> pd.DataFrame:
        """Pick ``speaker`` (as the dropdown does): returns their quotes, updates the widget when shown."""
        rows = self.quotes_of(speaker)
        self.selected_speaker = speaker
        if self._ui is not None:
            self._ui.show_speaker(speaker)
        return rows

    def select_pair(self, i: int) -> pd.Series:
        """Pick reuse passage ``i`` (0 = the most similar): returns its row, updates the widget when shown."""
        table = self.pairs()
        if not 0 <= i < len(table):
            raise IndexError(f"pair {i} out of range: {len(table)} reuse passages are shown")
        self.selected_pair = i
        if self._ui is not None:
            self._ui.show_pair(i)
        return table.iloc[i]

    def widget(self) -> Any:
        """The live view: a speaker dropdown over their quotes by outlet, a reuse-pair dropdown over both
        passages (ipywidgets, from the notebooks extra)."""
        if self._ui is None:
            self._ui = _BrowseWidget(self)
        return self._ui.box

    def __repr__(self) -> str:
        return f"EvidenceBrowser({len(self.speakers)} speakers, {len(self._reuse['pairs'])} reuse passages)"


def quotes_html(rows: pd.DataFrame, speaker: str) -> str:
    """One column per outlet, each quote with kind, verb and its offsets (``data-start``/``data-end``)."""
    cols = []
    for group, part in rows.groupby("group", sort=True):
        items = "".join(
            f'<li class="quote" data-article="{html.escape(str(r.article_id))}" data-start="{r.start}" '
            f'data-end="{r.end}"><span style="color:#666;font-size:80%">{html.escape(r.kind)}'
            f'{" · " + html.escape(r.verb) if r.verb else ""} · {html.escape(r.date or "undated")}</span><br>'
            f'{html.escape(r.quote)}</li>' for r in part.itertuples(index=False))
        cols.append(f'<td style="vertical-align:top;min-width:14em"><b>{html.escape(str(group))}</b>'
                    f'<ul style="padding-left:1em">{items}</ul></td>')
    return f"<h4>{html.escape(speaker)}: {len(rows)} quotes</h4><table><tr>{''.join(cols)}</tr></table>"


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    out, at = [], 0
    for s, e in sorted(spans):
        if s < at:
            continue
        out.append(html.escape(text[at:s]))
        out.append(f"<mark>{html.escape(text[s:e])}</mark>" if e > s else "<mark>^</mark>")
        at = e
    return "".join(out) + html.escape(text[at:])


def pair_html(row: pd.Series, articles: pd.DataFrame) -> str:
    """Both passages side by side, the words that differ marked."""
    arts = articles.set_index("article_id")

    def side(aid: str, text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
        a = arts.loc[aid]
        return (f'<td class="passage" data-article="{html.escape(aid)}" data-start="{start}" data-end="{end}" '
                f'style="vertical-align:top;width:50%"><b>{html.escape(a["group"])}</b> · '
                f'{html.escape(a["date"] or "undated")} · {html.escape(a["title"])}<p>{_marked(text, spans)}</p></td>')

    ops = row["changes"]
    return (f"<h4>similarity {row['similarity']:.2f}; {len(ops)} changes marked</h4><table><tr>"
            f"{side(row['source_id'], row['source_text'], [(o[1], o[2]) for o in ops], row['source_start'], row['source_end'])}"
            f"{side(row['target_id'], row['target_text'], [(o[3], o[4]) for o in ops], row['target_start'], row['target_end'])}"
            f"</tr></table>")


class _BrowseWidget:
    def __init__(self, browser: EvidenceBrowser) -> None:
        try:
            import ipywidgets as w
        except ImportError as exc:  # pragma: no cover - the notebooks extra carries it
            raise ImportError("the evidence widget needs ipywidgets; pip install 'mediakit[notebooks]' "
                              "(or open the page written by mk.build_explorer)") from exc
        self.b = browser
        self._pairs = browser.pairs()
        self.speaker = w.Dropdown(options=[(f"{s} ({n})", s) for s, n in browser.speakers.values.tolist()],
                                  value=None, description="Speaker")
        self.pair = w.Dropdown(options=[(f"{i + 1}. {r.source_id} -> {r.target_id} ({r.similarity:.2f})", i)
                                        for i, r in enumerate(self._pairs.itertuples(index=False))],
                               value=None, description="Reuse")
        self.quotes_output = w.HTML("<p>Pick a speaker to read their quotes by outlet.</p>")
        self.reuse_output = w.HTML("<p>Pick a reuse passage to read both sides.</p>")
        c = browser.caps
        caps = w.HTML(f"<p style='font-size:85%;color:#555'>The {len(browser.speakers)} most quoted speakers "
                      f"(max_speakers={c['max_speakers']}), at most {c['quotes_per_speaker']} quotes each "
                      f"(quotes_per_speaker); {len(self._pairs)} of {browser._reuse['n']} reuse passages "
                      f"(max_pairs={c['max_pairs']}), most similar first.</p>")
        self.box = w.VBox([caps, self.speaker, self.quotes_output, self.pair, self.reuse_output])
        self.speaker.observe(lambda ch: ch["new"] is not None and self.b.select_speaker(ch["new"]), names="value")
        self.pair.observe(lambda ch: ch["new"] is not None and self.b.select_pair(ch["new"]), names="value")

    def show_speaker(self, speaker: str) -> None:
        self.quotes_output.value = quotes_html(self.b.quotes_of(speaker), speaker)
        if self.speaker.value != speaker:
            self.speaker.value = speaker

    def show_pair(self, i: int) -> None:
        self.reuse_output.value = pair_html(self._pairs.iloc[i], self.b._articles)
        if self.pair.value != i:
            self.pair.value = i


def explore_evidence(corpus: pd.DataFrame, quotes: pd.DataFrame | None = None, reuse: pd.DataFrame | None = None,
                     *, by: str = "outlet", max_speakers: int = 150, quotes_per_speaker: int = 30,
                     max_pairs: int = 200) -> EvidenceBrowser:
    """The explorer page's speaker and reuse browsers for a notebook: ``quotes`` (from
    :func:`mediakit.extract_quotes`) and ``reuse`` (:func:`mediakit.find_reuse`) of ``corpus``, computed
    when not given; the same caps as :func:`mediakit.build_explorer`. Show it with ``.widget()``.

    >>> import pandas as pd, mediakit as mk
    >>> df = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "text": [
    ...     '"We will not back down," Ana Lee said.', '"We will not back down," Ana Lee told reporters.']})
    >>> ev = explore_evidence(df)
    >>> ev.select_speaker("Ana Lee")[["group", "quote", "start", "end"]].values.tolist()
    [['A', 'We will not back down,', 1, 23], ['B', 'We will not back down,', 1, 23]]
    """
    from ..reuse import find_reuse
    from ..sources import extract_quotes
    from ._build import _article_table, _check

    _check(corpus, by, "explore_evidence")
    quotes = extract_quotes(corpus) if quotes is None else quotes
    reuse = find_reuse(corpus) if reuse is None else reuse
    articles = _article_table(corpus, by)
    pos = {aid: i for i, aid in enumerate(articles["article_id"])}
    group_of = dict(zip(articles["article_id"], articles["group"]))
    texts = dict(zip(articles["article_id"], corpus["text"].fillna("").astype(str)))
    caps = {"max_speakers": max_speakers, "quotes_per_speaker": quotes_per_speaker, "max_pairs": max_pairs}
    return EvidenceBrowser(articles, quote_data(quotes, pos, group_of, max_speakers=max_speakers,
                                                per_speaker=quotes_per_speaker),
                           reuse_data(reuse, texts, pos, max_pairs=max_pairs), by=by, caps=caps)
