"""Layer 1 refinement by the learned models: the linear model, the encoder, or both blended.

The rules in ``codes.py`` code every utterance first and always give the tags. Where a learned
model is present its probabilities replace the rules' behaviour and subtypes: the linear model's
(``model.py``) and the fine-tuned encoder's (``encoder.py``) are averaged with the weights below,
chosen by cross-validation by transcript (docs/scoring.md).
"""

from __future__ import annotations

from . import encoder as enc
from .codes import UtteranceCode, input_subtype, reflection_subtype
from .model import LinearModel, context_at
from .text import normalise

# Share of the encoder in the blend, per head (the linear model has the rest). Chosen by
# 5-fold cross-validation by transcript on AnnoMI dev (bench/score_annomi.py --sweep): for the
# fully fine-tuned codes-minilm-2 an even blend gives the best macro-F1 with and without
# punctuation.
ENCODER_WEIGHT = {"behaviour": 0.5, "question": 0.5}
# Simple/complex: the encoder's head against the rules (the linear model has no such head); on
# the five folds it was right more often (0.632 against 0.608 on coded reflections).
ENCODER_DECIDES_REFLECTION = True
MODEL_DOUBT = 0.6  # below this an explicit advice phrase keeps the rules' therapist input


def encoder_probs(
    texts: list[str], practitioner: list[bool], runner_path=None
) -> dict[int, enc.CodeProbs]:
    """The encoder's probabilities for every practitioner turn, in one batched call."""
    inputs, where = [], []
    for i, text in enumerate(texts):
        if not practitioner[i]:
            continue
        ctx = context_at(texts, practitioner, i)
        inputs.append(
            enc.CodeInput(
                text=text,
                client_before=ctx.previous_client,
                practitioner_before=ctx.previous_practitioner,
                client_after=ctx.next_client,
            )
        )
        where.append(i)
    if not inputs:
        return {}
    return dict(zip(where, enc.predict(inputs, runner_path), strict=True))


def blend(linear: dict[str, float] | None, encoded: dict[str, float] | None, weight: float):
    """Weighted average of two label -> probability maps (either may be missing)."""
    if linear is None:
        return encoded
    if encoded is None:
        return linear
    return {k: weight * encoded[k] + (1 - weight) * linear.get(k, 0.0) for k in encoded}


def _top(probs: dict[str, float]) -> tuple[str, float]:
    label = max(probs, key=probs.__getitem__)
    return label, probs[label]


def refine(
    code: UtteranceCode,
    texts: list[str],
    practitioner: list[bool],
    i: int,
    permission_asked: bool,
    model: LinearModel | None,
    encoded: enc.CodeProbs | None,
) -> None:
    """Replace the rules' behaviour and subtypes of ``code`` by the learned models' blend."""
    ctx = context_at(texts, practitioner, i)
    feats = model.vector(ctx) if model else None
    linear = model.probabilities("behaviour", feats) if model else None
    behaviour, confidence = _top(
        blend(linear, encoded.behaviour if encoded else None, ENCODER_WEIGHT["behaviour"])
    )
    if confidence < MODEL_DOUBT and code.behaviour == "therapist_input" and "advice" in code.tags:
        return  # an explicit advice phrase outweighs unsure models
    rule_reflection = code.reflection_subtype
    code.behaviour, code.confidence = behaviour, confidence
    code.source = "model" if not encoded else "encoder" if not model else "model+encoder"
    code.question_subtype = code.reflection_subtype = code.input_subtype = None
    if behaviour == "question":
        linear_q = model.probabilities("question_subtype", feats) if model else None
        code.question_subtype = _top(
            blend(linear_q, encoded.question if encoded else None, ENCODER_WEIGHT["question"])
        )[0]
    elif behaviour == "reflection":
        if encoded and ENCODER_DECIDES_REFLECTION:
            code.reflection_subtype = _top(encoded.reflection)[0]
        else:
            code.reflection_subtype = rule_reflection or reflection_subtype(
                normalise(texts[i]), ctx.previous_client
            )
    elif behaviour == "therapist_input":
        code.input_subtype = input_subtype(code.tags, permission_asked)
