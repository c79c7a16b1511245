"""Whole reports of the genre: region, plan year and targets read from each, time and memory for the lot.

    .venv/bin/python benchmarks/extract_reports.py [--every N] [--show]

Reads every report listed in ``../shared/corpus/reports/manifest.tsv`` (place and year of each)
and prints: how many raised, region and year equal to the manifest, reports with fewer than 10
targets, the peak memory of the process, the time for the lot, and jieba.lcut over the same texts
in the same run (the ratio holds on any machine). ``--show`` lists every report read wrongly.
Asserts nothing; ``tests/extract/test_reports.py`` runs a part of it with thresholds.
"""

from __future__ import annotations

import argparse
import csv
import resource
import time
from dataclasses import dataclass
from pathlib import Path

from luoshi.extract import extract_plan

REPORTS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reports"


@dataclass(frozen=True)
class Reading:
    file: str
    place: str
    year: int
    region: str | None
    plan_year: int | None
    title: str | None
    targets: int
    seconds: float
    error: str | None = None

    @property
    def right(self) -> bool:
        return self.region == self.place and self.plan_year == self.year


def manifest(every: int = 1) -> list[tuple[Path, str, int]]:
    """(path, place, year) of every ``every``-th report of the manifest."""
    with (REPORTS / "manifest.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [(REPORTS / r["file"], r["place"], int(r["year"])) for r in rows[::every]]


def read_all(reports: list[tuple[Path, str, int]]) -> list[Reading]:
    out = []
    for path, place, year in reports:
        text = path.read_text(encoding="utf-8")
        start = time.perf_counter()
        try:
            plan = extract_plan(text)
        except Exception as e:  # the benchmark counts what raises
            out.append(Reading(path.name, place, year, None, None, None, 0, 0.0, repr(e)))
            continue
        seconds = time.perf_counter() - start
        out.append(Reading(path.name, place, year, plan.region, plan.year, plan.title,
                           len(plan.targets), seconds))
    return out


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=1, help="read every N-th report only")
    parser.add_argument("--show", action="store_true", help="list the reports read wrongly")
    args = parser.parse_args()
    reports = manifest(args.every)
    texts = [p.read_text(encoding="utf-8") for p, _, _ in reports]
    readings = read_all(reports)
    memory = peak_mb()  # before jieba loads its dictionary
    ours = sum(r.seconds for r in readings)

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    theirs = time.perf_counter() - start

    n = len(readings)
    raised = [r for r in readings if r.error]
    region = sum(r.region == r.place for r in readings)
    year = sum(r.plan_year == r.year for r in readings)
    few = [r for r in readings if r.targets < 10]
    titled = sum(r.title is not None for r in readings)
    chars = sum(map(len, texts))
    print(f"reports: {n}, {chars:,} characters")
    print(f"  raised:            {len(raised)}")
    print(f"  region right:      {region}/{n} = {region / n:.3f}")
    print(f"  year right:        {year}/{n} = {year / n:.3f}")
    print(f"  both right:        {sum(r.right for r in readings)}/{n}")
    print(f"  with a title:      {titled}/{n}")
    print(f"  fewer than 10 targets: {len(few)}; targets in all: {sum(r.targets for r in readings):,}")
    print(f"  peak memory (process, before jieba): {memory:.0f} MB")
    print(f"  time for the lot: extract_plan {ours:.2f} s, jieba.lcut {theirs:.2f} s, "
          f"ratio {ours / theirs:.2f} (below 1 means extraction is faster)")
    print(f"  slowest report: {max(readings, key=lambda r: r.seconds).file} "
          f"{max(r.seconds for r in readings):.2f} s")
    if args.show:
        for r in readings:
            if r.error or not r.right or r.targets < 10:
                print(f"  {r.file}: region {r.region} year {r.plan_year} targets {r.targets} "
                      f"title {r.title} {r.error or ''}")


if __name__ == "__main__":
    main()
