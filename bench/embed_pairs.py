"""Do the encoder's sentence vectors tell a restatement from unrelated talk? (AnnoMI dev)

For every practitioner utterance the coders called a reflection, the cosine similarity between
it and the client turn just before it, against the similarity between it and a client turn from
another transcript. Prints the mean of each and the AUC (share of pairs where the real client turn
is the closer one).

    python bench/embed_pairs.py [--embedder scoring/models/minilm-embed.onnx]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from score_annomi import data_dir, read_jsonl  # noqa: E402

from scoring import encoder  # noqa: E402

PRACTITIONER = ("therapist", "practitioner")


def pairs(transcripts: list[dict], seed: int = 6) -> list[tuple[str, str, str]]:
    """(reflection, client turn before it, client turn from another transcript)."""
    rng = random.Random(seed)
    clients = {
        t["id"]: [u["text"] for u in t["utterances"] if u["speaker"] not in PRACTITIONER]
        for t in transcripts
    }
    out = []
    for t in transcripts:
        others = [tid for tid in clients if tid != t["id"] and clients[tid]]
        utts = t["utterances"]
        for i, u in enumerate(utts):
            if u.get("behaviour") != "reflection" or i == 0:
                continue
            before = utts[i - 1]
            if before["speaker"] in PRACTITIONER or len(before["text"].split()) < 4:
                continue
            out.append((u["text"], before["text"], rng.choice(clients[rng.choice(others)])))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", type=Path, default=encoder.DEFAULT_EMBEDDER_PATH)
    args = parser.parse_args()
    path = data_dir() / "annomi_dev.jsonl"
    if not path.is_file() or not args.embedder.is_file():
        print(f"embed_pairs: needs {path} and {args.embedder}", file=sys.stderr)
        return 2
    rows = pairs(read_jsonl(path))
    began = time.perf_counter()
    reflections = encoder.embed([r for r, _, _ in rows], args.embedder)
    befores = encoder.embed([b for _, b, _ in rows], args.embedder)
    randoms = encoder.embed([o for _, _, o in rows], args.embedder)
    seconds = time.perf_counter() - began
    real = (reflections * befores).sum(axis=1)
    other = (reflections * randoms).sum(axis=1)
    print(
        f"{len(rows)} coded reflections after a client turn of 4+ words; "
        f"{3 * len(rows)} texts embedded in {seconds:.1f} s"
    )
    print(f"  cosine with the client turn before it: mean {real.mean():.3f}")
    print(f"  cosine with a client turn from another transcript: mean {other.mean():.3f}")
    print(f"  AUC (the real client turn is the closer): {(real > other).mean():.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
