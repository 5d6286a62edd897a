"""Fetching a URL safely for ingestion: no request to the newsroom's own network unless allowed,
and a deadline for the whole fetch.

- **Addresses.** The host is resolved once and every address it resolves to is checked: a
  loopback, private, link-local, multicast, reserved or unspecified address (IPv4-mapped IPv6
  included, so `[::ffff:127.0.0.1]` is 127.0.0.1; `2130706433`, `0x7f000001` and `127.1` are
  what the resolver makes of them) is refused. The connection goes to the address that was
  checked (no second lookup that DNS rebinding could answer differently), with the host name
  kept for the Host header and TLS. Every redirect is a new connection, checked the same way;
  https -> http redirects are refused. `VERIFIER_ALLOW_HOSTS` (comma-separated host names or
  addresses, e.g. an intranet's) lifts the rule for those hosts only.
- **Deadline.** A server that sends two bytes every few seconds never trips a per-read timeout;
  a timer closes the connection when the whole fetch has taken `deadline` seconds.
"""
from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import ssl
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class FetchRefused(urllib.error.URLError):
    """The URL points at an address verifier does not fetch from."""


def allowed_hosts() -> frozenset[str]:
    raw = os.environ.get("VERIFIER_ALLOW_HOSTS", "")
    return frozenset(h.strip().lower().strip("[]") for h in raw.split(",") if h.strip())


def _blocked(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast
            or ip.is_reserved or ip.is_unspecified
            or (isinstance(ip, ipaddress.IPv6Address) and ip.sixtofour is not None
                and _blocked(ip.sixtofour)))


def checked_address(host: str, port: int) -> tuple[str, int]:
    """The address to connect to for `host`, after checking every address it resolves to
    (FetchRefused when one is internal and the host is not allowed)."""
    name = host.lower().strip("[]")
    try:
        infos = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise urllib.error.URLError(f"cannot resolve {host}: {exc.strerror}") from None
    addresses = [str(info[4][0]) for info in infos]
    if name not in allowed_hosts():
        for addr in addresses:
            ip = ipaddress.ip_address(addr.split("%", 1)[0])
            if _blocked(ip) and addr not in allowed_hosts():
                raise FetchRefused(f"{host} is an internal address ({ip}); set "
                                   "VERIFIER_ALLOW_HOSTS to fetch from it")
    return addresses[0], port


class _Watch:
    """The sockets of one fetch, closed together when its deadline passes."""

    def __init__(self) -> None:
        self.sockets: list[socket.socket] = []
        self.expired = False
        self.lock = threading.Lock()

    def add(self, sock: socket.socket) -> None:
        with self.lock:
            if self.expired:
                sock.close()
                raise TimeoutError("deadline passed")
            self.sockets.append(sock)

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            for s in self.sockets:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


_WATCH = threading.local()


def _connect(host: str, port: int, timeout: Any) -> socket.socket:
    addr = checked_address(host, port)
    sock = socket.create_connection(addr, timeout)
    watch: _Watch | None = getattr(_WATCH, "current", None)
    if watch is not None:
        watch.add(sock)
    return sock


class _HTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        self.sock = _connect(self.host, self.port, self.timeout)


class _HTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        sock = _connect(self.host, self.port, self.timeout)
        ctx = ssl.create_default_context()
        self.sock = ctx.wrap_socket(sock, server_hostname=self.host)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(_HTTPSConnection, req)


class _Redirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        old = urllib.parse.urlsplit(req.full_url).scheme.lower()
        new = urllib.parse.urlsplit(newurl).scheme.lower()
        if new not in ("http", "https"):
            raise urllib.error.URLError(f"redirect to a non-HTTP URL refused: {newurl}")
        if old == "https" and new == "http":
            raise urllib.error.URLError(f"redirect from https to http refused: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def opener() -> urllib.request.OpenerDirector:
    """A urllib opener whose every connection is checked (module doc)."""
    return urllib.request.build_opener(_HTTPHandler, _HTTPSHandler, _Redirects)


@contextmanager
def deadline(seconds: float) -> Iterator[_Watch]:
    """Within this block, connections opened by `opener()` in this thread are shut down once
    `seconds` have passed; `watch.expired` tells whether that happened."""
    watch = _Watch()
    timer = threading.Timer(seconds, watch.expire)
    timer.daemon = True
    previous = getattr(_WATCH, "current", None)
    _WATCH.current = watch
    timer.start()
    try:
        yield watch
    finally:
        timer.cancel()
        _WATCH.current = previous
