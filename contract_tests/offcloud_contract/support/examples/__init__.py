"""The spec's response examples run: the rules an answer is held to an example by (values.py), and the run
of one example's request against a fresh mock of an era (runs.py)."""
