"""Command line: ``python -m scoring annotate IN.jsonl OUT.jsonl``.

Reads transcripts in the format of shared/data/annomi_dev.jsonl (only ``id`` and each
utterance's ``speaker`` and ``text``) and writes one scored line per transcript.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .session import Utterance, role, score_session

METRIC_KEYS = (
    "reflection_question_ratio",
    "open_question_share",
    "complex_reflection_share",
    "practitioner_talk_share",
)


def annotate_transcript(transcript: dict, use_model=None, use_encoder=None) -> dict:
    """One output line for one transcript, with exactly the keys issue 6 lists."""
    utterances = [
        Utterance(index=i, speaker=role(str(u.get("speaker", ""))), text=str(u.get("text") or ""))
        for i, u in enumerate(transcript.get("utterances") or ())
    ]
    score = score_session(utterances, use_model=use_model, use_encoder=use_encoder)
    return {
        "id": transcript.get("id"),
        "utterances": [
            {
                "behaviour": code.behaviour,
                "question_subtype": code.question_subtype,
                "reflection_subtype": code.reflection_subtype,
            }
            for code in score.codes
        ],
        "quality": score.quality,
        "skills": {code: skill["score"] for code, skill in score.skills.items()},
        "metrics": {key: score.metrics[key]["value"] for key in METRIC_KEYS},
    }


def annotate(in_path: Path, out_path: Path, use_model=None, use_encoder=None) -> int:
    count = 0
    with in_path.open(encoding="utf-8") as source, out_path.open("w", encoding="utf-8") as sink:
        for line in source:
            if line.strip():
                sink.write(
                    json.dumps(annotate_transcript(json.loads(line), use_model, use_encoder)) + "\n"
                )
                count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scoring")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("annotate", help="score every transcript of a JSONL file")
    run.add_argument("input", type=Path)
    run.add_argument("output", type=Path)
    choice = run.add_mutually_exclusive_group()
    choice.add_argument("--no-model", action="store_true", help="rules only")
    choice.add_argument("--model", type=Path, help="a model JSON other than the shipped one")
    coder = run.add_mutually_exclusive_group()
    coder.add_argument("--no-encoder", action="store_true", help="leave out the codes encoder")
    coder.add_argument("--encoder", type=Path, help="a codes encoder .onnx other than the shipped")
    args = parser.parse_args(argv)
    use_model = False if args.no_model else args.model
    use_encoder = False if args.no_encoder else args.encoder
    if not args.input.is_file():
        parser.error(f"{args.input} does not exist")
    count = annotate(args.input, args.output, use_model, use_encoder)
    print(f"scored {count} transcripts -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
