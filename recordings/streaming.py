"""Serves a stored file with HTTP range requests (206 Partial Content), so audio players can
seek, reading it from storage in small chunks rather than whole into memory.

Django's FileResponse does not answer Range headers, hence this small module.
"""

import mimetypes
import re

from django.http import HttpResponse, StreamingHttpResponse

CHUNK = 64 * 1024
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _chunks(handle, start, length):
    try:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            data = handle.read(min(CHUNK, remaining))
            if not data:
                break
            remaining -= len(data)
            yield data
    finally:
        handle.close()


def parse_range(header, size):
    """(start, end) inclusive for one satisfiable byte range, None to send the whole file, or
    "unsatisfiable". Multiple ranges are answered with the whole file, as RFC 9110 allows."""
    match = RANGE.match(header.strip()) if header else None
    if not match or not any(match.groups()):
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return "unsatisfiable"
    return start, end


def starts_at_the_beginning(header):
    """True when a request asks for the file from its first byte (no range, or "bytes=0-..."):
    how a player starts; seeking and the rest of the file come as later ranges."""
    match = RANGE.match(header.strip()) if header else None
    return match is None or match.group(1) == "0" or not any(match.groups())


def ranged_file_response(request, storage, name, content_type=None):
    size = storage.size(name)
    content_type = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    byte_range = parse_range(request.headers.get("Range", ""), size)
    if byte_range == "unsatisfiable":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        response["Accept-Ranges"] = "bytes"
        return response
    start, end = byte_range or (0, size - 1)
    length = max(end - start + 1, 0)
    response = StreamingHttpResponse(
        _chunks(storage.open(name, "rb"), start, length),
        status=206 if byte_range else 200,
        content_type=content_type,
    )
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    if byte_range:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    # Personal data: never kept by shared caches.
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
