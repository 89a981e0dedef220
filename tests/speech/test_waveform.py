"""A recording's waveform peaks: the loudest sample of each stretch, scaled to the loudest."""

import numpy as np

from speech.waveform import waveform_peaks


def test_each_peak_is_the_loudest_sample_of_its_stretch_scaled_to_the_loudest():
    samples = np.zeros(1000, np.float32)
    samples[100] = -0.5  # loud, negative: a peak counts either way
    samples[950] = 0.25
    peaks = waveform_peaks(samples, count=10)
    assert peaks == [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5]


def test_a_short_file_has_a_peak_per_sample_and_an_empty_one_none():
    assert waveform_peaks(np.array([0.1, -0.2, 0.4], np.float32), count=1600) == [0.25, 0.5, 1.0]
    assert waveform_peaks(np.zeros(0, np.float32)) == []
    assert waveform_peaks(np.zeros(5, np.float32), count=5) == [0.0] * 5


def test_a_memory_mapped_hour_gives_the_fixed_number_of_peaks(tmp_path):
    path = tmp_path / "decoded.npy"
    hour = np.lib.format.open_memmap(path, mode="w+", dtype="<f4", shape=(16000 * 3600,))
    hour[::16000] = 0.1
    hour[-1] = 0.8
    hour.flush()
    peaks = waveform_peaks(np.load(path, mmap_mode="r"))
    assert len(peaks) == 1600
    assert peaks[-1] == 1.0
    assert set(peaks[:-1]) == {0.125}
