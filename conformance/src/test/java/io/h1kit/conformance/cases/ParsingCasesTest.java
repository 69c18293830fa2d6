package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.testing.CaseRuns;
import io.h1kit.conformance.testing.FakeReplies;
import io.h1kit.conformance.testing.Reply;
import io.h1kit.conformance.testing.Responses;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The parsing cases discriminate: each test runs one case against a fake server that answers GET /
 * (the baseline) with 200 and everything else with a canned reply, and checks the verdict. A case
 * that gave every fake the same verdict would prove nothing.
 */
class ParsingCasesTest {
    private static final Reply OK = FakeReplies.OK;
    private static final Reply BAD_REQUEST_AND_CLOSE = Reply.thenClose(response("400 Bad Request", "text/plain", "bad"));
    private static final Reply BAD_REQUEST_LEFT_OPEN = Reply.leftOpen(response("400 Bad Request", "text/plain", "bad"));
    private static final Reply CLOSE_ONLY = Reply.thenClose(null);
    private static final Reply NOT_FOUND = Reply.thenClose(response("404 Not Found", "text/plain", "no"));

    @Test
    void bareCrEndingTheRequestLineAnswered200Fails() throws IOException {
        assertEquals(Verdict.FAIL, verdict("9112-2.2/05", request -> OK));
    }

    @Test
    void bareCrEndingTheRequestLineAnswered400AndClosedPasses() throws IOException {
        assertEquals(Verdict.PASS, verdict("9112-2.2/05", request -> BAD_REQUEST_AND_CLOSE));
    }

    @Test
    void bareCrEndingTheRequestLineClosedWithoutResponseIsNonStrict() throws IOException {
        assertEquals(Verdict.NON_STRICT, verdict("9112-2.2/05", request -> CLOSE_ONLY));
    }

    @Test
    void bareCrEndingTheRequestLineAnswered400LeftOpenIsNonStrict() throws IOException {
        assertEquals(Verdict.NON_STRICT, verdict("9112-2.2/05", request -> BAD_REQUEST_LEFT_OPEN));
    }

    @Test
    void bareCrEndingTheRequestLineAnsweredTwiceFails() throws IOException {
        // A server that refuses, then parses what followed the CR as a second request, and stays open.
        String twice = response("400 Bad Request", "text/plain", "bad") + response("400 Bad Request", "text/plain", "x");
        assertEquals(Verdict.FAIL, verdict("9112-2.2/05", request -> Reply.leftOpen(twice)));
    }

    @Test
    void bareCrInAValueIsJudgedByWhatEchoShows() throws IOException {
        assertEquals(Verdict.NON_STRICT, verdict("9112-2.2/06", request -> echo("X", "a b"), Capability.ECHO_FIXTURE));
        // The CR read as a line break: "b" became a line of its own and the value is "a".
        assertEquals(Verdict.FAIL, verdict("9112-2.2/06", request -> echo("X", "a"), Capability.ECHO_FIXTURE));
        // Without the fixture the reading cannot be seen.
        assertEquals(Verdict.INFO, verdict("9112-2.2/06", request -> NOT_FOUND));
    }

    @Test
    void obsFoldPassesOnlyWhenReadAsSpace() throws IOException {
        assertEquals(Verdict.PASS, verdict("9112-5/02", request -> echo("X", "a b"), Capability.ECHO_FIXTURE));
        assertEquals(Verdict.PASS, verdict("9112-5/02", request -> echo("X", "a   b"), Capability.ECHO_FIXTURE));
        assertEquals(Verdict.FAIL, verdict("9112-5/02", request -> echo("X", "a"), Capability.ECHO_FIXTURE));
        // A close without the 400 the MUST asks for.
        assertEquals(Verdict.FAIL, verdict("9112-5/02", request -> CLOSE_ONLY));
    }

    @Test
    void nonTokenNameNormalisedIntoContentLengthFails() throws IOException {
        Function<String, Reply> normalises = request -> request.endsWith("Z")
                ? Reply.thenClose(echoJson("\"headers\":[[\"Host\",\"localhost\"],[\"Content-Length\",\"1\"]],"
                        + "\"body\":\"Z\""))
                : Reply.leftOpen(null); // waits for the one-octet body
        assertEquals(Verdict.FAIL, verdict("9112-5/05e", normalises, Capability.ECHO_FIXTURE));
        assertEquals(Verdict.INFO, verdict("9112-5/05e",
                request -> Reply.thenClose(echoJson("\"headers\":[[\"Host\",\"localhost\"]],\"body\":\"\"")),
                Capability.ECHO_FIXTURE));
    }

    @Test
    void http09RequestAnsweredInHttp09IsInfo() throws IOException {
        assertEquals(Verdict.INFO, verdict("9112-3/14", request -> Reply.thenClose("<html>hello</html>\n")));
        assertEquals(Verdict.PASS, verdict("9112-3/14", request -> BAD_REQUEST_AND_CLOSE));
    }

    @Test
    void hugeTargetIsJudgedByTheStatus() throws IOException {
        assertEquals(Verdict.PASS, verdict("9112-3/11",
                request -> Reply.thenClose(response("414 URI Too Long", "text/plain", "long"))));
        // A server willing to parse 100 KB breaks no MUST.
        assertEquals(Verdict.INFO, verdict("9112-3/11", request -> OK));
        assertEquals(Verdict.FAIL, verdict("9112-3/11", request -> CLOSE_ONLY));
    }

    @Test
    void missingHostMustBe400() throws IOException {
        assertEquals(Verdict.PASS, verdict("9110-7.2/01", request -> BAD_REQUEST_LEFT_OPEN));
        assertEquals(Verdict.FAIL, verdict("9110-7.2/01", request -> OK));
    }

    private static Verdict verdict(String id, Function<String, Reply> replies, Capability... claimed) throws IOException {
        return CaseRuns.verdict(FakeReplies.answering(replies),
                RunOptions.defaults(Profile.HTTP).withClaimed(Set.of(claimed), false), id);
    }

    private static String response(String status, String type, String body) {
        return Responses.response(status, body, "Content-Type: " + type);
    }

    /** The /echo fixture's JSON for a GET /echo with Host and one more field. */
    private static Reply echo(String name, String value) {
        return Reply.thenClose(echoJson("\"headers\":[[\"Host\",\"localhost\"],[\"" + name + "\",\"" + value
                + "\"]],\"body\":\"\""));
    }

    private static String echoJson(String headersAndBody) {
        String json = "{\"method\":\"GET\",\"target\":\"/echo\",\"version\":\"HTTP/1.1\"," + headersAndBody + "}";
        return response("200 OK", "application/json", json);
    }
}
