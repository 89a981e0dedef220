"""Fine-tuned sentence encoder for Layer 1 codes, and the pretrained sentence vectors.

A small transformer (all-MiniLM-L6-v2, fine-tuned on AnnoMI by ``scoring.train_encoder``) reads
a unit of practitioner talk with the client's turn before it and the practitioner's previous
unit, and gives probabilities for the MI behaviour, open/closed and simple/complex. ``embed``
gives L2-normalised sentence vectors of the pretrained checkpoint for the reading models, and
for semantic overlap when ``OEP_SCORING_OVERLAP=vectors`` asks for it (``similarity``).

It runs with onnxruntime and tokenizers only (int8 ONNX files in ``models/``; no PyTorch). The
shipped codes model runs unless ``OEP_SCORING_ENCODER`` names another file or is ``off`` (which
also leaves out the embedder): without the files, or with ``OEP_SCORING_MODEL=off``,
``available()`` is False and the scorer keeps to its linear model and rules.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import SWITCHED_OFF

MODELS_DIR = Path(__file__).resolve().parent / "models"
DEFAULT_ENCODER_PATH = MODELS_DIR / "codes-encoder.onnx"
# The pretrained checkpoint's mean-pooled vectors, for ``embed``: fine-tuning for the codes
# bends the fine-tuned encoder's vectors away from meaning, so similarity uses the original.
DEFAULT_EMBEDDER_PATH = MODELS_DIR / "minilm-embed.onnx"
TOKENIZER_NAME = "minilm-tokenizer.json"
ENCODER_ENV = "OEP_SCORING_ENCODER"  # unset or "on": the shipped file; a path: another; "off"
MODEL_ENV = "OEP_SCORING_MODEL"  # "off" disables every learned part of the scorer
_OFF = SWITCHED_OFF  # the same switch words as the linear model's
_ON = ("on", "1", "true", "yes")

BEHAVIOUR_LABELS = ("question", "reflection", "therapist_input", "other")
QUESTION_LABELS = ("open", "closed")
REFLECTION_LABELS = ("simple", "complex")

# Token budget per segment. A long turn keeps its opening and, above all, its end (a question
# or reflection usually closes the turn); context keeps its most recent words.
TEXT_HEAD, TEXT_TAIL = 16, 48
CLIENT_TOKENS = 40
PRACTITIONER_TOKENS = 20
ANSWER_TOKENS = 16
EMBED_TOKENS = 128


@dataclass(frozen=True)
class CodeInput:
    text: str  # the unit (a sentence or clause) or whole utterance to code
    client_before: str = ""  # the client's most recent turn before it
    practitioner_before: str = ""  # the practitioner's previous unit or turn
    # addition to the contract: the opening of the client's answer, when the unit ends the
    # practitioner's turn (answers follow questions; "yeah, exactly" follows a reflection)
    client_after: str = ""


@dataclass(frozen=True)
class CodeProbs:
    behaviour: dict[str, float]  # question, reflection, therapist_input, other
    question: dict[str, float]  # open, closed
    reflection: dict[str, float]  # simple, complex

    def top(self, head: str = "behaviour") -> tuple[str, float]:
        """(label, probability) of the most likely label of one head."""
        probs = getattr(self, head)
        label = max(probs, key=probs.__getitem__)
        return label, probs[label]


# --- input encoding (shared with training, so both see exactly the same ids) --------------


def _clip(ids: list[int], head: int, tail: int) -> list[int]:
    if len(ids) <= head + tail:
        return ids
    return ids[:head] + ids[-tail:]


def pair_ids(tokenizer, inputs: list[CodeInput]) -> list[tuple[list[int], list[int]]]:
    """(input ids, token type ids) per input.

    ``[CLS] text [SEP] client before [SEP] practitioner before [SEP] client after [SEP]``, the
    unit as segment 0 and its context as segment 1.
    """
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    texts = tokenizer.encode_batch([i.text for i in inputs], add_special_tokens=False)
    clients = tokenizer.encode_batch([i.client_before for i in inputs], add_special_tokens=False)
    prevs = tokenizer.encode_batch(
        [i.practitioner_before for i in inputs], add_special_tokens=False
    )
    answers = tokenizer.encode_batch([i.client_after for i in inputs], add_special_tokens=False)
    out = []
    for text, client, prev, answer in zip(texts, clients, prevs, answers, strict=True):
        first = [cls, *_clip(text.ids, TEXT_HEAD, TEXT_TAIL), sep]
        second = [
            *client.ids[-CLIENT_TOKENS:],
            sep,
            *prev.ids[-PRACTITIONER_TOKENS:],
            sep,
            *answer.ids[:ANSWER_TOKENS],
            sep,
        ]
        out.append((first + second, [0] * len(first) + [1] * len(second)))
    return out


def pad(rows: list[tuple[list[int], list[int]]]):
    """Batch arrays (input_ids, attention_mask, token_type_ids), padded to the longest row."""
    import numpy as np

    width = max(len(ids) for ids, _ in rows)
    ids = np.zeros((len(rows), width), dtype=np.int64)
    types = np.zeros_like(ids)
    mask = np.zeros_like(ids)
    for k, (row_ids, row_types) in enumerate(rows):
        ids[k, : len(row_ids)] = row_ids
        types[k, : len(row_types)] = row_types
        mask[k, : len(row_ids)] = 1
    return ids, mask, types


# --- loading -------------------------------------------------------------------------------


def encoder_path() -> Path | None:
    """The codes model to use, or None when it is switched off.

    On by default since scorer 2.16: fully fine-tuned (codes-minilm-2) it adds two points of
    AnnoMI macro-F1 for about 0.6 s per hour of session (docs/scoring.md). Unset or ``on`` runs
    the shipped file, a path another, ``off`` none."""
    if os.environ.get(MODEL_ENV, "").strip().lower() in _OFF:
        return None
    setting = os.environ.get(ENCODER_ENV, "").strip()
    if setting.lower() in _OFF:
        return None
    return DEFAULT_ENCODER_PATH if not setting or setting.lower() in _ON else Path(setting)


class _Runner:
    """One onnxruntime session and its tokenizer; single-threaded use per call, shared safely."""

    def __init__(self, path: Path):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        # Each text runs alone (see `embed`), and one text is too small to share among threads:
        # one thread a run and `workers` runs side by side (`run_each`) was 1.7x as fast on two
        # cores as two threads a run (300 AnnoMI utterances embedded: 0.85 s against 1.43 s),
        # with the same vectors to the bit.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.workers = max(1, int(os.environ.get("OEP_SCORING_THREADS", "2")))
        self.session = onnxruntime.InferenceSession(
            str(path), options, providers=["CPUExecutionProvider"]
        )
        self.outputs = [o.name for o in self.session.get_outputs()]
        tokenizer_path = path.with_name(TOKENIZER_NAME)
        if not tokenizer_path.is_file():
            tokenizer_path = DEFAULT_ENCODER_PATH.with_name(TOKENIZER_NAME)
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        meta_path = path.with_suffix(".json")
        self.meta = json.loads(meta_path.read_text()) if meta_path.is_file() else {}
        self.version = self.meta.get("version", path.stem)
        self.inputs = {i.name for i in self.session.get_inputs()}

    def run(self, rows, names: list[str]):
        ids, mask, types = pad(rows)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        # onnxruntime's run is safe to call from several threads at once
        return self.session.run(names, {k: v for k, v in feeds.items() if k in self.inputs})

    def run_each(self, rows, names: list[str]) -> list:
        """``run([row], names)`` for every row, in order, ``workers`` rows at a time."""
        if self.workers == 1 or len(rows) < 2:
            return [self.run([row], names) for row in rows]
        with ThreadPoolExecutor(self.workers) as pool:
            return list(pool.map(lambda row: self.run([row], names), rows))


@lru_cache(maxsize=4)
def _runner(path: str) -> _Runner | None:
    if not Path(path).is_file() or not Path(path).with_name(TOKENIZER_NAME).is_file():
        return None
    try:
        return _Runner(Path(path))
    except ImportError:  # onnxruntime or tokenizers not installed: the rules carry on
        return None


def load(path: str | Path | None = None) -> _Runner | None:
    """The codes runner for ``path`` (default: the environment, then the shipped file)."""
    path = path or encoder_path()
    return _runner(str(path)) if path else None


def available(path: str | Path | None = None) -> bool:
    """True when the codes model and the sentence embedder can run here."""
    return load(path) is not None and _embedder() is not None


def version(path: str | Path | None = None) -> str | None:
    runner = load(path)
    return runner.version if runner else None


# --- the contract --------------------------------------------------------------------------


def _softmax(logits):
    import numpy as np

    shifted = logits - logits.max(axis=1, keepdims=True)
    exps = np.exp(shifted)
    return exps / exps.sum(axis=1, keepdims=True)


def predict(inputs: list[CodeInput], path: str | Path | None = None) -> list[CodeProbs]:
    """Code probabilities for each input, in order. Needs ``available()``.

    Each input runs alone, for the reason ``embed`` gives: the int8 model's activation scale is
    taken over the batch, so a batch made an utterance's code depend on its neighbours."""
    runner = load(path)
    if runner is None:
        raise RuntimeError("the codes encoder is not available (see scoring.encoder.available)")
    results: list[CodeProbs] = []
    heads = ["behaviour_logits", "question_logits", "reflection_logits"]
    for logits in runner.run_each(pair_ids(runner.tokenizer, inputs), heads):
        behaviour, question, reflection = (_softmax(x)[0] for x in logits)
        results.append(
            CodeProbs(
                behaviour=_labelled(BEHAVIOUR_LABELS, behaviour),
                question=_labelled(QUESTION_LABELS, question),
                reflection=_labelled(REFLECTION_LABELS, reflection),
            )
        )
    return results


def _labelled(labels, row) -> dict[str, float]:
    return {label: float(p) for label, p in zip(labels, row, strict=True)}


def _switched_off() -> bool:
    return any(
        os.environ.get(name, "").strip().lower() in _OFF for name in (MODEL_ENV, ENCODER_ENV)
    )


def _embedder(path: str | Path | None = None) -> _Runner | None:
    if _switched_off():
        return None
    return _runner(str(path or DEFAULT_EMBEDDER_PATH))


def embedder_available() -> bool:
    """True when ``embed`` can run here (the shipped embedder, not switched off)."""
    return _embedder() is not None


def remembering_embed():
    """``embed`` that remembers what it has embedded: for one session, whose turns the stance,
    rapport and moves models each read (the same client turns and replies), so each text is
    embedded once."""
    import numpy as np

    seen: dict[str, object] = {}

    def embed_once(texts: list[str]):
        new = [t for t in dict.fromkeys(texts) if t not in seen]
        if new:
            seen.update(zip(new, embed(new), strict=True))
        if not texts:
            return embed(texts)
        return np.stack([seen[t] for t in texts])

    return embed_once


def embed(texts: list[str], path: str | Path | None = None):
    """L2-normalised sentence vectors (numpy array, one row per text). Needs ``available()``.

    ``path`` picks an embedder .onnx other than the shipped one.

    Each text runs alone. The int8 model quantises its activations with one scale taken over the
    whole batch (``DynamicQuantizeLinear``), so in a batch a text's vector moved with its
    neighbours and their padding (cosine with the text alone 0.95 to 1.00, mean 0.983, on 600
    AnnoMI utterances): the same turn could read differently in another session or on a rescore.
    Alone it is the same wherever it is embedded, in about the same time on two cores (600
    utterances: 2.0 s one by one, 1.9 s in batches of 32).
    """
    import numpy as np

    runner = _embedder(path)
    if runner is None:
        raise RuntimeError("the sentence embedder is not available (see scoring.encoder.available)")
    cls, sep = runner.tokenizer.token_to_id("[CLS]"), runner.tokenizer.token_to_id("[SEP]")
    vectors = np.zeros((len(texts), 384), dtype=np.float32)
    rows = []
    for encoded in runner.tokenizer.encode_batch(texts, add_special_tokens=False):
        ids = [cls, *encoded.ids[: EMBED_TOKENS - 2], sep]
        rows.append((ids, [0] * len(ids)))
    for k, (pooled,) in enumerate(runner.run_each(rows, ["sentence_embedding"])):
        vectors[k] = pooled[0]
    return vectors
