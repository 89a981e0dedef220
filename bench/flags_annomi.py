"""Does "check this" mean something? Error rates of flagged and unflagged codes on AnnoMI dev.

A practitioner utterance is flagged when the unit that decides its code is in doubt
(``units.flag_doubts``). For each setting this prints the share flagged and how often the
scorer's code disagrees with the expert's among flagged and among unflagged utterances. With
the model, figures are cross-validated by transcript (trained on the other folds). The shipped
codes encoder was trained on every fold, so it is left out unless ``--encoder-folds`` gives the
fold models ``score_annomi.py`` uses (``scoring.train_encoder --cv``).

    python bench/flags_annomi.py [--folds 5] [--encoder-folds DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.score_annomi import (  # noqa: E402
    PRACTITIONER,
    data_dir,
    encoder_fold_model,
    read_jsonl,
    stripped,
)
from scoring import Utterance, score_session  # noqa: E402


def tally(transcripts, use_model, use_encoder=False) -> tuple[int, int, int, int]:
    """(flagged, flagged wrong, unflagged, unflagged wrong) over expert-coded utterances."""
    f = fw = u = uw = 0
    for t in transcripts:
        utterances = [
            Utterance(i, "practitioner" if x["speaker"] in PRACTITIONER else "client", x["text"])
            for i, x in enumerate(t["utterances"])
        ]
        codes = score_session(utterances, use_model=use_model, use_encoder=use_encoder).codes
        for x, code in zip(t["utterances"], codes, strict=True):
            if x["speaker"] not in PRACTITIONER or not x.get("behaviour"):
                continue
            wrong = code.behaviour != x["behaviour"]
            if code.check:
                f, fw = f + 1, fw + wrong
            else:
                u, uw = u + 1, uw + wrong
    return f, fw, u, uw


def report(title: str, counts: tuple[int, int, int, int]) -> None:
    f, fw, u, uw = counts
    flagged_err = fw / f if f else 0.0
    unflagged_err = uw / u if u else 0.0
    ratio = flagged_err / unflagged_err if unflagged_err else float("inf")
    print(
        f"{title}: {f / (f + u):.0%} flagged ({f} of {f + u}); wrong when flagged "
        f"{flagged_err:.0%}, when not flagged {unflagged_err:.0%}: {ratio:.1f}x as often"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--encoder-folds", type=Path, help="per-fold codes encoders to blend in")
    args = parser.parse_args()
    path = data_dir() / "annomi_dev.jsonl"
    if not path.is_file():
        print(f"no AnnoMI data at {path}; set OEP_SHARED_DATA", file=sys.stderr)
        return 1
    transcripts = read_jsonl(path)
    for label, data in (
        ("punctuated", transcripts),
        ("punctuation stripped", stripped(transcripts)),
    ):
        report(f"AnnoMI {label}, rules only", tally(data, False))
        from scoring import training

        total = [0, 0, 0, 0]
        with tempfile.TemporaryDirectory() as tmp:
            for fold, (train_set, test_set) in enumerate(training.folds(transcripts, args.folds)):
                # one file per fold: the model loader caches by path
                model_path = Path(tmp) / f"fold-{fold}-model.json"
                training.save(training.train(train_set), model_path)
                held = stripped(test_set) if data is not transcripts else test_set
                encoder = (
                    encoder_fold_model(args.encoder_folds, fold, args.folds)
                    if args.encoder_folds
                    else False
                )
                for k, v in enumerate(tally(held, model_path, encoder)):
                    total[k] += v
        blend = " + encoder" if args.encoder_folds else ""
        report(f"AnnoMI {label}, rules + model{blend} (cross-validated)", tuple(total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
