# The two entry points of the README: `make serve` and `make test`. Both set up .venv on first use.

VENV ?= .venv
PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
CHROMIUM ?= /usr/bin/chromium

.PHONY: setup serve build test quick lint chromium clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Only the virtual environment, for steps that run r2p-roadmap before the tests (the pull request checks).
setup: $(STAMP)

serve: $(STAMP)
	$(VENV)/bin/r2p-roadmap serve

build: $(STAMP)
	$(VENV)/bin/r2p-roadmap build

lint: $(STAMP)
	$(VENV)/bin/ruff check scripts tests benchmarks
	$(VENV)/bin/ruff format --check scripts tests benchmarks
	$(VENV)/bin/mypy

# Browser tests drive Debian's Chromium; install it when missing (as root, or through sudo).
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

test: $(STAMP) chromium lint
	$(VENV)/bin/pytest -n 2

# The unit and golden tests: no site built, no browser, no command run as a process; seconds, for the
# edit-test loop.
quick: $(STAMP)
	$(VENV)/bin/pytest -n 2 -m "not build and not browser and not slow" -q

clean:
	rm -rf site .r2p-build .pytest_cache .mypy_cache .ruff_cache
