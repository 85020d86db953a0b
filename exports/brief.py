"""The monthly brief as files: a self-contained HTML document and an A4 PDF made from it.

:func:`brief_inputs` reads what :func:`indicators.views.brief.brief_view` needs from the
reporting database (the command line's reading; the page reads the same through its cached
loaders). :func:`brief_html` writes a view with its charts as inline vector SVG (vl-convert),
the source and licence lines and the link back to the brief in the app; :func:`brief_pdf`
typesets that HTML with WeasyPrint (A4, page numbers, selectable text, at most four pages for
any month of the embedded data). Every text put into the HTML is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from urllib.parse import urlencode

import pandas as pd
import vl_convert as vlc
from sqlalchemy import Engine

from catalogue import calendar
from data_access import queries
from exports.files import ExportMeta, _convert_options
from i18n import t
from indicators.views.brief import (
    VINTAGE_SERIES,
    BriefChart,
    BriefInputs,
    BriefView,
    EvaluationSummary,
    target_inputs,
)
from indicators.views.overview import OverviewTotals

__all__ = [
    "CHART_WIDTH",
    "brief_html",
    "brief_inputs",
    "brief_link",
    "brief_meta",
    "brief_pdf",
    "compute_evaluation",
    "render_pdf",
]

#: Width in CSS pixels of the charts in the files (the A4 text column is about 660 px).
CHART_WIDTH = 560
# Which section each chart follows
_CHART_AFTER = {"shares": "headline", "changes": "areas", "event": "evaluation"}
_OUTCOME = "unemployed_share_pct"


# --------------------------------------------------------------------------------------------
# Reading


def compute_evaluation(engine: Engine) -> EvaluationSummary | None:
    """The evaluation page's default verdict, computed from the database: the unemployed
    share over the default window, all trial municipalities against each comparison group,
    and every area's synthetic control against the group the page leads with.
    """
    from indicators.area_study import evaluate_areas
    from indicators.comparison import COMPARISONS, ComparisonError
    from indicators.did import EvaluationError
    from indicators.trial_study import Evaluation, evaluate, required_indicators
    from indicators.views.brief import evaluation_summary

    obs = queries.observations(
        engine,
        indicators=required_indicators(_OUTCOME),
        level="municipality",
        since=calendar.EVALUATION_DATA_FROM,
    )
    munis, members = queries.municipalities(engine), queries.memberships(engine)
    pooled: dict[str, Evaluation] = {}
    for kind in COMPARISONS:
        try:
            pooled[kind] = evaluate(
                obs,
                munis,
                members,
                outcome=_OUTCOME,
                comparison=kind,
                window=calendar.EVALUATION_WINDOW,
            )
        except (EvaluationError, ComparisonError):
            continue
    if not pooled:
        return None
    summary = evaluation_summary(pooled, None)
    if summary is None:
        return None
    try:
        study = evaluate_areas(
            obs,
            munis,
            members,
            outcome=_OUTCOME,
            comparison_kind=summary.lead,  # type: ignore[arg-type]
            window=calendar.EVALUATION_WINDOW,
            group_obs=queries.observations(
                engine, indicators=(_OUTCOME,), level="municipality_group"
            ),
            group_members=queries.group_members(engine),
        )
    except (EvaluationError, ComparisonError):
        return summary
    return replace(summary, study=study)


def brief_inputs(
    engine: Engine,
    *,
    since: str | None = None,
    totals: OverviewTotals | None = None,
    evaluation: Callable[[], EvaluationSummary | None] | None = None,
) -> BriefInputs:
    """What the brief reads, from the database behind ``engine``.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The reporting database.
    since : str, optional
        First month of the observations (None: all of them); a brief needs the year before
        its month.
    totals : OverviewTotals, optional
        The overview's totals from ``since`` when the caller has them (the page's cache);
        computed here otherwise.
    evaluation : callable, optional
        Returns the evaluation's verdict; by default none is computed (the slow part: call
        :func:`compute_evaluation` when the month is known to have data).
    """
    from indicators.views.overview import INPUTS, overview_totals_of

    munis, members = queries.municipalities(engine), queries.memberships(engine)
    if totals is None:
        country = queries.observations(engine, indicators=INPUTS, level="country", since=since)
        local = queries.observations(engine, indicators=INPUTS, level="municipality", since=since)
        # The same groups as the overview: Åland's municipalities are no TE-office ones
        totals = overview_totals_of(country, local, members, munis, include_unverified=False)
    target = target_inputs()
    target_obs = [
        queries.observations(engine, indicators=target, level=level, since=since)
        for level in ("municipality", "country")
    ]
    return BriefInputs(
        totals=totals,
        published_shares=queries.observations(
            engine, indicators=(_OUTCOME,), level="municipality", since=since
        ),
        target_obs=pd.concat(target_obs, ignore_index=True),
        municipalities=munis,
        trial_areas=queries.trial_areas(engine),
        memberships=members,
        batches=queries.load_batches(engine),
        vintages={
            (code, level): queries.series_vintage(engine, indicator=code, level=level)
            for code, level in VINTAGE_SERIES
        },
        evaluation=evaluation() if evaluation is not None else None,
    )


# --------------------------------------------------------------------------------------------
# Provenance


def brief_link(base: str, month: str, lang: str) -> str:
    """The brief's address in the app: ``<base>/brief?month=…&lang=…``."""
    return f"{base.rstrip('/')}/brief?{urlencode({'month': month, 'lang': lang})}"


def brief_meta(view: BriefView, vintage: str) -> ExportMeta:
    """The provenance of a brief's files."""
    return ExportMeta(
        title=f"{view.title}: {view.month_text}",
        source=view.source_note,
        vintage=vintage,
        view_url=view.link,
        lang=view.lang,
    )


# --------------------------------------------------------------------------------------------
# HTML

_CSS = """
@page {
  size: A4;
  margin: 16mm 16mm 18mm 16mm;
  @top-left { content: "%(running)s"; font-size: 7.5pt; color: #555; }
  @bottom-right { content: "%(page)s " counter(page) " %(of)s " counter(pages);
                  font-size: 7.5pt; color: #555; }
  @bottom-left { content: "%(source)s"; font-size: 7pt; color: #555; width: 70%%; }
}
html { font-family: "DejaVu Sans", "Helvetica", "Arial", sans-serif; font-size: 9.5pt;
       line-height: 1.42; color: #1a1a1a; }
body { margin: 0 auto; max-width: 190mm; }
header { border-bottom: 2px solid #1f4e8c; margin-bottom: 4mm; padding-bottom: 2mm; }
.kicker { color: #1f4e8c; font-weight: bold; letter-spacing: 0.06em; margin: 0;
          text-transform: uppercase; font-size: 8.5pt; }
h1 { font-size: 15pt; margin: 1mm 0 0 0; line-height: 1.2; }
.month { font-size: 13pt; margin: 1mm 0 0 0; color: #1f4e8c; font-weight: bold; }
.meta { margin: 1mm 0 0 0; color: #555; font-size: 8pt; }
h2 { font-size: 11pt; margin: 4mm 0 1mm 0; color: #1f4e8c; break-after: avoid; }
p { margin: 0 0 1.6mm 0; orphans: 2; widows: 2; }
.source { color: #555; font-size: 7.8pt; margin-top: 0.5mm; }
figure { margin: 2mm 0 3mm 0; break-inside: avoid; }
figcaption { font-weight: bold; font-size: 9pt; margin-bottom: 1mm; }
figure svg { width: 100%%; height: auto; max-height: 120mm; }
.alt { color: #555; font-size: 7.5pt; margin-top: 0.5mm; }
footer { border-top: 1px solid #bbb; margin-top: 4mm; padding-top: 2mm; font-size: 8pt;
         color: #333; break-inside: avoid; }
footer p { margin: 0 0 1mm 0; }
a { color: #1f4e8c; word-break: break-all; }
@media screen { body { padding: 8mm; } }
"""


def _css_string(text: str) -> str:
    """``text`` inside a CSS string literal (quotes, backslashes and line breaks escaped)."""
    return re.sub(r'["\\\n\r]', lambda m: f"\\{ord(m[0]):x} ", text)


def _svg(chart: BriefChart, index: int) -> str:
    """The chart as an inline SVG element whose ids are its own (several charts share one
    document, and vl-convert numbers its clip paths from 1 in each).
    """
    spec = chart.chart.to_dict()
    svg = str(vlc.vegalite_to_svg(spec, **_convert_options(spec)))
    svg = re.sub(r"<\?xml[^>]*\?>", "", svg)
    prefix = f"c{index}-"
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m[1]}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m[1]})", svg)
    svg = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}{m[1]}"', svg)
    title = html.escape(chart.alt)
    return svg.replace(">", f' role="img" aria-label="{title}">', 1)


def _figure(chart: BriefChart, index: int) -> str:
    return (
        f"<figure><figcaption>{html.escape(chart.title)}</figcaption>{_svg(chart, index)}"
        f'<p class="alt">{html.escape(chart.alt)}</p></figure>'
    )


def _link(url: str) -> str:
    text = html.escape(url)
    if re.match(r"https?://", url, flags=re.IGNORECASE):
        return f'<a href="{html.escape(url, quote=True)}">{text}</a>'
    return text


def brief_html(view: BriefView, charts: Sequence[BriefChart], meta: ExportMeta) -> str:
    """The brief as one self-contained HTML document (A4 print styles, inline SVG charts).

    Parameters
    ----------
    view : BriefView
        The brief.
    charts : sequence of BriefChart
        Its charts (:func:`indicators.views.brief.brief_charts`, with a fixed width); each
        follows the section it illustrates.
    meta : ExportMeta
        Provenance: source, vintage, link and creation time.
    """
    lang = view.lang
    esc = html.escape
    after: dict[str, list[str]] = {}
    for index, chart in enumerate(charts, start=1):
        after.setdefault(_CHART_AFTER.get(chart.key, "evaluation"), []).append(
            _figure(chart, index)
        )
    body = []
    for section in view.sections:
        parts = [f"<h2>{esc(section.heading)}</h2>"]
        parts += [f"<p>{esc(p)}</p>" for p in section.paragraphs]
        if section.source:
            parts.append(f'<p class="source">{esc(section.source)}</p>')
        parts += after.pop(section.key, [])
        body.append(f'<section class="{esc(section.key)}">{"".join(parts)}</section>')
    body += [figure for figures in after.values() for figure in figures]
    footer = [
        *([f"<p>{esc(view.legend)}</p>"] if view.legend else []),
        f"<p>{esc(meta.source)}</p>",
        f"<p>{esc(meta.label('vintage'))}: {esc(meta.vintage)}</p>",
        f"<p>{esc(meta.suppression_note or '')}</p>",
        f"<p>{esc(t('brief.cite', lang))}: {_link(meta.view_url)}</p>",
        f"<p>{esc(t('brief.generated', lang, when=meta.generated_text))}</p>",
    ]
    css = _CSS % {
        "running": _css_string(f"Seuranta – {view.month_text}"),
        "page": _css_string(t("brief.page", lang)),
        "of": _css_string(t("brief.page_of", lang)),
        "source": _css_string(view.source_note),
    }
    title = f"{view.title}: {view.month_text}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(title)}</title>\n"
        f'<meta name="description" content="{esc(view.title)}">\n'
        f"<style>{css}</style>\n</head>\n<body>\n"
        f'<header><p class="kicker">Seuranta</p><h1>{esc(view.title)}</h1>'
        f'<p class="month">{esc(view.month_text)}</p>'
        f'<p class="meta">{esc(t("brief.language_line", lang))} · '
        f"{esc(meta.label('generated_at'))}: {esc(meta.generated_text)}</p></header>\n"
        f"<main>{''.join(body)}</main>\n<footer>{''.join(footer)}</footer>\n"
        "</body>\n</html>\n"
    )


# --------------------------------------------------------------------------------------------
# PDF


def render_pdf(document: str) -> tuple[bytes, int]:
    """The HTML ``document`` typeset by WeasyPrint as PDF, with its number of pages."""
    import weasyprint

    rendered = weasyprint.HTML(string=document).render()
    return bytes(rendered.write_pdf()), len(rendered.pages)


def brief_pdf(view: BriefView, charts: Sequence[BriefChart], meta: ExportMeta) -> bytes:
    """The brief as an A4 PDF (WeasyPrint): the document of :func:`brief_html`, its text
    selectable, its charts vector graphics, its pages numbered.
    """
    return render_pdf(brief_html(view, charts, meta))[0]
