package io.h1kit.conformance.cases;

import io.h1kit.conformance.junit.ConformanceSuite;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.run.RunResult;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        try (FakeHttp server = new FakeHttp(FakeHttp.Flaw.NONE)) {
            assertEquals(Verdict.PASS, verdict(server.address(), Profile.HTTP, "9112-9.3/02"));
        }
    }

    @Test
    void aServerThatStaysOpenAfterConnectionCloseFailsConn02() throws IOException {
        try (FakeHttp server = new FakeHttp(FakeHttp.Flaw.STAYS_OPEN_AFTER_CLOSE)) {
            assertEquals(Verdict.FAIL, verdict(server.address(), Profile.HTTP, "9112-9.3/02"));
        }
    }

    @Test
    void aServerThatAnswersPostWithoutReadingTheBodyFailsConn16() throws IOException {
        try (FakeHttp server = new FakeHttp(FakeHttp.Flaw.SKIPS_POST_BODY)) {
            assertEquals(Verdict.FAIL, verdict(server.address(), Profile.HTTP, "9112-9.3/16"));
        }
        try (FakeHttp server = new FakeHttp(FakeHttp.Flaw.NONE)) {
            assertEquals(Verdict.PASS, verdict(server.address(), Profile.HTTP, "9112-9.3/16"));
        }
    }

    @Test
    void aServerThatWaitsForTheBodyBeforeContinueFailsExp01() throws IOException {
        try (FakeHttp server = new FakeHttp(FakeHttp.Flaw.NO_CONTINUE)) {
            assertEquals(Verdict.FAIL, verdict(server.address(), Profile.HTTP, "9110-10.1.1/01"));
        }
        try (FakeHttp server = new FakeHttp(FakeHttp.Flaw.NONE)) {
            assertEquals(Verdict.PASS, verdict(server.address(), Profile.HTTP, "9110-10.1.1/01"));
        }
    }

    @Test
    void anEchoServerThatDropsBytesAfterTheFirstThousandFailsEcho04() throws IOException {
        try (FakeEcho server = new FakeEcho(1_000)) {
            assertEquals(Verdict.FAIL, verdict(server.address(), Profile.ECHO, "862/04"));
        }
    }

    @Test
    void anEchoServerThatEchoesEverythingPassesEcho04() throws IOException {
        try (FakeEcho server = new FakeEcho(Long.MAX_VALUE)) {
            assertEquals(Verdict.PASS, verdict(server.address(), Profile.ECHO, "862/04"));
        }
    }

    /** Runs one case (and the baseline, which always runs and must pass) and returns the case's verdict. */
    private static Verdict verdict(InetSocketAddress address, Profile profile, String id) {
        RunResult result = ConformanceSuite.run(Target.of("fake", address),
                RunOptions.defaults(profile).withInclude(List.of(id)));
        String baseline = profile == Profile.HTTP ? Case.HTTP_BASELINE : Case.ECHO_BASELINE;
        assertEquals(Verdict.PASS, result.result(baseline).verdict(), "the baseline must pass on the fake");
        return result.result(id).verdict();
    }

    /** Accepts connections and serves each on its own virtual thread until closed. */
    private abstract static class Fake implements AutoCloseable {
        private final ServerSocket listener;

        Fake() throws IOException {
            listener = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().name("fake-accept").start(this::acceptLoop);
        }

        InetSocketAddress address() {
            return (InetSocketAddress) listener.getLocalSocketAddress();
        }

        private void acceptLoop() {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    Thread.ofVirtual().name("fake-conn").start(() -> {
                        try (s) {
                            serve(s);
                        } catch (IOException e) {
                            // The client went away; the next one is served.
                        }
                    });
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        abstract void serve(Socket s) throws IOException;

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    /** An HTTP/1.1 server that answers every request 200 "ok", keeps connections alive, and has one flaw. */
    private static final class FakeHttp extends Fake {
        enum Flaw {
            NONE,
            /** Sends Connection: close but keeps reading (CONN-02's bug). */
            STAYS_OPEN_AFTER_CLOSE,
            /** Answers a POST without reading its body, which is then parsed as the next request (CL.0). */
            SKIPS_POST_BODY,
            /** Never sends 100 Continue: it just waits for the body. */
            NO_CONTINUE
        }

        private final Flaw flaw;

        FakeHttp(Flaw flaw) throws IOException {
            this.flaw = flaw;
        }

        @Override
        void serve(Socket s) throws IOException {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String method = head.substring(0, Math.max(0, head.indexOf(' ')));
                long length = field(head, "content-length") == null ? 0 : Long.parseLong(field(head, "content-length"));
                String expect = field(head, "expect");
                if (expect != null && expect.equalsIgnoreCase("100-continue") && flaw != Flaw.NO_CONTINUE) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                if (!(flaw == Flaw.SKIPS_POST_BODY && method.equals("POST"))) {
                    in.readNBytes(Math.toIntExact(length));
                }
                String connection = field(head, "connection");
                boolean close = connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
                out.write(("HTTP/1.1 200 OK\r\nDate: Thu, 01 Jan 2026 00:00:00 GMT\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: 2\r\n" + (close ? "Connection: close\r\n" : "") + "\r\nok")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (close && flaw != Flaw.STAYS_OPEN_AFTER_CLOSE) {
                    s.shutdownOutput();
                    in.transferTo(OutputStream.nullOutputStream()); // a staged close: drain until the client closes
                    return;
                }
            }
        }

        /** The head up to the empty line, or null at the end of the stream. */
        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int last4 = 0;
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                last4 = (last4 << 8) | b;
                if (last4 == 0x0D0A0D0A) {
                    return head.toString(StandardCharsets.ISO_8859_1);
                }
            }
            return null;
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

    /** An echo server that sends back only the first {@code limit} bytes of each connection, then discards. */
    private static final class FakeEcho extends Fake {
        private final long limit;

        FakeEcho(long limit) throws IOException {
            this.limit = limit;
        }

        @Override
        void serve(Socket s) throws IOException {
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
}
