# Two commands: `make demo` sets everything up and shows the Jinhua 2024 plan;
# `make test` sets everything up and runs the whole suite, on SQLite and on PostgreSQL.
# See README.md.

PYTHON ?= python3
UV := .tools/bin/uv
SEED ?= ../shared/seeds/jinhua-2024-work-report.txt
ADDRESS ?= 127.0.0.1:8000
export UV_PYTHON_DOWNLOADS := never
export UV_COMPILE_BYTECODE := 1

.PHONY: setup demo test test-sqlite test-postgres system-packages lint bench messages facts clean

setup: .venv/.synced

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet 'uv>=0.9,<0.14'

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --all-extras --python "$$($(PYTHON) -c 'import sys; print(sys.executable)')"
	touch $@

demo: setup
	@if [ -f "$(SEED)" ]; then .venv/bin/luoshi extract "$(SEED)" | head -40; fi
	.venv/bin/luoshi demo --seed "$(SEED)"
	.venv/bin/luoshi serve $(ADDRESS)

lint: setup
	.venv/bin/ruff check luoshi tests benchmarks
	.venv/bin/mypy

test: lint test-sqlite test-postgres

system-packages:
	scripts/system-packages.sh

test-sqlite: setup system-packages
	DATABASE_URL= .venv/bin/pytest

# A throwaway PostgreSQL server (installed from Debian's packages when missing), stopped afterwards.
test-postgres: setup system-packages
	@set -e; eval "$$(scripts/throwaway-postgres.sh | sed 's/^/export /')"; \
	  trap 'scripts/throwaway-postgres.sh stop "$$PGDIR"' EXIT; \
	  echo "PostgreSQL: $$DATABASE_URL"; .venv/bin/pytest

bench: setup
	.venv/bin/python benchmarks/extract_speed.py
	.venv/bin/python benchmarks/assess_speed.py
	.venv/bin/python benchmarks/page_speed.py

# The structured Jinhua 2024 plan that ships with luoshi, made by its own extractor.
messages: setup
	.venv/bin/python scripts/english.py

facts: setup
	.venv/bin/luoshi extract "$(SEED)" --format json > luoshi/demo/jinhua-2024.plan.json
	for year in 2023 2025; do \
	  .venv/bin/luoshi extract ../shared/corpus/jinhua/jinhua-$$year.txt --format json > luoshi/demo/jinhua-$$year.plan.json; \
	done
	DATABASE_URL=sqlite:///$$(mktemp -d)/facts.sqlite3 .venv/bin/python scripts/outcome_facts.py

clean:
	rm -rf .venv .tools luoshi.sqlite3
