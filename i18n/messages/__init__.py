"""The message catalogue: every user-facing text in Finnish, Swedish and English.

One catalogue, kept in a few files by subject so that each stays readable: the pages and the
application chrome (:mod:`i18n.messages.ui`), export files, disclosure control and units
(:mod:`i18n.messages.files`), the evaluation's method notes and caveats
(:mod:`i18n.messages.notes`), the area-level evaluation (:mod:`i18n.messages.area`), the
monthly brief (:mod:`i18n.messages.brief`) and the accessibility statement
(:mod:`i18n.messages.a11y`).
:data:`MESSAGES` merges them; a key may be defined once only.

An entry maps each language to its text, with ``{placeholders}`` filled by :func:`i18n.t`.
An entry that depends on a count maps each language to its CLDR plural forms (``one``,
``other``) and is read with :func:`i18n.tn`, which picks the form by Babel's plural rules.
A dict catalogue rather than gettext ``.po`` files: the texts are reviewed together with the
code that uses them, a test checks every key in every language with the same placeholders,
and there is no compile step to forget.
"""

from __future__ import annotations

from collections.abc import Mapping

from i18n.messages import a11y, area, brief, files, notes, ui

Entry = dict[str, str] | dict[str, dict[str, str]]


def _merge(*parts: Mapping[str, Entry]) -> dict[str, Entry]:
    merged: dict[str, Entry] = {}
    for part in parts:
        twice = set(merged) & set(part)
        if twice:
            raise ValueError(f"message keys defined twice: {sorted(twice)}")
        merged.update(part)
    return merged


MESSAGES: dict[str, Entry] = _merge(
    ui.MESSAGES, files.MESSAGES, notes.MESSAGES, area.MESSAGES, brief.MESSAGES, a11y.MESSAGES
)
