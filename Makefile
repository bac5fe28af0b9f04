# WithUs: `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
LANGS := en cy pl ar ur bn

.PHONY: run test lint format translations compile-translations setup bench clean

setup: $(VENV)/.installed compile-translations

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "WithUs needs Python 3.11 or newer"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create a virtual environment. On Debian or Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

compile-translations: $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -d translations

run: setup
	mkdir -p instance
	WITHUS_ENV=development $(FLASK) db upgrade
	WITHUS_ENV=development $(FLASK) withus seed-demo
	WITHUS_ENV=development $(FLASK) run --host 127.0.0.1 --port 5000

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# lint-imports checks the import contracts in pyproject.toml: no package imports its importer.
lint: $(VENV)/.installed
	$(BIN)/ruff check app tests migrations wsgi.py
	$(BIN)/ruff format --check app tests migrations wsgi.py
	$(BIN)/lint-imports --no-cache

format: $(VENV)/.installed
	$(BIN)/ruff check --fix app tests migrations wsgi.py
	$(BIN)/ruff format app tests migrations wsgi.py

# Extract every string, merge it into each catalogue, then compile. Translators fill in the gaps.
translations: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
	  --project WithUs -o translations/messages.pot .
	@for lang in $(LANGS); do \
	  if [ -f translations/$$lang/LC_MESSAGES/messages.po ]; then \
	    $(BIN)/pybabel update --no-fuzzy-matching -i translations/messages.pot -d translations -l $$lang; \
	  else \
	    $(BIN)/pybabel init -i translations/messages.pot -d translations -l $$lang; \
	  fi; \
	done
	$(BIN)/python -m app.catalogues
	$(MAKE) compile-translations

# Speed and memory targets, measured rather than asserted in timed tests. wrk comes from Debian.
bench: setup
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; } || { \
	  echo "bench needs wrk: sudo apt-get install wrk"; exit 1; }
	@# Every figure is printed even when an earlier one misses its target; the exit says if any did.
	@status=0; $(BIN)/python -m tests.bench_serve || status=1; \
	  $(BIN)/python -m tests.bench_export --responses 125000 || status=1; exit $$status

clean:
	rm -rf $(VENV) instance/test.db
