# drift: `make run` runs the tool on seeds/, `make test` runs lint and the test suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TORCH_VERSION ?= 2.13.0
# CPU wheels by default; GPU users: make setup TORCH_INDEX=https://download.pytorch.org/whl/cu126
TORCH_INDEX ?= https://download.pytorch.org/whl/cpu
OUT ?= reports

# Dictionaries read from the system (GPL data stays out of drift): WordNet 3.0, Müller en-ru, FreeDict.
SYSTEM_PACKAGES ?= wordnet-base mueller7-dict dict-freedict-eng-rus
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends

# Headless Chromium (and CJK glyphs) for the report's layout test and screenshots; dev only.
BROWSER_PACKAGES ?= chromium fonts-wqy-zenhei

.PHONY: setup setup-dev system-deps browser-deps run test lint format bench coverage clean \
	notebook-html screenshots

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

setup: system-deps $(VENV)/.installed

setup-dev: system-deps browser-deps $(VENV)/.installed-dev

# Installs the system dictionaries when it can (root, or sudo without a password); otherwise prints
# the one command to run. Never fails: drift starts without them and names what is missing.
system-deps:
	@if dpkg -s $(SYSTEM_PACKAGES) >/dev/null 2>&1; then :; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
		echo "drift: optional dictionaries not installed; on Debian/Ubuntu: sudo apt-get install -y $(SYSTEM_PACKAGES)"; \
	elif [ "$$(id -u)" = 0 ]; then \
		($(APT_INSTALL) $(SYSTEM_PACKAGES) || (apt-get update -q && $(APT_INSTALL) $(SYSTEM_PACKAGES))) >/dev/null 2>&1 \
		|| echo "drift: could not install the dictionaries; run: apt-get update && apt-get install -y $(SYSTEM_PACKAGES)"; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
		(sudo -n env $(APT_INSTALL) $(SYSTEM_PACKAGES) || (sudo -n apt-get update -q && sudo -n env $(APT_INSTALL) $(SYSTEM_PACKAGES))) >/dev/null 2>&1 \
		|| echo "drift: could not install the dictionaries; run: sudo apt-get install -y $(SYSTEM_PACKAGES)"; \
	else \
		echo "drift: optional dictionaries not installed; run: sudo apt-get install -y $(SYSTEM_PACKAGES)"; \
	fi

# Like system-deps: installs Chromium when it can, else prints the command; the browser test
# skips (saying why) without it.
browser-deps:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
		|| command -v google-chrome >/dev/null 2>&1; then :; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
		echo "drift: no Chromium for the report layout test; install Chromium or Chrome"; \
	elif [ "$$(id -u)" = 0 ]; then \
		($(APT_INSTALL) $(BROWSER_PACKAGES) || (apt-get update -q && $(APT_INSTALL) $(BROWSER_PACKAGES))) >/dev/null 2>&1 \
		|| echo "drift: could not install Chromium; run: apt-get update && apt-get install -y $(BROWSER_PACKAGES)"; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
		(sudo -n env $(APT_INSTALL) $(BROWSER_PACKAGES) || (sudo -n apt-get update -q && sudo -n env $(APT_INSTALL) $(BROWSER_PACKAGES))) >/dev/null 2>&1 \
		|| echo "drift: could not install Chromium; run: sudo apt-get install -y $(BROWSER_PACKAGES)"; \
	else \
		echo "drift: no Chromium for the report layout test; run: sudo apt-get install -y $(BROWSER_PACKAGES)"; \
	fi

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
	$(BIN)/python benchmarks/lexicon_coverage.py

coverage: setup-dev
	$(BIN)/python benchmarks/lexicon_coverage.py

# report.html of the seeds at 360, 800 and 1400 px, in $(OUT)/screenshots/
screenshots: run browser-deps
	$(BIN)/python scripts/report_screenshots.py $(OUT)/report.html -o $(OUT)/screenshots

# docs/drift_analysis.html: the executed notebook, for readers who do not run it (tests check
# that it matches the notebook's source).
notebook-html: setup-dev
	$(BIN)/python -m pip install --quiet -e ".[dev,notebook]"
	$(BIN)/python scripts/notebook_html.py

clean:
	rm -rf $(VENV) reports .pytest_cache build *.egg-info
