"""Reading a report file into text: .txt (UTF-8 or GB18030/GBK), .docx, .pdf and .html.

The extractor reads text only; this is where files become text. Every failure
is an :class:`UnreadableDocument` whose message names the file and the problem.
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path


class UnreadableDocument(Exception):
    """The file could not be read as a report; the message says which file and why."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


def read_text(path: Path | str) -> str:
    """The text of the report at ``path``, chosen by its file extension."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableDocument(path, "找不到这个文件 (no such file)") from None
    except IsADirectoryError:
        raise UnreadableDocument(path, "这是文件夹，不是文件 (a folder, not a file)") from None
    except OSError as e:
        raise UnreadableDocument(path, f"无法打开 ({e.strerror})") from None
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx(path, data)
    if suffix == ".pdf":
        return _pdf(path, data)
    if suffix in (".html", ".htm", ".xhtml"):
        return _html(path, data)
    if suffix == ".doc":
        raise UnreadableDocument(path, "是旧版 Word .doc 文件，请另存为 .docx 后再试 (save it as .docx)")
    return decode(path, data)


def decode(path: Path | str, data: bytes) -> str:
    """Bytes of a text file as text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableDocument(path, "标记为 UTF-16 编码，但内容不是有效的 UTF-16") from None
    if b"\x00" in data[:4096]:
        raise UnreadableDocument(path, "是二进制文件，不是文本 (a binary file, not text)")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableDocument(path, "既不是 UTF-8 也不是 GB18030/GBK 编码的文本")


def _docx(path: Path, data: bytes) -> str:
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise UnreadableDocument(path, "不是 Word .docx 文件，或文件已损坏 (not a .docx file)") from None
    lines = []
    for block in document.iter_inner_content():  # paragraphs and tables in reading order
        if isinstance(block, Table):
            lines.extend("\t".join(cell.text for cell in row.cells) for row in block.rows)
        else:
            lines.append(block.text)
    return "\n\n".join(lines)


def _pdf(path: Path, data: bytes) -> str:
    import io

    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        text = extract_text(io.BytesIO(data))
    except (PDFSyntaxError, PSException, ValueError, TypeError, KeyError, AssertionError):
        raise UnreadableDocument(path, "不是可读取的 PDF，或文件已损坏 (not a readable PDF)") from None
    if not text.strip():
        raise UnreadableDocument(path, "没有文字层，扫描件需要先做文字识别 (no text layer: OCR it first)")
    return text.replace("\x0c", "\n")


_BLOCKS = frozenset(["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                     "article", "header", "footer", "table", "ul", "ol", "dl", "dt", "dd",
                     "blockquote", "pre", "title"])
_HIDDEN = frozenset(["script", "style", "head", "noscript", "template", "svg", "iframe"])


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def _html(path: Path, data: bytes) -> str:
    text = decode(path, data)  # UTF-8 when it is valid UTF-8, else GB18030, whatever <meta> claims
    parser = _VisibleText()
    parser.feed(text)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
