package io.h1kit.conformance.report;

import io.h1kit.conformance.client.Transcript;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.run.CaseResult;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Words and escaped bytes for a result: what every report format and the JUnit message share. */
public final class Describe {
    private static final HexFormat HEX = HexFormat.of();

    private Describe() {
    }

    /** The outcomes a case accepts, in order: "400 then close (PASS); close without a response (NON_STRICT)". */
    public static String accepted(Case c) {
        String listed = c.accepted().stream().map(a -> a.outcome().describe() + " (" + a.verdict() + ")")
                .collect(Collectors.joining("; "));
        return listed.isEmpty() ? "anything else: " + c.otherwise() : listed + "; anything else: " + c.otherwise();
    }

    /** A failure message: requirement, accepted and observed outcomes, and the first bytes exchanged. */
    public static String failure(CaseResult r) {
        Case c = r.kase();
        StringBuilder sb = new StringBuilder();
        sb.append(c.id()).append(" (").append(c.ref()).append(", ").append(c.level()).append(") ").append(c.title()).append('\n');
        sb.append(c.rfc()).append(": \"").append(c.requirement()).append("\"\n");
        sb.append("Expected: ").append(accepted(c)).append('\n');
        sb.append("Actual:   ").append(r.observation() == null ? r.matched() : r.observation().summary()).append('\n');
        if (r.observation() != null) {
            for (Transcript conn : r.observation().transcripts()) {
                sb.append("connection ").append(conn.number()).append(" sent: ")
                        .append(escape(conn.sent().bytes(), 400)).append('\n');
                sb.append("connection ").append(conn.number()).append(" received: ")
                        .append(escape(conn.received().bytes(), 400)).append('\n');
            }
        }
        if (!c.hint().isEmpty()) {
            sb.append("Hint: ").append(c.hint()).append('\n');
        }
        return sb.toString();
    }

    /** Bytes as text with CR, LF, tabs and non-printable bytes escaped ({@code \r\n}, {@code \x00}). */
    public static String escape(byte[] bytes, int max) {
        return escape(bytes, max, false);
    }

    /**
     * Like {@link #escape}, with a real line break after each escaped LF, so that a request reads
     * as lines in a {@code <pre>} while every CR, LF and odd byte stays visible.
     */
    public static String escapeLines(byte[] bytes, int max) {
        return escape(bytes, max, true);
    }

    private static String escape(byte[] bytes, int max, boolean breakLines) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(bytes.length, max);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            switch (b) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append(breakLines ? "\\n\n" : "\\n");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (b >= 0x20 && b < 0x7F) {
                        sb.append((char) b);
                    } else {
                        sb.append("\\x").append(HEX.toHexDigits((byte) b));
                    }
                }
            }
        }
        if (bytes.length > max) {
            sb.append("... (").append(bytes.length - max).append(" more bytes)");
        }
        return sb.toString();
    }

    /**
     * Text (a title, a fact, a message) with its control characters escaped ({@code \x00},
     * {@code \x1b}, {@code \x85}) and everything else, non-ASCII letters included, kept.
     */
    public static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n') {
                sb.append((char) cp);
            } else if (cp < 0x20 || cp >= 0x7F && cp < 0xA0) {
                sb.append("\\x").append(HEX.toHexDigits((byte) cp));
            } else if (Character.getType(cp) == Character.SURROGATE || cp == 0xFFFE || cp == 0xFFFF) {
                sb.append("\\u").append(HEX.toHexDigits((short) cp)); // unpaired, or not a character
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** A classic hex dump: offset, 16 bytes in hex, the printable characters. */
    public static String hex(byte[] bytes, int max) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(bytes.length, max);
        for (int row = 0; row < n; row += 16) {
            sb.append(String.format("%06x  ", row));
            StringBuilder text = new StringBuilder();
            for (int i = row; i < row + 16; i++) {
                if (i < n) {
                    int b = bytes[i] & 0xFF;
                    sb.append(HEX.toHexDigits((byte) b)).append(' ');
                    text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
                } else {
                    sb.append("   ");
                }
            }
            sb.append(' ').append(text).append('\n');
        }
        if (bytes.length > max) {
            sb.append("... ").append(bytes.length - max).append(" more bytes\n");
        }
        return sb.toString();
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
