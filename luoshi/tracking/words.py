"""What the tracking core says in words (an assessment's reason), kept translatable.

Pure Python. A :class:`Words` is the Chinese text itself (a ``str``: the command line, the API, the
bulletin and the tests read it as it is), made from a message template and its values; a page in
another language says it again with :meth:`Words.said`, each template through its translation
(gettext at the web edge; the English is in scripts/english.py, which collects the template of every call of ``words``).
Templates use Python's ``%(name)s`` (a literal percent sign is ``%%``), as Django's catalogues do.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from luoshi.tracking.model import Period


class Words(str):
    """Chinese text that remembers its template and values, so that it can be said in another language."""

    __slots__ = ("template", "values")  # no __dict__ per reason: a plan's assessment makes tens of thousands
    template: str
    values: dict[str, str]

    def said(self, translate: Callable[[str], str]) -> str:
        """The same words with every template (and every template among the values) translated."""
        values = {k: v.said(translate) if isinstance(v, Words) else v for k, v in self.values.items()}
        try:
            return translate(self.template) % values
        except (KeyError, ValueError, TypeError):  # a translation that lost a value: the Chinese is still right
            return self.template % values


def words(template: str, **values: object) -> Words:
    """``template`` filled with ``values`` (numbers already written with figures.say_number; nested words stay
    translatable). Words are never changed once made, so the same words without values are made once."""
    if not values:
        return _fixed(template)
    for k, v in values.items():  # values is this call's own dict: kept as it is, every value a str
        if type(v) is not str and not isinstance(v, Words):
            values[k] = str(v)
    made = _new(Words, template % values)
    made.template, made.values = template, values  # type: ignore[assignment]
    return made


_new = str.__new__  # Words(text) less the lookups of a call through the type


@functools.lru_cache(maxsize=1024)
def _fixed(template: str) -> Words:
    made = Words(template % {})
    made.template, made.values = template, {}
    return made


@functools.lru_cache(maxsize=4096)
def period_words(p: Period) -> Words:
    """2024年6月, 2024年1-6月, 2024年: a period as Period's own str says it, translatable (made once per period:
    every assessment of a plan names the same few)."""
    if p.first == p.last:
        return words("%(year)s年%(month)s月", year=p.year, month=p.last)
    if p.first == 1:
        return words("%(year)s年", year=p.year) if p.is_year else words("%(year)s年1-%(last)s月", year=p.year,
                                                                           last=p.last)
    return words("%(year)s年%(first)s-%(last)s月", year=p.year, first=p.first, last=p.last)
