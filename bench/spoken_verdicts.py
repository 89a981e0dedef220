"""Where the spoken twins' judgements part from the written ones': a verdict-by-verdict diff.

For each transcript of ``bench/probation_audio.py``'s subset, scores the written turns and the
pipeline's turns (from the cache that bench fills: run it first) and prints:
- the skill scores from text and from audio, and the score terms that moved most;
- every checklist item whose verdict differs (the balance of judged acts for and against, or
  whether the item was found at all), with the acts and the turns they rest on from each side;
- the pipeline's turns next to the written ones: practitioner turns, questions ("?") among
  them, and the audio turns whose words mostly belong to the other role's written lines.

    python bench/spoken_verdicts.py [--cases w5c01 ...] [--snr 10] [--model tiny.en]
        [--only w5c02-good] [--quiet]

The causes of each flip are read off this output by hand (docs/scoring.md, "Spoken aloud").
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from probation_audio import SET, default_cases, pipeline_utterances, spoken  # noqa: E402
from probation_twins import SKILLS, load  # noqa: E402

from scoring import Utterance, score_session  # noqa: E402
from scoring.text import normalise  # noqa: E402


def verdicts(session) -> dict[str, tuple[float, float, bool]]:
    """Per item: (weight of acts for, weight against, found by the evidence layer)."""
    out: dict[str, list] = defaultdict(lambda: [0.0, 0.0, False])
    for act in session.acts:
        out[act.item][0 if act.polarity == "supports" else 1] += act.weight
    for item, found in session.items.items():
        out[item][2] = bool(found.get("present"))
    return {k: tuple(v) for k, v in out.items()}


def balance(v: tuple[float, float, bool]) -> int:
    shown, against, _found = v
    return (shown > against) - (against > shown)


def role_errors(heard: list, reference: dict) -> list[tuple[object, str, float]]:
    """Audio turns holding words of the other role's written lines: (turn, its role, share of
    its words that belong to the other role). A share near 1 is a turn given to the wrong
    person; a share in between, turns of both people merged into one."""
    wrong = []
    for turn, role in heard:
        lines = [_line_at(reference, (w.start + w.end) / 2) for w in turn.words]
        known = [x for x in lines if x is not None]
        other = sum(1 for x in known if x["speaker"] != role)
        if other:
            wrong.append((turn, role, other / len(known)))
    return wrong


def _line_at(reference: dict, at: float):
    return next((x for x in reference["lines"] if x["start"] - 0.3 <= at <= x["end"] + 0.3), None)


def written_turn_at(reference: dict, at: float) -> str:
    line = _line_at(reference, at)
    return "" if line is None else f"{line['speaker'][:4]}: {line['text']}"


def show_acts(label: str, session, utterances, item: str, reference=None) -> None:
    for act in session.acts:
        if act.item != item:
            continue
        u = utterances[act.turn]
        print(f"      {label} {act.polarity[:7]:<7} {act.weight:.1f} {act.rule}")
        print(f"         [{act.turn}] {u.text[:200]}")
        if reference is not None and u.start is not None:
            print(f"         written: {written_turn_at(reference, (u.start + u.end) / 2)[:200]}")


def word_error_rate(reference: str, heard: str) -> float:
    ref, hyp = normalise(reference).split(), normalise(heard).split()
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1] / max(1, len(ref))


CAUSES = ("role", "merged", "misheard", "question mark", "units", "elsewhere")


class Alignment:
    """The written lines (as spoken, with times) against the pipeline's turns and words."""

    def __init__(self, transcript: dict, reference: dict, heard, turns):
        self.lines = reference["lines"]
        spoken_at = [
            i
            for i, u in enumerate(transcript["utterances"])
            if u.get("text") and u["speaker"] in ("practitioner", "client")
        ]
        self.line_of_written = {w: k for k, w in enumerate(spoken_at)}
        self.words = [[] for _ in self.lines]  # per line: (audio turn, word)
        for j, turn in enumerate(turns):
            for w in turn.words:
                k = self.line_at((w.start + w.end) / 2)
                if k is not None:
                    self.words[k].append((j, w))
        self.role = [u.speaker for u in heard]

    def line_at(self, at: float) -> int | None:
        return next(
            (k for k, x in enumerate(self.lines) if x["start"] - 0.3 <= at <= x["end"] + 0.3),
            None,
        )

    def lines_of_turn(self, j: int) -> list[int]:
        return [k for k, ws in enumerate(self.words) if any(t == j for t, _ in ws)]

    def cause(self, k: int) -> str:
        """Why written line k may read differently from audio, the first that applies."""
        line, ws = self.lines[k], self.words[k]
        if not ws:
            return "misheard"  # nothing heard
        other = sum(1 for j, _ in ws if self.role[j] != line["speaker"])
        if other >= 0.3 * len(ws):
            return "role"
        for j in {j for j, _ in ws}:
            merged = [
                m
                for m in self.lines_of_turn(j)
                if self.lines[m]["speaker"] != line["speaker"]
                and sum(1 for t, _ in self.words[m] if t == j) >= 3
            ]
            if merged:
                return "merged"
        heard = " ".join(w.text for _, w in ws)
        if word_error_rate(line["text"], heard) >= 0.25:
            return "misheard"
        if "?" in line["text"] and "?" not in heard:
            return "question mark"
        return "units"


def flip_cause(item, text, audio, align: Alignment) -> str:
    """The cause of one flipped verdict: read off the written lines its acts and evidence
    rest on, on either side (the most telling cause among them)."""
    lines = set()
    for act in text.acts:
        if act.item == item:
            lines.add(align.line_of_written.get(act.turn))
    for e in text.items.get(item, {}).get("evidence", []):
        lines.add(align.line_of_written.get(e["utterance"]))
    turns = {a.turn for a in audio.acts if a.item == item}
    turns |= {e["utterance"] for e in audio.items.get(item, {}).get("evidence", [])}
    for j in turns:
        lines.update(align.lines_of_turn(j))
    found = {align.cause(k) for k in lines if k is not None}
    return next((c for c in CAUSES if c in found), "elsewhere")


def compare(transcript: dict, snr: float, model: str | None, quiet: bool) -> dict:
    written = [
        Utterance(i, u["speaker"], u.get("text") or "")
        for i, u in enumerate(transcript["utterances"])
    ]
    path, reference = spoken(transcript, snr)
    _scores, _words, heard, turns = pipeline_utterances(path, model)
    text, audio = score_session(written), score_session(heard)
    print(f"\n=== {transcript['id']} ({transcript.get('style')}, focus {transcript.get('focus')})")
    for name, code in SKILLS.items():
        a, b = text.skills[code]["score"], audio.skills[code]["score"]
        moved = sorted(
            (
                (audio.skill_terms[code].get(k, 0) - text.skill_terms[code].get(k, 0), k)
                for k in set(text.skill_terms[code]) | set(audio.skill_terms[code])
            ),
            key=lambda x: -abs(x[0]),
        )[:3]
        terms = ", ".join(f"{k} {d:+.2f}" for d, k in moved if abs(d) > 0.05)
        print(f"  {name:<12} text {a:.3f} audio {b:.3f} ({b - a:+.3f})  {terms}")
    pt = [u for u in written if u.speaker == "practitioner"]
    pa = [u for u in heard if u.speaker == "practitioner"]
    print(
        f"  practitioner turns: written {len(pt)} ({sum(u.text.count('?') for u in pt)} '?'), "
        f"audio {len(pa)} ({sum(u.text.count('?') for u in pa)} '?'); all turns "
        f"{len(written)} / {len(heard)}"
    )
    wrong = role_errors(list(zip(turns, [u.speaker for u in heard], strict=True)), reference)
    for turn, role, share in wrong:
        print(f"  ROLE {role[:4]} turn with {share:.0%} other's words: {turn.text[:150]}")
    vt, va = verdicts(text), verdicts(audio)
    align = Alignment(transcript, reference, heard, turns)
    flips = []
    for item in sorted(set(vt) | set(va)):
        x, y = vt.get(item, (0, 0, False)), va.get(item, (0, 0, False))
        if balance(x) != balance(y) or x[2] != y[2]:
            why = flip_cause(item, text, audio, align)
            flips.append((item, why))
            print(
                f"  FLIP {item}: text for {x[0]:.1f} against {x[1]:.1f} found {x[2]}; "
                f"audio for {y[0]:.1f} against {y[1]:.1f} found {y[2]}  <- {why}"
            )
            if not quiet:
                show_acts("T", text, written, item)
                show_acts("A", audio, heard, item, reference)
                if x[2] != y[2]:
                    side = text if x[2] else audio
                    for e in side.items[item].get("evidence", [])[:4]:
                        print(f"      {'T' if x[2] else 'A'} found: {e['rule']}: {e['text'][:160]}")
    return {"flips": flips, "role_errors": len(wrong)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="*")
    parser.add_argument("--only", nargs="*", help="transcript ids")
    parser.add_argument("--snr", type=float, default=10.0)
    parser.add_argument("--model", default=None)
    parser.add_argument("--quiet", action="store_true", help="flipped items without their acts")
    args = parser.parse_args()
    everything = [t for t in load(SET) if t.get("utterances") and t.get("twin")]
    cases = set(args.cases or default_cases(everything))
    chosen = [t for t in everything if t["case"] in cases]
    if args.only:
        chosen = [t for t in chosen if t["id"] in args.only]
    counts: dict[str, int] = defaultdict(int)
    causes: dict[str, int] = defaultdict(int)
    for t in chosen:
        for item, why in compare(t, args.snr, args.model, args.quiet)["flips"]:
            counts[item] += 1
            causes[why] += 1
    print("\nflipped verdicts per item:", dict(sorted(counts.items())))
    print("by cause:", {c: causes[c] for c in CAUSES if causes[c]})
    return 0


if __name__ == "__main__":
    sys.exit(main())
