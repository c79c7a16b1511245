"""What the upload's limits cost and stop: the largest file accepted, a zip bomb, 100,000 rows.

    .venv/bin/python benchmarks/upload_limits.py

Times progress.sheets.read_upload (everything an upload does before the database) and
its peak memory for: a filled template of 1,000 rows (the baseline), the largest sheet
accepted (MAX_ROWS rows), the largest file accepted (MAX_ROWS rows of long text, just under
MAX_UPLOAD_BYTES), a zip bomb that unpacks to 400 MB, one whose zip directory lies about
its size, and 100,000 rows. Each file is read in a fresh process: the peak memory is that
process's peak resident size (C libraries included) above a process that reads a one-row
file, and Python's own peak (tracemalloc). Prints figures and ratios to the baseline
measured in the same run; asserts nothing.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
django.setup()

from openpyxl import Workbook  # noqa: E402

from luoshi.progress.sheets import MAX_INFLATED_BYTES, MAX_ROWS, MAX_UPLOAD_BYTES, SheetProblems, read_upload  # noqa: E402


def sheet_of(rows: int, narrow: bool = False, words: int = 0) -> bytes:
    """A filled template of ``rows`` rows; ``words``: each row's 进展情况 is that many random characters
    (text that hardly compresses, to make the largest file the limits accept)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("进度数据")
    sheet.append(["编号", "指标", "单位", "期别", "数值", "进展情况", "对照数", "存在问题", "下一步措施", "来源"])
    chance = random.Random(12)
    for n in range(rows):
        said = "".join(chr(chance.randrange(0x4E00, 0x9FA5)) for _ in range(words)) if words else \
            "重大项目加快推进，完成年度计划的一半"
        sheet.append([f"{n // 100}.{n // 10 % 10}.{n % 10}", None, None, None, n] if narrow else
                     [f"{n // 100}.{n // 10 % 10}.{n % 10}", "固定资产投资", "亿元", "2024-06", n * 1.5,
                      said, None, "", "", "https://tjj.example.gov.cn/"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def bomb(unpacked: int) -> bytes:
    row = b'<row><c t="inlineStr"><is><t>' + b"0" * 1000 + b"</t></is></c></row>"
    body = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + row * (unpacked // len(row)) + b"</sheetData></worksheet>")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(sheet_of(1))) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                new.writestr(item, old.read(item))
        new.writestr("xl/worksheets/sheet1.xml", body)
    return out.getvalue()


def lying(data: bytes) -> bytes:
    """The zip bomb with every size in its zip directory rewritten as small: reading must not trust them."""
    out = bytearray(data)
    for signature, at in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):  # central directory, local headers
        start = 0
        while (found := out.find(signature, start)) >= 0:
            size = int.from_bytes(out[found + at:found + at + 4], "little")
            if size > 1024 * 1024:
                out[found + at:found + at + 4] = (1000).to_bytes(4, "little")
            start = found + 4
    return bytes(out)


def read(data: bytes) -> str:
    try:
        _, rows = read_upload("upload.xlsx", data)
    except SheetProblems as e:
        return f"refused: {e.problems[0].what[:50]}"
    return f"accepted, {len(rows) - 1} rows"


def child(path: str) -> None:
    """In a fresh process: read the file once timed, once under tracemalloc; print what it cost as JSON."""
    data = open(path, "rb").read()  # noqa: SIM115 (a benchmark's child, gone in a moment)
    began = time.perf_counter()
    outcome = read(data)
    seconds = time.perf_counter() - began
    resident = _high_water()  # before tracemalloc's own cost
    tracemalloc.start()
    read(data)
    python = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    print(json.dumps({"seconds": seconds, "resident": resident, "python": python, "outcome": outcome}))


def _high_water() -> float:
    """This process's peak resident memory in MB (VmHWM: its own, not inherited from the parent as ru_maxrss is)."""
    with open("/proc/self/status", encoding="ascii") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    return int(kb) / 1024


def measure(data: bytes) -> dict[str, object]:
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as f:
        f.write(data)
        f.flush()
        done = subprocess.run([sys.executable, __file__, "--child", f.name], capture_output=True, text=True,
                              check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def largest_accepted() -> bytes:
    """MAX_ROWS rows of the longest random text that keeps the file under MAX_UPLOAD_BYTES."""
    best = sheet_of(MAX_ROWS)
    for words in range(100, 501, 50):
        data = sheet_of(MAX_ROWS, words=words)
        if len(data) > MAX_UPLOAD_BYTES:
            break
        best = data
    return best


def main() -> None:
    print(f"limits: {MAX_UPLOAD_BYTES / 1024 / 1024:.0f} MB sent, {MAX_INFLATED_BYTES / 1024 / 1024:.0f} MB "
          f"unpacked, {MAX_ROWS} rows")
    exploding = bomb(400 * 1024 * 1024)
    cases = [("baseline: 1,000 rows", sheet_of(1000)), (f"largest sheet: {MAX_ROWS} rows", sheet_of(MAX_ROWS)),
             (f"largest file: {MAX_ROWS} rows of long text", largest_accepted()),
             ("zip bomb unpacking to 400 MB", exploding), ("the same bomb, sizes faked", lying(exploding)),
             ("100,000 rows", sheet_of(100_000)), ("100,000 narrow rows (under 2 MB)", sheet_of(100_000, narrow=True)),
             (f"{MAX_ROWS + 1} rows", sheet_of(MAX_ROWS + 1))]
    floor = measure(sheet_of(1))
    print(f"a process reading a one-row file: {floor['resident']:.0f} MB resident (subtracted below)")
    base = None
    for name, data in cases:
        m = measure(data)
        seconds = float(m["seconds"])  # type: ignore[arg-type]
        base = base or seconds
        above = float(m["resident"]) - float(floor["resident"])  # type: ignore[arg-type]
        print(f"{name:36} {len(data) / 1024:7.0f} KB {seconds:7.3f} s ({seconds / base:5.2f}× baseline)  "
              f"peak +{above:5.1f} MB resident, {float(m['python']):5.1f} MB Python  {m['outcome']}")  # type: ignore[arg-type]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
    else:
        main()
