# backcare: `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TRANSLATIONS := translations
PO := $(TRANSLATIONS)/es/LC_MESSAGES/messages.po

.PHONY: help install run test lint format i18n-extract i18n-update i18n-compile clean

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

test: install ## Run the whole test suite
	$(VENV)/bin/pytest

lint: install ## ruff check and ruff format --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

i18n-extract: $(STAMP) ## Extract every marked string into translations/messages.pot
	$(VENV)/bin/pybabel extract --no-location --sort-by-file -F babel.cfg -k _l -k N_ -k ngettext:1,2 -k _n:1,2 -o $(TRANSLATIONS)/messages.pot .

i18n-update: i18n-extract ## Merge messages.pot into the Spanish catalog
	$(VENV)/bin/pybabel update --no-fuzzy-matching --ignore-obsolete -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS)

i18n-compile: $(STAMP) ## Compile the .po catalogs into .mo files
	@if [ -f $(PO) ]; then $(VENV)/bin/pybabel compile --statistics -d $(TRANSLATIONS); fi

clean: ## Remove the virtualenv and compiled files
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
	find . -name '__pycache__' -prune -exec rm -rf {} +
	find $(TRANSLATIONS) -name '*.mo' -delete
