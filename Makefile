# presslens — the two commands a fresh machine needs:
#   make dashboard   create .venv, install everything, open the dashboard on the bundled sample
#   make test        install everything the tests need (Chromium too, when root) and run them
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: dashboard test lint bench install install-test chromium clean

dashboard: install
	$(BIN)/presslens dashboard --port $(PORT)

test: install-test
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install-test: install chromium

# Debian's Chromium drives the browser tests and the screenshot reports (Playwright's own browser
# download cannot work offline). Installed when missing and we are root; otherwise say how.
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "presslens: /usr/bin/chromium missing; run: sudo apt-get install -y chromium" >&2; \
	fi

# The evaluations and speed benchmarks whose figures README.md quotes (they read ../shared/data).
# The benchmarks over a big store need one first (bench/dashboard.py, bench/explore_speed.py,
# bench/identity_report.py take its path): see README "Speed".
bench: install
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/quotes_speed.py
	$(BIN)/python -m bench.figures_speed
	$(BIN)/python bench/eval_quotes.py --split dev
	$(BIN)/python -m bench.eval_numbers
	$(BIN)/python -m bench.eval_casualties
	$(BIN)/python -m bench.entities_report --top 25
	$(BIN)/python -m bench.eval_sentiment
	$(BIN)/python -m bench.attitudes_speed
	$(BIN)/python bench/throughput.py --sample 200
	$(BIN)/python bench/long_article.py
	$(BIN)/python -m bench.report

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
