"""Parse, extract, validate and lay out articles on a Dask cluster, handing the results back in order.

``kg build --scheduler tcp://HOST:8786`` sends batches of articles to the cluster's workers,
each of which does what kg's own parser processes do (:func:`kg.nlp.parse_batch`): parse the
batch with the spaCy pipeline, loaded once per worker process, then extract and resolve each
article, write its triples, validate them and lay them out. The articles come back to the client
in the corpus's order, where they are written as in a local build, so the store is the one a
local build makes. Each batch's answer
carries the worker's pipeline digest (:func:`kg.buildhash.pipeline_digest`): a worker running
another kg, spaCy or model is refused instead of writing different facts under the client's
content hashes. Needs the optional ``dask[distributed]`` dependency (``pip install 'kg[dask]'``).
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable
from typing import Any

from kg.errors import ClusterError, InputError

CONNECT_TIMEOUT = 5.0
"""Seconds to wait for the scheduler to answer before giving up."""

_IN_FLIGHT = 2  # batches handed to the cluster per worker thread ahead of the one being read back

_LOADING = threading.Lock()  # a worker's task threads load the pipeline once, not once each


class ClusterParse(Generator[tuple[Any, Any], None, None]):
    """(``then(doc, context)``, context) for each (text, context) pair, in order, computed on the
    workers of the Dask cluster whose scheduler is at ``scheduler``.

    Connects on creation, so an unreachable scheduler or a cluster without workers fails before
    anything else happens; :meth:`close` (or reaching the end) cancels what is still queued on
    the cluster and disconnects.
    """

    def __init__(self, pairs: Iterable[tuple[str, Any]], scheduler: str, model: str, *,
                 then: Callable[[Any, Any], Any], batch_size: int = 16,
                 timeout: float = CONNECT_TIMEOUT) -> None:
        self.scheduler = scheduler
        self._client = _connect(scheduler, timeout)
        self.threads = sum(self._client.nthreads().values())
        """The worker threads of the cluster when the build started."""
        if self.threads == 0:
            self._client.close()
            raise ClusterError(f"the Dask scheduler at {scheduler} has no workers: start some "
                               f"with 'dask worker {scheduler}'")
        self._results = self._stream(pairs, model, then, batch_size)

    def send(self, value: None) -> tuple[Any, Any]:
        return self._results.send(value)

    def throw(self, *error: Any) -> tuple[Any, Any]:  # type: ignore[override]
        return self._results.throw(*error)

    def close(self) -> None:
        """Stop: cancel the batches still on the cluster and disconnect."""
        self._results.close()
        self._client.close()

    def _stream(self, pairs: Iterable[tuple[str, Any]], model: str,
                then: Callable[[Any, Any], Any], batch_size: int
                ) -> Generator[tuple[Any, Any], None, None]:
        from kg.buildhash import pipeline_digest
        from kg.nlp import prepare

        expected = pipeline_digest(model)
        remaining = ((prepare(text), context) for text, context in pairs)
        batches = iter(lambda: list(itertools.islice(remaining, batch_size)), [])
        waiting: deque[tuple[Any, list[Any]]] = deque()  # (future, contexts), oldest first

        def hand_out() -> bool:
            batch = next(batches, None)
            if batch is None:
                return False
            future = self._client.submit(_parse_task, batch, model, batch_size, then, pure=False)
            waiting.append((future, [context for _, context in batch]))
            return True

        try:
            for _ in range(self.threads * _IN_FLIGHT):
                if not hand_out():
                    break
            while waiting:
                future, contexts = waiting.popleft()
                try:
                    digest, results = future.result()
                except (Exception, asyncio.CancelledError) as error:
                    raise ClusterError(f"a cluster worker failed: {type(error).__name__}: "
                                       f"{error}") from None
                if digest != expected:
                    raise ClusterError(
                        f"the workers of {self.scheduler} run another kg, spaCy or model "
                        f"({model}) than this client: install the same versions on both")
                hand_out()
                yield from zip(results, contexts, strict=True)
        finally:
            if waiting:
                self._client.cancel([future for future, _ in waiting])
            self._client.close()


def _parse_task(batch: list[tuple[str, Any]], model: str, batch_size: int,
                then: Callable[[Any, Any], Any]) -> tuple[str, list[Any]]:
    """A cluster task: the worker's pipeline digest and what :func:`kg.nlp.parse_batch` makes of
    the batch, with the pipeline this worker process loaded once."""
    from kg.buildhash import pipeline_digest
    from kg.nlp import load_pipeline, parse_batch

    with _LOADING:
        nlp = load_pipeline(model)
        digest = pipeline_digest(model)
    return digest, parse_batch(nlp, batch, batch_size, then)


def _connect(scheduler: str, timeout: float) -> Any:
    """A ``distributed.Client`` of the scheduler, or a one-line :class:`ClusterError`.

    The client is made in a helper thread with a deadline: distributed's own timeout covers the
    TCP connection but not its handshake, which waits for ever on a server that accepts the
    connection and never answers (an HTTP server at that port, say)."""
    try:
        from distributed import Client
        from distributed.comm import resolve_address
    except ImportError:
        raise InputError("--scheduler needs Dask: pip install 'kg[dask]'") from None
    hint = "(is 'dask scheduler' running there, and is the address tcp://HOST:PORT?)"
    try:  # before making a client, which would otherwise linger and complain at exit
        resolve_address(scheduler)
    except ValueError as error:
        raise InputError(f"not a Dask scheduler address: {scheduler!r}: {error} (give "
                         "tcp://HOST:PORT)") from None
    except OSError as error:  # an unknown host name
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {error} {hint}") from None
    outcome: dict[str, Any] = {}
    lock = threading.Lock()

    def attempt() -> None:
        try:
            client = Client(scheduler, timeout=timeout, set_as_default=False)
        except BaseException as error:  # noqa: BLE001 - reported by the caller as one line
            outcome["error"] = error
            return
        with lock:
            if "abandoned" in outcome:  # connected after the caller gave up
                client.close()
            else:
                outcome["client"] = client

    helper = threading.Thread(target=attempt, daemon=True, name="kg-dask-connect")
    helper.start()
    helper.join(timeout + 1)
    with lock:
        if "client" in outcome:
            return outcome["client"]
        outcome["abandoned"] = True
    failure = outcome.get("error")
    if failure is None:
        reason = f"no Dask handshake within {timeout:g} s"
    elif isinstance(failure, OSError):
        reason = str(failure)
    else:  # something answered, but not as a scheduler would
        reason = f"what answered is not a Dask scheduler ({type(failure).__name__})"
    raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {reason} {hint}")


__all__ = ["CONNECT_TIMEOUT", "ClusterParse"]
