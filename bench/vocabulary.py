"""Recall of probation terms in synthesised sentences, with and without the vocabulary prompt.

    python bench/vocabulary.py [--model M] [--batched] [--settings none prompt sentence hotwords]

Speaks SENTENCES with espeak-ng (two voices, alternating; cached in the audio cache), transcribes
each with the pipeline's `transcribe` under three settings (nothing, `initial_prompt` and
`hotwords` from speech.vocabulary) and prints per setting the share of terms written as the
term (case and punctuation ignored, "license" counted as "licence") and the WER over all
sentences. `--batched` decodes as the worker does (speech.transcribe.BATCHED). Check on the
real conversations what the prompt costs there: bench/transcription_settings.py --configs
worker worker-prompt.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from real_speech import CACHE, normalise, word_error_rate  # noqa: E402

# (sentence, the terms in it as they should be written)
SENTENCES = [
    ("Your licence conditions say you must live at the address we agreed.", ["licence"]),
    ("If you miss another appointment I will have to start breach action.", ["breach"]),
    ("The curfew runs from seven in the evening to seven in the morning.", ["curfew"]),
    ("You have forty hours of unpaid work left to complete.", ["unpaid work"]),
    ("We can use some of your RAR days for the housing appointment.", ["RAR"]),
    ("Your case is managed under MAPPA level two.", ["MAPPA"]),
    ("I am updating your OASys assessment this week.", ["OASys"]),
    (
        "When you are released you will live at Approved Premises for a while.",
        ["Approved Premises"],
    ),
    ("A recall to prison is the last thing either of us wants.", ["recall"]),
    ("I would like to refer you to the Building Choices programme.", ["Building Choices"]),
    ("You finished the Thinking Skills Programme last year.", ["Thinking Skills Programme"]),
    ("Breaking the curfew twice could mean a recall.", ["curfew", "recall"]),
    ("The community order has a Rehabilitation Activity Requirement.", ["community order"]),
    ("Your sentence plan says you will look for work.", ["sentence plan"]),
    ("The hostel is one of the Approved Premises in the city.", ["Approved Premises"]),
    ("We will review the risk assessment in OASys next month.", ["risk assessment", "OASys"]),
    ("Unpaid work starts on Saturday at nine.", ["unpaid work"]),
    ("A MAPPA meeting will decide the conditions of your licence.", ["MAPPA", "licence"]),
    ("You have used six of your twenty RAR days.", ["RAR"]),
    ("Another breach would go back to court.", ["breach"]),
    ("Probation will write to the court about your progress.", ["probation"]),
    ("Building Choices helps you think about relationships.", ["Building Choices"]),
]
VOICES = ("en-gb", "en-gb-x-gbcwmd+m3")
# The prompt measured before the list (`speech.vocabulary.prompt_for`), a sentence written by
# hand: the tables of bench/audio_pipeline.md before 26 Nov 21:00 are of this one.
SENTENCE_PROMPT = (
    "A probation supervision session. We talked about your licence conditions, the curfew, "
    "unpaid work, your RAR days, MAPPA, your OASys assessment, Approved Premises, breach and "
    "recall, Building Choices and the Thinking Skills Programme."
)


def spoken(index: int, sentence: str) -> Path:
    folder = CACHE / "vocabulary"
    folder.mkdir(parents=True, exist_ok=True)
    voice = VOICES[index % 2]
    key = hashlib.sha256(f"{voice}|{sentence}".encode()).hexdigest()[:16]
    path = folder / f"{key}.wav"
    if not path.exists():
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", "160", "-w", str(path), sentence], check=True
        )
    return path


def found(term: str, text: str) -> bool:
    words, tokens = normalise(term), normalise(text)
    return any(tokens[i : i + len(words)] == words for i in range(len(tokens)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help='"whisper-base" or a model folder (default tiny.en)')
    parser.add_argument("--settings", nargs="+", default=["none", "style", "prompt", "hotwords"])
    parser.add_argument("--batched", action="store_true", help="the worker's batched decoding")
    args = parser.parse_args()
    from speech.transcribe import BATCHED, TranscriptionOptions, transcribe
    from speech.vocabulary import (
        PROBATION_PROMPT,
        PROBATION_TERMS,
        SPOKEN_STYLE,
        hotwords,
        listed,
    )

    decoding = {"model": args.model, **(BATCHED if args.batched else {})}
    terms = listed(PROBATION_TERMS)
    settings = {
        "none": TranscriptionOptions(**decoding),
        # the shipped prompts: the spoken style alone (the list off), the list and the style
        "style": TranscriptionOptions(**decoding, initial_prompt=SPOKEN_STYLE),
        "prompt": TranscriptionOptions(**decoding, initial_prompt=PROBATION_PROMPT),
        # measured before the style was added: the list alone; and the style before the list
        "terms": TranscriptionOptions(**decoding, initial_prompt=terms),
        "style-first": TranscriptionOptions(**decoding, initial_prompt=f"{SPOKEN_STYLE} {terms}"),
        "sentence": TranscriptionOptions(**decoding, initial_prompt=SENTENCE_PROMPT),
        "hotwords": TranscriptionOptions(**decoding, hotwords=hotwords()),
    }
    files = [spoken(i, sentence) for i, (sentence, _) in enumerate(SENTENCES)]
    reference = [w for sentence, _ in SENTENCES for w in normalise(sentence)]
    print("setting | terms found | WER | seconds | missed")
    for name in args.settings:
        options = settings[name]
        clock = time.perf_counter()
        texts = [" ".join(s.text for s in transcribe(path, options)) for path in files]
        hits, missed = 0, []
        for (_, terms), text in zip(SENTENCES, texts, strict=True):
            for term in terms:
                if found(term, text):
                    hits += 1
                else:
                    missed.append(f"{term} ({text.strip()[:60]!r})")
        total = sum(len(terms) for _, terms in SENTENCES)
        wer = word_error_rate(reference, normalise(" ".join(texts)))
        seconds = time.perf_counter() - clock
        print(
            f"{name} | {hits}/{total} | {wer:.3f} | {seconds:.0f} s | {'; '.join(missed)}",
            flush=True,
        )


if __name__ == "__main__":
    main()
