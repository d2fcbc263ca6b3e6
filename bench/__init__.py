"""Benchmarks: `python -m bench` (see bench/__main__.py). Loopback only, bounded in count and time."""
