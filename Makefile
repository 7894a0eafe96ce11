# mediakit: two commands do everything on a fresh machine with Python 3.11+ (no conda needed).
#   make report   build the comparison report for the bundled corpus into reports/
#   make test     run the whole test suite, notebooks included
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.mediakit-installed
CORPUS ?= data/s400
EXTRAS ?= notebooks,dev,scale

.PHONY: install report notebooks test lint bench clean

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
	$(BIN)/mediakit report $(CORPUS) --out reports
	$(BIN)/python -m mediakit.notebooks run --out reports/notebooks

notebooks: install
	$(BIN)/python -m mediakit.notebooks run --out reports/notebooks

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check mediakit tests bench

bench: install
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) reports/figures reports/notebooks reports/report.html .pytest_cache
