"""Support code of the contract tests: no test here. docs/contract-tests.md maps the modules."""
