"""Quick cross-validation of ideas for the linear codes model (issue 11), by transcript.

Calls scikit-learn directly instead of the whole scorer, so one idea takes a minute or two:
for each of 5 folds by transcript (``training.folds``), the behaviour head is fitted on the
other folds' coded practitioner turns and its argmax is scored on the held-out turns, as
written and with the punctuation stripped. It prints macro-F1, Cohen's kappa, question F1 and
therapist-input F1 for each. The pipeline's own figures (units, the rules' advice override)
come from ``bench/score_annomi.py``; this harness only compares ideas with each other.

    python bench/codes_variants.py                 # every experiment
    python bench/codes_variants.py both originals  # some of them

Experiments: ``both`` (shipped unpunctuated variant: trained on originals and stripped copies),
``stripped`` (stripped copies only), ``originals`` (originals only: the shipped punctuated
variant), ``question_shapes`` and ``client_overlap`` (extra features, not adopted), ``c0.5``
and ``c1`` (weaker regularisation of the originals-only model), ``offsets`` (per-code offsets
tuned for macro-F1 on the other folds' out-of-fold probabilities, not adopted), ``blend``
(the two variants' probabilities averaged on punctuated text, not adopted).

Frozen sentence vectors (``scoring.encoder.embed``, the pretrained MiniLM, L2-normalised 384-d),
stacked as dense columns with the sparse blocks: ``embed_self`` (the utterance's vector, times
w = 1; ``embed_self_w0.5`` and ``embed_self_w2`` other scales), ``embed_context`` (also the
previous client turn's vector, their elementwise product times sqrt(384) and their cosine, all
times w; zeros when there is no client turn before; ``_w0.5``, ``_w2`` likewise), all in the
``both`` setting; ``originals_embed_self`` and ``originals_embed_context`` the same (w = 1) in
the ``originals`` setting; a ``_c0.5`` suffix sets C = 0.5 instead of 0.25 (``both_c0.5`` is
the ``both`` baseline at that C). Not adopted: none moves macro-F1 by a point or more over its
baseline. Each text is embedded once per run (stripped text for stripped examples).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scoring import lexicon as lx  # noqa: E402
from scoring import model as M  # noqa: E402
from scoring import training  # noqa: E402
from scoring.codes import question_type  # noqa: E402
from scoring.text import normalise, strip_fillers, strip_punctuation  # noqa: E402
from scoring.units import split_clauses  # noqa: E402

LABELS = ("question", "reflection", "therapist_input", "other")
SUBJECTS = {"you", "we", "i", "they", "he", "she", "it", "that", "this", "there", "your"}
COMMON = {
    *("that", "this", "with", "have", "what", "about", "there", "they", "them", "then"),
    *("just", "like", "been", "were", "would", "could", "really", "know", "think", "going"),
    *("your", "yours", "yeah", "okay", "because", "when", "from", "some", "more", "much"),
    *("very", "well", "here", "it's", "that's", "don't", "you're", "kind", "sort", "things"),
    *("thing", "something"),
}


def question_shapes(ctx: M.Context) -> list[str]:
    """Punctuation-free signs of asking: the last clause's opening and the rules' question
    shape of every clause, auxiliary/modal inversion and wh-word + auxiliary (and whether they
    come in the last 10 or 12 words of the turn)."""
    clauses = split_clauses(strip_punctuation(ctx.text).lower())
    feats = ["ncl:" + M._bucket(len(clauses), (0, 1, 2, 3, 5))]
    last = strip_fillers(normalise(clauses[-1]).split())
    feats += [f"lc{n}:" + "_".join(last[:n]) for n in (1, 2, 3) if len(last) >= n]
    feats.append(f"lcq:{question_type(clauses[-1])}")
    feats += [f"cq:{question_type(c)}" for c in clauses]
    tokens = normalise(ctx.text).split()
    for i in range(len(tokens) - 1):
        word, after = tokens[i], tokens[i + 1]
        before = tokens[i - 1] if i else "<s>"
        near_end = len(tokens) - i <= 10
        if word in lx.AUXILIARIES and after in SUBJECTS and before not in lx.SUBJECTS | lx.WH_WORDS:
            feats += ["inv", "inv:end"] if near_end else ["inv"]
        if word in lx.WH_WORDS and after in lx.AUXILIARIES:
            feats += ["whaux", "whaux:end"] if len(tokens) - i <= 12 else ["whaux"]
    return feats


def _content(text: str) -> list[str]:
    return [w for w in normalise(text).split() if len(w) > 3 and w not in COMMON]


def client_overlap(ctx: M.Context) -> list[str]:
    """How much of the client's previous turn the practitioner restates (reflections do)."""
    mine, theirs = _content(ctx.text), set(_content(ctx.previous_client))
    if not mine or not theirs:
        return ["ov2:na"]
    shared = [w for w in mine if w in theirs]
    share = len(shared) / len(mine)
    band = "hi"
    for edge, name in ((0.15, "lt15"), (0.3, "lt3"), (0.5, "lt5")):
        if share < edge:
            band = name
            break
    band = "0" if share == 0 else band
    feats = [f"ov2:{band}", "ovn:" + M._bucket(len(set(shared)), (0, 1, 2, 4))]
    said = normalise(ctx.previous_client).split()
    pairs = {" ".join(said[i : i + 2]) for i in range(len(said) - 1)}
    words = normalise(ctx.text).split()
    if any(
        " ".join(words[i : i + 2]) in pairs and len(words[i]) + len(words[i + 1]) > 6
        for i in range(len(words) - 1)
    ):
        feats.append("ovbi")
    return feats


_VECTORS: dict[str, object] = {}  # text -> sentence vector, for the whole run


def embed_all(transcripts) -> float:
    """Embed every utterance of the transcripts, as written and stripped, once; seconds taken."""
    import time

    from scoring import encoder

    if not encoder.embedder_available():
        raise SystemExit("codes_variants: the sentence embedder is not available here")
    texts = [u["text"] for t in transcripts for u in t["utterances"]]
    new = [t for t in dict.fromkeys(texts + [strip_punctuation(t) for t in texts]) if t]
    new = [t for t in new if t not in _VECTORS]
    start = time.perf_counter()
    if new:
        _VECTORS.update(zip(new, encoder.embed(new), strict=True))
    return time.perf_counter() - start


def _vector(text: str):
    import numpy as np

    if not text:
        return np.zeros(384, dtype=np.float32)
    if text not in _VECTORS:
        from scoring import encoder

        _VECTORS[text] = encoder.embed([text])[0]
    return _VECTORS[text]


def embedding_features(weight: float = 1.0, context: bool = False):
    """Dense columns for a list of Contexts: the utterance's sentence vector times ``weight``;
    with ``context`` also the previous client turn's vector, the elementwise product (times
    sqrt(384), to bring it near unit length) and the cosine, all times ``weight``."""

    def dense(contexts):
        import numpy as np

        mine = np.stack([_vector(ctx.text) for ctx in contexts])
        if not context:
            return weight * mine
        theirs = np.stack([_vector(ctx.previous_client) for ctx in contexts])
        product = mine * theirs
        cosine = product.sum(1, keepdims=True)
        return weight * np.hstack([mine, theirs, product * np.sqrt(mine.shape[1]), cosine])

    return dense


def cross_validate(transcripts, extra=None, c=0.25, originals=True, stripped=True, dense=None):
    """Out-of-fold gold labels and probabilities, as written and stripped.

    ``dense`` (a function of a list of Contexts giving an array, one row each) adds dense
    columns to the sparse blocks."""
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    def binary(ctx):
        return dict.fromkeys(M.binary_features(ctx) + (extra(ctx) if extra else []), 1)

    out = {"as written": ([], []), "stripped": ([], [])}
    for train_set, test_set in training.folds(transcripts, 5):
        data = (training.examples(train_set) if originals else []) + (
            training.examples(train_set, strip=True) if stripped else []
        )
        vectoriser = DictVectorizer()
        blocks = [vectoriser.fit_transform([binary(ctx) for ctx, _ in data])]
        tfidfs = []
        for field_name, longest in M.TFIDF_BLOCKS.values():
            tfidf = TfidfVectorizer(
                analyzer=training._analyser(field_name, longest), sublinear_tf=True, min_df=3
            )
            blocks.append(tfidf.fit_transform([ctx for ctx, _ in data]))
            tfidfs.append(tfidf)
        if dense:
            blocks.append(sparse.csr_matrix(dense([ctx for ctx, _ in data])))
        clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        clf.fit(sparse.hstack(blocks).tocsr(), [gold["behaviour"] for _, gold in data])
        order = [list(clf.classes_).index(label) for label in LABELS]
        for name, strip in (("as written", False), ("stripped", True)):
            held = training.examples(test_set, strip=strip)
            x = sparse.hstack(
                [vectoriser.transform([binary(ctx) for ctx, _ in held])]
                + [t.transform([ctx for ctx, _ in held]) for t in tfidfs]
                + ([sparse.csr_matrix(dense([ctx for ctx, _ in held]))] if dense else [])
            ).tocsr()
            out[name][0].extend(gold["behaviour"] for _, gold in held)
            out[name][1].append(clf.predict_proba(x)[:, order])
    return {k: (np.array(g), np.vstack(p)) for k, (g, p) in out.items()}


def figures(gold, pred) -> str:
    from sklearn.metrics import cohen_kappa_score, f1_score

    def f1(labels):
        return f1_score(gold, pred, labels=labels, average="macro")

    return (
        f"macro-F1 {f1(LABELS):.3f}  kappa {cohen_kappa_score(gold, pred):.3f}  "
        f"question F1 {f1(['question']):.3f}  therapist-input F1 {f1(['therapist_input']):.3f}"
    )


def tuned_offsets(logp, gold):
    """Per-code additive offsets to the log-probabilities that maximise macro-F1."""
    import numpy as np
    from sklearn.metrics import f1_score

    def macro(offsets):
        pred = np.array(LABELS)[(logp + offsets).argmax(1)]
        return f1_score(gold, pred, labels=LABELS, average="macro")

    offsets, best = np.zeros(len(LABELS)), macro(np.zeros(len(LABELS)))
    for _ in range(3):
        for k in range(1, len(LABELS)):
            for value in np.linspace(-1, 1, 21):
                trial = offsets.copy()
                trial[k] = value
                score = macro(trial)
                if score > best + 1e-6:
                    best, offsets = score, trial
    return offsets


def offsets_report(transcripts, results) -> None:
    """Offsets tuned on four folds' out-of-fold probabilities, applied to the fifth."""
    import numpy as np

    sizes = [len(training.examples(test)) for _, test in training.folds(transcripts, 5)]
    fold_of = np.repeat(np.arange(5), sizes)
    for name, (gold, probs) in results.items():
        logp = np.log(probs + 1e-12)
        pred = np.empty(len(gold), dtype=object)
        for fold in range(5):
            mine = fold_of == fold
            offsets = tuned_offsets(logp[~mine], gold[~mine])
            pred[mine] = np.array(LABELS)[(logp[mine] + offsets).argmax(1)]
        print(f"  {name:10s} with offsets: {figures(gold, list(pred))}")


EXPERIMENTS = {
    "both": {},
    "stripped": {"originals": False},
    "originals": {"stripped": False},
    "question_shapes": {"extra": question_shapes},
    "client_overlap": {"extra": client_overlap},
    "c0.5": {"stripped": False, "c": 0.5},
    "c1": {"stripped": False, "c": 1.0},
    "offsets": {"stripped": False},
    "blend": {},
    "both_c0.5": {"c": 0.5},
    "embed_self_w0.5": {"dense": embedding_features(0.5)},
    "embed_self": {"dense": embedding_features(1.0)},
    "embed_self_w2": {"dense": embedding_features(2.0)},
    "embed_context_w0.5": {"dense": embedding_features(0.5, context=True)},
    "embed_context": {"dense": embedding_features(1.0, context=True)},
    "embed_context_w2": {"dense": embedding_features(2.0, context=True)},
    "embed_self_c0.5": {"dense": embedding_features(1.0), "c": 0.5},
    "embed_context_c0.5": {"dense": embedding_features(1.0, context=True), "c": 0.5},
    "originals_embed_self": {"dense": embedding_features(1.0), "stripped": False},
    "originals_embed_context": {
        "dense": embedding_features(1.0, context=True),
        "stripped": False,
    },
    "originals_embed_self_c0.5": {"dense": embedding_features(1.0), "stripped": False, "c": 0.5},
    "originals_embed_context_c0.5": {
        "dense": embedding_features(1.0, context=True),
        "stripped": False,
        "c": 0.5,
    },
}


def blend_report(transcripts) -> None:
    """The originals-only and the both-ways model averaged on the punctuated held-out turns."""
    import numpy as np

    gold, punctuated = cross_validate(transcripts, stripped=False)["as written"]
    _, both = cross_validate(transcripts)["as written"]
    for share in (0.0, 0.25, 0.5, 0.75, 1.0):
        probs = share * both + (1 - share) * punctuated
        pred = list(np.array(LABELS)[probs.argmax(1)])
        print(f"  share of the both-ways model {share:.2f}: {figures(gold, pred)}")


def main(argv: list[str]) -> int:
    import numpy as np

    folder = Path(os.environ.get("OEP_SHARED_DATA") or REPO.parent / "shared" / "data")
    path = folder / "annomi_dev.jsonl"
    if not path.is_file():
        print(f"codes_variants: no {path}; set OEP_SHARED_DATA. Nothing measured.", file=sys.stderr)
        return 2
    transcripts = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    names = argv or list(EXPERIMENTS)
    if any(EXPERIMENTS.get(name, {}).get("dense") for name in names):
        seconds = embed_all(transcripts)
        print(f"embedded {len(_VECTORS)} distinct texts (written and stripped) in {seconds:.1f} s")
    for name in names:
        print(name, flush=True)
        if name == "blend":
            blend_report(transcripts)
            continue
        results = cross_validate(transcripts, **EXPERIMENTS[name])
        if name == "offsets":
            offsets_report(transcripts, results)
            continue
        for label, (gold, probs) in results.items():
            print(f"  {label:10s} {figures(gold, list(np.array(LABELS)[probs.argmax(1)]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
