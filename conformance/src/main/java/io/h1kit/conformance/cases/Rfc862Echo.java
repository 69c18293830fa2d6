package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.Profile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The TCP echo service (RFC 862): the ECHO rows, ECHO-01 the baseline. Every case compares what
 * came back with what was sent, byte for byte and by SHA-256, and records its measurements as
 * facts. The streaming machinery is in {@link EchoStream} and {@link EchoCase}, the many-client
 * cases in {@link EchoCrowd}.
 *
 * <p>Two rows are left out. ECHO-18 (an unterminated last line flushed at EOF) applies only to a
 * line-mode echo profile, which the suite does not have. ECHO-20 (rebinding after a restart under
 * load) needs lifecycle control of the server, which the suite does not have either, and a case
 * that can only ever be SKIP cannot be expressed through capabilities.
 */
public final class Rfc862Echo implements CaseSource {
    private static final String REQUIREMENT =
            "Once a connection is established any data received is sent back. This continues until the calling "
                    + "user terminates the connection.";
    private static final int MB = 1024 * 1024;
    /** ECHO-12 and ECHO-11: the row's count. */
    private static final int ROUND_TRIPS = 10_000;
    /** ECHO-12: the median at which Nagle's algorithm and delayed ACKs are the likely cause (about 40 ms). */
    private static final double NAGLE_MILLIS = 30;
    /** ECHO-14: how long the client reads 1 KB a second before draining. */
    private static final Duration SLOW_PHASE = Duration.ofSeconds(3);
    /** ECHO-15: an idle timeout below this cuts off ordinary interactive clients. */
    static final Duration IDLE_MINIMUM = Duration.ofSeconds(5);
    /** ECHO-10: a burst of connects is watched for at most this long (or the server-timeout budget if shorter). */
    private static final Duration BURST_WATCH = Duration.ofSeconds(10);

    @Override
    public List<Case> cases() {
        return List.of(
                Case.of(Case.ECHO_BASELINE, "ECHO-01", Level.MUST, "hello and a newline come back")
                        .profile(Profile.ECHO)
                        .rfc("RFC 862", REQUIREMENT)
                        .probe(ctx -> {
                            Connection c = ctx.connect();
                            c.write("hello\n");
                            c.shutdownOutput();
                            byte[] back = c.readUntilClose(ctx.budgets().response());
                            return ctx.observe(List.of(), c.awaitClose(ctx.budgets().closeWindow()),
                                    java.util.Map.of("echoed", new String(back, StandardCharsets.ISO_8859_1)));
                        })
                        .pass(Expect.that("exactly \"hello\\n\" echoed", o -> "hello\n".equals(o.fact("echoed"))))
                        .build(),

                echo("862/02", "ECHO-02", Level.MUST, "all 256 byte values four times, then a half-close")
                        .probe(ctx -> EchoCase.small(ctx, EchoCase.allByteValues(), new int[0], Duration.ZERO))
                        .pass(intact())
                        .hint("Echo bytes, not text: no line-ending conversion, no C-string handling of \\0.")
                        .build(),

                echo("862/03a", "ECHO-03", Level.MUST, "10 KB, one byte per write, a 1-5 ms gap after every 32 writes")
                        .probe(ctx -> EchoCase.trickled(ctx, 10 * 1024, 1, 32))
                        .pass(intact())
                        .hint("Echo whatever each read() returns; do not wait for a newline or a full buffer.")
                        .build(),
                echo("862/03b", "ECHO-03", Level.MUST, "10 KB split at random points, a 1-5 ms gap after each write")
                        .probe(ctx -> EchoCase.trickled(ctx, 10 * 1024, 2_048, 1))
                        .pass(intact())
                        .hint("Echo whatever each read() returns; do not assume one read is one message.")
                        .build(),

                echo("862/04", "ECHO-04", Level.MUST, "16 MB in one write, read concurrently")
                        .probe(ctx -> EchoCase.transfer(ctx, 4, 16L * MB, 16 * MB))
                        .pass(intact())
                        .hint("Loop until write()/send() has taken every byte: a short count is normal, not the end.")
                        .build(),

                echo("862/05", "ECHO-05", Level.MUST, "64 MB written without reading until the writes block, then drained")
                        .probe(ctx -> EchoCase.backpressure(ctx, 5, 64L * MB))
                        .pass(intact().and(Expect.that("the writes blocked (the server stopped reading)",
                                o -> Boolean.TRUE.equals(o.fact("writer_blocked")))))
                        // The catalogue's WARN: all 64 MB taken without the client reading, so the server buffers
                        // without bound.
                        .nonStrict(intact())
                        .hint("When a write would block, stop reading from that client until it drains: let TCP "
                                + "flow control push back instead of buffering.")
                        .build(),

                echo("862/06", "ECHO-06", Level.MUST, "1 MB, then a half-close while still reading")
                        .probe(ctx -> EchoCase.transfer(ctx, 6, MB, 64 * 1024))
                        .pass(intact().and(Expect.that("then the server closed its side (FIN)",
                                o -> o.close() == CloseState.FIN)))
                        .hint("On end-of-stream from the client, finish writing what you read, then close "
                                + "(shutdown) your side; do not reset.")
                        .build(),

                echo("862/07", "ECHO-07", Level.MUST, "connect and close at once, then hello on a new connection")
                        .probe(ctx -> {
                            ctx.connect().close();
                            return EchoCase.hello(ctx, ctx.connect());
                        })
                        .pass(intact())
                        .hint("Treat end-of-stream before any data as a normal end of the connection.")
                        .build(),

                echo("862/08", "ECHO-08", Level.MUST, "1 MB in flight, then a reset; hello on other connections during and after")
                        .probe(EchoCase::abruptDisconnect)
                        .pass(intact())
                        .hint("Ignore SIGPIPE and treat ECONNRESET/EPIPE as the end of that one connection.")
                        .build(),

                echo("862/09", "ECHO-09", Level.MUST, EchoCrowd.CLIENTS + " clients at once, each a unique 64 KB stream in random-sized writes")
                        .alone()
                        .probe(ctx -> EchoCrowd.manyClients(ctx, deadline(ctx.budgets().serverTimeout())))
                        .pass(Expect.that("every client got exactly its own bytes",
                                o -> Long.valueOf(EchoCrowd.CLIENTS).equals(((Number) o.fact("clients_intact")).longValue())))
                        .hint("Keep one buffer per connection; never share a buffer between clients.")
                        .build(),

                // The row's verdict is INFO (accept rate, refused count). A client still connecting when the
                // watch ends is TCP retrying a full listen backlog, which cannot be told from a hang; only
                // echoing the wrong bytes fails.
                echo("862/10", "ECHO-10", Level.HARDENING, EchoCrowd.BURST + " connects at once, one small echo each")
                        .alone()
                        .probe(ctx -> EchoCrowd.burst(ctx, deadline(min(ctx.budgets().serverTimeout(), BURST_WATCH))))
                        .fail(Expect.that("some echoes were wrong", o -> count(o, "corrupted") > 0))
                        .pass(Expect.that("all served or refused cleanly",
                                o -> count(o, "served") + count(o, "refused") == EchoCrowd.BURST))
                        .info(Expect.that("some still waiting when the watch ended (recorded)", o -> true))
                        .build(),

                echo("862/11", "ECHO-11", Level.MUST, ROUND_TRIPS + " connections in turn: connect, 1 byte, read, close")
                        .probe(ctx -> EchoCrowd.churn(ctx, deadline(ctx.budgets().serverTimeout())))
                        .pass(Expect.that("all " + EchoCrowd.CHURN + " echoed",
                                o -> Integer.valueOf(EchoCrowd.CHURN).equals(o.fact("connections"))))
                        .info(Expect.that("no failure before the budget ran out (recorded)", o -> o.fact("failed_at") == null))
                        .hint("Close every accepted socket, also on errors: a descriptor leak stops the server "
                                + "accepting after a few thousand connections.")
                        .build(),

                echo("862/12", "ECHO-12", Level.MUST, ROUND_TRIPS + " one-byte round trips on one connection")
                        .probe(ctx -> EchoCase.pingPong(ctx, ROUND_TRIPS))
                        .pass(everyRoundTrip().and(Expect.that("median round trip under " + (int) NAGLE_MILLIS + " ms",
                                o -> ((Number) o.fact("p50_ms")).doubleValue() < NAGLE_MILLIS)))
                        // The catalogue's WARN: about 40 ms a round trip is Nagle plus delayed ACK (no TCP_NODELAY).
                        .nonStrict(everyRoundTrip())
                        .hint("Set TCP_NODELAY on accepted sockets.")
                        .build(),

                echo("862/13", "ECHO-13", Level.MUST, "100 MB written and read at once")
                        .probe(ctx -> EchoCase.transfer(ctx, 13, 100L * MB, 64 * 1024))
                        .pass(intact())
                        .build(),

                // The catalogue's WARN: a server that disconnects a slow reader (before a documented timeout).
                echo("862/14", "ECHO-14", Level.MUST, "1 MB written while reading 1 KB a second for 3 s, then draining")
                        .slow()
                        .probe(ctx -> EchoCase.slowReader(ctx, 14, MB, SLOW_PHASE))
                        .pass(intact())
                        .nonStrict(Expect.that("a correct prefix, then the server disconnected",
                                o -> o.fact("first_difference_at") == null && !"OPEN".equals(o.fact("ended_by"))))
                        .hint("Block (or stop reading) when a client reads slowly; do not drop its bytes.")
                        .build(),

                // RFC 862 has the echo go on "until the calling user terminates"; an idle timeout is policy.
                // It fails below a minimum that cuts off interactive clients, and when there is none at all.
                echo("862/15", "ECHO-15", Level.HARDENING, "connect and stay silent")
                        .slow()
                        .probe(EchoCase::idle)
                        .info(Expect.that("closed after at least " + IDLE_MINIMUM.toSeconds() + " s (recorded)",
                                o -> o.close().closed() && ((Number) o.fact("idle_close_ms")).longValue() >= IDLE_MINIMUM.toMillis()))
                        .hint("Close idle connections after a timeout of at least " + IDLE_MINIMUM.toSeconds()
                                + " s, and have one.")
                        .build(),

                echo("862/16", "ECHO-16", Level.HARDENING, "64 MB written until blocked, a half-close, no reading")
                        .slow()
                        .probe(ctx -> EchoCase.idleHalfClosed(ctx, 16, 64L * MB))
                        .fail(Expect.that("wrong bytes came back", o -> o.fact("first_difference_at") != null))
                        .info(Expect.that("the server gave up on the blocked write within the budget",
                                o -> Boolean.TRUE.equals(o.fact("server_gave_up"))))
                        .info(Expect.that("the writes never blocked: nothing to time out",
                                o -> Boolean.FALSE.equals(o.fact("writer_blocked"))))
                        // The catalogue's WARN: still holding the connection when the budget ran out.
                        .nonStrict(Expect.that("still holding the connection when the budget ran out",
                                o -> Boolean.FALSE.equals(o.fact("server_gave_up"))))
                        .hint("Bound how long one write may block; close a client that does not read.")
                        .build(),

                echo("862/17", "ECHO-17", Level.MUST, "UTF-8 characters split across writes (\\xe2 | \\x82\\xac)")
                        .probe(ctx -> EchoCase.small(ctx, "price: \u00e2\u0082\u00ac 5, snow: \u00e2\u009d\u0084\n"
                                .getBytes(StandardCharsets.ISO_8859_1), new int[] {8, 14, 2}, Duration.ofMillis(50)))
                        .pass(intact())
                        .hint("Echo bytes; never decode and re-encode them as text.")
                        .build(),

                echo("862/19", "ECHO-19", Level.MUST, "a second client while the first is mid-transfer of 64 MB")
                        .requires(Capability.CONCURRENT)
                        .probe(ctx -> EchoCase.secondClient(ctx, 19, 64L * MB))
                        .pass(Expect.that("the second client was echoed while the first was blocked mid-transfer, "
                                + "and the first stream came back intact", o -> Boolean.TRUE.equals(o.fact("second_echoed"))
                                && Boolean.TRUE.equals(o.fact("first_mid_transfer")) && Boolean.TRUE.equals(o.fact("intact"))))
                        .hint("Serve each connection independently (a thread each, or non-blocking I/O).")
                        .build());
    }

    private static Case.Builder echo(String id, String ref, Level level, String title) {
        return Case.of(id, ref, level, title).profile(Profile.ECHO).rfc("RFC 862", REQUIREMENT);
    }

    /** Every byte sent came back, in order (the probes put "intact" after comparing SHA-256 digests). */
    static Expectation intact() {
        return Expect.that("every byte echoed in order (SHA-256 equal)", o -> Boolean.TRUE.equals(o.fact("intact")));
    }

    private static Expectation everyRoundTrip() {
        return Expect.that("every round trip echoed its byte", o -> o.fact("failed_at") == null);
    }

    private static long deadline(Duration budget) {
        return System.nanoTime() + budget.toNanos();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static long count(Observation o, String fact) {
        return o.fact(fact) instanceof Number n ? n.longValue() : 0;
    }
}
