"""Write a user's output file whole or not at all: into a hidden file beside it, renamed into place."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError


@contextmanager
def written_whole(output: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary stream for ``output``: the file appears, whole, only when the block ends without an
    error (an existing file is kept until then); a folder that is missing or not writable is an
    :class:`~kg.errors.InputError` naming ``output``, never the hidden file's name.

    >>> import tempfile; folder = tempfile.mkdtemp()
    >>> with written_whole(f"{folder}/graph.ttl") as stream:
    ...     _ = stream.write(b"<a> <b> <c> .")
    >>> open(f"{folder}/graph.ttl", "rb").read()
    b'<a> <b> <c> .'
    """
    target = Path(output)
    if target.is_dir():
        raise InputError(f"cannot write '{output}': it is a folder; give a file name")
    if not target.parent.is_dir():
        raise InputError(f"cannot write '{output}': there is no folder '{target.parent}'")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        try:
            stream = temporary.open("wb")
        except OSError as error:
            raise InputError(f"cannot write '{output}': {error.strerror or error}") from error
        with stream:
            yield stream
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)


__all__ = ["written_whole"]
