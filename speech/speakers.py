"""Splits a transcript between the two people in the room, and guesses which is the practitioner.

Light by design (no PyTorch): the words are grouped into chunks at pauses over 0.3 s (Whisper's
segments often hold a change of speaker, words rarely do), each chunk is described by the
statistics of its MFCCs computed here with numpy from PyAV-decoded audio, the chunks are split in
two (every split is tried on a short recording, k-means on a long one), and the split is refined by
fitting a small Gaussian mixture to each voice's frames and giving each chunk, then each sentence,
to the voice its frames fit better. A chunk too short to have frames of its own (a lone "Okay."
that Whisper gives no duration) takes them from the pauses around it; when more than ten chunks
have frames of their own, the voices are found from those only, and each shorter one goes to
the voice it fits better (in a noisy room those borrowed frames are the room's). Which voice is the
practitioner's is read from the words (questions, appointments, conditions, "next time"), or
from an enrolled voice print when the app has one. Stretches where the frames flip evenly
between the two voices are marked as overlapped speech; a speaker whose frames split into two
voices as distinct as the two speakers suggests a third person.

`path` everywhere is anything `speech.audio.decode_window` reads: an audio file, the .npy of
`decode_to_pcm`, or an array of 16 kHz samples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

import numpy as np
from threadpoolctl import threadpool_limits

from . import channels
from .audio import decode_window
from .transcribe import Segment, Word
from .word_edits import overlaps_within

SAMPLE_RATE = 16000
SPEAKERS = ("A", "B")
PAUSE_SECONDS = 0.3
_BATCH_SECONDS = 300.0


@dataclass(frozen=True)
class Turn:
    start: float
    end: float
    speaker: str
    text: str
    words: tuple[Word, ...]
    # Stretches (start, end) of this turn where the other person seems to be talking at once.
    overlaps: tuple[tuple[float, float], ...] = ()


@dataclass
class _Chunk:
    words: list[Word]
    frames: np.ndarray | None = None
    times: np.ndarray | None = None  # of the voiced frames, in seconds from the file's start

    @property
    def start(self) -> float:
        return self.words[0].start

    @property
    def end(self) -> float:
        return self.words[-1].end


def separate_speakers(path, segments: Iterable[Segment]) -> list[Turn]:
    """Turns of speakers "A" (who speaks first) and "B", cut at word boundaries."""
    words = [w for s in segments for w in (s.words or _words_of(s))]
    if not words:
        return []
    chunks = _chunks(words)
    by_channel = channels.split_for(path)
    if by_channel is not None:
        pieces, labels = _by_channel(chunks, by_channel)
        overlapped = by_channel.overlapped_spans()
    else:
        # OpenBLAS's own threads spin against Whisper's and other jobs' on a busy machine,
        # making these small products up to a hundred times slower: one thread is fastest here.
        with threadpool_limits(limits=1, user_api="blas"):
            _attach_frames(path, chunks)
            labels, frame_scores = _voices(chunks)
            pieces, labels = _split_at_sentences(chunks, labels, frame_scores)
            overlapped = _overlapped_spans(chunks, frame_scores)
    # Name the voices in the order they are first heard.
    if labels[0] == 1:
        labels = [1 - label for label in labels]
    return [_with_overlaps(turn, overlapped) for turn in _turns(pieces, labels)]


def _words_of(segment: Segment) -> tuple[Word, ...]:
    # A segment without word timings is one chunk: better than losing it.
    return (Word(segment.start, segment.end, segment.text, 1.0),)


def _chunks(words: Sequence[Word]) -> list[_Chunk]:
    chunks = [_Chunk([words[0]])]
    for word in words[1:]:
        if word.start - chunks[-1].end > PAUSE_SECONDS:
            chunks.append(_Chunk([word]))
        else:
            chunks[-1].words.append(word)
    return chunks


# Whisper gives a short word said alone ("Okay.") little or no duration, often far from where
# it was said: such a chunk's frames are taken from up to this far into the pauses either side
# (half of each pause at most, so they stay nearer this word than the neighbours).
_SHORT_CHUNK_SECONDS = 0.5
_SHORT_CHUNK_REACH = 0.6


def _borrows_frames(chunk: _Chunk) -> bool:
    """Too short to have frames of its own: it takes them from the pauses around it."""
    return chunk.end - chunk.start < _SHORT_CHUNK_SECONDS


def _frame_spans(chunks: list[_Chunk]) -> list[tuple[float, float]]:
    spans = []
    for k, chunk in enumerate(chunks):
        start, end = chunk.start, chunk.end
        if _borrows_frames(chunk):
            before = chunk.start - chunks[k - 1].end if k else _SHORT_CHUNK_REACH * 2
            after = chunks[k + 1].start - chunk.end if k + 1 < len(chunks) else 0.0
            start -= min(_SHORT_CHUNK_REACH, max(0.0, before) / 2)
            end += min(_SHORT_CHUNK_REACH, max(0.0, after) / 2)
        spans.append((max(0.0, start), end))
    return spans


def _attach_frames(path, chunks: list[_Chunk]) -> None:
    """MFCC frames for every chunk, decoding a few minutes of audio at a time."""
    spans = _frame_spans(chunks)
    i = 0
    while i < len(chunks):
        j = i
        while j + 1 < len(chunks) and spans[j + 1][1] - spans[i][0] < _BATCH_SECONDS:
            j += 1
        begin = max(0.0, spans[i][0] - 0.05)
        audio = decode_window(path, begin, spans[j][1] + 0.05, SAMPLE_RATE)
        for chunk, (start, end) in zip(chunks[i : j + 1], spans[i : j + 1], strict=True):
            lo = int((start - begin) * SAMPLE_RATE)
            hi = int((end - begin) * SAMPLE_RATE)
            chunk.frames, index = _voiced_mfcc(audio[max(0, lo) : hi])
            chunk.times = begin + max(0, lo) / SAMPLE_RATE + (index * 160 + 200) / SAMPLE_RATE
        i = j + 1


def _sentences(chunk: _Chunk) -> list[list[Word]]:
    sentences: list[list[Word]] = [[]]
    for word in chunk.words:
        sentences[-1].append(word)
        if word.text.endswith((".", "?", "!")):
            sentences.append([])
    return [s for s in sentences if s]


def _by_channel(chunks: list[_Chunk], by_channel: channels.ChannelSplit):
    """Each word given to the channel that is louder while it is said; where the power is too
    even to say (or Whisper gave the word no duration), the chunk's louder channel, else the
    word before's."""
    pieces, labels = [], []
    for chunk, (start, end) in zip(chunks, _frame_spans(chunks), strict=True):
        chunk_label = by_channel.louder(start, end)
        for word in chunk.words:
            own = by_channel.louder(word.start, word.end) if word.end > word.start else None
            before = labels[-1] if labels else 0
            pieces.append(_Chunk([word]))
            labels.append(next((x for x in (own, chunk_label) if x is not None), before))
    return pieces, labels


def _split_at_sentences(chunks, labels, frame_scores, min_frames: int = 40):
    """Gives each sentence of a chunk its own voice when its frames say so clearly.

    Whisper's word times often bridge the pause between two speakers, leaving both in one chunk;
    the end of a sentence is where such a change usually falls.
    """
    pieces, piece_labels = [], []
    for chunk, label in zip(chunks, labels, strict=True):
        sentences = _sentences(chunk)
        if len(sentences) == 1 or frame_scores is None:
            pieces.append(chunk)
            piece_labels.append(label)
            continue
        scores = frame_scores(chunk.frames)
        for sentence in sentences:
            mine = (chunk.times >= sentence[0].start) & (chunk.times <= sentence[-1].end)
            own = int(scores[mine].sum() < 0) if mine.sum() >= min_frames else label
            pieces.append(_Chunk(sentence))
            piece_labels.append(own)
    return pieces, piece_labels


# Overlapped speech: in a stretch of this many voiced frames (10 ms each) where the frames that
# clearly fit one voice (log-likelihood ratio over _CLEAR_FRAME) split at least _MIXED_SHARE to
# the other, both voices are heard at once. A single voice rarely mixes so evenly.
_OVERLAP_FRAMES = 60
_CLEAR_FRAME = 2.0
_MIXED_SHARE = 0.4


def _overlapped_spans(chunks, frame_scores) -> list[tuple[float, float]]:
    if frame_scores is None:
        return []
    spans: list[tuple[float, float]] = []
    for chunk in chunks:
        if chunk.frames is None or len(chunk.frames) < _OVERLAP_FRAMES:
            continue
        scores = frame_scores(chunk.frames)
        clear = np.abs(scores) > _CLEAR_FRAME
        votes, times = scores[clear] > 0, chunk.times[clear]
        if len(votes) < _OVERLAP_FRAMES:
            continue
        share = channels.running_share(votes, _OVERLAP_FRAMES)
        # A chunk's frames lie between its pauses, so runs of two chunks never overlap.
        spans += channels.joined_runs(
            np.minimum(share, 1 - share) >= _MIXED_SHARE, times, _OVERLAP_FRAMES
        )
    return spans


def _with_overlaps(turn: Turn, spans) -> Turn:
    inside = overlaps_within(spans, turn.start, turn.end)
    return replace(turn, overlaps=inside) if inside else turn


def _turns(chunks: list[_Chunk], labels: Sequence[int]) -> list[Turn]:
    turns: list[Turn] = []
    pending: list[Word] = []
    current = None
    for chunk, label in zip(chunks, labels, strict=True):
        if current is not None and label != current:
            turns.append(_turn(pending, SPEAKERS[current]))
            pending = []
        current = label
        pending.extend(chunk.words)
    if pending:
        turns.append(_turn(pending, SPEAKERS[current]))
    return turns


def _turn(words: list[Word], speaker: str) -> Turn:
    return Turn(
        start=words[0].start,
        end=words[-1].end,
        speaker=speaker,
        text=" ".join(w.text for w in words),
        words=tuple(words),
    )


# ---- features -----------------------------------------------------------------------------


def _mel_filters(n_mels: int = 40, n_fft: int = 512, low: float = 60.0, high: float = 7600.0):
    def to_mel(hz):
        return 2595 * np.log10(1 + hz / 700)

    def to_hz(mel):
        return 700 * (10 ** (mel / 2595) - 1)

    edges = to_hz(np.linspace(to_mel(low), to_mel(high), n_mels + 2))
    bins = np.fft.rfftfreq(n_fft, 1 / SAMPLE_RATE)
    filters = np.zeros((n_mels, len(bins)), dtype=np.float32)
    for m in range(n_mels):
        left, centre, right = edges[m : m + 3]
        rising = (bins - left) / (centre - left)
        falling = (right - bins) / (right - centre)
        filters[m] = np.maximum(0, np.minimum(rising, falling))
    return filters


_MEL = _mel_filters()
_N_MFCC = 20
_DCT = np.cos(
    np.pi / _MEL.shape[0] * (np.arange(_MEL.shape[0]) + 0.5)[None, :] * np.arange(_N_MFCC)[:, None]
).astype(np.float32)
_WINDOW = np.hamming(400).astype(np.float32)


def mfcc(audio: np.ndarray) -> np.ndarray:
    """MFCC 1-19 of the voiced frames (25 ms every 10 ms); c0, the loudness, is left out."""
    return _voiced_mfcc(audio)[0]


def _voiced_mfcc(audio: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """MFCCs of the voiced frames and those frames' indices."""
    if len(audio) < 400:
        return np.zeros((0, _N_MFCC - 1), dtype=np.float32), np.zeros(0, dtype=int)
    emphasised = np.append(audio[0], audio[1:] - 0.97 * audio[:-1]).astype(np.float32)
    count = 1 + (len(emphasised) - 400) // 160
    index = np.arange(400)[None, :] + 160 * np.arange(count)[:, None]
    frames = emphasised[index] * _WINDOW
    power = np.abs(np.fft.rfft(frames, 512)) ** 2
    log_mel = np.log(power @ _MEL.T + 1e-8)
    cepstra = log_mel @ _DCT.T
    # Pauses and breaths inside a chunk say nothing about the voice.
    energy = log_mel.max(axis=1)
    voiced = energy > energy.max() - 7.0
    return cepstra[voiced, 1:].astype(np.float32), np.flatnonzero(voiced)


def _chunk_vector(frames: np.ndarray) -> np.ndarray:
    if len(frames) == 0:
        return np.zeros(2 * (_N_MFCC - 1), dtype=np.float32)
    return np.concatenate([frames.mean(axis=0), frames.std(axis=0)])


# ---- clustering ---------------------------------------------------------------------------

# A chunk that borrows its frames (`_borrows_frames`), a hesitation ("uh,") or a lone "Okay.",
# takes them from the pauses around it, and in a noisy room those are the room's noise. Voices
# found with many such chunks split the noise from the speech instead of one person from the
# other (with Whisper writing hesitations, words to the right speaker fell to 0.57-0.59 at 10 dB
# SNR; bench/audio_pipeline.md, "Hesitations written"). So on a recording with more than
# `_EXHAUSTIVE_CHUNKS` chunks that have frames of their own, the voices are found from those,
# and each one that borrows goes to the voice its frames fit better.
# Not a longer bar: a client who answers in short replies ("Not really.", 0.6-0.9 s) must take
# part in finding the voices, or one person is split in two (at 1 s, 0.18 of words right in
# tests/speech/test_speakers.py's terse client).


def _voices(chunks: list[_Chunk]):
    """Labels per chunk and the frame scorer of `_cluster`, the voices found from the chunks
    with frames of their own when there are more of them than `_EXHAUSTIVE_CHUNKS`."""
    long = [i for i, c in enumerate(chunks) if not _borrows_frames(c)]
    if len(long) <= _EXHAUSTIVE_CHUNKS:
        return _cluster([c.frames for c in chunks])
    found, frame_scores = _cluster([chunks[i].frames for i in long])
    labels = [None] * len(chunks)
    for i, label in zip(long, found, strict=True):
        labels[i] = label
    for i, chunk in enumerate(chunks):
        if labels[i] is not None:
            continue
        if frame_scores is not None and len(chunk.frames):
            labels[i] = int(frame_scores(chunk.frames).sum() < 0)
        else:
            # no voice model or no frames: the voice of the talk just before
            labels[i] = labels[i - 1] if i else found[0]
    return labels, frame_scores


def cluster_chunks(frames_per_chunk: Sequence[np.ndarray], seed: int = 0) -> list[int]:
    """Labels 0/1 per chunk: k-means on chunk statistics, refined by per-voice GMMs on frames."""
    return _cluster(frames_per_chunk, seed)[0]


def _cluster(frames_per_chunk: Sequence[np.ndarray], seed: int = 0):
    """Labels per chunk, and a function scoring frames (> 0: voice 0) once the voices are known."""
    n = len(frames_per_chunk)
    if n < 2:
        return [0] * n, None
    if n <= _EXHAUSTIVE_CHUNKS:
        starts = [(_most_likely_split(frames_per_chunk, seed), seed)]
    else:
        vectors = np.stack([_chunk_vector(f) for f in frames_per_chunk])
        vectors = (vectors - vectors.mean(axis=0)) / (vectors.std(axis=0) + 1e-6)
        weights = np.array([max(len(f), 1) for f in frames_per_chunk], dtype=np.float64)
        # each start refined with its own seed: the voice models' random first guesses
        # matter as much as where k-means began (on the spoken twin named below, every seed's
        # k-means split was the same and only the refined voices differed)
        starts = [
            (_kmeans2(vectors, weights, seed + k), seed + k) for k in range(_CANDIDATE_SPLITS)
        ]
    # Side by side: numpy lets go of the interpreter in the products that take the time.
    with ThreadPoolExecutor(max_workers=2) as pool:
        refined = list(pool.map(lambda start: _refine_with_gmms(frames_per_chunk, *start), starts))
    sizes = np.array([len(f) for f in frames_per_chunk])
    plausible = [r for r in refined if _smaller_voice_share(r[0], sizes) >= _MIN_VOICE_SHARE]
    labels, frame_scores, _ = max(plausible or refined, key=lambda result: result[2])
    return labels.tolist(), frame_scores


# On a recording of more than `_EXHAUSTIVE_CHUNKS` chunks the voices are found from this many
# seeds (k-means, then the voice models refined), and the split whose voices hold their own
# frames best is kept. One seed sometimes settled on a split by loudness or noise: on a spoken
# probation twin (w9c07-good, 10 dB) seed 0 gave 0.785 of the words to the right speaker and
# seeds 1 to 5 gave 0.983 to 0.994 (bench/audio_pipeline.md, "Speaker splits from three seeds").
_CANDIDATE_SPLITS = 3
# A split whose smaller voice holds less of the frames than this is kept only when every split
# is so: two close voices can be "explained" best by a few odd chunks against the rest.
_MIN_VOICE_SHARE = 0.1


def _smaller_voice_share(labels: np.ndarray, sizes: np.ndarray) -> float:
    total = sizes.sum()
    return min(sizes[labels == k].sum() for k in (0, 1)) / total if total else 0.0


# Up to this many chunks (a short recording) every split into two voices is tried; k-means on so
# few points often settles on a split by topic or loudness rather than by voice.
_EXHAUSTIVE_CHUNKS = 10


def _most_likely_split(frames_per_chunk: Sequence[np.ndarray], seed: int) -> np.ndarray:
    """The split whose two voices, each modelled by a small GMM, explain the frames best."""
    frames = [f.astype(np.float64) for f in frames_per_chunk]
    voiced = [f for f in frames if len(f)]
    if not voiced:
        return np.zeros(len(frames), dtype=int)
    everything = np.concatenate(voiced)
    mean, std = everything.mean(axis=0), everything.std(axis=0) + 1e-6
    frames = [(f - mean) / std for f in frames]
    sizes = np.array([len(f) for f in frames])
    best, best_score = np.zeros(len(frames), dtype=int), -np.inf
    for code in range(1, 2 ** (len(frames) - 1)):
        # The first chunk is always voice 0, so each split is tried once.
        labels = np.array([0] + [(code >> i) & 1 for i in range(len(frames) - 1)])
        if _smaller_voice_share(labels, sizes) < 0.2:
            continue  # a "voice" of a few words is noise fitted, not a person
        score = 0.0
        for k in (0, 1):
            x = np.concatenate([f for f, label in zip(frames, labels, strict=True) if label == k])
            score += _DiagonalGmm.fit(x, components=4, seed=seed).log_likelihood(x).sum()
        if score > best_score:
            best, best_score = labels, score
    return best


def _kmeans2(x: np.ndarray, w: np.ndarray, seed: int, restarts: int = 10) -> np.ndarray:
    rng = np.random.default_rng(seed)
    best, best_cost = np.zeros(len(x), dtype=int), np.inf
    for _ in range(restarts):
        first = rng.choice(len(x), p=w / w.sum())
        d = ((x - x[first]) ** 2).sum(axis=1)
        second = rng.choice(len(x), p=(d * w) / (d * w).sum()) if d.sum() > 0 else first
        centres = x[[first, second]]
        for _ in range(50):
            dist = ((x[:, None, :] - centres[None]) ** 2).sum(axis=2)
            labels = dist.argmin(axis=1)
            new = np.stack(
                [
                    np.average(x[labels == k], axis=0, weights=w[labels == k])
                    if (labels == k).any()
                    else centres[k]
                    for k in (0, 1)
                ]
            )
            if np.allclose(new, centres):
                break
            centres = new
        cost = float((dist[np.arange(len(x)), labels] * w).sum())
        if cost < best_cost and 0 < labels.sum() < len(labels):
            best, best_cost = labels, cost
    return best


def _refine_with_gmms(
    frames_per_chunk: Sequence[np.ndarray], labels: np.ndarray, seed: int, rounds: int = 4
):
    """(labels, frame scorer, fit): each chunk given to the voice model its frames fit better,
    the models fitted again, a few rounds. `fit` is the mean log-likelihood ratio of each frame
    for its own voice against the other: how clearly the split holds two voices (-inf when
    there are too few frames to model a voice)."""
    sizes = np.array([len(f) for f in frames_per_chunk])
    if sizes.sum() == 0:
        return labels, None, -np.inf
    # float64 throughout: a float32 by float64 product falls off BLAS onto a slow loop.
    frames_per_chunk = [f.astype(np.float64) for f in frames_per_chunk]
    everything = np.concatenate([f for f in frames_per_chunk if len(f)])
    mean, std = everything.mean(axis=0), everything.std(axis=0) + 1e-6
    normalised = [(f - mean) / std for f in frames_per_chunk]
    owners = np.repeat(np.arange(len(frames_per_chunk)), sizes)
    stacked = np.concatenate([f for f in normalised if len(f)])
    for _ in range(rounds):
        models = []
        for k in (0, 1):
            mine = stacked[labels[owners] == k]
            if len(mine) < 50:
                return labels, None, -np.inf
            models.append(_DiagonalGmm.fit(mine, components=8, seed=seed))
        score = models[0].log_likelihood(stacked) - models[1].log_likelihood(stacked)
        totals = np.bincount(owners, weights=score, minlength=len(frames_per_chunk))
        new = np.where(sizes > 0, (totals < 0).astype(int), labels)
        if np.array_equal(new, labels):
            break
        labels = new

    def frame_scores(frames: np.ndarray) -> np.ndarray:
        x = (frames.astype(np.float64) - mean) / std
        return models[0].log_likelihood(x) - models[1].log_likelihood(x)

    # the last round's models: labels changed after them only when `rounds` ran out
    own = labels[owners]
    fit = float(np.where(own == 0, score, -score).mean())
    return labels, frame_scores, fit


@dataclass
class _DiagonalGmm:
    weights: np.ndarray
    means: np.ndarray
    variances: np.ndarray

    @classmethod
    def fit(cls, x: np.ndarray, components: int, seed: int, iterations: int = 15):
        rng = np.random.default_rng(seed)
        # A random sample of frames keeps the fit quick on hour-long recordings.
        if len(x) > 10000:
            x = x[rng.choice(len(x), 10000, replace=False)]
        components = min(components, max(1, len(x) // 20))
        gmm = cls(
            weights=np.full(components, 1 / components),
            means=x[rng.choice(len(x), components, replace=False)].astype(np.float64),
            variances=np.tile(x.var(axis=0) + 1e-3, (components, 1)),
        )
        for _ in range(iterations):
            log_r = gmm._component_log_likelihoods(x)
            log_r -= _logsumexp(log_r)[:, None]
            r = np.exp(log_r)
            totals = r.sum(axis=0) + 1e-9
            gmm.weights = totals / totals.sum()
            gmm.means = (r.T @ x) / totals[:, None]
            gmm.variances = np.maximum((r.T @ (x * x)) / totals[:, None] - gmm.means**2, 1e-3)
        return gmm

    def _component_log_likelihoods(self, x: np.ndarray) -> np.ndarray:
        inv = 1 / self.variances
        quadratic = (x * x) @ inv.T - 2 * x @ (self.means * inv).T + (self.means**2 * inv).sum(1)
        return np.log(self.weights) - 0.5 * (
            np.log(2 * np.pi * self.variances).sum(axis=1) + quadratic
        )

    def log_likelihood(self, x: np.ndarray) -> np.ndarray:
        return _logsumexp(self._component_log_likelihoods(x))


def _logsumexp(a: np.ndarray) -> np.ndarray:
    top = a.max(axis=1)
    return top + np.log(np.exp(a - top[:, None]).sum(axis=1))


# ---- enrolled voices ------------------------------------------------------------------------

# The enrolled voice names the speaker whose average voice (mean MFCCs) lies nearer to the
# print's, each coefficient measured in the recording's own spread, and only when that speaker
# is nearer by this margin (squared distance under this share of the other's); closer calls
# fall back to the words. Not how likely each speaker's frames are under the print's spread,
# the rule before: that favours whichever speaker's frames vary less (a client saying "Yeah."
# in a noisy room) and named clients when the sample was recorded in the same room
# (bench/voice_enrolment.py; bench/audio_pipeline.md has the figures).
_VOICE_RATIO = 0.97
# A speaker with less than a second of voiced frames is not judged by voice.
_VOICE_FRAMES = 100


def voice_embedding(audio, start: float = 0.0, end: float | None = None) -> np.ndarray:
    """A voice print from a short sample of one person speaking alone (10-60 s is plenty): the
    mean and spread of the MFCCs of its voiced frames, 38 numbers from which no audio can be
    rebuilt, so the app can keep it instead of the recording. `audio` is anything
    `decode_window` reads. Naming the practitioner uses its mean (`named_by_voice`); the spread
    is kept as prints always were."""
    frames = mfcc(decode_window(audio, start, end, SAMPLE_RATE))
    if len(frames) < _VOICE_FRAMES:
        raise ValueError("The voice sample holds less than a second of speech.")
    return _chunk_vector(frames).astype(np.float64)


def speaker_frames(audio, turns: Sequence[Turn]) -> dict[str, np.ndarray]:
    """The voiced MFCC frames of each speaker label, from the audio of its turns."""
    frames: dict[str, list[np.ndarray]] = {}
    for turn in turns:
        samples = decode_window(audio, turn.start, turn.end, SAMPLE_RATE)
        frames.setdefault(turn.speaker, []).append(mfcc(samples))
    return {label: np.concatenate(parts).astype(np.float64) for label, parts in frames.items()}


def _nearest_voice(turns, audio, enrolled: np.ndarray) -> str | None:
    """The speaker whose mean voice lies clearly nearer the enrolled print's, or None."""
    return named_by_voice(speaker_frames(audio, turns), enrolled)


def named_by_voice(frames: dict[str, np.ndarray], enrolled: np.ndarray) -> str | None:
    """Of two speakers' voiced frames (label: frames), the label whose mean voice lies nearer
    the enrolled print by the margin `_VOICE_RATIO`; None when it is closer than that, when
    there are not exactly two speakers, or when one has under a second of voiced frames."""
    frames = {label: x for label, x in frames.items() if len(x) >= _VOICE_FRAMES}
    if len(frames) != 2:
        return None
    distance = voice_distances(frames, enrolled)
    (nearer, near), (_, far) = sorted(distance.items(), key=lambda item: item[1])
    return nearer if near < _VOICE_RATIO * far else None


def voice_distances(frames: dict[str, np.ndarray], enrolled: np.ndarray) -> dict[str, float]:
    """Per speaker, the squared distance of their mean MFCCs from the print's mean, each
    coefficient in units of its spread over the whole recording (both speakers' frames)."""
    spread = np.maximum(np.concatenate(list(frames.values())).std(axis=0), 1e-3)
    mean = enrolled[: _N_MFCC - 1]
    return {
        label: float((((x.mean(axis=0) - mean) / spread) ** 2).sum()) for label, x in frames.items()
    }


# ---- a third voice -------------------------------------------------------------------------

# A speaker whose frames are explained by two voice models this much better, relative to how
# much better two models explain the two speakers than one, with the smaller part holding at
# least this share of that speaker's speech, seems to be two people (an interpreter, a
# colleague, a child in the room).
_THIRD_VOICE_GAIN = 1.0
_THIRD_VOICE_SHARE = 0.12
# And never for less than this gain (log-likelihood per frame): when the two speakers sound
# alike (the same voice at both ends of a call) their own gain is near zero or below, and any
# speaker's lines would beat it. One real person's lines gained up to 0.33 (15 conditions of
# bench/real_speakers.py), one espeak-ng voice's six lines 0.70, an interpreter's voice in the
# client's lines 2.0 (bench/audio_pipeline.md).
_THIRD_VOICE_MIN_GAIN = 1.0


def likely_third_voice(audio, turns: Sequence[Turn], seed: int = 0) -> bool:
    """Whether one of the two speakers' turns seem to hold two voices (the app then tells the
    reviewer the speaker labels need checking)."""
    with threadpool_limits(limits=1, user_api="blas"):  # as in separate_speakers
        return _holds_two_voices(audio, turns, seed)


# Every third frame: 10 ms frames overlap and follow each other closely, so a third of them
# describe a voice as well, and the voice models fit three times faster (the check runs on
# every recording the worker processes).
_THIRD_VOICE_FRAME_STEP = 3


def _holds_two_voices(audio, turns: Sequence[Turn], seed: int) -> bool:
    per_turn: dict[str, list[np.ndarray]] = {}
    for turn in turns:
        frames = mfcc(decode_window(audio, turn.start, turn.end, SAMPLE_RATE))
        if len(frames) >= 20:
            per_turn.setdefault(turn.speaker, []).append(frames[::_THIRD_VOICE_FRAME_STEP])
    if len(per_turn) != 2:
        return False
    together = [np.concatenate(parts) for parts in per_turn.values()]
    between = _split_gain(together, seed)
    for parts in per_turn.values():
        if len(parts) < 6:
            continue
        labels = np.array(_cluster(parts, seed)[0])
        groups = [
            np.concatenate([p for p, k in zip(parts, labels, strict=True) if k == j])
            for j in (0, 1)
            if (labels == j).any()
        ]
        if len(groups) < 2:
            continue
        share = min(len(g) for g in groups) / sum(len(g) for g in groups)
        bar = max(_THIRD_VOICE_GAIN * between, _THIRD_VOICE_MIN_GAIN)
        if share >= _THIRD_VOICE_SHARE and _split_gain(groups, seed) >= bar:
            return True
    return False


def _split_gain(groups: Sequence[np.ndarray], seed: int) -> float:
    """How much better (log-likelihood per frame) a voice model per group explains the frames
    than one model for them all."""
    everything = np.concatenate(groups).astype(np.float64)
    mean, std = everything.mean(axis=0), everything.std(axis=0) + 1e-6
    whole = (everything - mean) / std
    one = _DiagonalGmm.fit(whole, components=4, seed=seed).log_likelihood(whole).sum()
    each = 0.0
    for group in groups:
        x = (group.astype(np.float64) - mean) / std
        each += _DiagonalGmm.fit(x, components=4, seed=seed).log_likelihood(x).sum()
    return float(each - one) / len(whole)


# ---- who is the practitioner ---------------------------------------------------------------

# Wording that a probation practitioner uses far more than the person supervised: structuring
# the session, conditions, appointments, checking in, summarising (see the SEEDS checklist).
_PRACTITIONER_CUES = re.compile(
    r"\b("
    r"appointments?|licen[cs]e|conditions?|curfew|probation|supervision|"
    r"next time|next week|last time|last week|since we|today (?:i|we)|agenda|"
    r"how have you been|how are you|how did|how do you feel|what do you think|"
    r"tell me|can i (?:ask|share|check)|would it be ok|does that make sense|"
    r"so to sum up|let me check|i(?:'d| would) have to|my job|your (?:plan|goals?|order)|"
    r"well done|it sounds like|referral|what might|what could you|shall we"
    r")\b",
    re.IGNORECASE,
)


# Who addresses whom: a practitioner talks to the client about the client ("you", "your"),
# a client talks about themselves ("I", "me", "my"). It holds whether the practitioner asks
# open questions or lectures, and in counselling as in supervision, so it outweighs the
# questions and cue words, which a practitioner who only tells (and a client who asks "So am
# I getting breached?") turn upside down.
_SECOND_PERSON = re.compile(
    r"\b(?:you|your|yours|yourself|yourselves|you're|you've|you'll|you'd)\b", re.IGNORECASE
)
_FIRST_PERSON = re.compile(r"\b(?:i|me|my|mine|myself|i'm|i've|i'll|i'd)\b", re.IGNORECASE)
# Each question counts as much as one "you", each cue word half as much.
_QUESTION_WEIGHT = 1.0
_CUE_WEIGHT = 0.5


@dataclass
class _WordEvidence:
    words: int = 0
    second_person: int = 0
    first_person: int = 0
    questions: int = 0
    cues: int = 0

    def add(self, text: str) -> None:
        # Whisper writes "I'm" with a curly apostrophe now and then.
        text = text.replace("\u2019", "'")
        self.words += max(1, len(text.split()))
        self.second_person += len(_SECOND_PERSON.findall(text))
        self.first_person += len(_FIRST_PERSON.findall(text))
        self.questions += text.count("?")
        self.cues += len(_PRACTITIONER_CUES.findall(text))

    @property
    def per_100_words(self) -> float:
        """How much this speaker sounds like the practitioner, per 100 words they said."""
        points = (
            self.second_person
            - self.first_person
            + _QUESTION_WEIGHT * self.questions
            + _CUE_WEIGHT * self.cues
        )
        return 100 * points / self.words


def word_evidence(turns: Sequence[Turn]) -> dict[str, float]:
    """Per speaker, how much their words sound like the practitioner's (per 100 words: each
    "you" one point, each "I"/"me"/"my" minus one, each question one, each cue word half)."""
    evidence: dict[str, _WordEvidence] = {}
    for turn in turns:
        evidence.setdefault(turn.speaker, _WordEvidence()).add(turn.text)
    return {speaker: found.per_100_words for speaker, found in evidence.items()}


def choose_practitioner(
    turns: Sequence[Turn], *, audio=None, practitioner_voice: np.ndarray | None = None
) -> str:
    """The label of the speaker who sounds like the practitioner.

    Given the practitioner's enrolled voice (`voice_embedding`) and the recording (`audio`:
    anything `decode_window` reads), the voice nearer to it, when one clearly is. Otherwise
    from the words (`word_evidence`): who addresses the other ("you") rather than speaks of
    themselves ("I"), asks questions and uses the practitioner's cue words, counted per word
    spoken so a talkative speaker does not win by volume; on a tie the speaker who asks more
    questions, then the one who spoke first.
    """
    if not turns:
        return SPEAKERS[0]
    if practitioner_voice is not None and audio is not None:
        by_voice = _nearest_voice(turns, audio, practitioner_voice)
        if by_voice is not None:
            return by_voice
    evidence = word_evidence(turns)
    questions: dict[str, int] = {}
    for turn in turns:
        questions[turn.speaker] = questions.get(turn.speaker, 0) + turn.text.count("?")
    order = list(dict.fromkeys(t.speaker for t in turns))

    def score(speaker: str) -> tuple[float, int, int]:
        return (round(evidence[speaker], 9), questions[speaker], -order.index(speaker))

    return max(order, key=score)
