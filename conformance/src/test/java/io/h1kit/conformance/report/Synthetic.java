package io.h1kit.conformance.report;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.client.Timeline;
import io.h1kit.conformance.client.Transcript;
import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.lint.Finding;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.CapabilityStatus;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.run.RunResult;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made results for the report tests: every verdict, several connections per case, and bytes
 * that break naive reports (a {@code <script>} in a response, UTF-8, NUL, 0xFF, ESC, more bytes
 * than the evidence keeps).
 */
final class Synthetic {
    static final Instant STARTED = Instant.parse("2026-11-20T10:15:30Z");
    /** Received by the failing TE case: markup, UTF-8 text, and raw binary. */
    static final byte[] HOSTILE = concat(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 97\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            "<script>alert(1)</script><a href=\"https://x\" onclick=\"javascript:x()\">Größe €</a>"
                    .getBytes(StandardCharsets.UTF_8),
            new byte[] {0, (byte) 0xFF, 0x1B, (byte) 0x85, '\r'});
    static final String NON_ASCII_TITLE = "Größe ✓ and a NUL \u0000 in a title";

    private Synthetic() {
    }

    /** A case as the catalogue writes them: an RFC quote, 400✕ PASS, ✕ NON-STRICT, a hint. */
    static Case kase(String id, String ref, Level level, String title) {
        return Case.of(id, ref, level, title)
                .rfc("RFC 9112 §6.1", "A server that receives a request message with a transfer coding it does not "
                        + "understand SHOULD respond with 501 (Not Implemented).")
                .sends("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n")
                .pass(Expect.statusThenClose(400))
                .nonStrict(Expect.closeWithoutResponse())
                .hint("Reject the message with 400 and close the connection.")
                .build();
    }

    static Case echoCase(String id, String ref, String title) {
        return Case.of(id, ref, Level.MUST, title).profile(Profile.ECHO).rfc("RFC 862", "any data received is sent back")
                .sends("x").pass(Expect.anything()).build();
    }

    static WireResponse response(int status) {
        byte[] raw = ("HTTP/1.1 " + status + " X\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return new WireResponse("HTTP/1.1 " + status + " X", "HTTP/1.1", status,
                List.of(new WireResponse.Field("Content-Length", "0")), new byte[0], raw, WireResponse.Framing.LENGTH,
                false, List.of());
    }

    /** Evidence of one exchange, as a raw connection records it. */
    record FakeTranscript(int number, Connection.Evidence sent, Connection.Evidence received, Timeline timeline)
            implements Transcript {
    }

    static Transcript transcript(int number, byte[] sent, byte[] received) {
        Connection.Evidence s = new Connection.Evidence();
        s.add(sent, 0, sent.length);
        Connection.Evidence r = new Connection.Evidence();
        r.add(received, 0, received.length);
        Timeline timeline = new Timeline();
        timeline.add(Timeline.Kind.CONNECT, 0, "127.0.0.1:8080");
        timeline.add(Timeline.Kind.WRITE, sent.length, null);
        timeline.add(Timeline.Kind.PAUSE, 0, "1000 ms");
        timeline.add(Timeline.Kind.READ, received.length, "<first byte>");
        timeline.add(Timeline.Kind.FIN_RECEIVED, 0, "server closed");
        return new FakeTranscript(number, s, r, timeline);
    }

    static Observation observation(List<Integer> statuses, CloseState close, Map<String, Object> facts, Transcript... ts) {
        return new Observation(statuses.stream().map(Synthetic::response).toList(), List.of(), close, false, facts,
                List.of(ts));
    }

    static byte[] request(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One result per verdict (two PASS), in catalogue order, on a target named {@code name}. */
    static RunResult everyVerdict(String name, boolean strict) {
        List<CaseResult> results = new ArrayList<>();
        byte[] get = request("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        results.add(new CaseResult(kase(Case.HTTP_BASELINE, "RL-01", Level.MUST, "GET / answered with a 2xx"), Verdict.PASS,
                "2xx", observation(List.of(200), CloseState.NOT_CHECKED, Map.of(),
                transcript(1, get, request("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))), List.of(), 3));
        results.add(new CaseResult(kase("9112-2.2/01", "MSG-01", Level.MUST, "two connections, bare CR"), Verdict.PASS,
                "400 then close", observation(List.of(400), CloseState.FIN, Map.of(),
                transcript(1, request("GET / HTTP/1.1\rHost: x\r\n\r\n"), request("HTTP/1.1 400 Bad\r\n\r\n")),
                transcript(2, get, request("HTTP/1.1 400 Bad\r\n\r\n"))), List.of(), 12));
        results.add(new CaseResult(kase("9112-2.2/02", "MSG-02", Level.SHOULD, "bare LF line ends"), Verdict.NON_STRICT,
                "close without a response", observation(List.of(), CloseState.RST, Map.of(),
                transcript(1, request("GET / HTTP/1.1\nHost: x\n\n"), new byte[0])), List.of(), 1004));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("echoed", new String(new byte[] {'a', 0, (byte) 0xE9, '<', 'b', '>'}, StandardCharsets.ISO_8859_1));
        facts.put("closeMillis", 1234L);
        facts.put("framed", true);
        byte[] big = new byte[20_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        results.add(new CaseResult(kase("9112-6.1/05", "TE-05", Level.MUST, NON_ASCII_TITLE), Verdict.FAIL,
                "no accepted outcome matched", observation(List.of(200, 200), CloseState.OPEN, facts,
                transcript(1, request("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n"),
                        HOSTILE),
                transcript(2, big, concat(HOSTILE, big))),
                List.of(new Finding("RESP-03", "no Date header <b>bold</b>")), 25));
        results.add(new CaseResult(kase("9112-6.1/06", "TE-06", Level.SHOULD, "unknown coding"), Verdict.FAIL,
                "no accepted outcome matched", observation(List.of(200), CloseState.OPEN, Map.of(),
                transcript(1, get, request("HTTP/1.1 200 OK\r\n\r\n"))), List.of(), 8));
        results.add(new CaseResult(kase("9110-7.2/01", "HOST-01", Level.MAY, "Host with a port"), Verdict.INFO,
                "anything else: INFO", observation(List.of(404), CloseState.NOT_CHECKED, Map.of(),
                transcript(1, get, request("HTTP/1.1 404 Not Found\r\n\r\n"))), List.of(), 2));
        results.add(new CaseResult(kase("9110-13.1/01", "COND-01", Level.MUST, "If-None-Match"), Verdict.SKIP,
                "the target does not offer the static-file fixture (probed)", null, List.of(), 0));
        results.add(new CaseResult(kase("9110-14.2/01", "RANGE-01", Level.MUST, "bytes=0-0"), Verdict.DEP_FAIL,
                "depends on 9110-13.1/01, which is FAIL", null, List.of(), 0));
        results.add(new CaseResult(kase("9112-11.2/01", "SMUG-01", Level.HARDENING, "CL.TE"), Verdict.ERROR,
                "harness error: java.lang.IllegalStateException: <boom>", null, List.of(), 1));
        return run(name, strict, results);
    }

    static RunResult run(String name, boolean strict, List<CaseResult> results) {
        Map<Capability, CapabilityStatus> caps = new EnumMap<>(Capability.class);
        caps.put(Capability.PERSISTENT, new CapabilityStatus(true, "claimed", "claimed on the command line"));
        caps.put(Capability.PIPELINING, new CapabilityStatus(true, "probed", "yes"));
        caps.put(Capability.ECHO_FIXTURE, new CapabilityStatus(false, "probed", "POST /echo did not answer the fixture's JSON"));
        caps.put(Capability.FILE_FIXTURE, new CapabilityStatus(false, "probed", "GET /f did not return <1000> bytes"));
        caps.put(Capability.CONCURRENT, new CapabilityStatus(false, "not claimed", "probing is off"));
        RunOptions options = RunOptions.defaults(Profile.HTTP).withStrict(strict);
        return new RunResult(target(name), options, true, caps, results, STARTED, 2_345);
    }

    static Target target(String name) {
        return Target.of(name, InetSocketAddress.createUnresolved("127.0.0.1", 8080));
    }

    static RunResult unreachable(String name) {
        return new RunResult(target(name), RunOptions.defaults(Profile.HTTP), false, Map.of(), List.of(), STARTED, 3);
    }

    /** The same run with one case's verdict and observation replaced. */
    static RunResult with(RunResult run, String id, Verdict verdict, Observation observation) {
        List<CaseResult> results = new ArrayList<>();
        for (CaseResult r : run.results()) {
            results.add(r.kase().id().equals(id)
                    ? new CaseResult(r.kase(), verdict, "changed for the test", observation, r.lint(), r.millis()) : r);
        }
        return new RunResult(run.target(), run.options(), run.reachable(), run.capabilities(), results, run.started(),
                run.millis());
    }

    /** A full session: two targets, a reference, a baseline on the first target. */
    static Session session() {
        RunResult a = everyVerdict("a.example", false);
        RunResult b = with(everyVerdict("b=odd name", false), "9112-6.1/05", Verdict.PASS,
                observation(List.of(400), CloseState.FIN, Map.of()));
        RunResult ref = with(everyVerdict("nginx", false), "9112-2.2/02", Verdict.PASS,
                observation(List.of(400), CloseState.FIN, Map.of()));
        Baseline baseline = new Baseline("a.example", Map.of("9112-6.1/05", Verdict.FAIL, "9112-3/01", Verdict.FAIL,
                "9999-1/01", Verdict.FAIL));
        List<String> ids = a.results().stream().map(r -> r.kase().id()).toList();
        TargetReport first = new TargetReport(a, BaselineCheck.of(baseline, "known.json", a, ids), Differential.of(a, ref));
        TargetReport second = new TargetReport(b, null, Differential.of(b, ref));
        return new Session("./h1kit conformance --target a.example=127.0.0.1:8080 --target 'b=odd name=127.0.0.1:8080'",
                STARTED.plusSeconds(5), "test", List.of(first, second), ref);
    }

    /** One target, no baseline, no reference. */
    static Session single(RunResult run) {
        return new Session("./h1kit conformance --target 127.0.0.1:8080", STARTED.plusSeconds(5), "test",
                List.of(TargetReport.of(run)), null);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
