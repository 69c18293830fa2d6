package io.h1kit.conformance.run;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.EchoView;
import io.h1kit.conformance.model.Fixture;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Target;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Finds out what a target offers, like HTTP Garden's probe_quirks: each capability the target did
 * not claim is probed with a short exchange, and the report says what was claimed and what was
 * probed. A probe that cannot tell counts the capability as absent, so its cases are SKIP.
 */
final class CapabilityProbe {
    /** How often the echo probe's first client sends a byte: well below any idle timeout. */
    static final Duration ECHO_POLL = Duration.ofMillis(100);

    private final RunOptions options;
    private final Target target;

    CapabilityProbe(RunOptions options, Target target) {
        this.options = options;
        this.target = target;
    }

    Map<Capability, CapabilityStatus> capabilities() {
        Map<Capability, CapabilityStatus> result = new EnumMap<>(Capability.class);
        for (Capability c : Capability.values()) {
            if (options.claimed().contains(c)) {
                result.put(c, new CapabilityStatus(true, "claimed", "claimed on the command line"));
            } else if (!options.probe()) {
                result.put(c, new CapabilityStatus(false, "not claimed", "probing is off"));
            } else if (applies(c)) {
                result.put(c, probe(c));
            }
        }
        return result;
    }

    private boolean applies(Capability c) {
        return options.profile() == Profile.HTTP || c == Capability.CONCURRENT;
    }

    private CapabilityStatus probe(Capability c) {
        try {
            String detail = switch (c) {
                case PERSISTENT -> persistent();
                case PIPELINING -> pipelining();
                case ECHO_FIXTURE -> echoFixture();
                case FILE_FIXTURE -> fileFixture();
                case CONCURRENT -> options.profile() == Profile.HTTP ? concurrentHttp() : concurrentEcho();
            };
            return new CapabilityStatus(detail == null, "probed", detail == null ? "yes" : detail);
        } catch (IOException e) {
            return new CapabilityStatus(false, "probed", "probe failed: " + e.getMessage());
        }
    }

    private String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + options.host() + "\r\n\r\n";
    }

    /** Null when present, else what was seen. */
    private String persistent() throws IOException {
        try (Connection c = open()) {
            c.write(get("/"));
            WireResponse first = c.readResponse(false, options.budgets().response());
            if (first == null || first.hasToken("Connection", "close")) {
                return "the server closed after one response";
            }
            c.write(get("/"));
            WireResponse second = c.readResponse(false, options.budgets().response());
            return second == null ? "no second response on the same connection" : null;
        }
    }

    private String pipelining() throws IOException {
        try (Connection c = open()) {
            c.write(get("/") + get("/"));
            WireResponse first = c.readResponse(false, options.budgets().response());
            WireResponse second = first == null ? null : c.readResponse(false, options.budgets().response());
            return second == null ? "two requests in one write got fewer than two responses" : null;
        }
    }

    private String echoFixture() throws IOException {
        try (Connection c = open()) {
            c.write("POST /echo HTTP/1.1\r\nHost: " + options.host() + "\r\nContent-Length: 5\r\n\r\nprobe");
            EchoView view = EchoView.of(c.readResponse(false, options.budgets().response()));
            return view != null && "POST".equals(view.method()) && "probe".equals(view.body()) ? null
                    : "POST /echo did not answer the fixture's JSON";
        }
    }

    private String fileFixture() throws IOException {
        try (Connection c = open()) {
            c.write(get(Fixture.F_PATH));
            WireResponse r = c.readResponse(false, options.budgets().response());
            return r != null && r.status() == 200 && Arrays.equals(r.body(), Fixture.fContent()) ? null
                    : "GET " + Fixture.F_PATH + " did not return the fixture's 1000 bytes";
        }
    }

    /**
     * One client sends half a request and stops; another sends a whole one. A concurrent server
     * answers the second while the first is still open; an iterative one answers it only after it
     * has given up on the first.
     */
    private String concurrentHttp() throws IOException {
        try (Connection slow = open(); Connection other = open()) {
            slow.write("GET / HTTP/1.1\r\nHost: " + options.host() + "\r\n");
            other.write(get("/"));
            WireResponse r = other.readResponse(false, options.budgets().response());
            if (r == null) {
                return "the second client got no response";
            }
            return slow.awaitClose(Duration.ofMillis(1)) == CloseState.OPEN && !slow.hasUnread() ? null
                    : "the second client was answered only after the first was closed";
        }
    }

    /**
     * The first client gets its byte echoed, so the server is serving it; it then keeps sending a
     * byte every {@link #ECHO_POLL}, so an iterative server never reaches its idle timeout and
     * moves on. A concurrent server echoes the second client's byte meanwhile.
     */
    private String concurrentEcho() throws IOException {
        try (Connection first = open(); Connection second = open()) {
            first.write("a");
            if (first.readAtLeast(1, options.budgets().response()).length < 1) {
                return "the first client's byte was not echoed";
            }
            second.write("b");
            long deadline = System.nanoTime() + options.budgets().response().toNanos();
            while (System.nanoTime() < deadline) {
                if (second.readAtLeast(1, ECHO_POLL).length > 0) {
                    return null;
                }
                first.write("a");
                first.readAtLeast(1, ECHO_POLL);
            }
            return "the second client was not echoed while the first kept sending";
        }
    }

    private Connection open() throws IOException {
        return Connection.open(0, target.resolved(), options.budgets().connect());
    }
}
