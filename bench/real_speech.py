"""Benchmarks the speech pipeline on real two-person conversations, against raw faster-whisper.

    python bench/real_speech.py [--model M] [--raw-model M] [--noise clean 10 5] [--files NAME..]
                                [--no-raw] [--prompt] [--json OUT]

Reads the recordings in $OEP_SHARED_DATA/real_speech (default /work/shared/data/real_speech):
NAME.flac with NAME.turns.json (who said what; no times). For each file and noise condition
("clean", or pink noise at that many dB SNR against the recording's mean power, fixed seed) it
runs, each in its own process so time and peak memory are its own:
- raw: faster-whisper as its documentation shows it (WhisperModel(path, compute_type="int8"),
  model.transcribe(file, language="en", beam_size=5)) on the whole file, with --raw-model
  (default: the pipeline's model);
- pipeline: decode_to_pcm, speech_presence, transcribe, separate_speakers, choose_practitioner
  and score_session, as the worker runs them, with --model.
It prints word error rate (fillers dropped on both sides, see `normalise`), the share of words
whose practitioner/client role is right (hypothesis words aligned to the reference words, so no
times are needed), wall time including model load, and peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

DATA = Path(os.environ.get("OEP_SHARED_DATA", "/work/shared/data")) / "real_speech"
CACHE = Path(os.environ.get("OEP_AUDIO_CACHE", Path(tempfile.gettempdir()) / "oep-audio-cache"))
ROLES = {"doctor": "practitioner", "patient": "client"}
NOISE_SEED = 20261125

# ---- words and their roles -------------------------------------------------------------------

FILLERS = frozenset({"uh", "um", "uhm", "umm", "er", "erm", "ah", "hmm", "hm", "mm", "mhm"})
# Spellings of one word that the references and Whisper write differently.
_SAME_WORD = {"ok": "okay", "license": "licence", "licensed": "licenced"}
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def normalise(text: str) -> list[str]:
    """Lower-case word tokens without punctuation or fillers ("follow-up" is two words)."""
    tokens = _TOKEN.findall(text.lower().replace("’", "'"))
    return [_SAME_WORD.get(t, t) for t in tokens if t not in FILLERS]


def reference_words(name: str) -> list[tuple[str, str]]:
    turns = json.loads((DATA / f"{name}.turns.json").read_text())
    return [(token, ROLES[t["speaker"]]) for t in turns for token in normalise(t["text"])]


def _alignment(reference: list[str], hypothesis: list[str]):
    import jiwer

    return jiwer.process_words(" ".join(reference), " ".join(hypothesis))


def word_error_rate(reference: list[str], hypothesis: list[str]) -> float:
    return _alignment(reference, hypothesis).wer


def role_accuracy(reference: list[tuple[str, str]], hypothesis: list[tuple[str, str]]) -> float:
    """Share of aligned words (same or substituted) whose hypothesis role is the reference's."""
    output = _alignment([w for w, _ in reference], [w for w, _ in hypothesis])
    right = counted = 0
    for chunk in output.alignments[0]:
        if chunk.type not in ("equal", "substitute"):
            continue
        for offset in range(chunk.ref_end_idx - chunk.ref_start_idx):
            counted += 1
            right += (
                reference[chunk.ref_start_idx + offset][1]
                == hypothesis[chunk.hyp_start_idx + offset][1]
            )
    return right / counted if counted else 0.0


# ---- noisy copies ------------------------------------------------------------------------------


def pink_noise(length: int, rng: np.random.Generator) -> np.ndarray:
    """Noise whose power falls 3 dB an octave, like a room's hum and air handling more than
    white hiss."""
    spectrum = rng.standard_normal(length // 2 + 1) + 1j * rng.standard_normal(length // 2 + 1)
    spectrum /= np.sqrt(np.maximum(np.arange(len(spectrum)), 1))
    noise = np.fft.irfft(spectrum, length)
    return (noise / noise.std()).astype(np.float32)


def audio_for(name: str, condition: str) -> Path:
    """The file to transcribe: the original, or a 16-bit WAV with noise at `condition` dB SNR."""
    source = DATA / f"{name}.flac"
    if condition == "clean":
        return source
    import wave

    from speech.audio import decode_window

    path = CACHE / "real_speech" / f"{name}.snr{condition}.wav"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    clean = decode_window(source, 0, None)
    signal_power = float(np.mean(clean.astype(np.float64) ** 2))
    noise = pink_noise(len(clean), np.random.default_rng(NOISE_SEED))
    noisy = clean + noise * np.sqrt(signal_power / 10 ** (float(condition) / 10))
    pcm = (np.clip(noisy, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path) + ".part", "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(pcm.tobytes())
    os.replace(str(path) + ".part", path)
    return path


# ---- the two runs, each in a child process --------------------------------------------------


def _model_path(model: str | None) -> str:
    from speech.transcribe import TranscriptionOptions

    return TranscriptionOptions(model=model).model_path


def _raw(path: str, model: str | None) -> dict:
    from faster_whisper import WhisperModel

    from speech.transcribe import WHISPER_BASE, whisper_base_files

    clock = time.perf_counter()
    if model == WHISPER_BASE:
        whisper = WhisperModel(WHISPER_BASE, compute_type="int8", files=whisper_base_files())
    else:
        whisper = WhisperModel(_model_path(model), compute_type="int8")
    segments, _ = whisper.transcribe(path, language="en", beam_size=5)
    text = " ".join(s.text.strip() for s in segments)
    return {"text": text, "timings": {"all": time.perf_counter() - clock}}


def _pipeline(path: str, model: str | None, prompt: bool) -> dict:
    from scoring import Utterance, score_session
    from speech.audio import decode_to_pcm, speech_presence
    from speech.speakers import choose_practitioner, separate_speakers
    from speech.transcribe import TranscriptionOptions, transcribe
    from speech.vocabulary import PROBATION_PROMPT

    options = TranscriptionOptions(model=model, initial_prompt=PROBATION_PROMPT if prompt else None)
    timings = {}
    clock = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="oep-pcm-") as folder:
        pcm = os.path.join(folder, "audio.npy")
        decode_to_pcm(path, pcm, min_duration=1)
        timings["decode"] = time.perf_counter() - clock
        clock = time.perf_counter()
        presence = speech_presence(pcm)
        timings["presence"] = time.perf_counter() - clock
        clock = time.perf_counter()
        segments = list(transcribe(pcm, options))
        timings["transcribe"] = time.perf_counter() - clock
        clock = time.perf_counter()
        turns = separate_speakers(pcm, segments)
        practitioner = choose_practitioner(turns)
        timings["speakers"] = time.perf_counter() - clock
    clock = time.perf_counter()
    roles = {t.speaker: "practitioner" if t.speaker == practitioner else "client" for t in turns}
    score_session(
        [
            Utterance(i, roles[t.speaker], t.text, t.start, t.end)
            for i, t in enumerate(turns)
            if t.speaker in roles
        ]
    )
    timings["score"] = time.perf_counter() - clock
    words = [(token, roles.get(t.speaker, "client")) for t in turns for token in normalise(t.text)]
    return {
        "text": " ".join(s.text for s in segments),
        "words": words,
        "presence": presence,
        "timings": timings,
    }


def _child(kind: str, path: str, model: str, prompt: str) -> None:
    model = None if model == "tiny.en" else model
    result = _raw(path, model) if kind == "raw" else _pipeline(path, model, prompt == "1")
    print(json.dumps(result))


def measure(kind: str, path: Path, model: str, prompt: bool = False) -> dict:
    from transcribe import _run_measured

    command = [sys.executable, __file__, "--child", kind, str(path), model, str(int(prompt))]
    output, seconds, peak = _run_measured(command)
    result = json.loads(output.strip().splitlines()[-1])
    result["seconds"], result["peak_rss_mb"] = seconds, peak
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="tiny.en", help='"tiny.en", "whisper-base" or a folder')
    parser.add_argument("--raw-model", help="model of the raw run (default: --model)")
    parser.add_argument("--noise", nargs="+", default=["clean"], help='"clean" and/or SNR dB')
    parser.add_argument("--files", nargs="+", help="names, default all in the folder")
    parser.add_argument("--no-raw", action="store_true")
    parser.add_argument("--no-pipeline", action="store_true")
    parser.add_argument("--prompt", action="store_true", help="pass the probation prompt")
    parser.add_argument("--json", help="also write the rows here")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    if not DATA.is_dir():
        print(f"SKIPPED: no real recordings at {DATA} (set OEP_SHARED_DATA to the data folder).")
        return
    import psutil

    names = args.files or sorted(p.name[: -len(".turns.json")] for p in DATA.glob("*.turns.json"))
    raw_model = args.raw_model or args.model
    print(
        f"pipeline model {args.model}, raw model {raw_model}, prompt {args.prompt}; "
        f"{psutil.cpu_count()} cores shared with other jobs (load {os.getloadavg()[0]:.1f})"
    )
    print("file | cond | raw WER | pipe WER | roles | raw s | pipe s | ratio | raw MB | pipe MB")
    rows = []
    for name in names:
        reference = reference_words(name)
        for condition in args.noise:
            path = audio_for(name, condition)
            row = {"file": name, "condition": condition}
            if not args.no_raw:
                raw = measure("raw", path, raw_model)
                row["raw"] = {
                    "wer": word_error_rate([w for w, _ in reference], normalise(raw["text"])),
                    "seconds": raw["seconds"],
                    "peak_rss_mb": raw["peak_rss_mb"],
                }
            if not args.no_pipeline:
                pipe = measure("pipeline", path, args.model, args.prompt)
                row["pipeline"] = {
                    "wer": word_error_rate([w for w, _ in reference], normalise(pipe["text"])),
                    "roles": role_accuracy(reference, pipe["words"]),
                    "seconds": pipe["seconds"],
                    "peak_rss_mb": pipe["peak_rss_mb"],
                    "presence": pipe["presence"],
                    "timings": {k: round(v, 1) for k, v in pipe["timings"].items()},
                }
            rows.append(row)
            print(_line(row), flush=True)
    _summary(rows)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))


def _cell(row, kind, key, fmt):
    return format(row[kind][key], fmt) if kind in row else "-"


def _line(row) -> str:
    ratio = (
        f"{row['pipeline']['seconds'] / row['raw']['seconds']:.2f}"
        if "raw" in row and "pipeline" in row
        else "-"
    )
    return " | ".join(
        [
            row["file"],
            row["condition"],
            _cell(row, "raw", "wer", ".3f"),
            _cell(row, "pipeline", "wer", ".3f"),
            _cell(row, "pipeline", "roles", ".3f"),
            _cell(row, "raw", "seconds", ".1f"),
            _cell(row, "pipeline", "seconds", ".1f"),
            ratio,
            _cell(row, "raw", "peak_rss_mb", ".0f"),
            _cell(row, "pipeline", "peak_rss_mb", ".0f"),
        ]
    ) + (f" | {row['pipeline']['timings']}" if "pipeline" in row else "")


def _summary(rows) -> None:
    for condition in dict.fromkeys(r["condition"] for r in rows):
        mine = [r for r in rows if r["condition"] == condition]
        parts = [f"mean over {len(mine)} files, {condition}:"]
        for kind, key in (("raw", "wer"), ("pipeline", "wer"), ("pipeline", "roles")):
            values = [r[kind][key] for r in mine if kind in r]
            if values:
                parts.append(f"{kind} {key} {np.mean(values):.3f} (min-max {min(values):.3f}-")
                parts[-1] += f"{max(values):.3f})"
        if all("raw" in r and "pipeline" in r for r in mine):
            ratio = sum(r["pipeline"]["seconds"] for r in mine) / sum(
                r["raw"]["seconds"] for r in mine
            )
            parts.append(f"time pipeline/raw {ratio:.2f}")
        print(" ".join(parts))


if __name__ == "__main__":
    main()


def real_speech_arguments(description, *extra):
    """The options the real-speech benches share (--files, --noise) and the recordings to run,
    or None (having said why) when the shared data is not on this machine. `extra` adds
    (flag, keyword arguments) pairs."""
    parser = argparse.ArgumentParser(description=description)
    for flag, options in extra:
        parser.add_argument(flag, **options)
    parser.add_argument("--files", nargs="+")
    parser.add_argument("--noise", nargs="+", default=["clean"])
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"SKIPPED: no real recordings at {DATA} (set OEP_SHARED_DATA).")
        return args, None
    names = args.files or sorted(p.name[: -len(".turns.json")] for p in DATA.glob("*.turns.json"))
    return args, names
