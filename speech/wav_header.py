"""What a WAV file's own header says about its length, which FFmpeg does not check.

FFmpeg works out a WAV's duration from the bytes that are there, so a file cut short in copying
reads as a shorter, complete recording. The RIFF header still holds the size of the sound data
as it was written: comparing the two tells a cut file from a short one.
"""

from __future__ import annotations

import os
import struct

# Recorders that stream to disk write these as the data size before they know it.
_UNKNOWN_SIZES = (0, 0xFFFFFFFF)
_HEADER_BYTES = 64 * 1024


def declared_wav_seconds(path) -> float | None:
    """The seconds of sound a RIFF/WAVE header says the file holds, or None when the file is
    not a plain WAV or its header does not say (streamed recorders, RF64)."""
    with open(os.fspath(path), "rb") as handle:
        head = handle.read(_HEADER_BYTES)
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return None
    byte_rate = None
    offset = 12
    while offset + 8 <= len(head):
        chunk_id, chunk_size = struct.unpack_from("<4sI", head, offset)
        body = offset + 8
        if chunk_id == b"fmt " and body + 12 <= len(head):
            byte_rate = struct.unpack_from("<I", head, body + 8)[0]
        elif chunk_id == b"data":
            if not byte_rate or chunk_size in _UNKNOWN_SIZES:
                return None
            return chunk_size / byte_rate
        # Chunks are padded to an even length.
        offset = body + chunk_size + (chunk_size & 1)
    return None
