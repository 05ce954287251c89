# backcare: `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TRANSLATIONS := backcare/translations
PO := $(TRANSLATIONS)/es/LC_MESSAGES/messages.po

.PHONY: help install browser-deps run test lint format i18n-extract i18n-update i18n-compile clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP) i18n-compile ## Create .venv, install backcare editable with its test extra, compile translations

run: install ## Serve http://127.0.0.1:5000 with the Flask dev server in debug mode
	$(VENV)/bin/flask --app backcare run --debug --host 127.0.0.1 --port 5000

# Production runs from its own venv: the locked runtime dependencies (hash-checked) and backcare
# itself installed as a wheel would be, compiled catalogs and all; no test toolchain.
SERVE_VENV := .venv-serve

$(SERVE_VENV)/.installed: requirements.txt
	rm -rf $(SERVE_VENV)
	python3 -m venv $(SERVE_VENV)
	$(SERVE_VENV)/bin/pip install --quiet --no-deps --require-hashes -r requirements.txt
	touch $@

.PHONY: serve require-secret-key lock
serve: require-secret-key $(SERVE_VENV)/.installed ## Serve in production from .venv-serve with gunicorn.conf.py (needs BACKCARE_SECRET_KEY)
	$(SERVE_VENV)/bin/pip install --quiet --no-deps --force-reinstall .
	@# From another folder, so that gunicorn imports the installed package, not ./backcare.
	cd $(SERVE_VENV) && BACKCARE_INSTANCE_PATH="$${BACKCARE_INSTANCE_PATH:-$(CURDIR)/instance}" \
	  exec bin/gunicorn --config "$(CURDIR)/gunicorn.conf.py" --access-logfile - 'backcare:create_app()'

lock: $(STAMP) ## Refresh requirements.txt: the newest runtime versions pyproject.toml allows, with hashes
	CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --upgrade --generate-hashes \
	  --strip-extras --no-emit-index-url --no-emit-find-links --no-emit-trusted-host \
	  --output-file requirements.txt pyproject.toml

require-secret-key:
	@if [ -z "$$BACKCARE_SECRET_KEY" ]; then \
	  echo "make serve needs BACKCARE_SECRET_KEY, shared by every process and machine:" >&2; \
	  echo "  export BACKCARE_SECRET_KEY=\"\$$(python3 -c 'import secrets; print(secrets.token_hex(32))')\"" >&2; \
	  exit 1; \
	fi

test: install browser-deps ## Run the whole test suite
	$(VENV)/bin/pytest

browser-deps: node_modules/.package-lock.json ## npm ci: the HTML checker, axe-core and LHC-Forms for the browser tests

# Never a browser download: the browser tests drive Debian's /usr/bin/chromium.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts; \
	else echo "npm not found: the HTML check in the browser tests will be skipped" >&2; fi

lint: install ## ruff check and ruff format --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

i18n-extract: $(STAMP) ## Extract every marked string into backcare/translations/messages.pot
	$(VENV)/bin/pybabel extract --no-location --sort-by-file --project=backcare -F babel.cfg -k _l -k N_ -k ngettext:1,2 -k _n:1,2 -o $(TRANSLATIONS)/messages.pot .

i18n-update: i18n-extract ## Merge messages.pot into the Spanish catalog
	@if [ -f $(PO) ]; then \
	  $(VENV)/bin/pybabel update --no-fuzzy-matching --ignore-obsolete -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS); \
	else \
	  $(VENV)/bin/pybabel init -l es -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS); \
	fi

i18n-compile: $(STAMP) ## Compile the .po catalogs into .mo files
	@if [ -f $(PO) ]; then $(VENV)/bin/pybabel compile --statistics -d $(TRANSLATIONS); fi

clean: ## Remove the virtualenvs, build outputs and compiled files
	rm -rf $(VENV) $(SERVE_VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
	find . -name '__pycache__' -prune -exec rm -rf {} +
	find $(TRANSLATIONS) -name '*.mo' -delete

.PHONY: bench
bench: install ## Load-test a bare Flask app and backcare with wrk (Debian package); see bench/README.md
	$(PY) bench/bench.py

.PHONY: bench-instructions
bench-instructions: install ## Instructions per request for each page, bare and floor apps (valgrind)
	$(PY) -m bench.instructions
