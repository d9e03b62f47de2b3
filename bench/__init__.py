"""Benchmarks: `make bench` prints latency and build-time tables."""
