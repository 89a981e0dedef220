"""Benchmarks the speech pipeline on real two-person conversations, against raw faster-whisper.

    python bench/real_speech.py [--model M] [--raw-model M..] [--noise clean 10 5] [--files NAME..]
                                [--minutes 60] [--no-raw] [--prompt] [--json OUT]
                                [--setting KEY=VALUE..] [--variants SPEC..]

Reads the recordings in $OEP_SHARED_DATA/real_speech (default /work/shared/data/real_speech):
NAME.flac with NAME.turns.json (who said what; no times). For each file and noise condition
("clean"; pink noise at that many dB SNR against the recording's mean power, fixed seed; or a
room or line: "reverb", a hard-walled room heard from a metre or two; "phone", 300-3400 Hz at
8 kHz in mu-law; "quiet", recorded 30 dB too low; "clipped", 2% of samples cut off at full
scale; "far", the client's words 15 dB quieter than the practitioner's; "10+phone", noise at
10 dB and then the phone line) it runs, each in its
own process so time and peak memory are its own:
- raw: faster-whisper as its documentation shows it (WhisperModel(path, compute_type="int8"),
  model.transcribe(file, language="en", beam_size=5)) on the whole file, once with each
  --raw-model (default: the pipeline's model; give "tiny.en whisper-base" to see the pipeline
  against raw tiny.en, the accuracy and time budgets, and against raw on its own model, the
  0.85x target, in one run);
- pipeline: decode_to_pcm, speech_presence, transcribe, separate_speakers, choose_practitioner,
  likely_third_voice
  and score_session, as the worker runs them, with --model and the worker's decoding (BATCHED),
  changed by --setting KEY=VALUE (a field of TranscriptionOptions, e.g. beam_size=5, or
  vad.NAME=VALUE for one of the voice detector's parameters, e.g. vad.speech_pad_ms=800);
  --variants runs the pipeline once per SPEC (comma-separated KEY=VALUE, or "default"), each
  against the same raw runs, so settings are compared within one run on a shared machine.
It prints word error rate (fillers dropped on both sides, see `normalise`), the share of words
whose practitioner/client role is right (hypothesis words aligned to the reference words, so no
times are needed), wall time including model load, and peak resident memory.
--minutes N adds a recording of N minutes (named longN) made by joining the real recordings,
2 s of silence between them, as often as needed, with their references joined the same way: the
long-recording targets (60 minutes ready in under 6 minutes, memory under 1 GB) on real speech.
Its role accuracy mixes six voices in one file, so it says little; its WER and times are what
it is for.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from tests.fixtures.audio import noise as rooms  # noqa: E402

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
    if name.startswith(LONG):
        return [w for part in long_parts(int(name[len(LONG) :])) for w in reference_words(part)]
    turns = json.loads((DATA / f"{name}.turns.json").read_text())
    return [(token, ROLES[t["speaker"]]) for t in turns for token in normalise(t["text"])]


# ---- a long recording made of the real ones -----------------------------------------------------

LONG = "long"
_GAP_SECONDS = 2.0


def real_names() -> list[str]:
    return sorted(p.name[: -len(".turns.json")] for p in DATA.glob("*.turns.json"))


def _seconds(name: str) -> float:
    import av

    with av.open(str(DATA / f"{name}.flac")) as container:
        return float(container.duration) / 1_000_000


def long_parts(minutes: int) -> list[str]:
    """The real recordings, in turn, until they add up to `minutes` (the last one whole)."""
    names, parts, total = real_names(), [], 0.0
    while total < minutes * 60:
        name = names[len(parts) % len(names)]
        parts.append(name)
        total += _seconds(name) + _GAP_SECONDS
    return parts


def _write_wav(path: Path, samples: np.ndarray, rate: int = 16000) -> None:
    import wave

    path.parent.mkdir(parents=True, exist_ok=True)
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path) + ".part", "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
    os.replace(str(path) + ".part", path)


def long_recording(minutes: int) -> Path:
    """A 16 kHz WAV of the real recordings joined (see `long_parts`), made once into the cache."""
    from speech.audio import decode_window

    path = CACHE / "real_speech" / f"{LONG}{minutes}.wav"
    if not path.exists():
        gap = np.zeros(int(_GAP_SECONDS * 16000), np.float32)
        pieces = []
        for name in long_parts(minutes):
            pieces += [decode_window(DATA / f"{name}.flac", 0, None), gap]
        _write_wav(path, np.concatenate(pieces))
    return path


def _alignment(reference: list[str], hypothesis: list[str]):
    import jiwer

    return jiwer.process_words(" ".join(reference), " ".join(hypothesis))


def word_error_rate(reference: list[str], hypothesis: list[str]) -> float:
    return _alignment(reference, hypothesis).wer


def aligned_words(reference: list[str], hypothesis: list[str]):
    """(reference index, hypothesis index) of every aligned word, the same or substituted."""
    for chunk in _alignment(reference, hypothesis).alignments[0]:
        if chunk.type in ("equal", "substitute"):
            for offset in range(chunk.ref_end_idx - chunk.ref_start_idx):
                yield chunk.ref_start_idx + offset, chunk.hyp_start_idx + offset


def role_accuracy(reference: list[tuple[str, str]], hypothesis: list[tuple[str, str]]) -> float:
    """Share of aligned words (same or substituted) whose hypothesis role is the reference's."""
    pairs = list(aligned_words([w for w, _ in reference], [w for w, _ in hypothesis]))
    right = sum(reference[r][1] == hypothesis[h][1] for r, h in pairs)
    return right / len(pairs) if pairs else 0.0


# ---- noisy copies ------------------------------------------------------------------------------


# Conditions of a real room or line other than added noise (tests/fixtures/audio/noise.py),
# and "far": the client FAR_DB quieter than the practitioner (`_client_far`).
ROOMS = ("reverb", "phone", "quiet", "clipped", "far")
FAR_DB = 15.0


def who_said_each_word(name: str) -> list[tuple]:
    """Each word of the worker's recognition of the clean recording (speech.transcribe.Word,
    with its times) and who said it by the reference ("practitioner" or "client"), found by
    aligning the words; a word the reference lacks goes with the one before it."""
    from speech.audio import decode_to_pcm

    with tempfile.TemporaryDirectory() as tmp:
        pcm = os.path.join(tmp, "clean.npy")
        decode_to_pcm(DATA / f"{name}.flac", pcm)
        options = pipeline_options("whisper-base", prompt=False)
        segments = cached_segments(CACHE / "real_speech" / f"{name}.clean", pcm, options)
    words = [w for s in segments for w in s.words]
    tokens = [(k, token) for k, w in enumerate(words) for token in normalise(w.text)]
    reference = reference_words(name)
    role = [None] * len(words)
    for r, h in aligned_words([w for w, _ in reference], [t for _, t in tokens]):
        role[tokens[h][0]] = reference[r][1]
    said, last = [], "practitioner"
    for word, said_by in zip(words, role, strict=True):
        last = said_by or last
        said.append((word, last))
    return said


def _client_far(name: str, clean: np.ndarray) -> np.ndarray:
    """`clean` with the client's words `FAR_DB` quieter: a phone on the practitioner's side of
    the desk. Who spoke when comes from the worker's recognition of the clean recording
    (`who_said_each_word`)."""
    gain = np.ones(len(clean), dtype=np.float32)
    for word, said_by in who_said_each_word(name):
        if said_by == "client":
            first, end = round((word.start - 0.1) * 16000), round((word.end + 0.1) * 16000)
            gain[max(0, first) : max(0, end)] = 10 ** (-FAR_DB / 20)
    ramp = np.ones(320, dtype=np.float32) / 320  # 20 ms, so levels change without a click
    return clean * np.convolve(gain, ramp, mode="same")


def audio_for(name: str, condition: str) -> Path:
    """The file to transcribe: the original; a 16-bit WAV with pink noise at `condition` dB SNR;
    or for a condition in ROOMS, the recording as that room or line would have it (an 8 kHz WAV
    for "phone"); "SNR+phone", the noisy copy carried by the phone line."""
    source = (
        long_recording(int(name[len(LONG) :])) if name.startswith(LONG) else DATA / f"{name}.flac"
    )
    if condition == "clean":
        return source
    from speech.audio import decode_window

    snr, _, line = condition.partition("+")
    suffix = condition if condition in ROOMS else f"snr{snr}" + (f".{line}" if line else "")
    path = CACHE / "real_speech" / f"{name}.{suffix}.wav"
    if path.exists():
        return path
    clean = decode_window(source, 0, None)
    rng = np.random.default_rng(NOISE_SEED)
    if line and (line != "phone" or snr in ROOMS):
        raise ValueError(f'{condition!r}: only "SNR+phone" combines noise with a line')
    if line == "phone":
        # a noisy room heard over a phone line (a call from the street or a busy house)
        _write_wav(path, *rooms.telephone(rooms.with_noise(clean, float(snr), rng)))
    elif condition == "reverb":
        _write_wav(path, rooms.reverberant(clean, rng))
    elif condition == "phone":
        _write_wav(path, *rooms.telephone(clean))
    elif condition == "quiet":
        _write_wav(path, rooms.too_quiet(clean))
    elif condition == "clipped":
        _write_wav(path, rooms.clipped(clean))
    elif condition == "far":
        _write_wav(path, _client_far(name, clean))
    else:
        _write_wav(path, rooms.with_noise(clean, float(condition), rng))
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


def parse_settings(spec: str) -> dict:
    """{"beam_size": 5, "vad": {"speech_pad_ms": 800}} from "beam_size=5,vad.speech_pad_ms=800"
    ("default" or "" is no change). Values are read as JSON where they can be (numbers,
    true/false, null, lists), else kept as text; "@PATH" is the text of a file, for a value
    with commas or spaces in it (an initial prompt)."""
    settings: dict = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        if item == "default":
            continue
        key, _, text = item.partition("=")
        key, text = key.strip(), text.strip()
        if text.startswith("@"):
            value = Path(text[1:]).read_text().strip()
        else:
            try:
                value = json.loads(text)
            except json.JSONDecodeError:
                value = text
        if key.startswith("vad."):
            settings.setdefault("vad", {})[key[len("vad.") :]] = value
        else:
            settings[key] = value
    return settings


def pipeline_options(model: str | None, prompt: bool, spec: str = ""):
    """The worker's TranscriptionOptions (BATCHED, as oep/settings/base.py) with `spec` applied."""
    from speech.transcribe import BATCHED, TranscriptionOptions
    from speech.vocabulary import PROBATION_TERMS, prompt_for

    settings = {**BATCHED, **parse_settings(spec)}
    vad = settings.pop("vad", {})
    for key in ("temperature",):
        if isinstance(settings.get(key), list):
            settings[key] = tuple(settings[key])
    # the worker's prompt: the way people talk, after the words of the trade with --prompt
    settings.setdefault("initial_prompt", prompt_for(PROBATION_TERMS if prompt else []))
    options = TranscriptionOptions(model=model, **settings)
    if vad:
        options = replace(options, vad_parameters={**options.vad_parameters, **vad})
    return options


def cached_segments(stem: Path, pcm: str, options) -> list:
    """Whisper's segments of the decoded `pcm`, kept beside `stem` (a path without its suffix)
    and keyed by the model and every option, so analysis loops re-run only what follows the slow
    step and a change of decoding transcribes again."""
    from dataclasses import asdict

    from speech.transcribe import Segment, Word, transcribe

    key = hashlib.sha256(repr(options).encode()).hexdigest()[:10]
    model = Path(options.model or "tiny.en").name
    stored = stem.with_name(f"{stem.name}.{model}.{key}.segments.json")
    if stored.exists():
        return [
            Segment(**{**s, "words": tuple(Word(**w) for w in s["words"])})
            for s in json.loads(stored.read_text())
        ]
    segments = list(transcribe(pcm, options))
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_text(json.dumps([asdict(s) for s in segments]))
    return segments


def _pipeline(path: str, model: str | None, prompt: bool, spec: str = "") -> dict:
    from scoring import Utterance, score_session
    from speech.audio import decode_to_pcm, speech_presence
    from speech.speakers import choose_practitioner, likely_third_voice, separate_speakers
    from speech.transcribe import transcribe

    options = pipeline_options(model, prompt, spec)
    redecoded = _count_redecoded_pieces()
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
        likely_third_voice(pcm, turns)  # the worker's speaker stage asks it of every recording
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
        # Kept so where words were lost can be looked at afterwards (times of the words).
        "segments": [
            {
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "words": [[w.start, w.end, w.text] for w in s.words],
                "avg_logprob": s.avg_logprob,
                "no_speech_prob": s.no_speech_prob,
            }
            for s in segments
        ],
        "presence": presence,
        "timings": timings,
        "redecoded": redecoded,
    }


def _count_redecoded_pieces() -> list:
    """A list that gets (start, end) of each batched piece speech.redecode decodes again."""
    import logging

    pieces: list = []

    class Count(logging.Handler):
        def emit(self, record):
            pieces.append([round(a, 1) for a in record.args[:2]])

    logger = logging.getLogger("speech.redecode")
    logger.setLevel(logging.INFO)
    logger.addHandler(Count())
    return pieces


def _child(kind: str, path: str, model: str, prompt: str, spec: str = "") -> None:
    model = None if model == "tiny.en" else model
    result = _raw(path, model) if kind == "raw" else _pipeline(path, model, prompt == "1", spec)
    # CPU seconds of all the process's threads: steadier than wall time on a shared machine.
    result["cpu_seconds"] = time.process_time()
    print(json.dumps(result))


def measure(kind: str, path: Path, model: str, prompt: bool = False, spec: str = "") -> dict:
    from transcribe import _run_measured

    command = [sys.executable, __file__, "--child", kind, str(path), model, str(int(prompt)), spec]
    output, seconds, peak = _run_measured(command)
    result = json.loads(output.strip().splitlines()[-1])
    result["seconds"], result["peak_rss_mb"] = seconds, peak
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="tiny.en", help='"tiny.en", "whisper-base" or a folder')
    parser.add_argument("--raw-model", nargs="+", help="models of the raw runs (default: --model)")
    parser.add_argument(
        "--noise",
        nargs="+",
        default=["clean"],
        help='"clean", SNR dB and/or a room: ' + ", ".join(ROOMS),
    )
    parser.add_argument("--files", nargs="+", help="names, default all in the folder")
    parser.add_argument("--minutes", type=int, nargs="+", default=[], help="add longN recordings")
    parser.add_argument("--no-raw", action="store_true")
    parser.add_argument("--no-pipeline", action="store_true")
    parser.add_argument(
        "--prompt",
        action="store_true",
        help="the words of the trade before the spoken style, as with the list turned on",
    )
    parser.add_argument("--json", help="also write the rows here")
    parser.add_argument(
        "--setting",
        nargs="+",
        default=[],
        metavar="KEY=VALUE",
        help="change the pipeline's decoding: a TranscriptionOptions field or vad.NAME",
    )
    parser.add_argument(
        "--variants",
        nargs="+",
        metavar="SPEC",
        help='pipeline variants, each "default" or KEY=VALUE[,KEY=VALUE..]; one pipeline run each',
    )
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    if not DATA.is_dir():
        print(f"SKIPPED: no real recordings at {DATA} (set OEP_SHARED_DATA to the data folder).")
        return
    import psutil

    names = (real_names() if args.files is None else args.files) + [
        f"{LONG}{m}" for m in args.minutes
    ]
    raw_models = [] if args.no_raw else (args.raw_model or [args.model])
    variants = args.variants or [",".join(args.setting) or "default"]
    if args.setting and args.variants:
        variants = [",".join([*args.setting, v]) for v in variants]
    print(
        f"pipeline model {args.model}, raw models {raw_models}, prompt {args.prompt}, "
        f"variants {variants}; "
        f"{psutil.cpu_count()} cores shared with other jobs (load {os.getloadavg()[0]:.1f})"
    )
    print(
        "file | cond | "
        + "".join(f"raw {m} WER | raw {m} s (CPU s) | raw {m} MB | " for m in raw_models)
        + "pipe WER | roles | pipe s (CPU s) | pipe MB | "
        + " | ".join(f"pipe/raw {m} (WER, time, CPU)" for m in raw_models)
        + " | load | variant | stages | pieces decoded again (s)"
    )
    rows = []
    for name in names:
        reference = reference_words(name)
        for condition in args.noise:
            path = audio_for(name, condition)
            raws = {}
            for model in raw_models:
                raw = measure("raw", path, model)
                raws[model] = {
                    "wer": word_error_rate([w for w, _ in reference], normalise(raw["text"])),
                    "seconds": raw["seconds"],
                    "cpu_seconds": raw["cpu_seconds"],
                    "peak_rss_mb": raw["peak_rss_mb"],
                    "text": raw["text"],
                }
            for variant in [None] if args.no_pipeline else variants:
                row = {"file": name, "condition": condition, "raw": raws, "variant": variant}
                if variant is not None:
                    pipe = measure("pipeline", path, args.model, args.prompt, variant)
                    row["pipeline"] = {
                        "wer": word_error_rate([w for w, _ in reference], normalise(pipe["text"])),
                        "roles": role_accuracy(reference, pipe["words"]),
                        "seconds": pipe["seconds"],
                        "cpu_seconds": pipe["cpu_seconds"],
                        "peak_rss_mb": pipe["peak_rss_mb"],
                        "presence": pipe["presence"],
                        "timings": {k: round(v, 1) for k, v in pipe["timings"].items()},
                        "segments": pipe["segments"],
                        "redecoded": pipe["redecoded"],
                    }
                row["load"] = os.getloadavg()[0]
                rows.append(row)
                print(_line(row, raw_models), flush=True)
                if args.json:  # as it goes, so a long run can be looked at before it ends
                    Path(args.json).write_text(json.dumps(rows, indent=1))
    _summary(rows, raw_models)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))


def _format(part, key, fmt):
    return format(part[key], fmt) if part else "-"


def _seconds_cell(run: dict) -> str:
    return f"{run['seconds']:.1f} ({run['cpu_seconds']:.1f})"


def _line(row, raw_models) -> str:
    pipe = row.get("pipeline")
    cells = [row["file"], row["condition"]]
    for model in raw_models:
        raw = row["raw"][model]
        cells += [f"{raw['wer']:.3f}", _seconds_cell(raw), f"{raw['peak_rss_mb']:.0f}"]
    cells += [
        _format(pipe, "wer", ".3f"),
        _format(pipe, "roles", ".3f"),
        _seconds_cell(pipe) if pipe else "-",
        _format(pipe, "peak_rss_mb", ".0f"),
    ]
    for model in raw_models:
        raw = row["raw"][model]
        cells.append(
            f"{pipe['wer'] / raw['wer']:.2f}x, {pipe['seconds'] / raw['seconds']:.2f}x, "
            f"{pipe['cpu_seconds'] / raw['cpu_seconds']:.2f}x"
            if pipe
            else "-"
        )
    cells += [f"{row['load']:.1f}", row.get("variant") or "-"]
    if pipe:
        cells += [str(pipe["timings"]), f"decoded again: {pipe['redecoded'] or 'none'}"]
    return " | ".join(cells)


def _summary(rows, raw_models) -> None:
    groups = dict.fromkeys((r["condition"], r.get("variant")) for r in rows)
    for condition, variant in groups:
        mine = [r for r in rows if r["condition"] == condition and r.get("variant") == variant]
        parts = [f"mean over {len(mine)} files, {condition}, variant {variant}:"]
        wers = {f"raw {m}": [r["raw"][m]["wer"] for r in mine] for m in raw_models}
        wers["pipeline"] = [r["pipeline"]["wer"] for r in mine if "pipeline" in r]
        for label, values in wers.items():
            if values:
                parts.append(
                    f"{label} WER {np.mean(values):.3f} ({min(values):.3f}-{max(values):.3f})"
                )
        roles = [r["pipeline"]["roles"] for r in mine if "pipeline" in r]
        if roles:
            parts.append(f"roles {np.mean(roles):.3f} (lowest {min(roles):.3f})")
        if all("pipeline" in r for r in mine):
            piped = sum(r["pipeline"]["seconds"] for r in mine)
            piped_cpu = sum(r["pipeline"]["cpu_seconds"] for r in mine)
            for model in raw_models:
                raw = sum(r["raw"][model]["seconds"] for r in mine)
                raw_cpu = sum(r["raw"][model]["cpu_seconds"] for r in mine)
                wer = np.mean(wers["pipeline"]) / np.mean(wers[f"raw {model}"])
                parts.append(
                    f"pipeline/raw {model}: WER {wer:.2f}x, time {piped / raw:.2f}x, "
                    f"CPU {piped_cpu / raw_cpu:.2f}x (sums)"
                )
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
    return args, args.files or real_names()
