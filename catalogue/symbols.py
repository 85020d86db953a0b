"""Statistics Finland's symbols for figures that are not shown."""

from __future__ import annotations

#: A figure that is not shown for confidentiality (or that the source suppressed); never 0.
SUPPRESSED_MARK = ".."
