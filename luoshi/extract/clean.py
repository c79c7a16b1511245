"""From raw report text to clean paragraphs that still know where they came from.

Reports arrive as web pages, Word files and PDF copies: full-width digits
(５．７％), hard line breaks in the middle of sentences, spaces between
characters. Each :class:`Paragraph` holds a cleaned copy for the rules to read
and, for every cleaned character, its offset in the original text, so every
span the extractor reports points into the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.extract.model import Span

# Full-width ASCII (！ to ～) becomes ASCII, the ideographic space a space.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_SPECIAL = re.compile("[\\s" + "".join(_INVISIBLE) + "]")
_TERMINAL = frozenset("。!?;:…")
_HEADING_START = re.compile(r"[(（]?[一二三四五六七八九十]+[)）、]|第[一二三四五六七八九十]+|[0-9]+[.、．][^0-9]")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of cleaned text; ``origin[i]`` is the original offset of ``text[i]``."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> Span:
        """The original-text span of the cleaned slice ``text[start:end]`` (end > start)."""
        return (self.origin[start], self.origin[end - 1] + 1)

    @property
    def whole(self) -> Span:
        return self.span(0, len(self.text))


def paragraphs(text: str) -> list[Paragraph]:
    """Split ``text`` into cleaned paragraphs, joining lines that a PDF copy broke."""
    lines = _lines(text)
    wrapped = _looks_wrapped([line for _, line in lines])
    width = _typical_width([line for _, line in lines])
    result: list[Paragraph] = []
    pending: list[tuple[int, str]] = []
    for start, line in lines:
        if not line.strip():
            _flush(pending, result)
            continue
        if pending and not (wrapped and _continues(pending[-1][1], line, width)):
            _flush(pending, result)
        pending.append((start, line))
    _flush(pending, result)
    return result


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    start = 0
    for line in text.splitlines(keepends=True):
        out.append((start, line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")))
        start += len(line)
    return out


def _looks_wrapped(lines: list[str]) -> bool:
    """True when most lines stop mid-sentence: text copied from a PDF or a fixed-width page."""
    filled = [line.strip() for line in lines if len(line.strip()) >= 8]
    if len(filled) < 5:
        return False
    open_ended = sum(1 for line in filled if line[-1].translate(_FULLWIDTH) not in _TERMINAL)
    return open_ended / len(filled) > 0.5


def _typical_width(lines: list[str]) -> int:
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    return widths[int(len(widths) * 0.9)] if widths else 0


def _continues(previous: str, line: str, width: int) -> bool:
    """Whether ``line`` carries on the paragraph that ``previous`` (a wrapped line) is part of."""
    prev = previous.strip()
    if not prev or prev[-1].translate(_FULLWIDTH) in _TERMINAL:
        return False
    if len(prev) < 0.8 * width:  # a short line ends its paragraph
        return False
    if line[:1] in (" ", "\t", "\u3000"):  # an indented line opens one
        return False
    return not _HEADING_START.match(line.strip())


def _flush(pending: list[tuple[int, str]], out: list[Paragraph]) -> None:
    if not pending:
        return
    chars: list[str] = []
    origin: list[int] = []
    for start, raw in pending:
        line = raw.translate(_FULLWIDTH)
        if not _SPECIAL.search(line) and not (chars and chars[-1] == " "):
            chars.extend(line)  # the common case: nothing to drop, offsets run one to one
            origin.extend(range(start, start + len(line)))
            continue
        for i, ch in enumerate(line):
            if ch in _INVISIBLE:
                continue
            if ch.isspace():
                # Spaces only separate two Latin words or numbers; between Chinese
                # characters they are layout, not text.
                if chars and chars[-1] != " " and chars[-1].isascii() and chars[-1].isalnum():
                    chars.append(" ")
                    origin.append(start + i)
                continue
            if chars and chars[-1] == " " and not (ch.isascii() and ch.isalnum()):
                chars.pop()
                origin.pop()
            chars.append(ch)
            origin.append(start + i)
    pending.clear()
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    if chars:
        out.append(Paragraph("".join(chars), tuple(origin)))
