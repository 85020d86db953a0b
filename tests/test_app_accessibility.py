"""The accessibility statement page (issue 14 item 15) in Finnish, Swedish and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from i18n import LANGS, t

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = ROOT / "pages" / "accessibility.py"
HEADINGS = (
    "a11y.status_heading",
    "a11y.gaps_heading",
    "a11y.tested_heading",
    "a11y.feedback_heading",
    "a11y.authority_heading",
)


def _statement(lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    # No database behind it: the statement needs none
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'none.db'}")
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/accessibility.py")
    at.query_params["lang"] = lang
    return at.run()


def _texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for e in (*at.markdown, *at.caption, *at.text, *at.info))


@pytest.mark.parametrize("lang", LANGS)
def test_statement_in_each_language(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SEURANTA_A11Y_CONTACT", raising=False)
    at = _statement(lang, tmp_path, monkeypatch)
    assert not at.exception, at.exception
    assert at.title[0].value == t("a11y.title", lang)
    assert [h.value for h in at.subheader] == [t(key, lang) for key in HEADINGS]
    texts = _texts(at)
    assert "306/2019" in texts and "WCAG 2.1" in texts and "Traficom" in texts
    # The tested axe-core version is the one the browser tests run
    axe = pytest.importorskip("axe_playwright_python.base")
    bundled = re.search(r"axe v(\d+\.\d+\.\d+)", axe.AXE_SCRIPT[:200])
    assert bundled and f"axe-core {bundled[1]}" in texts
    # No contact configured: the statement says the deployer sets it, and invents none
    assert at.info[0].value == t("a11y.no_contact", lang)
    assert "@" not in texts
    assert not at.error and not at.warning


def test_deployers_contact_is_shown_as_plain_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    contact = "**saavutettavuus**@example.org <script>"
    monkeypatch.setenv("SEURANTA_A11Y_CONTACT", contact)
    at = _statement("sv", tmp_path, monkeypatch)
    assert not at.exception, at.exception
    assert [e.value for e in at.text] == [f"{t('a11y.contact', 'sv')} {contact}"]
    assert not at.info
    assert all(contact not in str(m.value) for m in at.markdown)
