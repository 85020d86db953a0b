"""The monthly brief on the page: its sections, charts and the PDF and HTML downloads."""

from __future__ import annotations

import re
from functools import partial

import streamlit as st

from exports import filename
from exports.brief import CHART_WIDTH, brief_html, brief_meta, brief_pdf
from i18n import t
from indicators.views.brief import BriefView, brief_chart, brief_charts, chart_keys
from ui import data, specs

# Which section each chart follows (as in the files)
CHART_AFTER = {"headline": "shares", "areas": "changes", "evaluation": "event"}
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#$|~])")


def markdown_text(text: str) -> str:
    """Our own text as Markdown that shows it literally (no emphasis, links, LaTeX or HTML)."""
    return _MARKDOWN.sub(r"\\\1", text)


def show_brief(view: BriefView, *, url: str) -> None:
    """The brief's sections with their sources, each chart after its section, the legend,
    the source and licence line and the "cite this brief" link."""
    keys = set(chart_keys(view))
    for section in view.sections:
        st.subheader(section.heading)
        for paragraph in section.paragraphs:
            st.markdown(markdown_text(paragraph))
        if section.source:
            st.caption(markdown_text(section.source))
        key = CHART_AFTER.get(section.key)
        if key in keys:
            chart = specs.cached_chart(
                ("brief", url, view.month, view.lang, key),
                partial(_built, view, key),
            )
            info = brief_chart(view, key)
            if info is not None:
                st.markdown(f"**{markdown_text(info.title)}**")
                specs.show(chart, key=f"brief_chart_{key}", alt=info.alt)
    if view.legend:
        st.caption(markdown_text(view.legend))
    st.caption(markdown_text(view.source_note))
    st.caption(f"{markdown_text(t('brief.cite', view.lang))}: `{view.link}`")


def _built(view: BriefView, key: str) -> object:
    chart = brief_chart(view, key)
    assert chart is not None
    return chart.chart


def downloads(view: BriefView, *, url: str) -> None:
    """PDF and HTML buttons; the files are made only when a button is pressed."""
    meta = brief_meta(view, data.vintage_text(url))

    def files(kind: str) -> bytes:
        charts = brief_charts(view, width=CHART_WIDTH)
        if kind == "pdf":
            return brief_pdf(view, charts, meta)
        return brief_html(view, charts, meta).encode("utf-8")

    name = f"{t('brief.title', view.lang)} {view.month}"
    left, right = st.columns(2, gap="small")
    for column, kind, mime in ((left, "pdf", "application/pdf"), (right, "html", "text/html")):
        column.download_button(
            t(f"brief.download_{kind}", view.lang),
            data=partial(files, kind),
            file_name=filename(name, kind),
            mime=mime,
            key=f"brief_{kind}_{view.month}_{view.lang}",
            on_click="ignore",
            icon=":material/download:",
        )
