"""Streamlit widgets shared by pages: headline metrics and the map's keyboard route."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from catalogue import definitions
from i18n import decimals_of, fmt_month, fmt_signed, fmt_value, t, unit_of_change
from indicators.views.map import area_names_in
from indicators.views.profile import ProfileView


def delta_style(change: float | None, better: str | None) -> dict[str, str]:
    """``delta_color`` and ``delta_arrow`` for ``st.metric`` from the change's sign.

    Streamlit reads the direction from the delta's text, which must then start with an ASCII
    hyphen; our texts use the typographic minus (−), so the direction is given explicitly.
    ``better``: 'lower', 'higher' or None (no colour)."""
    if change is None or math.isnan(change) or change == 0:
        return {"delta_color": "gray", "delta_arrow": "off"}
    arrow = "up" if change > 0 else "down"
    if better not in ("lower", "higher"):
        return {"delta_color": "gray", "delta_arrow": arrow}
    good = (change < 0) == (better == "lower")
    return {"delta_color": "green" if good else "red", "delta_arrow": arrow}


def area_headline(view: ProfileView, lang: str) -> None:
    """Latest value with its change on a year, and the area's rank among the areas."""
    assert view.month is not None
    indicator = view.indicator
    change = fmt_signed(
        view.change_on_year, lang, decimals_of(indicator), unit_of_change(indicator, lang)
    )
    left, right = st.columns(2)
    left.metric(
        f"{t('profile.latest', lang)} ({fmt_month(view.month, lang)})",
        fmt_value(indicator, view.value, lang),
        delta=t("profile.change_year", lang, delta=change),
        **delta_style(view.change_on_year, definitions.get(indicator).better),  # type: ignore[arg-type]
    )
    if view.rank is not None:
        right.metric(
            t("profile.rank", lang),
            t("profile.rank_value", lang, rank=view.rank, n=view.n_ranked),
            help=t("profile.rank_help", lang, month=fmt_month(view.month, lang)),
        )


def profile_picker(
    members: pd.DataFrame, munis: pd.DataFrame, areas: pd.DataFrame, lang: str
) -> None:
    """Keyboard route from the map to a profile: pick a municipality or area, open it."""
    area_names = area_names_in(areas[areas["status"] != "not_in_trial"], lang)
    muni_names = dict(zip(munis["code"], munis[f"name_{lang}"], strict=True))
    options = [f"area:{a}" for a in area_names] + [f"muni:{c}" for c in muni_names]

    def label(option: str) -> str:
        kind, code = option.split(":", 1)
        return f"{area_names[code]} ({code})" if kind == "area" else muni_names[code]

    choice = st.selectbox(
        t("map.pick", lang), options, index=None, format_func=label, key="map_pick", placeholder="…"
    )
    if choice is None:
        return
    kind, code = choice.split(":", 1)
    area = code
    if kind == "muni":
        rows = members[
            (members["municipality_code"] == code)
            & members["status"].isin(["confirmed", "probable"])
        ]
        if rows.empty:
            st.info(t("map.not_in_trial", lang, name=muni_names[code]))
            return
        area = str(rows["area_id"].iloc[0])
    if st.button(t("map.open_profile", lang), key="open_profile", type="primary"):
        st.switch_page("pages/area_profile.py", query_params={"area": area, "lang": lang})
