"""Score one session: Layer 1 codes, Layer 2 checklist evidence, Layer 3 skills and metrics."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import encoder, example, invitations, moves, rapport, stance
from .checklist import Checklist, load_checklist
from .codes import (
    CLIENT,
    PRACTITIONER,
    UtteranceCode,
    code_utterance,
)
from .evidence import collect_evidence
from .judgement import judge_session
from .metrics import session_metrics, session_quality, skill_summaries
from .model import LinearModel, get_model
from .refine import encoder_probs, refine
from .skill_scores import overall_score, scores_of, skill_inputs, weighted_terms
from .units import Unit, derive_turn_code, flag_doubts, split_units

# 2.7: praise of a temptation turned down is praise; praise for not being caught counts against;
# a negated excuse is not voiced; "it's only" before a place is no excuse; a question the
# cognitive judge credited is not also relationship building's exploring
# 2.8: a technique asked for in plain words (consequences, another's view, options, a plan, a
# rehearsal), found by the invitations model where no cue found it, is judged by what followed
# 2.9: a check-in or review answered and left (not brushed off) counts as asked, not against;
# a barrier whose follow-up no client turn answers is only asked; an early summary cue that
# draws nothing together and is no verdict counts neither way; "tell me if I've got it wrong"
# checks a summary back; goal phrases no longer add to structuring
# 2.10: an undertaking of the practitioner's own admitted not done counts against prosocial
# modelling (C5)
# 2.11: so does a client holding the practitioner to an undertaking the reply does not deliver
# ("you said you'd do the letter last week" - "did I? I'll look"), and it weighs more
# 2.12: what the client shares read by rapport-2 (trained on twice the exchanges: the second
# round labelled the 240 development transcripts the first had not), skill-weights-9
# 2.13: the practitioner's own example read by meaning (praise of the wrong thing or of a
# prosocial act, a good or poor example of their own: the example model), and procriminal talk
# read by stance-2 (trained on the second round of labels too), skill-weights-10
# 2.14: each text embedded alone (in a batch the int8 embedder's activation scale was shared,
# so a turn's readings moved with the rest of the session and on a rescore), and every reading
# model retrained on vectors made that way: stance-3, rapport-3, moves-2, invitations-2,
# example-2, skill-weights-11
# 2.15: relationship's shares of reflections, open questions and replies that go on or close
# down are read over the turns the cognitive judge did not credit (a thought walked through
# counts once, for cognitive techniques), skill-weights-12
# 2.16: the codes encoder (codes-minilm-2, every layer fine-tuned) blended in by default, and
# skill-weights-13 fitted on its codes; overlap by sentence vectors switched apart from it
# (OEP_SCORING_OVERLAP) and left off
# 2.17: a cognitive follow-up counts as the client's answer overridden (or the solution handed
# out) by how the rapport model reads it (dismisses rather than takes up), no longer by how many
# of its words are the practitioner's own; skill-weights-15
# 2.18: a walk-through of an incident (D4) judged from a run of short questions read as asking
# what happened or what went on inside, each answered, and counted for cognitive techniques;
# praise after driving rewards a breach only when the client drove; skill-weights-16
SCORER_VERSION = "seeds-scorer-2.18"
logger = logging.getLogger(__name__)
READERS_NOT_RUN = (
    "the reading models did not run (the sentence embedder is switched off or not available "
    "here): scored by the cue rules alone"
)
PRACTITIONER_SPEAKERS = frozenset(
    {"practitioner", "therapist", "officer", "probation_officer", "pp", "staff", "counsellor"}
)
_PERMISSION_MEMORY = 3  # practitioner turns an asked permission stays in force
_MODEL_DOUBT = 0.6


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
    units: list[Unit] = field(default_factory=list)
    overall: float | None = None
    # per skill, the named terms its score sums (not serialised: for benches and debugging)
    skill_terms: dict[str, dict[str, float]] = field(default_factory=dict)
    # what the terms were weighed from: judged terms and exchange rates (bench/fit_skill_weights)
    skill_inputs: dict = field(default_factory=dict)
    # the judged acts the items and skills were made from (not serialised: the card's evidence
    # carries them for a reader; benches read them whole)
    acts: list = field(default_factory=list)

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
            "overall": self.overall,
            "units": [unit.to_dict() for unit in self.units],
            "notes": list(self.notes),
        }


def code_session(
    utterances: list[Utterance],
    model: LinearModel | None = None,
    encoder_path: str | Path | None = None,
) -> tuple[list[UtteranceCode], dict[int, list[Unit]]]:
    """Layer 1: codes of every unit of every practitioner turn, and one code per utterance
    derived from its units (``units.derive_turn_code``); client utterances get behaviour None.

    ``model`` is the linear model and ``encoder_path`` the codes encoder's ONNX file (or None);
    with neither the rules decide alone."""
    texts = [u.text or "" for u in utterances]
    practitioner = [u.is_practitioner for u in utterances]
    encoded = encoder_probs(texts, practitioner, encoder_path) if encoder_path else {}
    if model is not None:
        # punctuated and unpunctuated sessions are coded by the variant trained for them
        model = model.for_session(texts, practitioner)
    codes: list[UtteranceCode] = []
    units: dict[int, list[Unit]] = {}
    permission_turns_left = 0
    for i, utt in enumerate(utterances):
        if not practitioner[i]:
            codes.append(UtteranceCode(index=utt.index, speaker=CLIENT))
            continue
        prev_client = texts[i - 1] if i > 0 and not practitioner[i - 1] else ""
        asked = permission_turns_left > 0
        whole = code_utterance(utt.index, texts[i], prev_client, asked)
        if model is not None or i in encoded:
            refine(whole, texts, practitioner, i, asked, model, encoded.get(i))
        turn_units = split_units(i, texts[i], prev_client, asked)
        if len(turn_units) == 1:
            rule_behaviour = turn_units[0].code.behaviour
            turn_units[0].code = whole  # the model saw the same text with its context
            flag_doubts(turn_units[0], rule_behaviour)
        else:
            # the units of a longer turn keep the rules' codes: the model, trained on whole
            # turns, coded them no better on AnnoMI (docs/scoring.md) and took twice the time
            for unit in turn_units:
                flag_doubts(unit, unit.code.behaviour)
        code = derive_turn_code(whole, turn_units)
        units[i] = turn_units
        if "permission" in code.tags:
            permission_turns_left = _PERMISSION_MEMORY
        else:
            permission_turns_left = max(0, permission_turns_left - 1)
        codes.append(code)
    return codes, units


def _encoder_to_use(use_model, use_encoder) -> Path | None:
    """The encoder file to run, or None: with the rules-only switch, ``use_encoder=False``, the
    environment's ``off`` (``encoder.encoder_path``), or a file that cannot load."""
    if use_model is False or use_encoder is False:
        return None
    path = Path(use_encoder) if use_encoder not in (None, True) else encoder.encoder_path()
    return path if path and encoder.load(path) is not None else None


@lru_cache(maxsize=1)
def default_checklist() -> Checklist:
    """The shipped checklist, read once: it is frozen data, safe to share."""
    return load_checklist()


def score_session(
    utterances: list[Utterance],
    checklist: Checklist | None = None,
    use_model: bool | str | Path | None = None,
    use_encoder: bool | str | Path | None = None,
) -> SessionScore:
    """Score a session. ``use_model=False`` keeps to the rules (see ``model.get_model``);
    ``use_encoder`` False leaves the codes encoder out (it runs by default), a path runs
    another file."""
    checklist = checklist or default_checklist()
    utterances = [u if isinstance(u, Utterance) else Utterance(**u) for u in utterances]
    model = get_model(use_model)
    encoder_path = _encoder_to_use(use_model, use_encoder)
    codes, units = code_session(utterances, model, encoder_path)
    texts, practitioner = (
        [u.text or "" for u in utterances],
        [u.is_practitioner for u in utterances],
    )
    # the reading models are learned parts: the rules-only switch turns them off with the others
    readers = (
        (
            stance.get_model(),
            rapport.get_model(),
            moves.get_model(),
            invitations.get_model(),
            example.get_model(),
        )
        if use_model is not False
        else (None,) * 5
    )
    notes = []
    if any(readers) and not encoder.embedder_available():
        # the scores then differ from a full scoring's: say so where an operator will look
        logger.warning(READERS_NOT_RUN)
        notes.append(READERS_NOT_RUN)
    embed = encoder.remembering_embed()
    exchanges = stance.read_session(texts, practitioner, readers[0], embed)
    disclosures = rapport.read_session(texts, practitioner, readers[1], embed)
    moved = moves.read_session(texts, practitioner, readers[2], embed)
    invited = invitations.read_session(texts, practitioner, readers[3], embed)
    examples = example.read_session(texts, practitioner, readers[4], embed)
    view = judge_session(
        texts, practitioner, units, exchanges, disclosures, moved, invited, examples
    )
    items = collect_evidence(utterances, codes, checklist, view.acts)
    all_units = [unit for i in sorted(units) for unit in units[i]]
    metrics = session_metrics(utterances, codes, checklist, all_units, view.acts)
    skills = skill_summaries(items, checklist)
    inputs = skill_inputs(view, codes, utterances, items)
    terms = weighted_terms(inputs)
    scores = scores_of(terms)
    for code, value in scores.items():
        if code in skills:
            skills[code]["score"] = value
    quality = session_quality(codes, utterances)
    return SessionScore(
        scorer_version=SCORER_VERSION,
        checklist_version=checklist.version,
        codes=codes,
        items=items,
        skills=skills,
        metrics=metrics,
        quality=quality,
        model_version="+".join(
            v
            for v in (
                model and model.version,
                encoder_path and encoder.version(encoder_path),
                exchanges and readers[0].version,
                disclosures and readers[1].version,
                moved and readers[2].version,
                invited and readers[3].version,
                examples and readers[4].version,
            )
            if v
        )
        or None,
        units=all_units,
        notes=notes,
        overall=overall_score(scores, quality),
        skill_terms=terms,
        skill_inputs=inputs,
        acts=view.acts,
    )
