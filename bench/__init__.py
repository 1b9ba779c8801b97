"""Benchmarks of the core (not tests: speed targets live here, never in timed tests)."""
