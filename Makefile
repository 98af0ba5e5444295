# Two entry points for people: `make demo` and `make test`. Everything else is a step of those.
VENV ?= .venv
PY := $(VENV)/bin/python
# A change of the dependencies makes a new stamp, and `make setup` installs again.
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml package.json package-lock.json 2>/dev/null | sha1sum | cut -c1-10)

.PHONY: setup demo test fuzz bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@if [ -f package.json ]; then npm ci --no-audit --no-fund --loglevel=error && $(PY) scripts/copy_assets.py; fi
	rm -f $(VENV)/.installed-*
	touch $@

demo: setup
	$(VENV)/bin/jixiao demo

test: setup
	$(PY) -m pytest

# The fuzz tests of the suite with ten times their examples: hostile values through every reader
# and the store, mutated files into every source, schemathesis over the OpenAPI spec.
fuzz: setup
	JIXIAO_FUZZ_EXAMPLES=400 $(PY) -m pytest tests/property/test_hostile_fuzz.py tests/security/test_api_schemathesis.py

bench: setup
	$(PY) bench/ingest.py

clean:
	rm -rf $(VENV) node_modules jixiao.db jixiao-demo.db build
