"""Score one session: Layer 1 codes, Layer 2 checklist evidence, Layer 3 skills and metrics."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import encoder
from .checklist import Checklist, load_checklist
from .codes import CLIENT, PRACTITIONER, UtteranceCode, code_utterance
from .evidence import collect_evidence
from .metrics import session_metrics, session_quality, skill_summaries
from .model import LinearModel, get_model
from .refine import encoder_probs, refine

SCORER_VERSION = "seeds-scorer-1.1"
PRACTITIONER_SPEAKERS = frozenset(
    {"practitioner", "therapist", "officer", "probation_officer", "pp", "staff", "counsellor"}
)
_PERMISSION_MEMORY = 3  # practitioner turns an asked permission stays in force


@dataclass(frozen=True)
class Utterance:
    """One turn of a transcript; speaker is 'practitioner' or 'client'; times in seconds."""

    index: int
    speaker: str
    text: str
    start: float | None = None
    end: float | None = None

    @property
    def is_practitioner(self) -> bool:
        return self.speaker.strip().lower() in PRACTITIONER_SPEAKERS


def role(speaker: str) -> str:
    return PRACTITIONER if speaker.strip().lower() in PRACTITIONER_SPEAKERS else CLIENT


@dataclass
class SessionScore:
    scorer_version: str
    checklist_version: str
    codes: list[UtteranceCode]
    items: dict[str, dict]
    skills: dict[str, dict]
    metrics: dict[str, dict]
    quality: float
    model_version: str | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "scorer_version": self.scorer_version,
            "checklist_version": self.checklist_version,
            "model_version": self.model_version,
            "codes": [code.to_dict() for code in self.codes],
            "items": self.items,
            "skills": self.skills,
            "metrics": self.metrics,
            "quality": self.quality,
            "notes": list(self.notes),
        }


def code_session(
    utterances: list[Utterance],
    model: LinearModel | None = None,
    encoder_path: str | Path | None = None,
) -> list[UtteranceCode]:
    """Layer 1 codes for every utterance (client utterances get behaviour None).

    ``model`` is the linear model and ``encoder_path`` the codes encoder's ONNX file; with
    neither the rules decide alone.
    """
    texts = [u.text or "" for u in utterances]
    practitioner = [u.is_practitioner for u in utterances]
    encoded = encoder_probs(texts, practitioner, encoder_path) if encoder_path else {}
    codes: list[UtteranceCode] = []
    permission_turns_left = 0
    for i, utt in enumerate(utterances):
        if not practitioner[i]:
            codes.append(UtteranceCode(index=utt.index, speaker=CLIENT))
            continue
        prev_client = texts[i - 1] if i > 0 and not practitioner[i - 1] else ""
        code = code_utterance(utt.index, texts[i], prev_client, permission_turns_left > 0)
        if model is not None or i in encoded:
            refine(code, texts, practitioner, i, permission_turns_left > 0, model, encoded.get(i))
        if "permission" in code.tags:
            permission_turns_left = _PERMISSION_MEMORY
        else:
            permission_turns_left = max(0, permission_turns_left - 1)
        codes.append(code)
    return codes


def _encoder_to_use(use_model, use_encoder) -> Path | None:
    """The encoder file to run, or None: off with the rules-only switch or when not available."""
    if use_model is False or use_encoder is False:
        return None
    path = Path(use_encoder) if use_encoder not in (None, True) else encoder.encoder_path()
    return path if path and encoder.load(path) is not None else None


def score_session(
    utterances: list[Utterance],
    checklist: Checklist | None = None,
    use_model: bool | str | Path | None = None,
    use_encoder: bool | str | Path | None = None,
) -> SessionScore:
    """Score a session.

    ``use_model=False`` keeps to the rules (no learned model at all); a path picks the linear
    model's file (see ``model.get_model``). ``use_encoder=False`` leaves out the fine-tuned
    encoder; a path picks its ONNX file; None uses it when ``encoder.available()``.
    """
    checklist = checklist or load_checklist()
    utterances = [u if isinstance(u, Utterance) else Utterance(**u) for u in utterances]
    model = get_model(use_model)
    encoder_path = _encoder_to_use(use_model, use_encoder)
    codes = code_session(utterances, model, encoder_path)
    items = collect_evidence(utterances, codes, checklist)
    metrics = session_metrics(utterances, codes, checklist)
    skills = skill_summaries(items, checklist)
    return SessionScore(
        scorer_version=SCORER_VERSION,
        checklist_version=checklist.version,
        codes=codes,
        items=items,
        skills=skills,
        metrics=metrics,
        quality=session_quality(codes, utterances),
        model_version="+".join(
            v
            for v in (model and model.version, encoder_path and encoder.version(encoder_path))
            if v
        )
        or None,
    )
