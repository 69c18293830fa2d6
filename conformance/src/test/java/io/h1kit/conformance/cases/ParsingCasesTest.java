package io.h1kit.conformance.cases;

import io.h1kit.conformance.junit.ConformanceSuite;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.run.RunResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The parsing cases discriminate: each test runs one case against a fake server that answers GET /
 * (the baseline) with 200 and everything else with a canned reply, and checks the verdict. A case
 * that gave every fake the same verdict would prove nothing.
 */
class ParsingCasesTest {
    private static final String BASELINE = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";
    private static final Reply OK = Reply.thenClose(response("200 OK", "text/plain", "ok"));
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
        try (FakeServer server = new FakeServer(replies)) {
            RunOptions options = RunOptions.defaults(Profile.HTTP).withInclude(List.of(id))
                    .withClaimed(Set.of(claimed), false);
            RunResult result = ConformanceSuite.run(Target.of("fake", server.address()), options);
            assertEquals(Verdict.PASS, result.result(Case.HTTP_BASELINE).verdict());
            CaseResult r = result.result(id);
            assertNotNull(r, "case " + id + " did not run");
            return r.verdict();
        }
    }

    private static String response(String status, String type, String body) {
        return "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body;
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

    /** What the fake sends (null: nothing), and whether it then closes or keeps the connection open. */
    private record Reply(String bytes, boolean close) {
        static Reply thenClose(String bytes) {
            return new Reply(bytes, true);
        }

        static Reply leftOpen(String bytes) {
            return new Reply(bytes, false);
        }
    }

    /**
     * A fake HTTP server on 127.0.0.1 and a free port, a virtual thread per connection: it reads
     * up to the first empty line, answers the baseline with 200 and anything else as told. It
     * closes with a FIN after draining what the client sent, so a reply is never lost to a reset.
     */
    private static final class FakeServer implements AutoCloseable {
        private static final int READ_TIMEOUT_MILLIS = 3_000;
        private final ServerSocket listener;
        private final Function<String, Reply> replies;

        FakeServer(Function<String, Reply> replies) throws IOException {
            this.replies = replies;
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::accept);
        }

        InetSocketAddress address() {
            return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    Thread.ofVirtual().start(() -> serve(s));
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private void serve(Socket socket) {
            try (socket) {
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                InputStream in = socket.getInputStream();
                String request = readHead(in);
                if (request.isEmpty()) {
                    return;
                }
                Reply reply = request.equals(BASELINE) ? OK : replies.apply(request);
                OutputStream out = socket.getOutputStream();
                if (reply.bytes() != null) {
                    out.write(reply.bytes().getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                if (reply.close()) {
                    socket.shutdownOutput();
                }
                drain(in); // until the client closes (or the timeout), then close
            } catch (IOException e) {
                // the client went away: nothing to do
            }
        }

        /** Bytes up to and including the first CRLF CRLF, or whatever came before EOF or a pause. */
        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            byte[] chunk = new byte[16_384];
            try {
                int n;
                while ((n = in.read(chunk)) > 0) {
                    head.write(chunk, 0, n);
                    if (head.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                        // a short grace for the rest of a single write (a body, "Z", …)
                        if (in.available() == 0) {
                            break;
                        }
                    }
                }
            } catch (SocketTimeoutException e) {
                // what came is what we judge
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        private static void drain(InputStream in) {
            byte[] sink = new byte[16_384];
            try {
                while (in.read(sink) > 0) {
                    // discard
                }
            } catch (IOException e) {
                // timeout or reset: done
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
