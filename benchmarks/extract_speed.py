"""How fast extraction is: per report, against jieba segmenting the same text, and on 1 MB inputs.

    .venv/bin/python benchmarks/extract_speed.py [REPORT]

Prints figures; asserts nothing. The baseline (jieba.lcut over the same text)
is measured in the same run, so the ratio holds on any machine.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from luoshi.extract import extract_plan

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "jinhua-2024-work-report.txt"


def best_ms(job: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(best, median) wall time of ``job`` in milliseconds over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    text = path.read_text(encoding="utf-8")
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()  # the dictionary load is not part of segmenting

    plan = extract_plan(text)
    ours, ours_median = best_ms(lambda: extract_plan(text), 30)
    theirs, theirs_median = best_ms(lambda: jieba.lcut(text), 30)
    print(f"report: {path.name}, {len(text):,} characters, {len(plan.targets)} targets")
    print(f"  luoshi extract_plan   best {ours:7.2f} ms   median {ours_median:7.2f} ms")
    print(f"  jieba.lcut (baseline) best {theirs:7.2f} ms   median {theirs_median:7.2f} ms")
    print(f"  ratio extract / segment: {ours / theirs:.2f} (below 1 means extraction is faster)")

    rng = random.Random(2024)
    megabyte = 1_000_000
    cases = {
        "1 MB of the report repeated": (text * (megabyte // len(text) + 1))[:megabyte],
        "1 MB of random characters": "".join(chr(rng.randrange(0x20, 0x9FFF)) for _ in range(megabyte)),
        "1 MB of random report-like tokens": "".join(
            rng.choice(["增长", "10", "%", "以上", "、", ",", "。", "亿元", "新增", "家", "\n",
                        "力争", "各", "分别", "“", "”", "(一)", "达到", "两万", "亩"])
            for _ in range(megabyte // 2))[:megabyte],
        "1 MB digit run": "增长" + "7" * megabyte + "%",
        "1 MB of 、": "新增企业" + "、" * megabyte + "8家以上",
        "1 MB of 、-separated items": "新增" + "企业8家、" * (megabyte // 5) + "以上。",
        "1 MB of unclosed quotes": "“" * megabyte,
        "1 MB, one line per character": "\n".join("增长10%") * (megabyte // 12),
    }
    print("large and adversarial inputs (one run each):")
    for name, sample in cases.items():
        start = time.perf_counter()
        found = extract_plan(sample)
        seconds = time.perf_counter() - start
        print(f"  {name:<34} {len(sample):>9,} chars  {seconds:6.2f} s  {len(found.targets):>7,} targets")


if __name__ == "__main__":
    main()
