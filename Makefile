# The two commands of the quickstart: `make demo` and `make test`.
# Editable installs use the "compat" mode: a plain path entry, which imports faster than
# setuptools' import-hook finder (about 30 ms of every CLI start). Installing is silent (pip -qq:
# errors only), so a first `make demo` prints the files it built and nothing else.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SAMPLE := fixtures/peru-us-organized-crime.txt

.PHONY: demo test bench reference clean

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -qq --upgrade pip
	@$(PY) -m pip install -qq -e . --config-settings editable_mode=compat
	@$(PY) -m compileall -q reporter > /dev/null
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	@$(PY) -m pip install -qq -e '.[test]' --config-settings editable_mode=compat
	@touch $@

## Build the sample briefing into out/ (DOCX and PDF) and print the paths.
demo: $(VENV)/.installed
	@$(VENV)/bin/reporter build $(SAMPLE) --marking TLP:AMBER --prepared-for "Security policy team" --prepared-by "reporter" --out out

## Run every test, on as many processes as the machine has cores (at most 4). Most of the
## suite's time is child processes (the CLI, LibreOffice, jing, Dask) that the runner waits for,
## one after another; two workers keep both cores of a 2-core machine busy. Each test keeps its
## own folders, profiles and ports, so the workers share nothing. worksteal: a worker that runs
## out of tests takes half of the other's queue, so neither waits long for the other at the end.
## One file or one test: `.venv/bin/python -m pytest -q tests/test_x.py` (no workers to start).
test: $(VENV)/.installed-test
	$(PY) -m pytest -q -n auto --maxprocesses 4 --dist worksteal

## Measure speed and memory (figures go in the README).
bench: $(VENV)/.installed-test
	$(PY) scripts/benchmark.py

## Regenerate templates/reference.docx from templates/house-style.toml.
reference: $(VENV)/.installed
	$(PY) scripts/make_reference_docx.py

clean:
	rm -rf $(VENV) out/*.docx out/*.pdf out/*.eml .pytest_cache
