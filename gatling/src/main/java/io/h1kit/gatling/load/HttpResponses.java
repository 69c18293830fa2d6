package io.h1kit.gatling.load;

import java.nio.charset.StandardCharsets;

/**
 * Where a response ends in the bytes read so far, for the idle-connections client: a head up to
 * CRLFCRLF and a body of Content-Length bytes (the fixture's static files always carry one). Pure.
 */
final class HttpResponses {
    /** The head is not complete yet. */
    static final int INCOMPLETE = 0;
    /** The response does not fit the buffer, or has no usable Content-Length. */
    static final int TOO_LARGE = -1;

    private HttpResponses() {
    }

    /** The status code of a response's status line ("HTTP/1.1 200 OK"), or -1 when there is none. */
    static int status(byte[] bytes, int length) {
        // "HTTP/1.1 " is 9 bytes, then three digits
        if (length < 12 || !new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("HTTP/")) {
            return -1;
        }
        int code = 0;
        for (int i = 9; i < 12; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return -1;
            }
            code = code * 10 + (bytes[i] - '0');
        }
        return code;
    }

    /** The whole response's length once {@code bytes[0..length)} holds all of it, else {@link #INCOMPLETE}. */
    static int completeLength(byte[] bytes, int length) {
        int headEnd = -1;
        for (int i = 3; i < length; i++) {
            if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n') {
                headEnd = i + 1;
                break;
            }
        }
        if (headEnd < 0) {
            return length == bytes.length ? TOO_LARGE : INCOMPLETE;
        }
        String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
        long body = -1;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Length")) {
                body = ProcFiles.number(line.substring(colon + 1).strip()).orElse(-1);
            }
        }
        if (body < 0 || headEnd + body > bytes.length) {
            return TOO_LARGE;
        }
        return length >= headEnd + body ? (int) (headEnd + body) : INCOMPLETE;
    }
}
