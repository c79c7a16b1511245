"""Bounded memory on any input: no rule may hold more than a few copies of the text."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from luoshi.extract import extract_plan

ROOT = Path(__file__).resolve().parents[2]

# The last top-level heading reviews a past year: everything from it to the end is review.
REVIEW_LAST = "一、今年的主要目标\n全市生产总值增长6%。\n二、2023年工作回顾\n去年新增企业120家。\n"


def test_a_report_ending_in_a_review_heading_runs_in_a_small_address_space() -> None:
    """Capped at 512 MB of address space, extraction finishes (it once built a set of 10**9 indices)."""
    script = (
        "import resource, sys\n"
        "cap = 512 * 2**20\n"
        "resource.setrlimit(resource.RLIMIT_AS, (cap, cap))\n"
        "from luoshi.extract import extract_plan\n"
        "plan = extract_plan(sys.stdin.read())\n"
        "print(len(plan.targets))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], input=REVIEW_LAST, capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "1"  # the growth of the plan part; the review yields nothing


@pytest.mark.parametrize("shape", [
    REVIEW_LAST * 2000,  # many parts, the review last
    "二、过去五年工作回顾\n" + "去年增长5%。\n" * 20000,  # one long review
    "\n".join("增长10%") * 20000,  # one character per line
    "(一)" * 50000,  # headings with nothing in them
])
def test_memory_stays_a_small_multiple_of_the_text(shape: str) -> None:
    tracemalloc.start()
    try:
        extract_plan(shape)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 400 * len(shape) + 5_000_000, f"{peak:,} bytes for {len(shape):,} characters"
