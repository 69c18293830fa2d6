package io.h1kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RequestHead}: what the servers read off a parsed head (RFC 9112 §9.3 persistence). */
class RequestHeadTest {

    /** RFC 9112 §9.3: HTTP/1.1 persists unless "close" is sent; HTTP/1.0 only with "keep-alive". */
    @ParameterizedTest(name = "{0} Connection: [{1}] -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTP/1.1 |                       | true
            HTTP/1.1 | close                 | false
            HTTP/1.1 | CLOSE                 | false
            HTTP/1.1 | keep-alive, close     | false
            HTTP/1.1 | keep-alive            | true
            HTTP/1.1 | closed                | true
            HTTP/1.2 | close                 | false
            HTTP/1.0 |                       | false
            HTTP/1.0 | keep-alive            | true
            HTTP/1.0 | Keep-Alive            | true
            HTTP/1.0 | keep-alive, close     | false
            HTTP/1.0 | upgrade               | false
            """)
    void keepAlive(String version, String connection, boolean expected) {
        String request = "GET /p?q HTTP/" + version.substring(5) + "\r\nHost: t\r\n"
                + (connection == null ? "" : "Connection: " + connection + "\r\n") + "\r\n";
        RequestHead head = parse(request);
        assertEquals(expected, head.keepAlive());
        assertEquals("GET /p?q " + version, head.requestLine());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            HEAD / HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n                            | true  | false
            head / HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n                            | false | false
            POST / HTTP/1.1\\r\\nHost: t\\r\\nContent-Length: 0\\r\\n\\r\\n     | false | false
            POST / HTTP/1.1\\r\\nHost: t\\r\\nContent-Length: 1\\r\\n\\r\\n     | false | true
            HEAD / HTTP/1.1\\r\\nHost: t\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n | true | true
            """)
    void headAndBody(String request, boolean isHead, boolean hasBody) {
        RequestHead head = parse(request.replace("\\r\\n", "\r\n"));
        assertEquals(isHead, head.isHead());
        assertEquals(hasBody, head.hasBody());
    }

    private static RequestHead parse(String request) {
        RequestParser parser = new RequestParser(HttpLimits.DEFAULTS);
        assertEquals(RequestParser.Event.HEAD, parser.parse(ByteBuffer.wrap(ParserHarness.bytes(request))));
        return parser.head();
    }
}
