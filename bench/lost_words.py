"""Where the pipeline loses words: reads the rows `bench/real_speech.py --json OUT` wrote.

    python bench/lost_words.py OUT.json [--variant SPEC] [--show 10]

For each file (clean audio) and pipeline variant, the reference words the pipeline left out
(jiwer deletions, fillers dropped on both sides) are sorted by where they were in the audio:
- "edge": within 1 s of the start or end of one of the batched pipeline's pieces (the voice
  detector's speech joined into pieces of up to 30 s, as faster-whisper's collect_chunks does
  it with the variant's voice-detector settings) or of a window (speech.transcribe cuts the
  recording every 3 minutes in a pause);
- "junction": within 0.5 s of a join inside a piece (the silence between two stretches of
  speech is cut out and the stretches joined);
- "unheard": in a pause the voice detector did not pass on to Whisper at all;
- "inside": anywhere else, decoded and still dropped (the decoder skipped it).
A deleted word's time is taken between the hypothesis words on either side of it. Also: how
many deleted words were in short turns (three words or fewer: "okay", "yes", "right"), how
many in runs of five or more (a whole phrase skipped), and how many of them raw
faster-whisper on the same file kept (raw has no word times, so by reference position).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from real_speech import DATA, ROLES, _alignment, normalise, pipeline_options  # noqa: E402


def reference_with_turns(name: str) -> list[tuple[str, int, int]]:
    """(word, turn number, words in that turn) for each reference word."""
    turns = json.loads((DATA / f"{name}.turns.json").read_text())
    words = []
    for number, turn in enumerate(turns):
        tokens = normalise(turn["text"])
        assert turn["speaker"] in ROLES
        words += [(token, number, len(tokens)) for token in tokens]
    return words


def hypothesis_with_times(segments: list[dict]) -> list[tuple[str, float, float]]:
    words = []
    for segment in segments:
        for start, end, text in segment["words"]:
            words += [(token, start, end) for token in normalise(text)]
    return words


def deleted_positions(reference: list[str], hypothesis: list[str]) -> list[tuple[int, int]]:
    """(reference index, index of the next hypothesis word) of each deleted reference word."""
    deleted = []
    for chunk in _alignment(reference, hypothesis).alignments[0]:
        if chunk.type == "delete":
            deleted += [
                (i, chunk.hyp_start_idx) for i in range(chunk.ref_start_idx, chunk.ref_end_idx)
            ]
    return deleted


def pieces(path: Path, spec: str) -> tuple[list[float], list[float], list[tuple[float, float]]]:
    """Edges of the windows and pieces, joins inside pieces and the speech the detector
    passed on, in seconds of the recording, for the pipeline variant `spec`."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    from speech.transcribe import SAMPLE_RATE, _windows

    options = pipeline_options("whisper-base", False, spec)
    chunk = options.chunk_length or 30
    vad = {k: v for k, v in options.vad_parameters.items() if k != "max_speech_duration_s"}
    edges, joins, speech = [], [], []
    for offset, audio in _windows(str(path), options, 0.0, None):
        edges += [offset, offset + len(audio) / SAMPLE_RATE]
        stamps = get_speech_timestamps(audio, VadOptions(**vad, max_speech_duration_s=chunk))
        length, previous_end = 0, None
        for stamp in stamps:
            start, end = offset + stamp["start"] / SAMPLE_RATE, offset + stamp["end"] / SAMPLE_RATE
            speech.append((start, end))
            size = stamp["end"] - stamp["start"]
            if previous_end is None or length + size > chunk * SAMPLE_RATE:
                if previous_end is not None:
                    edges.append(previous_end)
                edges.append(start)
                length = 0
            else:
                joins.append(start)
            length += size
            previous_end = end
        if previous_end is not None:
            edges.append(previous_end)
    return edges, joins, speech


def where(moment: float, edges, joins, speech) -> str:
    if any(abs(moment - e) <= 1.0 for e in edges):
        return "edge"
    if any(abs(moment - j) <= 0.5 for j in joins):
        return "junction"
    if not any(s - 0.2 <= moment <= e + 0.2 for s, e in speech):
        return "unheard"
    return "inside"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows")
    parser.add_argument("--variant", nargs="+", help="only these variants")
    parser.add_argument("--show", type=int, default=0, help="print this many lost phrases")
    args = parser.parse_args()
    rows = json.loads(Path(args.rows).read_text())
    print(
        "file | variant | deleted | edge | junction | unheard | inside | in short turns "
        "| in runs of 5+ | raw tiny.en kept | raw base kept"
    )
    cache = {}
    for row in rows:
        pipe = row.get("pipeline")
        if not pipe or row["condition"] != "clean" or row["file"].startswith("long"):
            continue
        if args.variant and row["variant"] not in args.variant:
            continue
        name, spec = row["file"], row["variant"] or ""
        reference = reference_with_turns(name)
        words = [w for w, _, _ in reference]
        hypothesis = hypothesis_with_times(pipe["segments"])
        key = (name, json.dumps(pipeline_options("whisper-base", False, spec).vad_parameters), spec)
        if key not in cache:
            cache[key] = pieces(DATA / f"{name}.flac", spec)
        edges, joins, speech = cache[key]
        deleted = deleted_positions(words, [w for w, _, _ in hypothesis])
        kinds, short, runs = Counter(), 0, 0
        indices = [i for i, _ in deleted]
        for i, next_hyp in deleted:
            before = hypothesis[next_hyp - 1][2] if next_hyp > 0 else 0.0
            after = hypothesis[next_hyp][1] if next_hyp < len(hypothesis) else before
            kinds[where((before + after) / 2, edges, joins, speech)] += 1
            short += reference[i][2] <= 3
            run = sum(1 for j in range(i - 4, i + 5) if j in indices)
            runs += run >= 5
        kept = {}
        for model, raw in row["raw"].items():
            raw_deleted = {i for i, _ in deleted_positions(words, normalise(raw.get("text", "")))}
            kept[model] = (
                sum(1 for i in indices if i not in raw_deleted) if raw.get("text") else "-"
            )
        print(
            f"{name} | {spec or 'default'} | {len(deleted)} | {kinds['edge']} "
            f"| {kinds['junction']} "
            f"| {kinds['unheard']} | {kinds['inside']} | {short} | {runs} "
            f"| {kept.get('tiny.en', '-')} | {kept.get('whisper-base', '-')}"
        )
        if args.show:
            phrases, current = [], []
            for i in indices:
                if current and i != current[-1] + 1:
                    phrases.append(current)
                    current = []
                current.append(i)
            if current:
                phrases.append(current)
            for phrase in sorted(phrases, key=len, reverse=True)[: args.show]:
                context = " ".join(words[max(0, phrase[0] - 4) : phrase[0]])
                lost = " ".join(words[i] for i in phrase)
                print(
                    f"    ...{context} [{lost}] {' '.join(words[phrase[-1] + 1 : phrase[-1] + 4])}"
                )


if __name__ == "__main__":
    main()
