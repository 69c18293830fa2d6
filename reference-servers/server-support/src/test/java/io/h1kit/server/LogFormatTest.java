package io.h1kit.server;

import io.h1kit.server.testing.FakeClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The exact lines the logs write: tools and the conformance report parse them. */
class LogFormatTest {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 51234);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-27T15:31:43Z").toEpochMilli());

    private String written() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("access log: Combined Log Format, UTC, '-' for no body and missing fields")
    void combinedLogFormat() {
        AccessLog log = new AccessLog(LogSink.to(out), clock);
        log.log(CLIENT, "GET /a?b=1 HTTP/1.1", 200, 1024, "http://r/", "curl/8");
        log.log(CLIENT, null, 400, 0, null, null);
        assertEquals("""
                127.0.0.1 - - [27/Nov/2026:15:31:43 +0000] "GET /a?b=1 HTTP/1.1" 200 1024 "http://r/" "curl/8"
                127.0.0.1 - - [27/Nov/2026:15:31:43 +0000] "-" 400 - "-" "-"
                """, written());
    }

    @Test
    @DisplayName("access log: client bytes are escaped, so no line can be forged")
    void accessLogEscapesClientBytes() {
        AccessLog log = new AccessLog(LogSink.to(out), clock);
        log.log(CLIENT, "GET / HTTP/1.1", 200, 1, "x\"y", "a\nb\u00a7\\");
        assertEquals("127.0.0.1 - - [27/Nov/2026:15:31:43 +0000] \"GET / HTTP/1.1\" 200 1 \"x\\\"y\" \"a\\x0ab\\xa7\\\\\"\n",
                written());
    }

    @Test
    @DisplayName("access log: one line per echo connection")
    void connectionLine() {
        new AccessLog(LogSink.to(out), clock).connection(CLIENT, 10, 9, 42, "client_reset");
        assertEquals("127.0.0.1:51234 [27/Nov/2026:15:31:43 +0000] bytes_in=10 bytes_out=9 duration_ms=42 end=client_reset\n",
                written());
    }

    @Test
    @DisplayName("error log: time, level, event, key=value; values quoted and escaped when needed")
    void errorLog() {
        ErrorLog log = new ErrorLog(LogSink.to(out), clock);
        log.warn("request_rejected", "client", ErrorLog.address(CLIENT), "status", 400, "rfc", "RFC 9112 §2.2",
                "detail", "bare LF\nforged line");
        log.info("server_started", "empty", "");
        assertEquals("""
                2026-11-27T15:31:43Z warn request_rejected client=127.0.0.1:51234 status=400 rfc="RFC 9112 §2.2" \
                detail="bare LF\\x0aforged line"
                2026-11-27T15:31:43Z info server_started empty=""
                """, written());
    }

    @Test
    @DisplayName("error log: a long value (an 8 KiB target) is cut, saying how much was left out")
    void longValuesAreCut() {
        new ErrorLog(LogSink.to(out), clock).info("not_found", "target", "/" + "a".repeat(1_999));
        assertEquals("2026-11-27T15:31:43Z info not_found target=\"/" + "a".repeat(ErrorLog.MAX_VALUE_CHARS - 1)
                + "...(976 more)\"\n", written());
    }

    @Test
    @DisplayName("a log turned off writes nothing")
    void off() {
        LogSink sink = LogSink.open(LogSink.OFF, java.io.FileDescriptor.out);
        new ErrorLog(sink, clock).error("anything");
        assertEquals(false, sink.enabled());
    }
}
