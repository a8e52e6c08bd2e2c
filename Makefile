# Two commands on a fresh machine: `make run` builds the seed graph, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install lint clean bench bench-full serve browser corpus

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/kg build data/articles
	$(BIN)/kg validate
	mkdir -p out
	$(BIN)/kg export --format turtle -o out/kg.ttl
	$(BIN)/kg stats
	$(BIN)/kg query defections
	$(BIN)/kg query statistics-by-source

# Browser tests need Debian's chromium: installed here when missing, so they run, not skip.
browser:
	bash scripts/ensure-chromium.sh

# The real-news dev corpus (gensim's lee.cor, from the gensim wheel on the package registry),
# cached in .cache/corpora and never committed: data/gold-real annotates it.
corpus: $(STAMP)
	$(BIN)/python scripts/fetch_corpus.py

test: $(STAMP) browser corpus
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/kg serve

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py --quick
	$(BIN)/python bench/load.py

# The full sizes: 1M triples queried and exported, and a corpus built to 1M triples.
bench-full: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py
	$(BIN)/python bench/million.py

lint: $(STAMP)
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) .kg out
