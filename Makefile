# Two commands set everything up on a fresh machine with Python 3.11 (SPEC §1).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: serve test lint bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# The default install: no torch.
$(VENV)/.serve-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

# Test extras, and the optional sentence-transformers backend (torch pinned to the CPU build).
$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,st]'
	touch $@ $(VENV)/.serve-installed

serve: $(VENV)/.serve-installed
	mkdir -p var
	$(BIN)/assistant serve --db var/assistant.db

test: $(VENV)/.test-installed
	$(BIN)/python -m pytest -n 2 --dist loadfile -q

lint: $(VENV)/.test-installed
	$(BIN)/ruff check assistant tests bench

bench: $(VENV)/.serve-installed
	$(BIN)/python bench/bench_analyze.py

clean:
	rm -rf $(VENV) var
