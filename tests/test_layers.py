"""The shape of the code: the public API, the layering rules and one calendar."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

import indicators

ROOT = Path(__file__).resolve().parent.parent
CORE = ("catalogue", "data_access", "indicators", "geo", "i18n", "exports")
OURS = {"catalogue", "data_access", "indicators", "geo", "i18n", "exports", "ui", "pages"}
# package → the packages of ours it may import
ALLOWED = {
    "catalogue": set(),
    "i18n": {"catalogue"},
    "data_access": {"catalogue"},
    "indicators": {"catalogue", "i18n"},
    "geo": {"catalogue", "i18n", "indicators"},
    # exports reads the database for the monthly brief's command line (exports/brief.py)
    "exports": {"catalogue", "data_access", "i18n", "indicators", "geo"},
}


def imports_of(path: Path) -> set[str]:
    """Top-level package names ``path`` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_public_api_is_importable_from_the_package() -> None:
    from indicators import estimate_did, evaluate, event_study, synthetic_control  # noqa: F401

    for name in indicators.__all__:
        assert getattr(indicators, name) is not None, name
    with pytest.raises(AttributeError):
        indicators.no_such_name  # noqa: B018


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_layers_import_only_what_lies_below(package: str) -> None:
    for path in sorted((ROOT / package).rglob("*.py")):
        ours = imports_of(path) & OURS - {package}
        assert ours <= ALLOWED[package], f"{path.relative_to(ROOT)} imports {ours}"
        if package in CORE:
            assert "streamlit" not in imports_of(path), path


def test_no_trial_date_outside_the_calendar() -> None:
    """Trial, window and index dates are written once, in catalogue/calendar.py."""
    pattern = re.compile(r"[\"']20(19|21|22|24)-(01|02|03|05|12)")
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts[0] in {".venv", "tests", "var", "build"} or rel == Path(
            "catalogue/calendar.py"
        ):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{rel}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_every_module_has_a_docstring() -> None:
    for package in (*CORE, "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            module = ast.parse(path.read_text(encoding="utf-8"))
            assert ast.get_docstring(module), path.relative_to(ROOT)


def test_core_modules_import_without_streamlit() -> None:
    for package in CORE:
        importlib.import_module(package)
