# Seuranta: `make run` serves the dashboard on the embedded data; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501
REQ_HASH := $(shell cat requirements.txt constraints.txt | sha256sum | cut -c1-12)
DEV_HASH := $(shell cat requirements.txt requirements-dev.txt constraints.txt | sha256sum | cut -c1-12)

.PHONY: run test db lint bench clean

$(VENV)/.runtime-$(REQ_HASH):
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	rm -f $(VENV)/.runtime-* && touch $@

$(VENV)/.dev-$(DEV_HASH): $(VENV)/.runtime-$(REQ_HASH)
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	rm -f $(VENV)/.dev-* && touch $@

db: $(VENV)/.runtime-$(REQ_HASH)
	$(PY) -m data_access build

run: db
	STREAMLIT_BROWSER_GATHER_USAGE_STATS=false OPENBLAS_NUM_THREADS=1 SEURANTA_WARMUP=1 \
		$(VENV)/bin/streamlit run app.py \
		--server.address 127.0.0.1 --server.port $(PORT)

test: $(VENV)/.dev-$(DEV_HASH)
	bash scripts/test.sh

lint: $(VENV)/.dev-$(DEV_HASH)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/mypy

bench: $(VENV)/.dev-$(DEV_HASH)
	$(PY) -m scripts.bench

clean:
	rm -rf var build .pytest_cache .ruff_cache .mypy_cache
