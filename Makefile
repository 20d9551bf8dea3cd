# drift: `make run` runs the tool on seeds/, `make test` runs lint and the test suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TORCH_VERSION ?= 2.13.0
# CPU wheels by default; GPU users: make setup TORCH_INDEX=https://download.pytorch.org/whl/cu126
TORCH_INDEX ?= https://download.pytorch.org/whl/cpu
OUT ?= reports

.PHONY: setup setup-dev run test lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# torch alone from its CPU index; its own dependencies come from PyPI with drift's.
$(VENV)/.torch: | $(BIN)/python
	$(BIN)/python -m pip install --quiet --no-deps --retries 2 --index-url $(TORCH_INDEX) \
		"torch==$(TORCH_VERSION)"
	touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.torch
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.torch
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

setup: $(VENV)/.installed

setup-dev: $(VENV)/.installed-dev

run: setup
	$(BIN)/drift run seeds/ --originals seeds/originals.jsonl -o $(OUT)

lint: setup-dev
	$(BIN)/ruff check drift tests benchmarks
	$(BIN)/ruff format --check drift tests benchmarks

format: setup-dev
	$(BIN)/ruff format drift tests benchmarks
	$(BIN)/ruff check --fix drift tests benchmarks

test: lint
	$(BIN)/python -m pytest -q

bench: setup-dev
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	$(BIN)/python benchmarks/align.py
	$(BIN)/python benchmarks/translate.py
	$(BIN)/python benchmarks/quantize.py

clean:
	rm -rf $(VENV) reports .pytest_cache build *.egg-info
