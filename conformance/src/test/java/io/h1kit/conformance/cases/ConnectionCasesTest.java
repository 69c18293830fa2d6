package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.testing.CaseRuns;
import io.h1kit.conformance.testing.FakeServer;
import io.h1kit.conformance.testing.Responses;
import io.h1kit.conformance.testing.Wire;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Proves that the connection, Expect and echo cases discriminate: each runs against a tiny fake
 * server with one behaviour flipped, and the verdict must follow the flip (Flawed/Fixed pairs).
 * The fakes serve each connection on its own virtual thread; they listen on 127.0.0.1, port 0.
 */
class ConnectionCasesTest {

    @Test
    void aServerThatClosesAfterConnectionClosePassesConn02() throws IOException {
        assertEquals(Verdict.PASS, verdict(Flaw.NONE::serve, Profile.HTTP, "9112-9.3/02"));
    }

    @Test
    void aServerThatStaysOpenAfterConnectionCloseFailsConn02() throws IOException {
        assertEquals(Verdict.FAIL, verdict(Flaw.STAYS_OPEN_AFTER_CLOSE::serve, Profile.HTTP, "9112-9.3/02"));
    }

    @Test
    void aServerThatAnswersPostWithoutReadingTheBodyFailsConn16() throws IOException {
        assertEquals(Verdict.FAIL, verdict(Flaw.SKIPS_POST_BODY::serve, Profile.HTTP, "9112-9.3/16"));
        assertEquals(Verdict.PASS, verdict(Flaw.NONE::serve, Profile.HTTP, "9112-9.3/16"));
    }

    @Test
    void aServerThatWaitsForTheBodyBeforeContinueFailsExp01() throws IOException {
        assertEquals(Verdict.FAIL, verdict(Flaw.NO_CONTINUE::serve, Profile.HTTP, "9110-10.1.1/01"));
        assertEquals(Verdict.PASS, verdict(Flaw.NONE::serve, Profile.HTTP, "9110-10.1.1/01"));
    }

    @Test
    void anEchoServerThatDropsBytesAfterTheFirstThousandFailsEcho04() throws IOException {
        assertEquals(Verdict.FAIL, verdict(s -> echoTheFirst(1_000, s), Profile.ECHO, "862/04"));
    }

    @Test
    void anEchoServerThatEchoesEverythingPassesEcho04() throws IOException {
        assertEquals(Verdict.PASS, verdict(s -> echoTheFirst(Long.MAX_VALUE, s), Profile.ECHO, "862/04"));
    }

    /** Runs one case (and the baseline, which always runs and must pass) against the fake and returns the case's verdict. */
    private static Verdict verdict(FakeServer.Handler fake, Profile profile, String id) throws IOException {
        return CaseRuns.verdict(fake, RunOptions.defaults(profile), id);
    }

    /** An HTTP/1.1 server that answers every request 200 "ok" and keeps connections alive, but for one flaw. */
    private enum Flaw {
        NONE,
        /** Sends Connection: close but keeps reading (CONN-02's bug). */
        STAYS_OPEN_AFTER_CLOSE,
        /** Answers a POST without reading its body, which is then parsed as the next request (CL.0). */
        SKIPS_POST_BODY,
        /** Never sends 100 Continue: it just waits for the body. */
        NO_CONTINUE;

        void serve(Socket s) throws IOException {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = Wire.readHead(in);
                if (head == null) {
                    return;
                }
                String method = head.substring(0, Math.max(0, head.indexOf(' ')));
                long length = field(head, "content-length") == null ? 0 : Long.parseLong(field(head, "content-length"));
                String expect = field(head, "expect");
                if (expect != null && expect.equalsIgnoreCase("100-continue") && this != NO_CONTINUE) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                if (!(this == SKIPS_POST_BODY && method.equals("POST"))) {
                    in.readNBytes(Math.toIntExact(length));
                }
                String connection = field(head, "connection");
                boolean close = connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
                String[] fields = {"Date: Thu, 01 Jan 2026 00:00:00 GMT", "Content-Type: text/plain"};
                String response = close ? Responses.closing("200 OK", "ok", fields) : Responses.response("200 OK", "ok", fields);
                out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (close && this != STAYS_OPEN_AFTER_CLOSE) {
                    Wire.finAfterDraining(s, in, 0); // a staged close: drain until the client closes
                    return;
                }
            }
        }

        private static String field(String head, String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    /** An echo server that sends back only the first {@code limit} bytes of the connection, then discards. */
    private static void echoTheFirst(long limit, Socket s) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        byte[] buffer = new byte[65_536];
        long seen = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            int keep = (int) Math.max(0, Math.min(n, limit - seen));
            out.write(buffer, 0, keep);
            seen += n;
        }
        s.shutdownOutput();
    }
}
