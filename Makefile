# storyline: `make demo` to see it work, `make test` to check it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= storyline.duckdb
DATA ?= ../shared/data

.PHONY: install demo serve test test-fast lint evaluate bench seeds clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed  ## create .venv and install storyline with the dev tools

demo: install  ## ingest the bundled sample articles into storyline.duckdb and show what was found
	$(BIN)/storyline ingest examples --db $(DB)
	$(BIN)/storyline entities --db $(DB) --limit 12
	$(BIN)/storyline events --db $(DB) --limit 15
	$(BIN)/storyline quotes --db $(DB) --limit 10
	@echo "Export everything: $(BIN)/storyline export --db $(DB) --all -o out/"
	@echo "See it in a browser: $(BIN)/storyline serve --db $(DB)   (then open http://127.0.0.1:8765/)"

serve: install  ## the web page and REST API over storyline.duckdb (make demo first)
	$(BIN)/storyline serve --db $(DB)

# The suite runs in this many processes (pytest-xdist), each test file whole in one of them: the
# model-bound tests are single-threaded, so two cores take half the time. TEST_WORKERS=0 runs it
# in this process, as plain `pytest` does.
TEST_WORKERS ?= 2

test: install  ## the whole test suite (what CI runs)
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile

test-fast: install  ## only the tests that need neither the spaCy model nor the data folder
	$(BIN)/python -m pytest -q -m "not model and not data"

lint: install
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy

SEEDS ?= ../shared/seeds

seeds: install  ## the seed article checks (SEEDS=folder holding check.py; not in this repository)
	@test -f $(SEEDS)/check.py || { echo "no seed checks at $(SEEDS)/check.py: they sit beside a checkout of the project (make seeds SEEDS=path/to/seeds)"; exit 2; }
	$(PYTHON) $(SEEDS)/check.py --storyline $(BIN)/storyline

evaluate: install  ## every extractor against the public gold data (slow)
	$(BIN)/storyline evaluate time $(DATA)/tempeval3/Training/TBAQ-cleaned
	$(BIN)/storyline evaluate published $(DATA)/allsides_article_bias --field text=content_original --limit 1000
	$(BIN)/storyline evaluate events $(DATA)/plover_gsr
	$(BIN)/storyline evaluate event-types $(DATA)/ngec_synthetic --split test
	$(BIN)/storyline evaluate quotes $(DATA)/polnear --split dev
	$(BIN)/storyline evaluate stories $(DATA)/ecbplus --split dev
	$(BIN)/storyline evaluate similarity $(DATA)/semeval2022_task8_subset --split train
	$(BIN)/storyline evaluate basil $(DATA)/basil --split all
	$(BIN)/storyline evaluate merging $(DATA)/ecbplus --split dev
	$(BIN)/storyline evaluate entities $(DATA)/ecbplus --split dev

bench: install  ## speed against bare spaCy on 300 AllSides articles
	$(BIN)/storyline bench $(DATA)/allsides_article_bias --limit 300 --workers 2 --repeat 3

clean:
	rm -rf $(VENV) $(DB) $(DB).wal out .pytest_cache .mypy_cache .ruff_cache
