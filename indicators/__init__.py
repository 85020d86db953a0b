"""Indicators: catalogue, aggregation, comparison, evaluation, disclosure control (pandas)."""
