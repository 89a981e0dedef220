"""A recording's waveform as a player draws it: the loudest sample in each of a fixed number of
equal stretches. Computed once by the worker from the decoded copy, so a browser draws an hour's
waveform without decoding an hour of audio. Plain NumPy, no Django."""

import numpy as np

# Enough for a sharp waveform across a wide screen; about 8 KB of JSON.
PEAKS = 1600


def waveform_peaks(samples: np.ndarray, count: int = PEAKS) -> list[float]:
    """`count` peaks (fewer for a shorter file) from 0 to 1, the loudest stretch being 1, rounded
    to three places. `samples` may be memory-mapped: it is read a stretch at a time."""
    total = len(samples)
    count = min(count, total)
    if not count:
        return []
    edges = np.linspace(0, total, count + 1).astype(int)
    peaks = [
        float(np.abs(samples[start:end]).max()) if end > start else 0.0
        for start, end in zip(edges[:-1], edges[1:], strict=True)
    ]
    loudest = max(peaks) or 1.0
    return [round(peak / loudest, 3) for peak in peaks]
