"""Real report text the extractor was not written from: the dev corpus and the whole Jinhua 2025 report.

Both are scored with the project-independent scorer in ../shared; the thresholds are those of issue 8.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import SCORER, SHARED, require

ROOT = Path(__file__).resolve().parents[2]
CORPUS = SHARED / "corpus"
LUOSHI = Path(sys.executable).parent / "luoshi"


def test_the_dev_corpus_scores_at_least_095_pooled_strict_f1() -> None:
    script = require(CORPUS / "score_dev.py")
    result = subprocess.run([sys.executable, str(script), str(LUOSHI), "--min-strict", "0.95"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    pooled = next(line for line in result.stdout.splitlines() if line.startswith("POOLED"))
    recall = float(pooled.rsplit("non-numeric recall ", 1)[1].split()[0])
    assert recall >= 0.8, pooled


def test_the_whole_jinhua_2025_report_scores_at_least_097_strict_f1(tmp_path: Path) -> None:
    text = require(CORPUS / "jinhua" / "jinhua-2025.txt")
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, "-m", "luoshi.cli", "extract", str(text), "--format", "jsonl"],
                       stdout=out, stderr=subprocess.DEVNULL, check=True, cwd=ROOT)
    result = subprocess.run(
        [sys.executable, str(require(SCORER)), "--gold", str(require(CORPUS / "jinhua" / "jinhua-2025.gold.jsonl")),
         "--pred", str(pred), "--min-strict", "0.97"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
