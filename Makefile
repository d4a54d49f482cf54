# Run `make help` for the list of targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/mkdocs: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' || { echo "Python >= 3.11.5 is needed (pymdown-extensions 13); set PYTHON=..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(BIN)/mkdocs
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

install: $(BIN)/mkdocs ## Create .venv and install the site's build dependencies

build: $(BIN)/mkdocs ## Build the site into site/ (strict: any content problem stops it)
	$(BIN)/mkdocs build --strict

serve: $(BIN)/mkdocs ## Build and serve the site at http://127.0.0.1:8000 (restart after editing hooks/)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# Debian's Chromium and a CJK font for the browser tests; nothing if Chromium is there (or no apt).
browser-deps: ## Install Chromium and Noto CJK fonts with apt when missing (needs root)
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk; \
	elif [ ! -x /usr/bin/chromium ]; then \
		echo "browser-deps: /usr/bin/chromium is missing and there is no apt-get; install Chromium yourself"; exit 1; \
	fi

# axe-core, vnu-jar, Lighthouse and a Node 22 for it, exactly as package-lock.json says.
# --ignore-scripts: vnu-jar's postinstall would download a Java; the machine's Java 17 is used.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

npm-deps: node_modules/.installed ## Install the npm test tools from package-lock.json (npm ci)

test: $(VENV)/.test-deps browser-deps node_modules/.installed ## Install test tools, lint, build strictly and run every test
	$(BIN)/ruff check hooks tests benchmarks
	$(BIN)/mkdocs build --strict
	$(BIN)/pytest -q

bench: $(BIN)/mkdocs ## Build a synthetic 1,000-page-per-language site and print timings
	$(BIN)/python benchmarks/build.py

bench-web: $(VENV)/.test-deps browser-deps node_modules/.installed ## Page weight, requests and Lighthouse scores per page template
	$(BIN)/python benchmarks/web.py

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .pytest_cache .ruff_cache .hypothesis

.PHONY: help install build serve test bench bench-web browser-deps npm-deps clean
