# Every target sets itself up from nothing: a fresh clone needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Building needs only the runtime dependencies; testing adds the test extra.
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
NODE_STAMP := tests/browser/node_modules/.installed
CMS_STAMP := beheer/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve beheer check test lint bench validate schemas clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

# Test-only JavaScript (axe-core for the accessibility tests), pinned in package-lock.json.
$(NODE_STAMP): tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --silent
	touch $(NODE_STAMP)

# The browser editor (Decap CMS, served at /beheer/) and its local proxy, pinned in
# beheer/package-lock.json.
$(CMS_STAMP): beheer/package-lock.json
	npm ci --prefix beheer --no-audit --no-fund --silent
	touch $(CMS_STAMP)

site: $(STAMP) $(CMS_STAMP)  ## check the content and build the public site into site/
	$(BIN)/kennisbank build

beheer: $(STAMP) $(CMS_STAMP)  ## edit content/ in the browser: http://127.0.0.1:8001/beheer/
	$(BIN)/kennisbank cms

check: $(STAMP)  ## check the content: every problem with file, line and fix
	$(BIN)/kennisbank check

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000 (drafts included)
	$(BIN)/kennisbank serve --drafts

test: $(TEST_STAMP) $(NODE_STAMP) $(CMS_STAMP)  ## every test, browser tests included
	$(BIN)/python -m pytest -q

lint: $(TEST_STAMP)  ## ruff (rules and format) and strict mypy over all Python
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format --check generator tests benchmarks
	$(BIN)/mypy generator tests benchmarks

bench: $(TEST_STAMP) $(NODE_STAMP)  ## speed and memory at 100, 1,000 and 10,000 records
	$(BIN)/python benchmarks/run.py

# Lighthouse and pa11y for the validators' report, pinned in benchmarks/validators/package-lock.json.
VALIDATORS_STAMP := benchmarks/validators/node_modules/.installed
$(VALIDATORS_STAMP): benchmarks/validators/package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix benchmarks/validators --no-audit --no-fund --silent
	touch $(VALIDATORS_STAMP)

validate: $(TEST_STAMP) $(NODE_STAMP) $(CMS_STAMP) $(VALIDATORS_STAMP)  ## W3C Nu, Lighthouse, pa11y and axe on the real content: benchmarks/validators.md
	$(BIN)/python benchmarks/validators.py

schemas: $(STAMP)  ## regenerate the JSON Schemas that editors' tools use
	$(BIN)/kennisbank schema schemas

clean:
	rm -rf site build .pytest_cache
