"""The fine-tuned encoder is optional: the scorer works without its files."""

import sys

import pytest

from scoring import encoder


def test_missing_encoder_file_is_not_available(tmp_path):
    assert not encoder.available(tmp_path / "absent.onnx")
    with pytest.raises(RuntimeError):
        encoder.predict([encoder.CodeInput("what brings you here")], tmp_path / "absent.onnx")


def test_switched_off_by_environment(monkeypatch):
    monkeypatch.setenv(encoder.ENCODER_ENV, "off")
    assert encoder.encoder_path() is None
    assert not encoder.available()


def test_importing_the_encoder_loads_no_torch():
    assert "torch" not in sys.modules
