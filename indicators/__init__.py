"""Indicators: catalogue, aggregation, comparison, evaluation and disclosure control (pure pandas)."""
