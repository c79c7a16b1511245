"""How well outcomes are read from a report's review and matched to last year's targets.

    .venv/bin/python benchmarks/outcomes_score.py [--min-detect F] [--min-match-precision F] [--min-match-recall F]

Reads the review of Jinhua 2025 (``../shared/corpus/jinhua/jinhua-2025.txt``) and scores the
outcomes found against ``outcomes-2024.jsonl``; then matches them to the targets the extractor
finds in the seed (Jinhua 2024) and scores the proposed same-indicator matches against the seed
targets each gold outcome answers. A found outcome matches a gold one as the extractor's scorer
matches targets: the gold offset lies in its span and the values are equal after magnitude words
are folded in; a yes/no outcome matches on overlapping spans. Exit status 1 when a --min is missed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from luoshi.extract import extract_plan
from luoshi.extract.outcomes import Fit, Outcome, OutcomeKind, Promise, propose_matches, read_outcomes, scaled
from luoshi.plans.catalogue import CATALOGUE, match

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "jinhua"
ENTRIES = [(name, list(aliases)) for name, aliases, _, _ in CATALOGUE]


def canonical(text: str) -> str | None:
    return match(text, ENTRIES)


def clean(s: str | None) -> str:
    return re.sub(r"[\s\"'“”‘’「」『』《》()（）、,，。.·]", "", s or "")


def indicator_ok(gold: str, found: str) -> bool:
    """The extractor's scorer's rule: one contains the other, or Jaccard of characters >= 0.5."""
    g, p = clean(gold), clean(found)
    if not g or not p:
        return False
    return g in p or p in g or len(set(g) & set(p)) / len(set(g) | set(p)) >= 0.5


def base_unit(unit: str | None) -> str:
    u = clean((unit or "").replace("个百分点", "百分点"))
    for word in ("万亿", "亿", "千万", "百万", "万"):
        if u.startswith(word) and len(u) > len(word):
            return u[len(word):]
    return u


def pair(gold: list[dict], found: list[Outcome], text: str) -> dict[int, int]:
    """gold index -> found index, one to one."""
    used: set[int] = set()
    pairs = {}
    for gi, g in enumerate(gold):
        numeric = isinstance(g["value"], (int, float))
        candidates = []
        for fi, o in enumerate(found):
            if fi in used:
                continue
            s, e = o.span
            if numeric:
                if not (s <= g["offset"] < e) or o.value is None:
                    continue
                if abs(scaled(o.value, o.unit) - scaled(float(g["value"]), g["unit"])) > 1e-6 * abs(
                        scaled(float(g["value"]), g["unit"]) or 1):
                    continue
            elif not (o.kind is OutcomeKind.DONE and s < g["offset"] + len(g["quote"]) and g["offset"] < e):
                continue
            candidates.append(fi)
        best = min(candidates, default=None, key=lambda i: (not indicator_ok(g["indicator"], found[i].indicator),
                                                             found[i].span[1] - found[i].span[0]))
        if best is not None:
            used.add(best)
            pairs[gi] = best
    return pairs


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--min-detect", type=float, default=0.0, help="least precision and recall of numeric outcomes")
    parser.add_argument("--min-match-precision", type=float, default=0.0)
    parser.add_argument("--min-match-recall", type=float, default=0.0)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    text = (CORPUS / "jinhua-2025.txt").read_text(encoding="utf-8")
    gold = [json.loads(line) for line in (CORPUS / "outcomes-2024.jsonl").open(encoding="utf-8")]
    review = read_outcomes(text)
    found = list(review.outcomes)
    pairs = pair(gold, found, text)
    numeric_gold = [i for i, g in enumerate(gold) if isinstance(g["value"], (int, float))]
    done_gold = [i for i in range(len(gold)) if i not in numeric_gold]
    numeric_found = [i for i, o in enumerate(found) if o.kind is not OutcomeKind.DONE]
    hit = [i for i in numeric_gold if i in pairs]
    unit_ok = sum(base_unit(gold[i]["unit"]) == base_unit(found[pairs[i]].unit) for i in hit)
    ind_ok = sum(indicator_ok(gold[i]["indicator"], found[pairs[i]].indicator) for i in hit)
    span_ok = sum(clean(review.quote(found[pairs[i]])) in clean(gold[i]["quote"])
                  or clean(gold[i]["quote"]) in clean(review.quote(found[pairs[i]])) for i in hit)
    precision = len(hit) / len(numeric_found) if numeric_found else 0.0
    recall = len(hit) / len(numeric_gold)
    print(f"review: {review.span}, outcomes found {len(found)} ({len(numeric_found)} numeric, "
          f"{len(found) - len(numeric_found)} yes/no)")
    print(f"numeric outcomes: precision {ratio(len(hit), len(numeric_found))}, "
          f"recall {ratio(len(hit), len(numeric_gold))} (gold offset in span, value equal)")
    print(f"  of those found: unit {ratio(unit_ok, len(hit))}, indicator {ratio(ind_ok, len(hit))}, "
          f"span (quote within the gold's or around it) {ratio(span_ok, len(hit))}")
    done_hit = sum(i in pairs for i in done_gold)
    print(f"yes/no outcomes of the seed's milestones: recall {ratio(done_hit, len(done_gold))}")
    if args.show_errors:
        for i in numeric_gold:
            if i not in pairs:
                print("  missed:", gold[i]["offset"], gold[i]["quote"], gold[i]["value"], gold[i]["unit"])
        matched = set(pairs.values())
        for i in numeric_found:
            if i not in matched:
                o = found[i]
                print("  spurious:", o.span, review.quote(o), o.value, o.unit, o.indicator)
        for i in hit:
            o = found[pairs[i]]
            if not indicator_ok(gold[i]["indicator"], o.indicator):
                print("  indicator:", gold[i]["indicator"], "<>", o.indicator)

    # Matching to the seed's targets.
    seed_text = (SHARED / "seeds" / "jinhua-2024-work-report.txt").read_text(encoding="utf-8")
    seed_gold = [json.loads(line) for line in (SHARED / "gold" / "jinhua-2024.jsonl").open(encoding="utf-8")]
    plan = extract_plan(seed_text)
    codes = {}
    promises = []
    for n, t in enumerate(plan.targets):
        key = str(n)
        for g in seed_gold:
            inside = t.span[0] <= g["offset"] < t.span[1]
            want, have = scaled(g["value"], g["unit"]), scaled(t.value, t.unit)
            same_value = (want is None and have is None) or (
                want is not None and have is not None and abs(want - have) < 1e-6 * abs(want or 1))
            if inside and same_value and g["id"] not in codes.values():
                codes[key] = g["id"]
                break
        promises.append(Promise(key, t.indicator, t.kind, t.unit, t.value, canonical(t.indicator)))
    answers: dict[int, tuple[int, str]] = {}  # found index -> (seed id, same/related)
    for gi, fi in pairs.items():
        if gold[gi]["seed_id"]:
            answers[fi] = (gold[gi]["seed_id"], gold[gi]["seed_match"])
    # #89's yes/no outcome answers #90 too
    extra = {gi: int(m.group(1)) for gi, g in enumerate(gold)
             if (m := re.search(r"answers seed #\d+ and #(\d+)", g["note"] or ""))}
    matches = propose_matches(found, promises, canonical)
    same = [m for m in matches if m.fit is Fit.SAME]
    index = {id(o): i for i, o in enumerate(found)}
    right = 0
    got: set[int] = set()
    for m in same:
        fi = index[id(m.outcome)]
        seed_id = codes.get(m.key)
        truth = answers.get(fi)
        ok = truth is not None and truth == (seed_id, "same")
        gi = next((g for g, f in pairs.items() if f == fi), None)
        if not ok and gi in extra and extra[gi] == seed_id:
            ok = True
        right += ok
        if ok:
            got.add(seed_id)
        elif args.show_errors:
            print("  wrong match:", review.quote(m.outcome), "->", seed_id,
                  plan.quote(plan.targets[int(m.key)]), m.why, truth)
    wanted = {g["seed_id"] for g in gold if g["seed_match"] == "same"} | set(extra.values())
    related = [m for m in matches if m.fit is Fit.RELATED]
    print(f"matches proposed: {len(same)} same-indicator, {len(related)} related")
    print(f"same-indicator matches: precision {ratio(right, len(same))}, recall of the seed's targets with a "
          f"same-indicator outcome {ratio(len(got & wanted), len(wanted))}")
    if args.show_errors:
        print("  not matched:", sorted(wanted - got))
    failed = (min(precision, recall) < args.min_detect or (right / len(same) if same else 0) < args.min_match_precision
              or len(got & wanted) / len(wanted) < args.min_match_recall)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
