"""The seed report, Jinhua 2024: scored against its hand-annotated gold."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from luoshi.extract import extract_plan
from tests.conftest import GOLD, SCORER, require

ROOT = Path(__file__).resolve().parents[2]


def test_it_passes_the_scorer_on_the_seed(seed_path: Path, tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, "-m", "luoshi.cli", "extract", str(seed_path),
                        "--format", "jsonl"], stdout=out, check=True, cwd=ROOT)
    result = subprocess.run(
        [sys.executable, str(require(SCORER)), "--gold", str(require(GOLD)), "--pred", str(pred),
         "--min-strict", "0.95"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_finds_the_seeds_outline(seed_text: str) -> None:
    plan = extract_plan(seed_text)
    assert (plan.title, plan.region, plan.year) == ("2024年工作总体要求和目标任务", "金华", 2024)
    assert [s.ordinal for s in plan.sections] == list(range(1, 12))
    assert plan.sections[0].title == "全力增强经济发展动能,让稳进向好态势更加强劲"
    assert plan.sections[10].title == "全力提升社会治理水平,让安全稳定基石更加牢固"
    tasks = [t for s in plan.sections for t in s.tasks]
    assert len(tasks) >= 35
    assert tasks[0].heading == "提升投资效益"
    assert "“十链万企”数字化改造争示范" in [t.heading for t in tasks]
    for section in plan.sections:
        assert seed_text[slice(*section.title_span)] == section.title
        for task in section.tasks:
            assert seed_text[slice(*task.heading_span)] == task.heading
            assert section.span[0] <= task.span[0] < task.span[1] <= section.span[1]


def test_it_skips_the_web_page_around_the_seed(seed_text: str) -> None:
    plan = extract_plan(seed_text)
    footer = seed_text.index("声明")
    assert all(t.span[1] <= footer for t in plan.targets)
    assert any("网页" in w for w in plan.warnings)
