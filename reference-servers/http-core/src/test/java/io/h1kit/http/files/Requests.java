package io.h1kit.http.files;

import io.h1kit.http.Body;
import io.h1kit.http.BodyFraming;
import io.h1kit.http.Fields;
import io.h1kit.http.HttpLimits;
import io.h1kit.http.HttpVersion;
import io.h1kit.http.RequestHead;
import io.h1kit.http.RequestParser;
import io.h1kit.http.RequestTarget;
import io.h1kit.http.Response;
import io.h1kit.http.ResponseWriter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Builds request heads the way a server does, and renders response heads as the writer would. */
final class Requests {
    private Requests() {
    }

    /** Parses {@code METHOD target HTTP/1.1}, a Host field and {@code fieldLines}, with the real parser. */
    static RequestHead request(String method, String target, String... fieldLines) {
        StringBuilder text = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: t\r\n");
        for (String line : fieldLines) {
            text.append(line).append("\r\n");
        }
        text.append("\r\n");
        RequestParser parser = new RequestParser(HttpLimits.DEFAULTS);
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(RequestParser.Event.HEAD, parser.parse(bytes), text::toString);
        return parser.head();
    }

    /** A GET head built directly, for raw paths the parser would not let through unchanged. */
    static RequestHead rawGet(String rawTarget) {
        Fields fields = new Fields().add("Host", "t");
        return new RequestHead("GET", RequestTarget.parse("GET", rawTarget), HttpVersion.HTTP_1_1, "HTTP/1.1",
                fields, BodyFraming.NONE);
    }

    /** The response head a server would write, with a fixed Date. */
    static String wireHead(Response response, boolean headRequest) {
        ResponseWriter.Plan plan = new ResponseWriter("h1kit-test")
                .plan(response, HttpVersion.HTTP_1_1, headRequest, true, "Fri, 15 Jan 2027 08:00:00 GMT");
        return new String(plan.head(), StandardCharsets.ISO_8859_1);
    }

    static String text(Response response) {
        return new String(assertInstanceOf(Body.Bytes.class, response.body()).bytes(), StandardCharsets.UTF_8);
    }
}
