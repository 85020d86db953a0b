"""Command line: ``python -m exports brief --month YYYY-MM --lang fi|sv|en --format pdf|html
--out FILE``, the monthly brief as a file.

It reads the database named by ``$DATABASE_URL`` (else the embedded file ``var/seuranta.db``)
and never imports Streamlit. The default month is the latest with national counts. A month
that is not ``YYYY-MM`` ends with exit status 2, a month without data (or a database without
observations) with status 1, an unreachable database or an unwritable file with status 2:
always one line on standard error, never a traceback. Success prints one line: the file, its
pages and the time taken.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from i18n import LANGS

PROG = "python -m exports"
#: Where the app is served, for the brief's "cite this brief" link (``make run``'s address).
LINK_ENV = "SEURANTA_PUBLIC_URL"
DEFAULT_LINK_BASE = "http://127.0.0.1:8501"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Seuranta's files.")
    sub = parser.add_subparsers(dest="command", required=True)
    brief = sub.add_parser("brief", help="the monthly brief as PDF or HTML")
    brief.add_argument("--month", help="YYYY-MM (default: the latest with national counts)")
    brief.add_argument("--lang", choices=LANGS, default="fi")
    brief.add_argument("--format", choices=("pdf", "html"), default="pdf")
    brief.add_argument("--out", type=Path, required=True, help="the file to write")
    brief.add_argument(
        "--link-base",
        default=os.environ.get(LINK_ENV) or DEFAULT_LINK_BASE,
        help=f"the app's address for the brief's link (default: ${LINK_ENV} or "
        f"{DEFAULT_LINK_BASE})",
    )
    return parser


def _fail(message: str, status: int) -> int:
    print(f"{PROG} brief: {message}", file=sys.stderr)
    return status


def brief(args: argparse.Namespace) -> int:
    """Write the brief asked for by ``args``; returns the exit status."""
    from data_access import queries
    from data_access.engine import describe, make_engine, resolve_url
    from exports.brief import (
        CHART_WIDTH,
        brief_html,
        brief_inputs,
        brief_link,
        brief_meta,
        compute_evaluation,
        render_pdf,
    )
    from indicators.views.brief import (
        BriefError,
        MonthError,
        brief_charts,
        brief_months,
        brief_view,
        parse_month,
    )

    began = time.perf_counter()
    try:
        month = parse_month(args.month) if args.month is not None else None
    except MonthError as error:
        return _fail(str(error), 2)
    url = resolve_url()
    try:
        engine = make_engine(url, read_only=True)
        # Months first (the series summary answers at once): a bad month costs no reading
        counts = queries.months_available(
            engine, indicator="unemployed_jobseekers", level="country"
        )
        shares = queries.months_available(
            engine, indicator="unemployed_share_pct", level="municipality"
        )
        months = brief_months(counts, shares)
        if not months:
            return _fail(f"the database {describe(url)} has no observations for the brief", 1)
        month = month or (counts[-1] if counts else months[-1])
        if month not in months:
            return _fail(f"no data for {month}: the brief covers {months[0]}…{months[-1]}", 1)
        inputs = brief_inputs(engine, evaluation=lambda: compute_evaluation(engine))
    except SQLAlchemyError as error:
        reason = " ".join(str(getattr(error, "orig", None) or error).split())
        return _fail(f"cannot read the database {describe(url)}: {reason}", 2)
    try:
        view = brief_view(
            inputs, lang=args.lang, month=month, link=brief_link(args.link_base, month, args.lang)
        )
    except BriefError as error:
        return _fail(str(error), 1)
    vintages = sorted({v for v in inputs.vintages.values() if v})
    meta = brief_meta(view, ", ".join(vintages) or "–")
    document = brief_html(view, brief_charts(view, width=CHART_WIDTH), meta)
    if args.format == "pdf":
        data, pages = render_pdf(document)
    else:
        data, pages = document.encode("utf-8"), 0
    try:
        args.out.write_bytes(data)
    except OSError as error:
        return _fail(f"cannot write {args.out}: {error.strerror or error}", 2)
    seconds = time.perf_counter() - began
    size = f"{pages} page(s), " if pages else ""
    print(f"wrote {args.out} ({view.month}, {args.lang}, {args.format}, {size}{seconds:.1f} s)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "brief":
        return brief(args)
    return 2  # pragma: no cover - argparse requires a command


if __name__ == "__main__":
    sys.exit(main())
