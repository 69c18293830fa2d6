package io.h1kit.http;

import static io.h1kit.http.Fixture.G;
import static io.h1kit.http.Fixture.Msg.g;
import static io.h1kit.http.Fixture.Msg.request;
import static io.h1kit.http.Fixture.accept;
import static io.h1kit.http.Fixture.incomplete;
import static io.h1kit.http.Fixture.reject;
import static io.h1kit.http.Status.BAD_REQUEST_400;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * RFC 9112 §9.3 and §9.3.2, persistence and pipelining: several requests in one stream come out
 * in order, empty lines between them are skipped (catalogue CONN-17), and {@link
 * RequestParser#isIdle()} tells a connection between requests from one inside a request.
 */
class Rfc9112Section9_3PipeliningTest extends ParserFixtureTest {

    @Override
    Stream<Fixture> fixtures() {
        return Stream.of(
                // RFC 9112 §9.3.2: "A server MAY process a sequence of pipelined requests in parallel
                // ... but the responses ... MUST be sent in the same order that the requests were received."
                accept("CONN-07", "three GETs in one write", """
                        GET /a HTTP/1.1\r
                        Host: t\r
                        \r
                        GET /b HTTP/1.1\r
                        Host: t\r
                        \r
                        GET /c HTTP/1.1\r
                        Host: t\r
                        \r
                        """, get("/a"), get("/b"), get("/c")),
                accept("CONN-08", "GET, POST with a body, HEAD, GET", """
                        GET /a HTTP/1.1\r
                        Host: t\r
                        \r
                        POST /echo HTTP/1.1\r
                        Host: t\r
                        Content-Length: 5\r
                        \r
                        helloHEAD /a HTTP/1.1\r
                        Host: t\r
                        \r
                        GET /b HTTP/1.1\r
                        Host: t\r
                        \r
                        """, get("/a"), request("POST", "/echo").field("Host", "t").field("Content-Length", "5")
                        .length(5).body("hello"), request("HEAD", "/a").field("Host", "t"), get("/b")),
                // RFC 9112 §2.2: after an invalid request, "the server SHOULD respond with a 400 (Bad
                // Request) response and close the connection".
                reject("CONN-09", "valid, invalid, valid", G + "\r\nBLAH\r\n\r\n" + G + "\r\n", BAD_REQUEST_400, g()),
                accept("CONN-10", "100 GETs in one write", (G + "\r\n").repeat(100), hundredGets()),
                // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before a request-line,
                // here between two pipelined requests.
                accept("CONN-17", "empty lines between pipelined requests", G + "\r\n\r\n\r\n" + G + "\r\n", g(), g()),
                accept("CONN-17/after-body", "CRLF after a POST body, as old clients send",
                        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nab\r\n" + G + "\r\n",
                        request("POST", "/echo").field("Host", "t").field("Content-Length", "2").length(2).body("ab"), g()),
                accept("CONN-17/trailing", "empty lines after the last request", G + "\r\n\r\n\r\n", g()),
                accept("9112-9.3/mixed-framing", "chunked, then Content-Length, then none", """
                        POST /a HTTP/1.1\r
                        Host: t\r
                        Transfer-Encoding: chunked\r
                        \r
                        3;x=y\r
                        abc\r
                        0\r
                        T: 1\r
                        \r
                        POST /b HTTP/1.1\r
                        Host: t\r
                        Content-Length: 3\r
                        \r
                        defGET /c HTTP/1.0\r
                        \r
                        """,
                        request("POST", "/a").field("Host", "t").field("Transfer-Encoding", "chunked").chunked()
                                .body("abc").trailer("T", "1"),
                        request("POST", "/b").field("Host", "t").field("Content-Length", "3").length(3).body("def"),
                        request("GET", "/c").http10()),
                incomplete("9112-9.3/second-partial", "a whole request, then half of the next",
                        G + "\r\nGET /b HTTP/1.1\r\nHo", g()),
                incomplete("9112-9.3/second-body-partial", "a whole request, then a head and part of its body",
                        G + "\r\nPOST /b HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nab",
                        g(), request("POST", "/b").field("Host", "t").field("Content-Length", "4").length(4).body("ab")
                                .partial()));
    }

    @Test
    void isIdleOnlyBetweenMessages() {
        RequestParser parser = new RequestParser(HttpLimits.DEFAULTS);
        ParserHarness.Collector collector = new ParserHarness.Collector(parser);
        List<Boolean> idle = new ArrayList<>();
        idle.add(parser.isIdle());
        String[] steps = {
            "POST /echo HTTP/1.1\r\nHost: t\r\n", // inside the header section
            "Content-Length: 3\r\n\r\n",           // head done, body pending
            "ab",                                   // inside the body
            "c",                                    // message done
            "\r\n",                                 // an empty line, skipped
            "\r",                                   // half of an empty line
            "\n",                                   // the empty line completed
            "G",                                    // the first byte of a request-line
            "ET / HTTP/1.1\r\nHost: t\r\n\r\n",     // message done
        };
        for (String step : steps) {
            collector.feed(ByteBuffer.wrap(ParserHarness.bytes(step)));
            idle.add(parser.isIdle());
        }
        assertEquals(List.of(true, false, false, false, true, true, false, true, false, true), idle);
        assertEquals(2, collector.outcome().messages().size());
    }

    @Test
    void isReadingBodyFromHeadToEnd() {
        RequestParser parser = new RequestParser(HttpLimits.DEFAULTS);
        ByteBuffer in = ByteBuffer.wrap(ParserHarness.bytes(
                "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\nT: v\r\n\r\n"));
        List<String> seen = new ArrayList<>();
        RequestParser.Event event;
        do {
            event = parser.parse(in);
            seen.add(event + (parser.isReadingBody() ? "+body" : "") + (parser.isIdle() ? "+idle" : ""));
        } while (event != RequestParser.Event.NEED_MORE);
        assertEquals(List.of("HEAD+body", "BODY+body", "END+idle", "NEED_MORE+idle"), seen);
    }

    @Test
    void headAndTrailersStayReadableUntilTheNextCall() {
        RequestParser parser = new RequestParser(HttpLimits.DEFAULTS);
        ByteBuffer in = ByteBuffer.wrap(ParserHarness.bytes(
                "POST /a HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nContent-Length: 9\r\n\r\n"
                        + G + "\r\n"));
        assertEquals(RequestParser.Event.HEAD, parser.parse(in));
        assertEquals(RequestParser.Event.END, parser.parse(in));
        RequestHead first = parser.head();
        assertAll(
                () -> assertEquals("/a", first.target().path()),
                () -> assertEquals("9", parser.trailers().get("Content-Length")),
                () -> assertFalse(first.fields().contains("Content-Length"), "trailers stay out of the head"),
                () -> assertTrue(parser.isIdle()));
        assertEquals(RequestParser.Event.HEAD, parser.parse(in));
        assertEquals("/", parser.head().target().path());
        assertEquals(RequestParser.Event.END, parser.parse(in));
        assertTrue(parser.trailers().isEmpty());
    }

    @Test
    void bodySliceIsAViewOfTheCallersBuffer() {
        RequestParser parser = new RequestParser(HttpLimits.DEFAULTS);
        byte[] bytes = ParserHarness.bytes("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello");
        ByteBuffer in = ByteBuffer.wrap(bytes);
        assertEquals(RequestParser.Event.HEAD, parser.parse(in));
        assertEquals(RequestParser.Event.BODY, parser.parse(in));
        ByteBuffer body = parser.body();
        assertEquals(5, body.remaining());
        bytes[bytes.length - 5] = 'j';
        assertEquals('j', body.get(body.position()), "no copy is made: the slice is valid until the buffer changes");
        assertFalse(in.hasRemaining());
        assertEquals(RequestParser.Event.END, parser.parse(in));
    }

    private static Fixture.Msg get(String target) {
        return request("GET", target).field("Host", "t");
    }

    private static Fixture.Msg[] hundredGets() {
        Fixture.Msg[] out = new Fixture.Msg[100];
        for (int i = 0; i < out.length; i++) {
            out[i] = g();
        }
        return out;
    }
}
