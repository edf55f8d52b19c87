"""Benchmarks: the skill against a hello-world ask-sdk-core skill, measured in one run."""
