package io.h1kit.server.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A response as read off the wire by {@link RawConnection}. */
public record RawResponse(String statusLine, int status, List<String[]> fields, byte[] body) {

    /** The first value of a field, or null. */
    public String field(String name) {
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase(name)) {
                return f[1];
            }
        }
        return null;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    static final class Builder {
        private final String statusLine;
        private final List<String[]> fields = new ArrayList<>();

        Builder(String statusLine) {
            this.statusLine = statusLine;
        }

        int status() {
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IllegalStateException("not a status line: " + statusLine);
            }
            return Integer.parseInt(parts[1]);
        }

        void field(String name, String value) {
            fields.add(new String[] {name, value});
        }

        String field(String name) {
            for (String[] f : fields) {
                if (f[0].equalsIgnoreCase(name)) {
                    return f[1];
                }
            }
            return null;
        }

        RawResponse build(byte[] body) {
            return new RawResponse(statusLine, status(), List.copyOf(fields), body);
        }
    }
}
