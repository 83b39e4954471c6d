"""The scale probe builds its state through the backend's public API and polls the downloads it added."""

from bench.scale_probe import probe


def test_probe_adds_the_downloads_and_polls_them() -> None:
    result = probe(60, 20)
    assert result["downloads"] == 60
    assert result["polls"] == 20
    assert isinstance(result["add_seconds"], float)
    assert result["add_seconds"] > 0
