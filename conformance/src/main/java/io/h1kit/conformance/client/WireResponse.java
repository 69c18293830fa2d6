package io.h1kit.conformance.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One response as it came off the wire: the status line and fields as sent, the body as framed
 * (chunked bodies decoded), and the exact bytes. Parsing is tolerant, so that a broken response
 * is still reported; what broke the rules is kept in {@link #notes()} for the response lint.
 *
 * @param statusLine the status line without its line ending
 * @param version    the protocol version of the status line, for example "HTTP/1.1"
 * @param status     the status code, or -1 when the status line could not be read
 * @param fields     the header fields in order, names as sent
 * @param body       the content (decoded when chunked)
 * @param raw        every byte of this response as received
 * @param framing    how the body was delimited
 * @param toHead     whether the response answered a HEAD request (so carries no body)
 * @param notes      deviations met while parsing, for example "bare LF ends a line"
 */
public record WireResponse(String statusLine, String version, int status, List<Field> fields, byte[] body, byte[] raw,
                           Framing framing, boolean toHead, List<String> notes) {

    /** One header field line. */
    public record Field(String name, String value) {
    }

    /** How the body was delimited. */
    public enum Framing { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    /** The value of the first field of that name (case-insensitive), or null. */
    public String field(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return f.value();
            }
        }
        return null;
    }

    /** Every value of that name, in order. */
    public List<String> fields(String name) {
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                out.add(f.value());
            }
        }
        return out;
    }

    /** Whether a comma-separated field has this token (case-insensitive), for example Connection: close. */
    public boolean hasToken(String name, String token) {
        for (String value : fields(name)) {
            for (String element : value.split(",")) {
                if (element.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean interim() {
        return status >= 100 && status < 200;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return statusLine;
    }
}
