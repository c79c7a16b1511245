"""What the upload's limits cost and stop: the largest file accepted, a zip bomb, 100,000 rows.

    .venv/bin/python benchmarks/upload_limits.py

Times progress.sheets.read_upload (everything an upload does before the database) and
its peak Python memory (tracemalloc) for: a filled template of 1,000 rows (the baseline),
the largest sheet accepted (MAX_ROWS rows), a zip bomb that unpacks to 400 MB, and
100,000 rows. Prints figures and ratios to the baseline measured in the same run;
asserts nothing.
"""

from __future__ import annotations

import io
import os
import time
import tracemalloc
import zipfile

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
django.setup()

from openpyxl import Workbook  # noqa: E402

from luoshi.progress.sheets import MAX_INFLATED_BYTES, MAX_ROWS, MAX_UPLOAD_BYTES, SheetProblems, read_upload  # noqa: E402


def sheet_of(rows: int, narrow: bool = False) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("进度数据")
    sheet.append(["编号", "指标", "单位", "期别", "数值", "进展情况", "对照数", "存在问题", "下一步措施", "来源"])
    for n in range(rows):
        sheet.append([f"{n // 100}.{n // 10 % 10}.{n % 10}", None, None, None, n] if narrow else
                     [f"{n // 100}.{n // 10 % 10}.{n % 10}", "固定资产投资", "亿元", "2024-06", n * 1.5,
                      "重大项目加快推进，完成年度计划的一半", None, "", "", "https://tjj.example.gov.cn/"])
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


def read(data: bytes) -> str:
    try:
        _, rows = read_upload("upload.xlsx", data)
    except SheetProblems as e:
        return f"refused: {e.problems[0].what[:50]}"
    return f"accepted, {len(rows) - 1} rows"


def measure(data: bytes) -> tuple[float, float, str]:
    """(seconds, peak MB, outcome) of reading ``data`` as an upload: timed alone, then read again under
    tracemalloc for the peak (tracemalloc slows Python down, so it is not on while timing)."""
    began = time.perf_counter()
    outcome = read(data)
    seconds = time.perf_counter() - began
    tracemalloc.start()
    read(data)
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    return seconds, peak, outcome


def main() -> None:
    print(f"limits: {MAX_UPLOAD_BYTES / 1024 / 1024:.0f} MB sent, {MAX_INFLATED_BYTES / 1024 / 1024:.0f} MB "
          f"unpacked, {MAX_ROWS} rows")
    cases = [("baseline: 1,000 rows", sheet_of(1000)), (f"largest accepted: {MAX_ROWS} rows", sheet_of(MAX_ROWS)),
             ("zip bomb unpacking to 400 MB", bomb(400 * 1024 * 1024)), ("100,000 rows", sheet_of(100_000)),
             ("100,000 narrow rows (under 2 MB)", sheet_of(100_000, narrow=True)),
             (f"{MAX_ROWS + 1} rows", sheet_of(MAX_ROWS + 1))]
    base = None
    for name, data in cases:
        seconds, peak, outcome = measure(data)
        base = base or seconds
        print(f"{name:34} {len(data) / 1024:8.0f} KB  {seconds:7.3f} s ({seconds / base:5.2f}× baseline)  "
              f"peak {peak:6.1f} MB  {outcome}")


if __name__ == "__main__":
    main()
