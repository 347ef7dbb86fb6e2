"""Benchmarks: speed measured against a baseline in the same run (see benchmarks/run.py)."""
