"""Train the reading models on turns of the probation set that readers labelled: the stance
model (``scoring.stance``: prosocial occasions and the reply), the rapport model
(``scoring.rapport``: what the client shares and the reply) and the moves model
(``scoring.moves``: the structuring move a practitioner turn makes, and whether it does its job).

The labels were given turn by turn by readers who saw neither the transcripts' skill labels
nor the scorer (``bench/probation_stance/`` for the stance model, ``bench/probation_turns/``
for the other two). For the exchange models every other client turn of a labelled transcript
is a non-occasion; for the moves model every other practitioner turn is no move.
Cross-validation folds are whole sets (one writer each), never single turns: a fold never sees
its writer's wording.

Needs scikit-learn (training only).

    python -m scoring.train_stance [--task stance|rapport|moves|invitations] [--cv] [--write]
        [--c C C]  (C of both heads; two-headed tasks only)
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import example, invitations, moves, rapport
from .model import word_ngrams
from .stance import (
    DEFAULT_STANCE_PATH,
    HEAD_BLOCKS,
    LONGEST_GRAM,
    RESPONSES,
    Reading,
    exchanges_in,
    reply_text,
)

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "bench" / "probation_stance" / "labels.jsonl"
# (stance-2) the second round: the same three kinds of label, in the development transcripts
# the first round did not read (bench/probation_stance/README.md)
STANCE_ROUND2 = REPO / "bench" / "probation_stance" / "labels2.jsonl"
TURN_LABELS = REPO / "bench" / "probation_turns" / "labels.jsonl"
# (rapport-2) the second round: what the client shared and the replies, in the development
# transcripts the first round did not label (bench/probation_turns/README.md)
DISCLOSURE_LABELS = REPO / "bench" / "probation_turns" / "disclosures.jsonl"
TRANSCRIPT_DIRS = (REPO / "bench" / "probation_set", REPO / "bench" / "probation_mixed")
VERSION = "stance-3"
DEFAULT_C = {"occasion": 1.0, "response": 3.0}
MIN_DF = 2  # an n-gram one exchange used says nothing about the next


@dataclass(frozen=True)
class Task:
    """One reading model: where its labels are, how a labelled transcript becomes rows, its
    heads (name, the row field it learns, the blocks it reads, its C), and, for the exchange
    models, the label kind of an occasion, the replies it tells apart and the bad ones (which
    ``report`` weighs against the rest); the moves model has none and reports its own way."""

    name: str
    version: str
    labels: Path | tuple[Path, ...]
    path: Path
    heads: tuple[tuple[str, str, tuple[str, ...], float], ...]
    kind: str = ""
    responses: tuple[str, ...] = ()
    bad: tuple[str, ...] = ()
    # for the models of practitioner turns: how a labelled transcript becomes rows, and how
    # the cross-validated readings are reported
    turn_rows: Callable | None = None
    report: Callable | None = None

    def rows(self, transcripts, labels) -> list[dict]:
        if self.turn_rows:
            return self.turn_rows(transcripts, labels)
        return examples(transcripts, labels, self.kind, self.responses)


# a twin writer's set ("w3" of w3c01-good) or a mixed-profile set's letters ("q" of q07, "ma" of
# ma07: every single letter was taken by 2.14)
SET_NAME = re.compile(r"(w\d+)c\d+|([a-z]+)\d+")


def group_of(transcript_id: str) -> str:
    """The set (one writer) a transcript belongs to: "w3" for twins w3c01-good, "w10" for
    w10c01-good, "q" for q07, "ma" for ma07."""
    found = SET_NAME.match(transcript_id)
    if found is None:
        raise ValueError(f"{transcript_id!r} is not named as a set's transcript (w3c01-good, q07)")
    return found[1] or found[2]


def load_transcripts(dirs=TRANSCRIPT_DIRS) -> dict[str, dict]:
    out = {}
    for folder in dirs:
        for path in sorted(Path(folder).rglob("*.json")):
            data = json.loads(path.read_text())
            out[data["id"]] = data
    return out


def load_labels(paths: Path | tuple[Path, ...] = LABELS) -> dict[str, list[dict]]:
    """Per transcript id, its label rows, from one labels file or several."""
    by_transcript: dict[str, list[dict]] = {}
    for path in (paths,) if isinstance(paths, Path) else paths:
        for line in Path(path).read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                by_transcript.setdefault(row["id"], []).append(row)
    return by_transcript


def _labelled(transcripts: dict[str, dict], labels: dict[str, list[dict]]):
    """Per labelled transcript: its id, its labels, its turns' texts and who spoke them."""
    for tid, rows_of in labels.items():
        t = transcripts.get(tid)
        if t is not None:
            texts = [u.get("text") or "" for u in t["utterances"]]
            practitioner = [u["speaker"] == "practitioner" for u in t["utterances"]]
            yield tid, rows_of, texts, practitioner


def examples(
    transcripts: dict[str, dict],
    labels: dict[str, list[dict]],
    kind: str = "occasion",
    responses: tuple[str, ...] = RESPONSES,
) -> list[dict]:
    """One row per exchange of every labelled transcript: its texts, group, whether the
    client turn is an occasion (labelled ``kind``) and, for occasions the next turn answers,
    the response."""
    rows = []
    for tid, rows_of, texts, practitioner in _labelled(transcripts, labels):
        occasions = {
            r["turn"]: r.get("stance")
            for r in rows_of
            # a transcript read with nothing to mark has one row with no turn
            if r.get("kind") == kind
            and r["turn"] is not None
            and r.get("reply_turn", r["turn"] + 1) == r["turn"] + 1
        }
        for i, j in exchanges_in(texts, practitioner):
            stance = occasions.get(i)
            rows.append(
                {
                    "id": tid,
                    "group": group_of(tid),
                    "turn": i,
                    "client": texts[i],
                    "reply": reply_text(texts[j]),
                    "occasion": i in occasions,
                    "response": stance if stance in responses else None,
                }
            )
    return rows


def turn_rows(transcripts, labels, marks, unmarked: dict) -> list[dict]:
    """One row per practitioner turn of every labelled transcript: the client's turn before
    it and the turn, with the fields ``marks(labels of the transcript)`` gives that turn, or
    ``unmarked``'s."""
    rows = []
    for tid, rows_of, texts, practitioner in _labelled(transcripts, labels):
        marked = marks(rows_of)
        for i, j in moves.turns_in(texts, practitioner):
            rows.append(
                {
                    "id": tid,
                    "group": group_of(tid),
                    "turn": j,
                    "client": moves.before_text(texts, practitioner, i),
                    "reply": reply_text(texts[j]),
                    **marked.get(j, unmarked),
                }
            )
    return rows


def move_examples(transcripts: dict[str, dict], labels: dict[str, list[dict]]) -> list[dict]:
    """Rows of practitioner turns (``turn_rows``) with their move (``function``; "none" when
    readers marked none) and, for moves, whether it did its job (``done``: real or empty). A
    turn readers gave two moves keeps the first."""

    def marks(rows_of):
        marked: dict[int, dict] = {}
        for r in rows_of:
            if r.get("kind") == "structure" and r.get("function") in moves.FUNCTIONS:
                marked.setdefault(r["turn"], {"function": r["function"], "done": r["done"]})
        return marked

    return turn_rows(transcripts, labels, marks, {"function": "none", "done": None})


def invitation_examples(transcripts: dict[str, dict], labels: dict[str, list[dict]]) -> list[dict]:
    """Rows of practitioner turns (``turn_rows``) with the kind of invitation to think each
    makes (``invites``; "none" where readers marked none; a transcript read with nothing
    marked has a line with turn null)."""

    def marks(rows_of):
        return {
            r["turn"]: {"invites": r["type"]}
            for r in rows_of
            if r.get("turn") is not None and r.get("type") in invitations.KINDS
        }

    return turn_rows(transcripts, labels, marks, {"invites": "none"})


def example_examples(transcripts: dict[str, dict], labels: dict[str, list[dict]]) -> list[dict]:
    """Rows of practitioner turns (``turn_rows``) with what readers marked of the
    practitioner's own example: the praise (``praise``) and the conduct (``conduct``), each
    "none" where they marked none."""

    unmarked = {head: "none" for head, _ in example.HEADS}

    def marks(rows_of):
        marked: dict[int, dict] = {}
        for r in rows_of:
            for kind, classes in example.HEADS:
                if r.get("kind") == kind and r.get("stance") in classes:
                    marked.setdefault(r["turn"], dict(unmarked))[kind] = r["stance"]
        return marked

    return turn_rows(transcripts, labels, marks, unmarked)


def vectors(rows: list[dict], embed) -> dict:
    """Per block ("client", "reply"), the sentence vectors of every row."""
    return {block: embed([r[block] for r in rows]) for block in ("client", "reply")}


def _analyser(text: str) -> list[str]:
    return word_ngrams(text, LONGEST_GRAM)


def _design(rows, vecs, head, tables=None, blocks=None):
    """The head's feature matrix: per block (``blocks``, else the stance head's), TF-IDF
    n-grams then the sentence vector. Fits the TF-IDF tables when ``tables`` is None; returns
    (matrix, tables, column names)."""
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    tables = {} if tables is None else tables
    parts, names = [], []
    for block in blocks or HEAD_BLOCKS[head]:
        texts = [r[block] for r in rows]
        if block not in tables:
            tfidf = TfidfVectorizer(analyzer=_analyser, sublinear_tf=True, min_df=MIN_DF)
            tfidf.fit(texts)
            tables[block] = tfidf
        parts.append(tables[block].transform(texts))
        names += [(block, "word", g) for g in tables[block].get_feature_names_out()]
        parts.append(sparse.csr_matrix(vecs[block]))
        names += [(block, "vector", k) for k in range(vecs[block].shape[1])]
    return sparse.hstack(parts).tocsr(), tables, names


def _head_json(clf, names, blocks) -> dict:
    rows = clf.coef_
    words: dict[str, list[float]] = {}
    vectors: dict[str, list[list[float]]] = {}
    for col, (block, kind, key) in enumerate(names):
        column = [round(float(r[col]), 5) for r in rows]
        if kind == "word":
            if any(abs(v) >= 1e-5 for v in column):
                words[f"{block}|{key}"] = column
        else:
            vectors.setdefault(block, [[] for _ in rows])
            for k, v in enumerate(column):
                vectors[block][k].append(v)
    return {
        "blocks": list(blocks),
        "classes": [str(c) for c in clf.classes_],
        "intercept": [round(float(v), 6) for v in clf.intercept_],
        "words": words,
        "vectors": vectors,
    }


def _gold(row: dict, field_name: str) -> str | None:
    """What a head learns from a row: the occasion head a class for every row, the others
    their field where readers gave one."""
    if field_name == "occasion":
        return "occasion" if row["occasion"] else "none"
    return row[field_name]


def fit(rows, vecs, c=None, task: Task | None = None) -> dict:
    """Every head of ``task`` (the stance model's by default) fitted on ``rows`` (``vecs``:
    their sentence vectors), as the JSON ``StanceModel`` reads. ``c``: per head, its C."""
    from sklearn.linear_model import LogisticRegression

    task = task or STANCE
    c = c or {head: value for head, _, _, value in task.heads}
    # the first head reads every row, the second the rows the first marks (occasions,
    # moves); the TF-IDF tables are fitted once (on every row, by the first head) and
    # shared, as inference computes one TF-IDF vector per text
    tables: dict = {}
    heads = {}
    for head, field_name, blocks, _ in task.heads:
        keep = [k for k, r in enumerate(rows) if _gold(r, field_name)]
        x, tables, names = _design(
            [rows[k] for k in keep], {b: v[keep] for b, v in vecs.items()}, head, tables, blocks
        )
        clf = LogisticRegression(C=c[head], max_iter=3000, class_weight="balanced")
        clf.fit(x, [_gold(rows[k], field_name) for k in keep])
        heads[head] = _head_json(clf, names, blocks)
    idf = {
        block: {
            g: round(float(v), 4) for g, v in zip(t.get_feature_names_out(), t.idf_, strict=True)
        }
        for block, t in tables.items()
    }
    return {"version": task.version, "idf": idf, "heads": heads}


def fit_without(rows, vecs, group: str, c=None, task: Task | None = None) -> dict:
    """The model fitted on every row but ``group``'s: what a set never seen would be read by."""
    keep = [k for k, r in enumerate(rows) if r["group"] != group]
    return fit([rows[k] for k in keep], {b: v[keep] for b, v in vecs.items()}, c, task)


def cross_validate(rows, vecs, c=None, task: Task | None = None) -> dict:
    """Per row, each head's probabilities from a model fitted without the row's group (set)."""
    from .stance import StanceModel

    task = task or STANCE
    out = {}
    for group in sorted({r["group"] for r in rows}):
        model = StanceModel(fit_without(rows, vecs, group, c, task))
        for k, r in enumerate(rows):
            if r["group"] == group:
                reading = Reading(r["client"], r["reply"], {b: v[k] for b, v in vecs.items()})
                out[k] = {head: model.probabilities(head, reading) for head, *_ in task.heads}
    return out


def report(rows, predicted, task: Task | None = None) -> None:
    """The cross-validated figures of an exchange model: the occasion head's AUC, the
    response head's accuracy, and the bad responses against the rest; a task with a report of
    its own (moves, invitations) prints that instead."""
    task = task or STANCE
    if task.report:
        return task.report(rows, predicted)
    from sklearn.metrics import f1_score, roc_auc_score

    y = [rows[k]["occasion"] for k in sorted(predicted)]
    p = [predicted[k]["occasion"]["occasion"] for k in sorted(predicted)]
    print(f"exchanges {len(rows)}, occasions {sum(y)}")
    f1 = f1_score(y, [v >= 0.5 for v in p])
    print(f"occasion AUC {roc_auc_score(y, p):.3f}   F1 at 0.5 {f1:.3f}")
    keep = [k for k in sorted(predicted) if rows[k]["response"]]
    gold = [rows[k]["response"] for k in keep]
    guess = [max(predicted[k]["response"], key=predicted[k]["response"].get) for k in keep]
    print(f"responses {len(keep)}: {dict(Counter(gold))}")
    print(
        f"response accuracy {sum(g == h for g, h in zip(gold, guess, strict=True)) / len(keep):.3f}"
        f"   macro-F1 {f1_score(gold, guess, average='macro'):.3f}"
    )
    bad = task.bad
    yb = [g in bad for g in gold]
    pb = [sum(predicted[k]["response"].get(b, 0) for b in bad) for k in keep]
    print(f"{' or '.join(bad)} (against the rest) AUC {roc_auc_score(yb, pb):.3f}")


def report_moves(rows, predicted) -> None:
    """The moves model's cross-validated figures: move against none, the function's
    macro-F1, done against only words."""
    from sklearn.metrics import f1_score, roc_auc_score

    keys = sorted(predicted)
    y = [rows[k]["function"] != "none" for k in keys]
    p = [1.0 - predicted[k]["function"].get("none", 0.0) for k in keys]
    print(f"practitioner turns {len(rows)}, moves {sum(y)}")
    print(f"move against none AUC {roc_auc_score(y, p):.3f}")
    gold = [rows[k]["function"] for k in keys]
    guess = [max(predicted[k]["function"], key=predicted[k]["function"].get) for k in keys]
    print(f"function macro-F1 {f1_score(gold, guess, average='macro'):.3f} {dict(Counter(gold))}")
    done = [k for k in keys if rows[k]["done"]]
    yd = [rows[k]["done"] == "real" for k in done]
    pd = [predicted[k]["done"].get("real", 0.0) for k in done]
    print(f"real against empty ({len(done)} moves) AUC {roc_auc_score(yd, pd):.3f}")


def report_invitations(rows, predicted) -> None:
    """The invitations model's cross-validated figures: any invitation against none, and the
    one the cognitive judge uses: the technique kinds it judges (``JUDGED_KINDS``), summed, at
    ``INVITATION_P`` and over."""
    from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score

    from .judgement.cognitive import INVITATION_P, JUDGED_KINDS

    keys = sorted(predicted)
    y = [rows[k]["invites"] != "none" for k in keys]
    p = [1.0 - predicted[k]["invites"].get("none", 0.0) for k in keys]
    print(f"practitioner turns {len(rows)}, invitations {sum(y)}")
    print(f"any invitation against none AUC {roc_auc_score(y, p):.3f}")
    yt = [rows[k]["invites"] in JUDGED_KINDS for k in keys]
    pt = [sum(predicted[k]["invites"].get(kind, 0.0) for kind in JUDGED_KINDS) for k in keys]
    guess = [v >= INVITATION_P for v in pt]
    print(
        f"the judged kinds against the rest ({sum(yt)} turns) AUC {roc_auc_score(yt, pt):.3f}; at "
        f"p >= {INVITATION_P}: F1 {f1_score(yt, guess):.3f}, precision "
        f"{precision_score(yt, guess):.3f}, recall {recall_score(yt, guess):.3f}"
    )


def report_example(rows, predicted) -> None:
    """The example model's cross-validated figures: per head, each class against the rest,
    and what the example judge counts (the likeliest reading other than none, at
    ``EXAMPLE_P`` and at the bar it counts from) and lists on the card (``EVIDENCE_FROM``): how
    often readers marked that turn so."""
    from sklearn.metrics import roc_auc_score

    from .judgement.example import COUNT_FROM, EXAMPLE_P, READINGS
    from .judgement.occasions import EVIDENCE_FROM

    keys = sorted(predicted)
    print(f"practitioner turns {len(rows)}")
    for head, classes in example.HEADS:
        for name in classes:
            y = [rows[k][head] == name for k in keys]
            p = [predicted[k][head].get(name, 0.0) for k in keys]
            print(f"{name} ({sum(y)} turns) against the rest AUC {roc_auc_score(y, p):.3f}")
        for name in classes:
            other = next(c for c in classes if c != name)
            marked = sum(rows[k][head] == name for k in keys)
            counts = COUNT_FROM.get(name, EXAMPLE_P)
            listed = EVIDENCE_FROM.get(f"{READINGS[head][0][0]}:meaning_{name}", counts)
            for at in sorted({EXAMPLE_P, counts, listed}):
                counted = [
                    k
                    for k in keys
                    if predicted[k][head].get(name, 0.0) >= max(at, predicted[k][head][other])
                ]
                right = sum(rows[k][head] == name for k in counted)
                print(
                    f"  read as {name} at p >= {at}: {len(counted)} turns, readers marked "
                    f"{right} of them so (precision {right / max(1, len(counted)):.3f}, recall "
                    f"{right / max(1, marked):.3f})"
                )


STANCE = Task(
    "stance",
    VERSION,
    (LABELS, STANCE_ROUND2),
    DEFAULT_STANCE_PATH,
    (
        ("occasion", "occasion", HEAD_BLOCKS["occasion"], DEFAULT_C["occasion"]),
        ("response", "response", HEAD_BLOCKS["response"], DEFAULT_C["response"]),
    ),
    kind="occasion",
    responses=RESPONSES,
    bad=("goes_along", "lets_pass"),
)
RAPPORT = Task(
    "rapport",
    "rapport-3",
    (TURN_LABELS, DISCLOSURE_LABELS),
    rapport.DEFAULT_RAPPORT_PATH,
    (
        ("occasion", "occasion", ("client", "reply"), 1.0),
        ("response", "response", ("client", "reply"), 1.0),
    ),
    kind="disclosure",
    responses=rapport.RESPONSES,
    bad=("passes_over", "dismisses"),
)
MOVES = Task(
    "moves",
    "moves-2",
    TURN_LABELS,
    moves.DEFAULT_MOVES_PATH,
    (
        ("function", "function", ("client", "reply"), 1.0),
        ("done", "done", ("reply",), 1.0),
    ),
    turn_rows=move_examples,
    report=report_moves,
)
INVITATIONS = Task(
    "invitations",
    "invitations-2",
    REPO / "bench" / "probation_turns" / "invitations.jsonl",
    invitations.DEFAULT_INVITATIONS_PATH,
    (("invites", "invites", ("client", "reply"), 1.0),),
    turn_rows=invitation_examples,
    report=report_invitations,
)
EXAMPLE = Task(
    "example",
    "example-2",
    (LABELS, STANCE_ROUND2),
    example.DEFAULT_EXAMPLE_PATH,
    (
        ("praise", "praise", ("client", "reply"), 1.0),
        ("conduct", "conduct", ("client", "reply"), 1.0),
    ),
    turn_rows=example_examples,
    report=report_example,
)
TASKS = {t.name: t for t in (STANCE, RAPPORT, MOVES, INVITATIONS, EXAMPLE)}


def training_rows(task: Task) -> list[dict]:
    """The task's rows from the development transcripts and its labels file."""
    return task.rows(load_transcripts(), load_labels(task.labels))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--task", choices=sorted(TASKS), default="stance")
    parser.add_argument("--cv", action="store_true", help="leave-one-set-out figures")
    parser.add_argument("--write", action="store_true", help="write the task's model file")
    parser.add_argument("--c", type=float, nargs=2, default=None, help="C of both heads")
    args = parser.parse_args(argv)
    from . import encoder

    task = TASKS[args.task]
    names = [head for head, *_ in task.heads]
    c = dict(zip(names, args.c, strict=True)) if args.c else None
    rows = training_rows(task)
    vecs = vectors(rows, encoder.embed)
    if args.cv:
        report(rows, cross_validate(rows, vecs, c, task), task)
    if args.write:
        data = fit(rows, vecs, c, task)
        data["trained_on"] = f"{len(rows)} rows of {len({r['id'] for r in rows})} transcripts"
        data["command"] = f"python -m scoring.train_stance --task {task.name} --write"
        # allow_nan=False: read_model_file refuses NaN, as JSON does
        task.path.write_text(json.dumps(data, allow_nan=False) + "\n")
        print(f"wrote {task.path}")


if __name__ == "__main__":
    main()
