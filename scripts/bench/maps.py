"""Section ``payload``: the JSON size of the map page's map specs, against their limits."""

from __future__ import annotations

import json
import os
from functools import partial
from typing import Any, Literal

from catalogue import calendar
from indicators.views import map as map_view
from scripts.bench.common import OUTCOME
from scripts.bench.report import Result

MUNICIPALITY_MAP_LIMIT = 250_000
AREA_MAP_LIMIT = 100_000


def bench_payload(database_url: str) -> list[Result]:
    """The JSON size of the map specs the map page builds, against their limits."""
    os.environ["DATABASE_URL"] = database_url
    import pandas as pd

    from catalogue import definitions
    from data_access import queries
    from data_access.engine import make_engine
    from geo import maps
    from i18n import fmt_value
    from indicators import mapping

    lang: Literal["fi", "sv", "en"] = "fi"
    indicator = OUTCOME
    inputs = definitions.series_of(indicator)
    engine = make_engine(database_url, read_only=True)
    try:
        members = queries.memberships(engine)
        areas = queries.trial_areas(engine)
        shapes = queries.boundaries(engine, level="municipality")
        groups = queries.group_members(engine)
        months = queries.months_available(
            engine, indicator=map_view.month_source(indicator), level="municipality"
        )
        # The latest trial month in which the trial areas have a value (the published share
        # after 2023-10 exists per municipality only, so the area map would be empty)
        month, obs, area_values = "", pd.DataFrame(), pd.DataFrame()
        for month in [m for m in months if calendar.in_trial(m)][::-1][:24]:
            obs = pd.concat(
                [
                    queries.observations(engine, indicators=inputs, level=lvl, months=[month])
                    for lvl in ("municipality", "municipality_group")
                ],
                ignore_index=True,
            )
            area_values = mapping.area_values(obs, members, indicator=indicator, month=month)
            if area_values["value"].notna().any():
                break
    finally:
        engine.dispose()
    if not month:
        raise RuntimeError(f"no month of {indicator} in the trial period")
    labels = map_view.map_labels(lang)
    common: dict[str, Any] = {
        "memberships": members,
        "month": month,
        "areas": areas,
        "labels": labels,
        "lang": lang,
        "value_text": partial(fmt_value, indicator, lang=lang),
    }
    specs = {
        "municipality": maps.choropleth(
            mapping.municipality_values(obs, groups, indicator=indicator, month=month),
            shapes,
            level="municipality",
            **common,
        ),
        "area": maps.choropleth(area_values, shapes, level="area", **common),
        "organiser": maps.trial_area_map(
            shapes, members, month, areas=areas, lang=lang, labels=labels
        ),
    }
    limits = {
        "municipality": MUNICIPALITY_MAP_LIMIT,
        "area": AREA_MAP_LIMIT,
        "organiser": MUNICIPALITY_MAP_LIMIT,
    }
    titles = {
        "municipality": "payload: municipality map",
        "area": "payload: area map",
        "organiser": "payload: organiser map (municipalities)",
    }
    return [
        Result(
            "payload",
            titles[key],
            "B",
            [float(len(json.dumps(chart.to_dict())))],
            [float(limits[key])],
            1.0,
            ""
            if key != "municipality"
            else f"len(json.dumps(chart.to_dict())) of the map page's maps of {indicator} in "
            f"{month} (Finnish); baseline = the limit",
        )
        for key, chart in specs.items()
    ]
