package io.h1kit.server;

import java.time.Duration;

/**
 * How long a server waits on a client, each wait bounded so that no client holds a connection
 * (or, for the iterative stages, the whole server) forever.
 *
 * @param idle          waiting for the first byte of a request, on a new or kept-alive
 *                      connection; then the connection is closed without a response
 * @param header        from a request's first byte until its header section is complete
 *                      (slowloris); then 408 and close
 * @param body          from the end of the header section until the body is complete; then 408
 *                      and close
 * @param write         one blocked write to a client that does not read; then the connection is
 *                      closed
 * @param linger        reading and discarding what the client still sends after the server
 *                      half-closed, so that a reset does not destroy the response in flight
 *                      (RFC 9112 §9.6)
 * @param shutdownGrace how long shutdown waits for busy connections before closing them
 */
public record Timeouts(
        Duration idle,
        Duration header,
        Duration body,
        Duration write,
        Duration linger,
        Duration shutdownGrace) {

    /** Apache httpd's KeepAliveTimeout: long enough for a browser's next request, short enough to free workers. */
    public static final Duration IDLE = Duration.ofSeconds(5);
    /** Legitimate clients send a header section in one packet; 10 s cuts slowloris off early. */
    public static final Duration HEADER = Duration.ofSeconds(10);
    /**
     * A 1 MiB body (the default limit) at 50 KB/s or faster: Apache httpd's RequestReadTimeout
     * body=20. Well inside the conformance suite's 30 s budget for "the server gives up".
     */
    public static final Duration BODY = Duration.ofSeconds(20);
    /** A reader slower than the default 64 KiB socket buffer in 30 s is treated as gone. */
    public static final Duration WRITE = Duration.ofSeconds(30);
    /** nginx's lingering_timeout is 5 s; 2 s is enough on the networks the kit targets. */
    public static final Duration LINGER = Duration.ofSeconds(2);
    /** Enough to finish a response in flight; short enough for CI and service managers. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    public static final Timeouts DEFAULTS = new Timeouts(IDLE, HEADER, BODY, WRITE, LINGER, SHUTDOWN_GRACE);

    public Timeouts withIdle(Duration d) {
        return new Timeouts(d, header, body, write, linger, shutdownGrace);
    }

    public Timeouts withHeader(Duration d) {
        return new Timeouts(idle, d, body, write, linger, shutdownGrace);
    }

    public Timeouts withBody(Duration d) {
        return new Timeouts(idle, header, d, write, linger, shutdownGrace);
    }

    public Timeouts withWrite(Duration d) {
        return new Timeouts(idle, header, body, d, linger, shutdownGrace);
    }

    public Timeouts withShutdownGrace(Duration d) {
        return new Timeouts(idle, header, body, write, linger, d);
    }

    public Timeouts {
        for (Duration d : new Duration[] {idle, header, body, write, linger, shutdownGrace}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("every timeout must be positive");
            }
        }
    }
}
