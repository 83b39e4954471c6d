"""This project's own `mock_server` package: a common name, which the kit must never take or shadow."""
