package io.h1kit.server;

/**
 * Makes text safe to put in a log line: quotes, backslashes and control characters are escaped,
 * so a client cannot forge lines or hide text in the log. Client bytes (request-lines, field
 * values, one char per octet) are escaped above ASCII too, as nginx does, so that the log shows
 * the bytes that were sent; the server's own text may be any printable Unicode.
 */
final class LogText {
    private LogText() {
    }

    /** Client bytes: {@code "} and {@code \} escaped, everything outside printable ASCII as {@code \xNN}. */
    static String escapeBytes(String text) {
        return escape(text, true);
    }

    /** Server text: {@code "} and {@code \} escaped, control characters as hex escapes. */
    static String escapeText(String text) {
        return escape(text, false);
    }

    private static String escape(String text, boolean asciiOnly) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean printable = asciiOnly ? c >= 0x20 && c < 0x7F : c >= 0x20 && !(c >= 0x7F && c < 0xA0)
                    && !Character.isISOControl(c) && c != 0x2028 && c != 0x2029;
            boolean safe = printable && c != '"' && c != '\\';
            if (!safe && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (safe) {
                    sb.append(c);
                } else if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c <= 0xFF) {
                    sb.append(String.format("\\x%02x", (int) c));
                } else {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return sb == null ? text : sb.toString();
    }
}
