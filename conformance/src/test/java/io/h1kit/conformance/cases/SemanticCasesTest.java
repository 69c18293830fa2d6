package io.h1kit.conformance.cases;

import io.h1kit.conformance.ReferenceServers;
import io.h1kit.conformance.junit.ConformanceSuite;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Fixture;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.report.Describe;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.run.RunResult;
import io.h1kit.conformance.testing.CaseRuns;
import io.h1kit.conformance.testing.FakeServer;
import io.h1kit.conformance.testing.Responses;
import io.h1kit.conformance.testing.Wire;
import io.h1kit.server.testing.RunningServer;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The COND, RANGE and PATH cases discriminate: the reference server passes them all, and canned
 * servers with one bug each (modelled on the catalogue's mutants: INM ignored, IMS_WITH_INM,
 * RANGE_OFF_BY_ONE, a served canary...) fail the case written for that bug.
 */
class SemanticCasesTest {
    private static final String ETAG = "\"e1\"";
    private static final String LAST_MODIFIED = "Sun, 06 Nov 1994 08:49:37 GMT";

    @Test
    void referenceServerPassesEverySemanticCase() throws IOException {
        try (RunningServer server = ReferenceServers.sequential()) {
            RunResult result = ConformanceSuite.run(Target.of("h1kit-sequential", server.address()),
                    RunOptions.defaults(Profile.HTTP).withInclude(List.of("COND-", "RANGE-", "PATH-"))
                            .withClaimed(Set.of(Capability.FILE_FIXTURE, Capability.ECHO_FIXTURE), true));
            List<CaseResult> semantic = result.results().stream().filter(r -> !r.kase().id().equals(Case.HTTP_BASELINE)).toList();
            assertEquals(54, semantic.size(), "every COND, RANGE and PATH case ran");
            for (CaseResult r : semantic) {
                // PATH-10 is an INFO row: it records whether "//" is merged.
                Verdict expected = r.kase().ref().equals("PATH-10") ? Verdict.INFO : Verdict.PASS;
                assertEquals(expected, r.verdict(), () -> Describe.failure(r));
            }
        }
    }

    @Test
    void ignoringIfNoneMatchFailsCond01() throws IOException {
        try (FakeServer server = canned(request -> request.target().equals(Fixture.F_PATH) ? fileF() : ok("home"))) {
            assertVerdict(Verdict.FAIL, server, "9110-13/01");
        }
    }

    @Test
    void contentAfterA304FailsCond01() throws IOException {
        // The head says 304 but the file follows anyway, as when a server writes the body regardless of status.
        try (FakeServer server = canned(request -> !request.target().equals(Fixture.F_PATH) ? ok("home")
                : request.has("If-None-Match") ? head(304, "ETag: " + ETAG) + Fixture.F_CONTENT : fileF())) {
            assertVerdict(Verdict.FAIL, server, "9110-13/01");
        }
    }

    @Test
    void closingInsteadOfA304FailsCond01() throws IOException {
        // HttpClient throws on a close without a response; the case must judge it, not report a harness error.
        try (FakeServer server = canned(request -> !request.target().equals(Fixture.F_PATH) ? ok("home")
                : request.has("If-None-Match") ? "" : fileF())) {
            CaseResult r = assertVerdict(Verdict.FAIL, server, "9110-13/01");
            assertTrue(r.observation().facts().keySet().stream().anyMatch(k -> k.endsWith("failed")), r.observation().facts()::toString);
        }
    }

    @Test
    void aTargetWithoutValidatorsMakesCond01NotApplicable() throws IOException {
        try (FakeServer server = canned(request -> ok(request.target().equals(Fixture.F_PATH) ? Fixture.F_CONTENT : "home"))) {
            assertVerdict(Verdict.INFO, server, "9110-13/01");
        }
    }

    @Test
    void evaluatingIfModifiedSinceDespiteIfNoneMatchFailsCond07() throws IOException {
        try (FakeServer server = canned(request -> !request.target().equals(Fixture.F_PATH) ? ok("home")
                : LAST_MODIFIED.equals(request.field("If-Modified-Since")) ? head(304, "ETag: " + ETAG) : fileF())) {
            assertVerdict(Verdict.FAIL, server, "9110-13/07");
        }
    }

    @Test
    void anOffByOneRangeFailsRange01() throws IOException {
        try (FakeServer server = canned(request -> !request.target().equals(Fixture.F_PATH) ? ok("home")
                : request.has("Range") ? response(206, "012345", "Content-Range: bytes 0-5/1000") : fileF())) {
            assertVerdict(Verdict.FAIL, server, "9110-14/01");
        }
    }

    @Test
    void oneCopyPerRangeFailsRange09() throws IOException {
        try (FakeServer server = canned(request -> !request.target().equals(Fixture.F_PATH) ? ok("home")
                : request.has("Range") ? response(206, Fixture.F_CONTENT.repeat(1000), "Content-Range: bytes 0-999/1000")
                : fileF())) {
            assertVerdict(Verdict.FAIL, server, "9110-14/09");
        }
    }

    @Test
    void restAssuredSendsOnlyHostAndTheCaseFields() throws IOException {
        // What an embedding test suite might have set JVM-wide: none of it may reach the target.
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("X-Global", "1").setBasePath("/api").build();
        RestAssured.filters((request, response, context) -> {
            request.header("X-Filter", "1");
            return context.next(request, response);
        });
        Canned canned = new Canned(request -> request.target().equals(Fixture.F_PATH) ? fileF() : ok("home"));
        try (FakeServer server = FakeServer.start(canned)) {
            assertVerdict(Verdict.FAIL, server, "9110-13/01");
            String conditional = canned.heads().stream().filter(h -> h.contains("If-None-Match")).findFirst().orElseThrow();
            List<String> lines = conditional.strip().lines().toList();
            assertEquals("GET /f HTTP/1.1", lines.getFirst());
            assertEquals(Set.of("If-None-Match: " + ETAG, "Host: localhost"), Set.copyOf(lines.subList(1, lines.size())));
        } finally {
            RestAssured.reset();
        }
    }

    @Test
    void servingTheCanaryFailsPath01() throws IOException {
        try (FakeServer server = canned(request -> request.target().contains("canary")
                ? ok(Fixture.CANARY_CONTENT) : ok("home"))) {
            CaseResult r = assertVerdict(Verdict.FAIL, server, "9110-17.3/01a");
            assertTrue(r.matched().contains("canary"), r.matched());
        }
    }

    @Test
    void truncatingTheNameAtNulFailsPath07() throws IOException {
        try (FakeServer server = canned(request -> request.target().startsWith(Fixture.C_PATH)
                ? ok(Fixture.C_CONTENT) : ok("home"))) {
            CaseResult r = assertVerdict(Verdict.FAIL, server, "9110-17.3/07a");
            assertTrue(r.matched().contains(Fixture.C_PATH), r.matched());
        }
    }

    @Test
    void decodingCrlfIntoALocationFailsPath11() throws IOException {
        try (FakeServer server = canned(request -> request.target().equals("/") ? ok("home")
                : head(301, "Location: " + request.target().replace("%0d", "\r").replace("%0a", "\n").replace("%20", " ")))) {
            CaseResult r = assertVerdict(Verdict.FAIL, server, "9110-17.3/11");
            assertTrue(r.matched().contains("injected"), r.matched());
        }
    }

    private static CaseResult assertVerdict(Verdict expected, FakeServer server, String id) {
        RunResult result = CaseRuns.run(server.address(), RunOptions.defaults(Profile.HTTP)
                .withClaimed(Set.of(Capability.FILE_FIXTURE), true), id);
        CaseResult r = result.results().stream().filter(c -> c.kase().id().equals(id)).findFirst().orElseThrow();
        assertEquals(expected, r.verdict(), () -> Describe.failure(r));
        assertTrue(r.observation() != null && !r.observation().transcripts().isEmpty(), "the verdict carries its evidence");
        return r;
    }

    private static String fileF() {
        return response(200, Fixture.F_CONTENT, "ETag: " + ETAG, "Last-Modified: " + LAST_MODIFIED);
    }

    private static String ok(String body) {
        return response(200, body);
    }

    private static String response(int status, String body, String... fields) {
        String[] typed = Stream.concat(Stream.of("Content-Type: text/plain"), Arrays.stream(fields)).toArray(String[]::new);
        return Responses.closing(status + " X", body, typed);
    }

    /** A response head with Content-Length: 0 (content may follow regardless, for the broken ones). */
    private static String head(int status, String... fields) {
        return response(status, "", fields);
    }

    /** What the canned server was asked. */
    private record Request(String target, Map<String, String> fields) {
        boolean has(String name) {
            return fields.containsKey(name.toLowerCase(Locale.ROOT));
        }

        String field(String name) {
            return fields.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static FakeServer canned(Function<Request, String> answer) throws IOException {
        return FakeServer.start(new Canned(answer));
    }

    /**
     * A fake target's connections: each reads a request head (and a Content-Length body), writes the
     * canned answer and closes. It remembers every head.
     */
    private static final class Canned implements FakeServer.Handler {
        private final Function<Request, String> answer;
        private final Queue<String> heads = new ConcurrentLinkedQueue<>();

        Canned(Function<Request, String> answer) {
            this.answer = answer;
        }

        /** Every request head received, in order of arrival. */
        List<String> heads() {
            return List.copyOf(heads);
        }

        @Override
        public void serve(Socket socket) throws IOException {
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            String head = Wire.readHead(in);
            if (head == null) {
                return;
            }
            heads.add(head);
            try {
                String[] lines = head.split("\r\n");
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon > 0) {
                        fields.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
                    }
                }
                String[] requestLine = lines[0].split(" ");
                in.readNBytes(Integer.parseInt(fields.getOrDefault("content-length", "0")));
                String target = requestLine.length > 1 ? requestLine[1] : "";
                socket.getOutputStream().write(answer.apply(new Request(target, fields)).getBytes(StandardCharsets.ISO_8859_1));
            } catch (RuntimeException e) {
                // something odd was sent: close
            }
        }
    }
}
