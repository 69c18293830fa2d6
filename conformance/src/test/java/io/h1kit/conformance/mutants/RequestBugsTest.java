package io.h1kit.conformance.mutants;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Each shim rewrite turns the catalogue row's bytes into exactly what the buggy server would make
 * of them, and leaves a correct request alone.
 */
class RequestBugsTest {
    private static final String G = "GET / HTTP/1.1\r\nHost: t\r\n";
    private static final String P = "POST /echo HTTP/1.1\r\nHost: t\r\n";

    private static void assertRewrite(UnaryOperator<String> bug, String in, String out) {
        assertEquals(out, bug.apply(in));
    }

    @Test
    void contentLengthParsers() {
        assertRewrite(RequestBugs::plusSignContentLength, P + "Content-Length: +5\r\n\r\n", P + "Content-Length: 5\r\n\r\n");
        assertRewrite(RequestBugs::plusSignContentLength, P + "Content-Length: 5\r\n\r\n", P + "Content-Length: 5\r\n\r\n");
        assertRewrite(RequestBugs::digitPrefixContentLength, P + "Content-Length: 1Z\r\n\r\n", P + "Content-Length: 1\r\n\r\n");
        assertRewrite(RequestBugs::strtolBase0ContentLength, P + "Content-Length: 010\r\n\r\n", P + "Content-Length: 8\r\n\r\n");
        assertRewrite(RequestBugs::emptyContentLengthIsZero, P + "Content-Length:\r\n\r\n", P + "Content-Length: 0\r\n\r\n");
        assertRewrite(RequestBugs::firstContentLengthWins, P + "Content-Length: 1\r\nContent-Length: 0\r\n\r\n",
                P + "Content-Length: 1\r\n\r\n");
        assertRewrite(RequestBugs::firstContentLengthWins, P + "Content-Length: 5, 6\r\n\r\n", P + "Content-Length: 5\r\n\r\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"5|5", "+5|5", "010|8", "0x5|5", "0X1f|31", "0x|0", "1Z|1", "abc|0", "-1|-1",
            "99999999999999999999|9223372036854775807"})
    void strtolWithBaseZero(String text, long value) {
        assertEquals(value, RequestBugs.strtolBase0(text));
    }

    @Test
    void transferEncodingParsers() {
        assertRewrite(RequestBugs::transferEncodingOverContentLength,
                P + "Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n", P + "Transfer-Encoding: chunked\r\n\r\n");
        assertRewrite(RequestBugs::substringChunked, P + "Transfer-Encoding: xchunked\r\n\r\n", P + "Transfer-Encoding: chunked\r\n\r\n");
        assertRewrite(RequestBugs::substringChunked, P + "Transfer-Encoding: chunked, gzip\r\n\r\n",
                P + "Transfer-Encoding: chunked\r\n\r\n");
        assertRewrite(RequestBugs::identityIsNoCoding, P + "Transfer-Encoding: identity\r\n\r\n", P + "\r\n");
    }

    @Test
    void fieldSyntax() {
        assertRewrite(RequestBugs::nulTruncatesValues, G + "X: a\0b\r\n\r\n", G + "X: a\r\n\r\n");
        assertRewrite(RequestBugs::whitespaceBeforeColonStripped, G + "X-A : b\r\n\r\n", G + "X-A: b\r\n\r\n");
        assertRewrite(RequestBugs::whitespaceBeforeColonStripped, G + "X: a\r\n b : c\r\n\r\n", G + "X: a\r\n b : c\r\n\r\n");
        assertRewrite(RequestBugs::foldedLinesDropped, G + "X: a\r\n b\r\n\r\n", G + "X: a\r\n\r\n");
    }

    @Test
    void hostAndConnection() {
        assertRewrite(RequestBugs::missingHostAccepted, "GET / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertRewrite(RequestBugs::missingHostAccepted, "GET / HTTP/1.0\r\n\r\n", "GET / HTTP/1.0\r\n\r\n");
        assertRewrite(RequestBugs::secondHostIgnored, G + "Host: u\r\n\r\n", G + "\r\n");
        assertRewrite(RequestBugs::connectionCloseIgnored, G + "Connection: close\r\n\r\n", G + "\r\n");
        assertRewrite(RequestBugs::connectionCloseIgnored, G + "Connection: keep-alive, CLOSE\r\n\r\n",
                G + "Connection: keep-alive\r\n\r\n");
    }

    @Test
    void methods() {
        assertRewrite(RequestBugs::headAnsweredAsGet, "HEAD /f HTTP/1.1\r\nHost: t\r\n\r\n", "GET /f HTTP/1.1\r\nHost: t\r\n\r\n");
        assertRewrite(RequestBugs::contentLengthIgnoredWithoutBodyMethod, G + "Content-Length: 5\r\n\r\n", G + "\r\n");
        assertRewrite(RequestBugs::contentLengthIgnoredWithoutBodyMethod, P + "Content-Length: 5\r\n\r\n",
                P + "Content-Length: 5\r\n\r\n");
        assertRewrite(RequestBugs::expectContinueIgnored, P + "Content-Length: 5\r\nExpect: 100-continue\r\n\r\n",
                P + "Content-Length: 5\r\n\r\n");
    }

    @Test
    void chunkSizeWraps() {
        assertEquals("5\r\n", RequestBugs.wrappedChunkSize("5\r\n"));
        assertEquals("FFFFFFFFFFFFFFFF\r\n", RequestBugs.wrappedChunkSize("FFFFFFFFFFFFFFFF\r\n"), "2^64 - 1 does not wrap");
        assertEquals("5;x=y\r\n", RequestBugs.wrappedChunkSize("10000000000000005;x=y\r\n"), "2^64 + 5 wraps to 5");
        assertNull(RequestBugs.wrappedChunkSize("FFFFFFFFFFFFFFFFF1\r\n"), "wraps to a size nobody sends: the server waits");
    }
}
