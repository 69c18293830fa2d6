#!/usr/bin/env python3
"""Idle keep-alive connections: opens N, makes one request on each, then holds them all idle.

What a server pays per connection it keeps open for clients that have gone quiet (browsers,
mobile apps between requests): stage4.sh notes the server's resident memory before, opens the
connections with this client, notes it again once all are established, and runs wrk beside them.

    idle_connections.py --url http://127.0.0.1:8080/1k.bin --connections 10000 \\
        --ready-file /tmp/ready.json --hold 120          # final JSON on stdout

Each connection connects, sends one GET, reads the whole response (200 expected) and then waits,
sending nothing, for the server to close it (counted in "closed_by_server") or for the release.
At most --concurrency connections are being set up at once, so the server's listen backlog never
overflows. When every connection is either idle or failed, the client writes one JSON object to
--ready-file (written whole, then renamed into place) and holds until SIGTERM or SIGINT, or --hold
seconds; then it counts the connections still open, closes them all and prints the final JSON.

Bounded: only http://127.0.0.1 (or localhost) URLs; at most 50,000 connections and one request
on each; --timeout (default 10 s) for each connection's setup; response heads up to 64 KiB and
bodies up to --max-body; the hold ends by --hold s, and the setup by connections / concurrency x
timeout. Standard library only (asyncio).
"""

import argparse
import asyncio
import json
import os
import resource
import signal
import sys
import time
import urllib.parse

HEAD_LIMIT = 65536
MAX_CONNECTIONS = 50_000


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", required=True, help="http://127.0.0.1:PORT/path (127.0.0.1 or localhost only)")
    p.add_argument("--connections", type=int, required=True, help=f"connections to hold (1..{MAX_CONNECTIONS})")
    p.add_argument("--concurrency", type=int, default=200, help="connections being set up at once (default 200)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds to connect and get the response (default 10)")
    p.add_argument("--hold", type=float, default=120.0, help="longest hold once ready, seconds (default 120)")
    p.add_argument("--ready-file", required=True, help="where the JSON written when all are set up goes")
    p.add_argument("--max-body", type=int, default=1 << 20, help="largest response body read, bytes (default 1 MiB)")
    a = p.parse_args(argv)
    if not 1 <= a.connections <= MAX_CONNECTIONS:
        p.error(f"--connections must be 1..{MAX_CONNECTIONS}")
    if not 1 <= a.concurrency <= 10_000:
        p.error("--concurrency must be 1..10000")
    if not 0 < a.timeout <= 60:
        p.error("--timeout must be in (0, 60]")
    if not 0 < a.hold <= 3600:
        p.error("--hold must be in (0, 3600]")
    u = urllib.parse.urlsplit(a.url)
    if u.scheme != "http" or u.hostname not in ("127.0.0.1", "localhost") or u.port is None:
        p.error("--url must be http://127.0.0.1:PORT/... (loopback only, port given)")
    a.port = u.port
    target = (u.path or "/") + ("?" + u.query if u.query else "")
    a.request = (f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{u.port}\r\n"
                 "User-Agent: h1kit-idle-connections\r\nAccept: */*\r\n\r\n").encode("ascii")
    return a


class Stats:
    def __init__(self):
        self.idle = 0              # answered 200 and kept open by the server
        self.not_kept = 0          # answered, but the response said Connection: close
        self.failed = {}           # kind -> count, during setup
        self.status = {}           # status -> count
        self.closed_by_server = 0  # idle connections the server closed while held
        self.first_close_s = None  # seconds after ready of the first such close
        self.setup_ms = []


async def read_response(reader, max_body):
    """Reads one response with a Content-Length; returns (status, keep_alive)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head[:-4].split(b"\r\n")
    parts = lines[0].split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/1.") or not parts[1].isdigit():
        raise ValueError("bad status line")
    status, length, close = int(parts[1]), None, parts[0] == b"HTTP/1.0"
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name, value = name.strip().lower(), value.strip()
        if name == b"content-length" and value.isdigit():
            length = int(value)
        elif name == b"connection" and b"close" in value.lower():
            close = True
    if length is None or length > max_body:
        raise ValueError("no usable Content-Length")
    await reader.readexactly(length)
    return status, not close


def kind_of(exc):
    if isinstance(exc, ConnectionRefusedError):
        return "refused"
    if isinstance(exc, (TimeoutError, asyncio.TimeoutError)):
        return "timeout"
    if isinstance(exc, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)):
        return "reset"
    if isinstance(exc, asyncio.IncompleteReadError):
        return "closed"
    if isinstance(exc, (ValueError, asyncio.LimitOverrunError)):
        return "protocol"
    if isinstance(exc, OSError):
        return f"oserror_{exc.errno}"
    return type(exc).__name__


async def connection(a, st, gate, ready_at, writers):
    """One connection: set up under the gate, then wait idle for the server's close."""
    writer = None
    async with gate:
        t0 = time.perf_counter()
        try:
            async with asyncio.timeout(a.timeout):
                reader, writer = await asyncio.open_connection("127.0.0.1", a.port, limit=HEAD_LIMIT)
                writer.write(a.request)
                status, keep_alive = await read_response(reader, a.max_body)
        except Exception as e:  # counted, never fatal
            st.failed[kind_of(e)] = st.failed.get(kind_of(e), 0) + 1
            if writer is not None:
                writer.transport.abort()
            return
        st.status[status] = st.status.get(status, 0) + 1
        st.setup_ms.append((time.perf_counter() - t0) * 1000)
        if status != 200 or not keep_alive:
            st.not_kept += 1 if status == 200 else 0
            writer.transport.abort()
            return
        st.idle += 1
        writers.append(writer)
    try:
        data = await reader.read(1)  # b"" when the server closes; nothing else is expected
    except Exception:
        data = b""
    if not data:
        st.closed_by_server += 1
        if ready_at[0] is not None and st.first_close_s is None:
            st.first_close_s = round(time.monotonic() - ready_at[0], 3)


def write_ready(path, obj):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(obj, f)
        f.write("\n")
    os.replace(tmp, path)


def report(a, st, elapsed_setup, held_s, released_by):
    s = sorted(st.setup_ms)
    pct = (lambda p: round(s[min(len(s) - 1, int(p / 100 * len(s)))], 3)) if s else (lambda p: 0)
    return {
        "url": a.url, "connections": a.connections,
        "idle": st.idle, "open_at_release": st.idle - st.closed_by_server,
        "closed_by_server": st.closed_by_server, "first_close_after_ready_s": st.first_close_s,
        "not_kept_alive": st.not_kept, "failed": sum(st.failed.values()), "failed_by_kind": st.failed,
        "status": {str(k): v for k, v in sorted(st.status.items())},
        "setup_s": round(elapsed_setup, 3), "held_s": round(held_s, 3), "released_by": released_by,
        "setup_ms": {"p50": pct(50), "p99": pct(99), "max": round(s[-1], 3) if s else 0},
    }


async def run(a):
    st, gate, writers, ready_at = Stats(), asyncio.Semaphore(a.concurrency), [], [None]
    t0 = time.monotonic()
    tasks = [asyncio.create_task(connection(a, st, gate, ready_at, writers)) for _ in range(a.connections)]
    # Ready once every connection is idle, closed or failed: each task has left the gate.
    setup_bound = (a.connections / a.concurrency + 1) * a.timeout + 5
    while st.idle + st.not_kept + sum(st.failed.values()) + sum(
            n for k, n in st.status.items() if k != 200) < a.connections:
        if time.monotonic() - t0 > setup_bound:
            break
        await asyncio.sleep(0.05)
    setup = time.monotonic() - t0
    ready_at[0] = time.monotonic()
    write_ready(a.ready_file, report(a, st, setup, 0, None))
    release = asyncio.Event()
    loop = asyncio.get_running_loop()
    released_by = ["hold"]
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda s=sig: (released_by.__setitem__(0, signal.Signals(s).name), release.set()))
    try:
        await asyncio.wait_for(release.wait(), timeout=a.hold)
    except (TimeoutError, asyncio.TimeoutError):
        pass
    held = time.monotonic() - ready_at[0]
    out = report(a, st, setup, held, released_by[0])
    for w in writers:
        w.transport.abort()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return out


def main(argv):
    a = parse_args(argv)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = a.connections + 64
    if soft != resource.RLIM_INFINITY and soft < need:
        if hard != resource.RLIM_INFINITY and hard < need:
            sys.exit(f"idle_connections.py: needs {need} open files, the hard limit is {hard} (raise ulimit -n)")
        resource.setrlimit(resource.RLIMIT_NOFILE, (need, hard))
    out = asyncio.run(run(a))
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
