"""Support code of the contract tests: no test here. contract_tests/README.md maps the modules."""
