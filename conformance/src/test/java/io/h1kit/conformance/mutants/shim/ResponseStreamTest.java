package io.h1kit.conformance.mutants.shim;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The response side of the shim: responses framed (HEAD, 304, chunked, CL), rewritten and reordered. */
class ResponseStreamTest {
    private static final String OK_5 = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
    private static final String HEAD_OK = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n";
    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n";
    private static final String NOT_FOUND = "HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nnot";

    private static LinkState sent(String... methods) {
        LinkState link = new LinkState();
        for (String m : methods) {
            link.requestSent(m);
        }
        return link;
    }

    private static String run(ResponseStream stream, String in, boolean byteByByte) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = in.getBytes(StandardCharsets.ISO_8859_1);
        if (byteByByte) {
            for (byte b : bytes) {
                out.writeBytes(stream.feed(new byte[] {b}, 1));
            }
        } else {
            out.writeBytes(stream.feed(bytes, bytes.length));
        }
        out.writeBytes(stream.end());
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void rewritesEveryHeadKnowingWhichAnswersHead() {
        UnaryOperator<String> mark = h -> HeadText.of(h).withFieldFirst(HeadText.Line.field("M", "1")).text();
        String in = OK_5 + HEAD_OK + CHUNKED + NOT_FOUND;
        String expected = (OK_5 + HEAD_OK + CHUNKED + NOT_FOUND).replace("HTTP/1.1 200 OK\r\n", "HTTP/1.1 200 OK\r\nM: 1\r\n")
                .replace("HTTP/1.1 404 Not Found\r\n", "HTTP/1.1 404 Not Found\r\nM: 1\r\n");
        for (boolean pieces : new boolean[] {false, true}) {
            assertEquals(expected, run(new ResponseStream(mark, false, sent("GET", "HEAD", "GET", "GET")), in, pieces));
        }
    }

    @Test
    void reordersPipelinedResponsesInPairs() {
        String in = OK_5 + NOT_FOUND + CHUNKED;
        for (boolean pieces : new boolean[] {false, true}) {
            assertEquals(NOT_FOUND + OK_5 + CHUNKED,
                    run(new ResponseStream(UnaryOperator.identity(), true, sent("GET", "GET", "GET")), in, pieces));
        }
    }

    @Test
    void doesNotHoldAResponseWhenNoOtherRequestWaits() {
        ResponseStream stream = new ResponseStream(UnaryOperator.identity(), true, sent("GET"));
        byte[] bytes = OK_5.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(OK_5, new String(stream.feed(bytes, bytes.length), StandardCharsets.ISO_8859_1));
    }

    @Test
    void releasesAHeldResponseWhenTheNextDoesNotCome() {
        ResponseStream stream = new ResponseStream(UnaryOperator.identity(), true, sent("GET", "GET"));
        byte[] bytes = OK_5.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(0, stream.feed(bytes, bytes.length).length);
        assertEquals(OK_5, new String(stream.quiet(RequestStream.QUIET_MILLIS), StandardCharsets.ISO_8859_1));
    }

    @Test
    void anInterimResponseGoesOutAtOnce() {
        String continue100 = "HTTP/1.1 100 Continue\r\n\r\n";
        assertEquals(continue100 + OK_5,
                run(new ResponseStream(UnaryOperator.identity(), true, sent("POST")), continue100 + OK_5, true));
    }
}
