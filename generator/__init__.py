"""The client generator; `python generator/generate.py` is the command (a package only so that
tests and mypy can import `generator.generate` under one name)."""
