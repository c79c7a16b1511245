# Two commands: `make demo` sets everything up and shows the Jinhua 2024 plan;
# `make test` sets everything up and runs the whole suite. See README.md.

PYTHON ?= python3
UV := .tools/bin/uv
SEED ?= ../shared/seeds/jinhua-2024-work-report.txt
export UV_PYTHON_DOWNLOADS := never
export UV_COMPILE_BYTECODE := 1

.PHONY: setup demo test lint bench clean

setup: .venv/.synced

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet 'uv>=0.9,<0.14'

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --python "$$($(PYTHON) -c 'import sys; print(sys.executable)')"
	touch $@

demo: setup
	@test -f "$(SEED)" || { echo "make demo: the seed report is not at $(SEED) (set SEED=path/to/report)"; exit 1; }
	.venv/bin/luoshi extract "$(SEED)"

lint: setup
	.venv/bin/ruff check luoshi tests benchmarks
	.venv/bin/mypy

test: lint
	.venv/bin/pytest

bench: setup
	.venv/bin/python benchmarks/extract_speed.py

clean:
	rm -rf .venv .tools
