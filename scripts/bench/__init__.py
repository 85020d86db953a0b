"""Benchmark of Seuranta against baselines measured in the same run (``make bench``).

``python -m scripts.bench --help`` lists the options. One module per section, in the order they
run: :mod:`~scripts.bench.pages` (script times, AppTest), :mod:`~scripts.bench.browser` (time to
chart and rerun, Chromium), :mod:`~scripts.bench.evaluation` (the estimation against the library
alone), :mod:`~scripts.bench.maps` (map payloads) and :mod:`~scripts.bench.memory` (server RSS);
:mod:`~scripts.bench.common` holds the settings and budgets, :mod:`~scripts.bench.report` the
results and their table, :mod:`~scripts.bench.cli` the command line.
"""
