"""The checks a request to ``kg serve`` passes before it is answered, and the headers every
answer carries: the Host name (DNS rebinding), the bearer token for updates, the body's
framing and size.

Each check raises :class:`kg.errors.RequestError` with the status to answer; ``close`` on a
check's error says the connection cannot be trusted further and must close.
"""

from __future__ import annotations

import hmac
import re

from kg.errors import RequestError

SECURITY_HEADERS = (
    ("Content-Security-Policy",
     "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
     "form-action 'self'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
)
"""Sent with every answer: our own scripts and styles only, no framing, no sniffing."""

DRAIN_LIMIT = 64 * 1_048_576
"""An oversized body up to this size is read and dropped so the client sees the 413."""

_LOOPBACK_NAMES = re.compile(r"(localhost|[\w.-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?",
                             re.I)
_HOST_HEADER = re.compile(r"([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?")


def check_host(hosts: list[str], *, loopback: bool) -> None:
    """The request's Host headers: at most one, and on a server that listens on loopback only
    a loopback name. A page on another site can point its own name at 127.0.0.1 (DNS
    rebinding) and read the answers; a loopback server only answers requests made to a
    loopback name. An error here closes the connection."""
    if len(hosts) > 1:
        raise RequestError(400, "more than one Host header")
    host = hosts[0] if hosts else None
    if loopback and host and not _LOOPBACK_NAMES.fullmatch(host):
        raise RequestError(421, f"this server answers only to localhost, not to '{host}'")


def usable_host(host: str | None) -> str | None:
    """The Host header when it is a well-formed name or address (and port), else None."""
    return host if host and _HOST_HEADER.fullmatch(host) else None


def check_token(authorization: str | None, token: str) -> None:
    """An update's ``Authorization: Bearer <token>`` header, compared in constant time."""
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode("utf-8"), token.encode("utf-8")
    ):
        raise RequestError(401, "updates need the header 'Authorization: Bearer <token>' "
                                "with the server's token",
                           (("WWW-Authenticate", 'Bearer realm="kg"'),))


def body_length(transfer_encoding: str | None, content_length: str | None) -> int:
    """The length a POST declares: a Content-Length, not chunked. An error here closes the
    connection (the body cannot be skipped reliably)."""
    if transfer_encoding:
        raise RequestError(411, "send the body with a Content-Length, not chunked")
    if content_length is None:
        raise RequestError(411, "a POST needs a Content-Length header")
    try:
        length = int(content_length)
        if length < 0:
            raise ValueError(content_length)
    except ValueError:
        raise RequestError(400, f"bad Content-Length '{content_length}'") from None
    return length


__all__ = ["DRAIN_LIMIT", "SECURITY_HEADERS", "body_length", "check_host", "check_token",
           "usable_host"]
