"""Measuring the running app from outside, as its visitors meet it: a raw HTTP client for Gradio's API,
a load-and-soak run, and the benchmark table."""
