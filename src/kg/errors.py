"""The one exception family of kg: every error a user can cause is a KgError."""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg raises on purpose; str(error) is the message a user sees."""

    exit_code = 2


class InputError(KgError):
    """An article, file or option that kg cannot read or accept."""


class ShapeError(KgError):
    """A SHACL shapes file that cannot be loaded or used."""


class StoreError(KgError):
    """A store that is missing, locked, unreachable or refuses a write."""


class ClusterError(KgError):
    """A Dask cluster that cannot be reached, has no workers, or whose workers fail or differ."""


class QueryError(KgError):
    """A SPARQL query that is missing, malformed or fails to run."""


class BuildInterrupted(KgError):
    """A build stopped by the user (Ctrl-C); the batches it finished are stored (exit 130)."""

    exit_code = 130


class ValidationFailed(KgError):
    """The graph does not conform to the shapes (exit code 1, not a usage error)."""

    exit_code = 1


class RequestError(KgError):
    """A request ``kg serve`` answers with an HTTP error status; ``str(error)`` is the body."""

    def __init__(self, status: int, message: str, headers: tuple[tuple[str, str], ...] = ()):
        super().__init__(message)
        self.status = status
        self.headers = headers

    def __reduce__(self) -> tuple[type[RequestError], tuple[int, str, tuple[tuple[str, str], ...]]]:
        # Errors travel back from worker processes pickled; keep all three fields.
        return (type(self), (self.status, str(self), self.headers))
