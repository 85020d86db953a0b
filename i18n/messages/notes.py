"""The evaluation's method notes and caveats, in Finnish, Swedish and English.

Each caveat is a template filled with the values of one evaluation (see
:class:`i18n.Message`); the core builds the messages, the pages and exports render them.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str] | dict[str, dict[str, str]]] = {}
