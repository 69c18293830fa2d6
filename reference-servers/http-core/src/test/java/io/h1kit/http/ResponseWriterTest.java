package io.h1kit.http;

import static io.h1kit.http.HttpVersion.HTTP_1_0;
import static io.h1kit.http.HttpVersion.HTTP_1_1;
import static io.h1kit.http.ResponseWriter.BodyMode.CHUNKED;
import static io.h1kit.http.ResponseWriter.BodyMode.FIXED;
import static io.h1kit.http.ResponseWriter.BodyMode.NONE;
import static io.h1kit.http.ResponseWriter.BodyMode.UNTIL_CLOSE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ResponseWriter}: the response head and body framing (RFC 9112 §6, §9.3; RFC 9110 §6.4.1, §8.6). */
class ResponseWriterTest {

    private static final String DATE = "Sun, 06 Nov 1994 08:49:37 GMT";
    private static final ResponseWriter WRITER = new ResponseWriter("h1kit-test");
    private static final Body STREAM = new Body.Stream(() -> new ByteArrayInputStream(new byte[0]));

    /** A plan with its head as text, so that one assertion compares all of it. */
    record Rendered(String head, ResponseWriter.BodyMode mode, boolean close) {
    }

    static Stream<Arguments> plans() {
        return Stream.of(
                // RFC 9112 §6.3: a known length goes in Content-Length.
                Arguments.of("known length, HTTP/1.1", hello(), HTTP_1_1, false, true,
                        new Rendered(head("200 OK", "Content-Type: text/plain", "Content-Length: 5"), FIXED, false)),
                // RFC 9112 §7.1: content of unknown length is chunked to an HTTP/1.1 client.
                Arguments.of("unknown length, HTTP/1.1", ok(STREAM), HTTP_1_1, false, true,
                        new Rendered(head("200 OK", "Transfer-Encoding: chunked"), CHUNKED, false)),
                // RFC 9112 §6.1: "A server MUST NOT send a response containing Transfer-Encoding
                // unless the corresponding request indicates HTTP/1.1"; the close delimits instead.
                Arguments.of("unknown length, HTTP/1.0", ok(STREAM), HTTP_1_0, false, true,
                        new Rendered(head("200 OK", "Connection: close"), UNTIL_CLOSE, true)),
                Arguments.of("known length, HTTP/1.0 keep-alive", hello(), HTTP_1_0, false, true,
                        new Rendered(head("200 OK", "Content-Type: text/plain", "Content-Length: 5",
                                "Connection: keep-alive"), FIXED, false)),
                Arguments.of("known length, HTTP/1.0 without keep-alive", hello(), HTTP_1_0, false, false,
                        new Rendered(head("200 OK", "Content-Type: text/plain", "Content-Length: 5", "Connection: close"),
                                FIXED, true)),
                Arguments.of("known length, HTTP/1.1 close", hello(), HTTP_1_1, false, false,
                        new Rendered(head("200 OK", "Content-Type: text/plain", "Content-Length: 5", "Connection: close"),
                                FIXED, true)),
                Arguments.of("handler asks to close", hello().closing(), HTTP_1_1, false, true,
                        new Rendered(head("200 OK", "Content-Type: text/plain", "Content-Length: 5", "Connection: close"),
                                FIXED, true)),
                Arguments.of("rejected before the version was known", hello(), null, false, true,
                        new Rendered(head("200 OK", "Content-Type: text/plain", "Content-Length: 5", "Connection: close"),
                                FIXED, true)),
                // Rejected before the version was known: chunked is only for a request that said HTTP/1.1.
                Arguments.of("unknown length, version unknown", ok(STREAM), null, false, true,
                        new Rendered(head("200 OK", "Connection: close"), UNTIL_CLOSE, true)),
                // A HEAD response has no body to delimit, so an HTTP/1.0 keep-alive client keeps its connection.
                Arguments.of("HEAD, unknown length, HTTP/1.0 keep-alive", ok(STREAM), HTTP_1_0, true, true,
                        new Rendered(head("200 OK", "Connection: keep-alive"), NONE, false)),
                Arguments.of("empty body", ok(Body.EMPTY), HTTP_1_1, false, true,
                        new Rendered(head("200 OK", "Content-Length: 0"), FIXED, false)),
                // RFC 9110 §9.3.2: HEAD gets the fields GET would get, with no content.
                Arguments.of("HEAD, known length", hello(), HTTP_1_1, true, true,
                        new Rendered(head("200 OK", "Content-Type: text/plain", "Content-Length: 5"), NONE, false)),
                Arguments.of("HEAD, unknown length", ok(STREAM), HTTP_1_1, true, true,
                        new Rendered(head("200 OK", "Transfer-Encoding: chunked"), NONE, false)),
                Arguments.of("HEAD, file region", ok(new Body.FileRegion(java.nio.file.Path.of("f"), 10, 1000)),
                        HTTP_1_1, true, true, new Rendered(head("200 OK", "Content-Length: 1000"), NONE, false)),
                // RFC 9110 §8.6: "A server MUST NOT send a Content-Length header field in any response
                // with a status code of 1xx (Informational) or 204 (No Content)."
                Arguments.of("204 with a body", Response.of(Status.NO_CONTENT_204, null, "dropped"), HTTP_1_1, false, true,
                        new Rendered(head("204 No Content"), NONE, false)),
                Arguments.of("204 with a stream", new Response(Status.NO_CONTENT_204, new Fields(), STREAM, false, null),
                        HTTP_1_1, false, true, new Rendered(head("204 No Content"), NONE, false)),
                Arguments.of("100 Continue", Response.empty(Status.CONTINUE_100), HTTP_1_1, false, true,
                        new Rendered(head("100 Continue"), NONE, false)),
                Arguments.of("304", Response.empty(Status.NOT_MODIFIED_304).withField("ETag", "\"e1\""), HTTP_1_1,
                        false, true, new Rendered(head("304 Not Modified", "ETag: \"e1\""), NONE, false)),
                Arguments.of("304 to HTTP/1.0", Response.empty(Status.NOT_MODIFIED_304), HTTP_1_0, false, true,
                        new Rendered(head("304 Not Modified", "Connection: keep-alive"), NONE, false)),
                Arguments.of("400 closing", Response.of(Status.BAD_REQUEST_400, "text/plain", "bad").closing(), HTTP_1_1,
                        false, true, new Rendered(head("400 Bad Request", "Content-Type: text/plain", "Content-Length: 3",
                                "Connection: close"), FIXED, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void plansHeadAndFraming(String description, Response response, HttpVersion version, boolean head,
                             boolean keepAlive, Rendered expected) {
        assertEquals(expected, render(WRITER.plan(response, version, head, keepAlive, DATE)));
    }

    @Test
    void dropsTheFieldsItOwnsWhateverTheirCase() {
        Response response = hello()
                .withField("date", "Mon, 01 Jan 2001 00:00:00 GMT")
                .withField("SERVER", "other")
                .withField("Content-Length", "999")
                .withField("transfer-encoding", "gzip")
                .withField("Connection", "upgrade")
                .withField("X-Kept", "1")
                .withField("Keep-Alive", "timeout=5");
        assertEquals(head("200 OK", "Content-Type: text/plain", "X-Kept: 1", "Keep-Alive: timeout=5", "Content-Length: 5"),
                render(WRITER.plan(response, HTTP_1_1, false, true, DATE)).head());
    }

    /** RFC 9112 §11.1 (response splitting) and RFC 9110 §5.5: CR, LF and NUL never reach the wire. */
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"a\r\nSet-Cookie: x=1", "a\rb", "a\nb", "a\0b", "\u20ac"})
    void refusesAValueThatCouldSplitTheResponse(String value) {
        Response response = hello().withField("X", value);
        assertThrows(IllegalArgumentException.class, () -> WRITER.plan(response, HTTP_1_1, false, true, DATE));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "X Y", "X:", "X\r\nY", "X\u00e9"})
    void refusesAFieldNameThatIsNotAToken(String name) {
        Response response = hello().withField(name, "v");
        assertThrows(IllegalArgumentException.class, () -> WRITER.plan(response, HTTP_1_1, false, true, DATE));
    }

    @Test
    void keepsObsTextAndHtabInValuesAsOctets() {
        byte[] head = WRITER.plan(hello().withField("X", "caf\u00e9\tok"), HTTP_1_1, false, true, DATE).head();
        String text = new String(head, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("\r\nX: caf\u00e9\tok\r\n"), text);
        assertEquals(text.length(), head.length);
    }

    /**
     * Every combination of status, version, method and body kind keeps the response invariants of
     * catalogue rows RESP-03 to RESP-06 and RESP-11.
     */
    @Test
    void keepsTheResponseInvariantsInEveryCombination() {
        List<String> broken = new ArrayList<>();
        for (Status status : Status.values()) {
            for (HttpVersion version : Arrays.asList(HTTP_1_0, HTTP_1_1, null)) {
                for (boolean head : new boolean[] {false, true}) {
                    for (boolean keepAlive : new boolean[] {false, true}) {
                        for (Body body : List.of(Body.EMPTY, Body.of(new byte[7]), STREAM)) {
                            Response response = new Response(status, new Fields(), body, false, null);
                            ResponseWriter.Plan plan = WRITER.plan(response, version, head, keepAlive, DATE);
                            String text = new String(plan.head(), StandardCharsets.ISO_8859_1);
                            String where = status + " " + version + (head ? " HEAD " : " ") + keepAlive + " "
                                    + body.getClass().getSimpleName() + ": ";
                            boolean cl = text.contains("\r\nContent-Length: ");
                            boolean te = text.contains("\r\nTransfer-Encoding: ");
                            if (cl && te) {
                                broken.add(where + "both Content-Length and Transfer-Encoding"); // RESP-04
                            }
                            if ((status.code() < 200 || status.code() == 204) && (cl || te)) {
                                broken.add(where + "framing field on 1xx/204"); // RESP-03
                            }
                            if ((status.forbidsContent() || head) && plan.bodyMode() != NONE) {
                                broken.add(where + "content on a response that has none"); // RESP-03
                            }
                            if (version == HTTP_1_0 && (te || plan.bodyMode() == CHUNKED)) {
                                broken.add(where + "chunked to HTTP/1.0"); // RESP-06
                            }
                            if (!text.startsWith("HTTP/1.1 " + status.code() + " " + status.reason() + "\r\n")) {
                                broken.add(where + "status-line"); // RESP-05, RESP-06
                            }
                            if (!text.contains("\r\nDate: " + DATE + "\r\n") || !text.endsWith("\r\n\r\n")) {
                                broken.add(where + "Date or end of head"); // RESP-01
                            }
                            if (plan.close() != text.contains("\r\nConnection: close\r\n")) {
                                broken.add(where + "close without saying so, or the reverse"); // RESP-11
                            }
                            if ((!keepAlive || version == null) && !plan.close()) {
                                broken.add(where + "kept open against the request");
                            }
                            if (plan.bodyMode() == UNTIL_CLOSE && !plan.close()) {
                                broken.add(where + "close-delimited body on a kept connection");
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void continueResponseIsTheBareInterimResponse() {
        assertEquals("HTTP/1.1 100 Continue\r\n\r\n",
                new String(ResponseWriter.continueResponse(), StandardCharsets.US_ASCII));
    }

    @Test
    void everyStatusCarriesItsReasonPhrase() {
        for (Status status : Status.values()) {
            assertTrue(status.code() >= 100 && status.code() <= 599, status::toString);
            assertFalse(status.reason().isBlank(), status::toString);
            assertEquals(status.code() < 200 || status.code() == 204 || status.code() == 304, status.forbidsContent(),
                    status::toString);
        }
    }

    private static Response hello() {
        return Response.of(Status.OK_200, "text/plain", "hello");
    }

    private static Response ok(Body body) {
        return new Response(Status.OK_200, new Fields(), body, false, null);
    }

    private static String head(String status, String... fields) {
        StringBuilder sb = new StringBuilder("HTTP/1.1 " + status + "\r\nDate: " + DATE + "\r\nServer: h1kit-test\r\n");
        for (String field : fields) {
            sb.append(field).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    private static Rendered render(ResponseWriter.Plan plan) {
        return new Rendered(new String(plan.head(), StandardCharsets.ISO_8859_1), plan.bodyMode(), plan.close());
    }
}
