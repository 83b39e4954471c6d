"""Schemathesis configured for this API (config, auth, checks, schema) and its runs: stateless per
operation, and the stateful workflow machine with its checks against the reference model."""
