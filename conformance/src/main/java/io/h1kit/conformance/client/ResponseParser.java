package io.h1kit.conformance.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one response off a {@link Connection} by the framing rules of RFC 9112 §6.3, tolerantly:
 * whatever breaks the rules is noted rather than fatal, so that the report shows what the server
 * sent and the response lint can judge it.
 */
final class ResponseParser {
    /** The longest line read: a status line, a field line or a chunk-size line. */
    private static final int MAX_LINE = 65_536;
    private static final Pattern STATUS_LINE = Pattern.compile("(HTTP/[0-9]\\.[0-9]) ([0-9]{3})( (.*))?");

    private final Connection connection;
    private final long deadline;
    private final boolean toHead;
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private final List<String> notes = new ArrayList<>();
    private boolean incomplete;

    ResponseParser(Connection connection, long deadline, boolean toHead) {
        this.connection = connection;
        this.deadline = deadline;
        this.toHead = toHead;
    }

    WireResponse parse() throws ResponseTimeoutException {
        String statusLine = line(MAX_LINE);
        if (statusLine == null) {
            if (raw.size() == 0) {
                if (connection.timedOut(deadline)) {
                    throw new ResponseTimeoutException("no response within the time allowed");
                }
                return null; // closed before a response
            }
            statusLine = raw.toString(StandardCharsets.ISO_8859_1);
        }
        String version = "";
        int status = -1;
        Matcher m = STATUS_LINE.matcher(statusLine);
        if (m.matches()) {
            version = m.group(1);
            status = Integer.parseInt(m.group(2));
            if (m.group(3) == null) {
                notes.add("status line has no SP after the status code");
            }
        } else {
            notes.add("malformed status line");
        }
        List<WireResponse.Field> fields = new ArrayList<>();
        int headBytes = raw.size();
        while (!incomplete) {
            String line = line(MAX_LINE);
            if (line == null || line.isEmpty()) {
                break;
            }
            if (raw.size() - headBytes > Connection.MAX_RESPONSE_HEAD_BYTES) {
                notes.add("header section longer than " + Connection.MAX_RESPONSE_HEAD_BYTES + " bytes");
                incomplete = true;
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                notes.add("obs-fold in a response field");
                if (!fields.isEmpty()) {
                    WireResponse.Field last = fields.removeLast();
                    fields.add(new WireResponse.Field(last.name(), last.value() + " " + line.strip()));
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                notes.add("field line without a name and colon: " + abbreviate(line));
                continue;
            }
            String name = line.substring(0, colon);
            if (!name.chars().allMatch(ResponseParser::isTchar)) {
                notes.add("field name is not a token: " + abbreviate(name));
            }
            fields.add(new WireResponse.Field(name, line.substring(colon + 1).strip()));
        }
        WireResponse.Framing framing = WireResponse.Framing.NONE;
        byte[] body = new byte[0];
        if (!incomplete && status >= 0) {
            if (toHead || status / 100 == 1 || status == 204 || status == 304) {
                framing = WireResponse.Framing.NONE;
            } else if (isChunked(fields)) {
                framing = WireResponse.Framing.CHUNKED;
                body = chunked();
            } else {
                long length = contentLength(fields);
                if (length >= 0) {
                    framing = WireResponse.Framing.LENGTH;
                    body = exactly(length);
                } else {
                    framing = WireResponse.Framing.UNTIL_CLOSE;
                    body = untilClose();
                }
            }
        }
        if (incomplete) {
            notes.add(connection.ended() ? "incomplete: the connection closed in the middle of the response"
                    : "incomplete: timed out in the middle of the response");
        }
        return new WireResponse(statusLine, version, status, List.copyOf(fields), body, raw.toByteArray(), framing,
                toHead, List.copyOf(notes));
    }

    /** A line without its ending; null when the stream ended or timed out first. */
    private String line(int max) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int last = -1;
        while (true) {
            int b = next();
            if (b < 0) {
                incomplete = raw.size() > 0;
                return null;
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                if (last == '\r') {
                    return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
                }
                notes.add("bare LF ends a line");
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
            if (last == '\r') {
                notes.add("bare CR inside a line");
            }
            last = b;
            if (line.size() >= max) {
                incomplete = true;
                notes.add("line longer than " + max + " bytes");
                return null;
            }
            line.write(b);
        }
    }

    private int next() {
        int b = connection.nextByte(deadline);
        if (b >= 0) {
            raw.write(b);
        }
        return b;
    }

    private byte[] exactly(long length) {
        if (length > Connection.MAX_RESPONSE_BODY_BYTES) {
            notes.add("Content-Length above what the client reads: " + length);
            incomplete = true;
            return new byte[0];
        }
        byte[] body = new byte[(int) length];
        for (int i = 0; i < length; i++) {
            int b = next();
            if (b < 0) {
                incomplete = true;
                return Arrays.copyOf(body, i);
            }
            body[i] = (byte) b;
        }
        return body;
    }

    private byte[] chunked() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(MAX_LINE);
            if (sizeLine == null) {
                incomplete = true;
                return body.toByteArray();
            }
            String hex = sizeLine.split(";", 2)[0].strip();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                notes.add("malformed chunk size: " + abbreviate(sizeLine));
                incomplete = true;
                return body.toByteArray();
            }
            if (size == 0) {
                String trailer;
                while ((trailer = line(MAX_LINE)) != null && !trailer.isEmpty()) {
                    // trailer fields: read past them
                }
                return body.toByteArray();
            }
            if (body.size() + size > Connection.MAX_RESPONSE_BODY_BYTES) {
                notes.add("chunked body above what the client reads");
                incomplete = true;
                return body.toByteArray();
            }
            byte[] data = exactly(size);
            body.writeBytes(data);
            if (incomplete) {
                return body.toByteArray();
            }
            String end = line(2);
            if (end == null || !end.isEmpty()) {
                notes.add("chunk data not followed by CRLF");
                incomplete = end == null;
                return body.toByteArray();
            }
        }
    }

    private byte[] untilClose() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int b;
        while (body.size() < Connection.MAX_RESPONSE_BODY_BYTES && (b = next()) >= 0) {
            body.write(b);
        }
        if (!connection.ended()) {
            notes.add("body without Content-Length or chunked, and the connection stayed open");
        }
        return body.toByteArray();
    }

    private boolean isChunked(List<WireResponse.Field> fields) {
        String last = null;
        for (WireResponse.Field f : fields) {
            if (f.name().equalsIgnoreCase("Transfer-Encoding")) {
                for (String coding : f.value().split(",")) {
                    if (!coding.isBlank()) {
                        last = coding.strip().toLowerCase(Locale.ROOT);
                    }
                }
            }
        }
        return "chunked".equals(last);
    }

    private long contentLength(List<WireResponse.Field> fields) {
        long length = -1;
        for (WireResponse.Field f : fields) {
            if (f.name().equalsIgnoreCase("Content-Length")) {
                String v = f.value().strip();
                if (v.isEmpty() || !v.chars().allMatch(Character::isDigit) || v.length() > 18) {
                    notes.add("malformed Content-Length: " + abbreviate(v));
                    return -1;
                }
                long n = Long.parseLong(v);
                if (length >= 0 && n != length) {
                    notes.add("Content-Length values disagree");
                    return -1;
                }
                length = n;
            }
        }
        return length;
    }

    private static boolean isTchar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
