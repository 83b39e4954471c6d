"""Tests of the generated client in generated_client/ and of generator/generate.py."""
