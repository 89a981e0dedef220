"""The scorer's model files: read by orjson as json reads them, and written so they can be."""

import json

import pytest

from scoring.model import MODELS_DIR, read_model_file
from scoring.training import save

SHIPPED = sorted(MODELS_DIR.glob("*.json"))


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_each_shipped_model_file_reads_as_json_reads_it(path):
    assert read_model_file(path) == json.loads(path.read_text(encoding="utf-8"))


def test_a_weight_that_is_not_a_number_is_refused_when_read(tmp_path):
    # json would take NaN; JSON itself has no such value, and neither has orjson
    path = tmp_path / "model.json"
    path.write_text('{"weights": [0.5, NaN]}')

    with pytest.raises(ValueError):
        read_model_file(path)


def test_a_weight_that_is_not_a_number_is_refused_when_written(tmp_path):
    path = tmp_path / "model.json"

    with pytest.raises(ValueError):
        save({"weights": [0.5, float("nan")]}, path)
    assert not path.exists()
