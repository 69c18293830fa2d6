#!/usr/bin/env python3
"""Paced keep-alive HTTP/1.1 clients: many connections, each sending GETs at a fixed rate.

wrk sends the next request as soon as the previous answer arrives; this client models the other
load that matters for a thread-per-connection server: many clients that each hold a keep-alive
connection and send a request now and then (one per second by default). It reports per-request
latency, the requests completed, and every kind of failure, as one JSON object on stdout.

    paced_clients.py --url http://127.0.0.1:8080/1k.bin --clients 200 --rate 1 --duration 10

Each client i opens its connection at start + i/(clients*rate) (the clients spread over the first
period, not all in one instant) and has a slot every 1/rate s after that. At a slot it sends a
request on its open connection (connecting first when it has none) and waits for the whole
response, up to --timeout. A slot that passes while the client is still waiting for an earlier
response is counted in "missed_slots" and not sent late: a real client on one HTTP/1.1 connection
cannot send its next request before the previous answer either. After its last slot a client keeps
its connection open until duration + timeout, when every request of the run has finished or timed
out, so that no client frees the server before the others are done.

Latency is measured from the start of the request (including connecting, when the client had no
open connection) to the last byte of the response, for 200 responses; other statuses are counted,
not timed. After a failure (refused, reset, closed, timed out, malformed) the client closes its
connection and connects again at its next slot; a response with "Connection: close" is not a
failure, the client connects again at the next slot.

Bounded: only http://127.0.0.1 (or localhost) URLs; at most clients * (duration*rate + 1) requests;
response heads up to 64 KiB and bodies up to --max-body bytes; the run ends at duration + timeout,
and by duration + timeout + 5 s whatever the server does. Standard library only (asyncio).

The "client" object is the client's own health: its CPU time and share of the wall time, how late
the event loop woke up (loop_lag_ms: a 10 ms ticker's overshoot) and how late requests left
against their slots (send_lag_ms). When those are small (a few ms at p99) the latencies are the
server's; when they are not, the client was the bottleneck.
"""

import argparse
import asyncio
import json
import math
import resource
import sys
import time
import urllib.parse

HEAD_LIMIT = 65536
LAG_TICK_S = 0.010
ERROR_KINDS = ("refused", "connect_timeout", "reset", "closed", "timeout", "protocol", "other")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", required=True, help="http://127.0.0.1:PORT/path (127.0.0.1 or localhost only)")
    p.add_argument("--clients", type=int, default=200, help="concurrent clients, each its own connection (default 200)")
    p.add_argument("--rate", type=float, default=1.0, help="requests per second per client (default 1)")
    p.add_argument("--duration", type=float, default=10.0, help="seconds during which requests start (default 10)")
    p.add_argument("--timeout", type=float, default=2.0,
                   help="seconds for one request, connecting included (default 2)")
    p.add_argument("--max-body", type=int, default=1 << 20, help="largest response body read, bytes (default 1 MiB)")
    a = p.parse_args(argv)
    if not 1 <= a.clients <= 5000:
        p.error("--clients must be 1..5000")
    if not 0 < a.rate <= 1000:
        p.error("--rate must be in (0, 1000]")
    if not 0 < a.duration <= 3600:
        p.error("--duration must be in (0, 3600]")
    if not 0 < a.timeout <= 60:
        p.error("--timeout must be in (0, 60]")
    if not 0 <= a.max_body <= 1 << 30:
        p.error("--max-body must be 0..1 GiB")
    u = urllib.parse.urlsplit(a.url)
    if u.scheme != "http" or u.hostname not in ("127.0.0.1", "localhost") or u.port is None:
        p.error("--url must be http://127.0.0.1:PORT/... (loopback only, port given)")
    a.host = "127.0.0.1"
    a.port = u.port
    target = u.path or "/"
    if u.query:
        target += "?" + u.query
    a.request = (f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{u.port}\r\n"
                 "User-Agent: h1kit-paced-clients\r\nAccept: */*\r\n\r\n").encode("ascii")
    return a


class ProtocolError(Exception):
    pass


class Stats:
    def __init__(self):
        self.scheduled = 0
        self.sent = 0
        self.missed_slots = 0
        self.connects = 0
        self.responses = 0
        self.latencies = []       # seconds, 200 responses
        self.connect_times = []   # seconds, successful connects
        self.send_lags = []       # seconds, actual start - slot
        self.loop_lags = []       # seconds, ticker overshoot
        self.status = {}
        self.errors = dict.fromkeys(ERROR_KINDS, 0)
        self.other_errors = {}
        self.clients_ok = 0       # clients that got at least one 200


async def read_response(reader, max_body):
    """Reads one response; returns (status, keep_alive, body_length)."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.LimitOverrunError:
        raise ProtocolError("response head over 64 KiB")
    lines = head[:-4].split(b"\r\n")
    parts = lines[0].split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/1.") or not parts[1].isdigit():
        raise ProtocolError("bad status line")
    version, status = parts[0], int(parts[1])
    length = None
    chunked = False
    close = version == b"HTTP/1.0"
    for line in lines[1:]:
        name, sep, value = line.partition(b":")
        if not sep:
            raise ProtocolError("bad header line")
        name = name.strip().lower()
        value = value.strip()
        if name == b"content-length":
            if not value.isdigit() or (length is not None and int(value) != length):
                raise ProtocolError("bad Content-Length")
            length = int(value)
        elif name == b"transfer-encoding":
            chunked = True
        elif name == b"connection":
            tokens = [t.strip().lower() for t in value.split(b",")]
            if b"close" in tokens:
                close = True
            elif b"keep-alive" in tokens and version == b"HTTP/1.0":
                close = False
    if 100 <= status < 200:
        raise ProtocolError("unexpected 1xx")  # a GET without Expect gets none
    if status in (204, 304):
        length = 0
    if chunked:
        raise ProtocolError("chunked response (not expected for a static file)")
    if length is None:  # delimited by the close
        body = await reader.read(max_body + 1)
        total = len(body)
        while body and total <= max_body:
            body = await reader.read(max_body + 1 - total)
            total += len(body)
        if total > max_body:
            raise ProtocolError("body over --max-body")
        return status, False, total
    if length > max_body:
        raise ProtocolError("body over --max-body")
    await reader.readexactly(length)
    return status, not close, length


def abort(writer):
    if writer is not None:
        try:
            writer.transport.abort()
        except Exception:  # already closed
            pass


def classify(exc, connecting):
    if isinstance(exc, ConnectionRefusedError):
        return "refused"
    if isinstance(exc, (TimeoutError, asyncio.TimeoutError)):
        return "connect_timeout" if connecting else "timeout"
    if isinstance(exc, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)):
        return "reset"
    if isinstance(exc, asyncio.IncompleteReadError):
        return "closed"
    if isinstance(exc, (ProtocolError, asyncio.LimitOverrunError, ValueError)):
        return "protocol"
    return None


async def client(i, a, st, start, end):
    loop = asyncio.get_running_loop()
    period = 1.0 / a.rate
    offset = (i / a.clients) * period
    reader = writer = None
    got_ok = False
    k = 0
    try:
        while True:
            slot = start + offset + k * period
            if slot >= end:
                break
            st.scheduled += 1
            now = loop.time()
            if now < slot:
                await asyncio.sleep(slot - now)
            began = loop.time()
            st.send_lags.append(began - slot)
            t0 = time.perf_counter()
            connecting = writer is None
            try:
                async with asyncio.timeout(a.timeout):
                    if connecting:
                        reader, writer = await asyncio.open_connection(a.host, a.port, limit=HEAD_LIMIT)
                        st.connects += 1
                        st.connect_times.append(time.perf_counter() - t0)
                        connecting = False
                    writer.write(a.request)
                    st.sent += 1
                    status, keep_alive, _ = await read_response(reader, a.max_body)
                t1 = time.perf_counter()
                st.responses += 1
                st.status[status] = st.status.get(status, 0) + 1
                if status == 200:
                    st.latencies.append(t1 - t0)
                    got_ok = True
                if not keep_alive:
                    abort(writer)
                    reader = writer = None
            except asyncio.CancelledError:
                raise
            except Exception as e:  # counted, never fatal
                kind = classify(e, connecting)
                if kind is None:
                    kind = "other"
                    name = type(e).__name__
                    st.other_errors[name] = st.other_errors.get(name, 0) + 1
                st.errors[kind] += 1
                abort(writer)
                reader = writer = None
            # The next slot that has not passed yet; the ones that passed while waiting are missed.
            k += 1
            now = loop.time()
            while start + offset + k * period < now and start + offset + k * period < end:
                st.scheduled += 1
                st.missed_slots += 1
                k += 1
        # Hold the connection until every request of the run has finished or timed out: a client
        # that left after its last slot would free a server slot (a sequential server, a worker)
        # up to one period before the others' last requests, and those would look served.
        hold = end + a.timeout - loop.time()
        if hold > 0:
            await asyncio.sleep(hold)
    finally:
        abort(writer)
        if got_ok:
            st.clients_ok += 1


async def lag_ticker(st, end):
    loop = asyncio.get_running_loop()
    while True:
        due = loop.time() + LAG_TICK_S
        if due > end:
            return
        await asyncio.sleep(LAG_TICK_S)
        st.loop_lags.append(max(0.0, loop.time() - due))


def summary(values, scale=1000.0):
    if not values:
        return {"count": 0}
    v = sorted(values)

    def pct(p):  # nearest rank
        return v[max(0, math.ceil(p / 100 * len(v)) - 1)] * scale

    return {"count": len(v), "mean": round(sum(v) / len(v) * scale, 3), "p50": round(pct(50), 3),
            "p90": round(pct(90), 3), "p99": round(pct(99), 3), "max": round(v[-1] * scale, 3)}


async def run(a):
    st = Stats()
    loop = asyncio.get_running_loop()
    start = loop.time() + 0.05
    end = start + a.duration
    hard_end = a.duration + a.timeout + 5
    tasks = [asyncio.create_task(client(i, a, st, start, end)) for i in range(a.clients)]
    ticker = asyncio.create_task(lag_ticker(st, end))
    timed_out = False
    done, pending = await asyncio.wait(tasks + [ticker], timeout=hard_end)
    if pending:
        timed_out = True
        for t in pending:
            t.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    for t in done:
        if not t.cancelled() and t.exception() is not None:
            raise t.exception()
    return st, timed_out


def raise_fd_limit(needed):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        new = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))


def main(argv):
    a = parse_args(argv)
    raise_fd_limit(a.clients + 64)
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    w0 = time.perf_counter()
    st, timed_out = asyncio.run(run(a))
    wall = time.perf_counter() - w0
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    non_200 = sum(n for s, n in st.status.items() if s != 200)
    errors_total = sum(st.errors.values()) + non_200
    out = {
        "url": f"http://{a.host}:{a.port}", "request": a.request.split(b"\r\n")[0].decode(),
        "clients": a.clients, "rate_per_client": a.rate, "duration_s": a.duration, "timeout_s": a.timeout,
        "wall_s": round(wall, 3),
        "scheduled": st.scheduled, "sent": st.sent, "missed_slots": st.missed_slots,
        "completed": st.status.get(200, 0), "responses": st.responses,
        "completed_per_s": round(st.status.get(200, 0) / a.duration, 1),
        "clients_with_a_200": st.clients_ok,
        "connects": st.connects,
        "latency_ms": summary(st.latencies),
        "connect_ms": summary(st.connect_times),
        "status": {str(k): v for k, v in sorted(st.status.items())},
        "non_200": non_200,
        "errors": st.errors, "other_errors": st.other_errors,
        "errors_total": errors_total,
        "hard_stop": timed_out,
        "client": {
            "cpu_s": round(cpu, 3), "cpu_percent": round(100 * cpu / wall, 1) if wall > 0 else 0,
            "max_rss_kib": r1.ru_maxrss,
            "loop_lag_ms": summary(st.loop_lags),
            "send_lag_ms": summary(st.send_lags),
        },
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
