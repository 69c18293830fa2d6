package io.h1kit.conformance.mutants.shim;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The request side of the shim: heads found and rewritten, bodies passed by their framing, fed whole or byte by byte. */
class RequestStreamTest {
    /** Marks every head it sees, so the test can tell heads from bodies. */
    private static final UnaryOperator<String> MARK = head -> HeadText.of(head).withFieldFirst(HeadText.Line.field("M", "1")).text();

    private static String whole(RequestStream stream, String in) {
        byte[] bytes = in.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(stream.feed(bytes, bytes.length));
        out.writeBytes(stream.end());
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String byteByByte(RequestStream stream, String in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : in.getBytes(StandardCharsets.ISO_8859_1)) {
            out.writeBytes(stream.feed(new byte[] {b}, 1));
        }
        out.writeBytes(stream.end());
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static void assertRewrites(String expected, UnaryOperator<String> rewrite, String in) {
        assertEquals(expected, whole(RequestStream.heads(rewrite, new LinkState()), in), "fed whole");
        assertEquals(expected, byteByByte(RequestStream.heads(rewrite, new LinkState()), in), "fed byte by byte");
    }

    @Test
    void rewritesEachPipelinedHeadAndNoBody() {
        String in = "POST /echo HTTP/1.1\r\nContent-Length: 20\r\n\r\nGET /not-a-head HTTP\r\n"
                + "GET / HTTP/1.1\r\n\r\n";
        assertRewrites("POST /echo HTTP/1.1\r\nM: 1\r\nContent-Length: 20\r\n\r\nGET /not-a-head HTTP\r\n"
                + "GET / HTTP/1.1\r\nM: 1\r\n\r\n", MARK, in);
    }

    @Test
    void followsAChunkedBodyWithTrailersToTheNextHead() {
        String in = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;e=v\r\nGET /\r\n0\r\nX: y\r\n\r\n"
                + "GET / HTTP/1.1\r\n\r\n";
        assertRewrites("POST / HTTP/1.1\r\nM: 1\r\nTransfer-Encoding: chunked\r\n\r\n5;e=v\r\nGET /\r\n0\r\nX: y\r\n\r\n"
                + "GET / HTTP/1.1\r\nM: 1\r\n\r\n", MARK, in);
    }

    @Test
    void leadingEmptyLinesBelongToTheHead() {
        assertRewrites("\r\n\r\nGET / HTTP/1.1\r\nM: 1\r\n\r\n", MARK, "\r\n\r\nGET / HTTP/1.1\r\n\r\n");
    }

    @Test
    void bareLfHeadsAreFoundToo() {
        assertRewrites("GET / HTTP/1.1\nM: 1\r\nHost: t\n\n", MARK, "GET / HTTP/1.1\nHost: t\n\n");
    }

    @Test
    void aBodyWhoseFramingIsUnknownPassesUnchangedWithTheRestOfTheConnection() {
        String in = "POST / HTTP/1.1\r\nContent-Length: 1Z\r\n\r\nGET / HTTP/1.1\r\n\r\n";
        assertRewrites("POST / HTTP/1.1\r\nM: 1\r\nContent-Length: 1Z\r\n\r\nGET / HTTP/1.1\r\n\r\n", MARK, in);
    }

    @Test
    void anIncompleteHeadIsHeldThenReleasedUnchangedWhenQuiet() {
        RequestStream stream = RequestStream.heads(MARK, new LinkState());
        byte[] partial = "GET / HTTP/1.1\r\nHost: t\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(0, stream.feed(partial, partial.length).length);
        assertEquals(0, stream.quiet(RequestStream.QUIET_MILLIS - 1).length);
        assertEquals("GET / HTTP/1.1\r\nHost: t\r\n",
                new String(stream.quiet(RequestStream.QUIET_MILLIS), StandardCharsets.ISO_8859_1));
        byte[] rest = "\r\nGET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("\r\nGET / HTTP/1.1\r\n\r\n", new String(stream.feed(rest, rest.length), StandardCharsets.ISO_8859_1));
    }

    @Test
    void aBareCrEndsALineWhenAsked() {
        RequestStream stream = new RequestStream(UnaryOperator.identity(), ChunkedBody.SizeLineRewrite.NONE, true, new LinkState());
        // HDR-16: the CR makes an empty line, so ZGET... is a second request.
        assertEquals("GET / HTTP/1.1\r\nHost: t\r\n\r\nZGET /evil: HTTP/1.1\r\nHost: t\r\n\r\n",
                whole(stream, "GET / HTTP/1.1\r\nHost: t\r\n\rZGET /evil: HTTP/1.1\r\nHost: t\r\n\r\n"));
    }

    @Test
    void aChunkSizeRewriteCanSwallowTheRest() {
        ChunkedBody.SizeLineRewrite swallowAt99 = line -> line.startsWith("99") ? null : line;
        RequestStream stream = new RequestStream(UnaryOperator.identity(), swallowAt99, false, new LinkState());
        assertEquals("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n",
                whole(stream, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n99\r\nhello\r\n0\r\n\r\n"));
    }
}
