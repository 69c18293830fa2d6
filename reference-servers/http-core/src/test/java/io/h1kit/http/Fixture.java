package io.h1kit.http;

import io.h1kit.http.ParserHarness.Message;
import io.h1kit.http.ParserHarness.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One parser fixture: a request stream, the limits it is parsed under, and the whole outcome the
 * parser must reach. Built with {@link #accept}, {@link #incomplete} and {@link #reject}; the
 * expected messages with {@link Msg}.
 *
 * @param id          a stable case id: the catalogue row (for example {@code HDR-01}) or, for cases
 *                    the catalogue does not list, the RFC section and a short name
 * @param description what is sent, in a few words (the display name)
 */
record Fixture(String id, String description, byte[] input, HttpLimits limits, Outcome expected) {

    /** {@code GET / HTTP/1.1↵Host: t↵}, the catalogue's {G}: add a blank line to complete it. */
    static final String G = "GET / HTTP/1.1\r\nHost: t\r\n";
    /** {@code POST /echo HTTP/1.1↵Host: t↵}, the catalogue's {P}. */
    static final String P = "POST /echo HTTP/1.1\r\nHost: t\r\n";
    /** The sentinel request appended to framing cases (the catalogue's +S). */
    static final String S = "GET /__s?n=1 HTTP/1.1\r\nHost: t\r\n\r\n";

    /** Every message is complete and the parser ends idle. */
    static Fixture accept(String id, String description, String input, Msg... messages) {
        return new Fixture(id, description, ParserHarness.bytes(input), HttpLimits.DEFAULTS,
                new Outcome(build(messages), null, true));
    }

    /** The input stops inside a request: these messages (the last maybe partial), then waiting. */
    static Fixture incomplete(String id, String description, String input, Msg... messages) {
        return new Fixture(id, description, ParserHarness.bytes(input), HttpLimits.DEFAULTS,
                new Outcome(build(messages), null, false));
    }

    /** The parser reports these messages (the last maybe partial), then rejects with {@code status}. */
    static Fixture reject(String id, String description, String input, Status status, Msg... before) {
        return new Fixture(id, description, ParserHarness.bytes(input), HttpLimits.DEFAULTS,
                new Outcome(build(before), status, false));
    }

    Fixture with(HttpLimits newLimits) {
        return new Fixture(id, description, input, newLimits, expected);
    }

    boolean isInvalid() {
        return expected.rejection() != null;
    }

    @Override
    public String toString() {
        return id + ": " + description;
    }

    private static List<Message> build(Msg... messages) {
        return Arrays.stream(messages).map(Msg::build).toList();
    }

    /** Builds an expected {@link Message}; by default HTTP/1.1, no fields, no body, ended. */
    static final class Msg {
        private final String method;
        private RequestTarget target;
        private HttpVersion version = HttpVersion.HTTP_1_1;
        private String versionText = "HTTP/1.1";
        private final List<Fields.Field> fields = new ArrayList<>();
        private BodyFraming framing = BodyFraming.NONE;
        private String body = "";
        private final List<Fields.Field> trailers = new ArrayList<>();
        private boolean ended = true;

        private Msg(String method, RequestTarget target) {
            this.method = method;
            this.target = target;
        }

        /** A request whose target is in origin-form ({@code /path?query}) or asterisk-form. */
        static Msg request(String method, String rawTarget) {
            return new Msg(method, rawTarget.equals("*")
                    ? new RequestTarget(RequestTarget.Form.ASTERISK, "*", null, null, null)
                    : origin(rawTarget));
        }

        /** A request with an explicit target, for the absolute and authority forms. */
        static Msg request(String method, RequestTarget target) {
            return new Msg(method, target);
        }

        /** The message of {@link #G} plus a blank line. */
        static Msg g() {
            return request("GET", "/").field("Host", "t");
        }

        /** The message of {@link #P}; add the framing fields the fixture sends. */
        static Msg p() {
            return request("POST", "/echo").field("Host", "t");
        }

        /** The message of {@link #S}. */
        static Msg s() {
            return request("GET", "/__s?n=1").field("Host", "t");
        }

        static RequestTarget origin(String raw) {
            int q = raw.indexOf('?');
            return new RequestTarget(RequestTarget.Form.ORIGIN, raw, q < 0 ? raw : raw.substring(0, q),
                    q < 0 ? null : raw.substring(q + 1), null);
        }

        static RequestTarget absolute(String raw, String authority, String path, String query) {
            return new RequestTarget(RequestTarget.Form.ABSOLUTE, raw, path, query, authority);
        }

        static RequestTarget authorityForm(String raw) {
            return new RequestTarget(RequestTarget.Form.AUTHORITY, raw, null, null, raw);
        }

        Msg version(HttpVersion processedAs, String asSent) {
            this.version = processedAs;
            this.versionText = asSent;
            return this;
        }

        Msg http10() {
            return version(HttpVersion.HTTP_1_0, "HTTP/1.0");
        }

        Msg field(String name, String value) {
            fields.add(new Fields.Field(name, value));
            return this;
        }

        /** Framed by {@code Content-Length: n}; the field itself is added with {@link #field}. */
        Msg length(long n) {
            framing = BodyFraming.length(n);
            return this;
        }

        Msg chunked() {
            framing = BodyFraming.CHUNKED;
            return this;
        }

        Msg body(String latin1) {
            this.body = latin1;
            return this;
        }

        Msg trailer(String name, String value) {
            trailers.add(new Fields.Field(name, value));
            return this;
        }

        /** The input ended (or was rejected) before this message did. */
        Msg partial() {
            ended = false;
            return this;
        }

        Message build() {
            return new Message(method, target, version, versionText, List.copyOf(fields), framing, body,
                    List.copyOf(trailers), ended);
        }
    }
}
