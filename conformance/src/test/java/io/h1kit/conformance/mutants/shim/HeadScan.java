package io.h1kit.conformance.mutants.shim;

import java.io.ByteArrayOutputStream;

/**
 * Finds the end of a message's head (start-line and header section) in bytes that are still
 * arriving. Leniently: a line ends at LF, with or without CR before it, and the head ends at the
 * first empty line after a non-empty one (empty lines before the start-line belong to it, as RFC
 * 9112 §2.2 lets servers skip them). What the server makes of those bytes is the server's
 * business; the shim only needs to know where to apply its rewrite.
 *
 * <p>With {@code bareCrEndsLines}, a CR not followed by LF also ends a line and is turned into
 * CRLF: the head is then what a server that takes a bare CR for a line end would see (G#13).
 */
final class HeadScan {
    private HeadScan() {
    }

    /**
     * A complete head.
     *
     * @param head     the head's bytes, CR-to-CRLF mapped when asked
     * @param consumed how many of the input bytes it took
     */
    record Head(byte[] head, int consumed) {
    }

    /** The head at the start of {@code in[0..length)}, or null when it is not complete yet. */
    static Head scan(byte[] in, int length, boolean bareCrEndsLines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(length, 8192));
        int lineStart = 0;
        boolean sawContent = false;
        boolean crBeforeLf = false;
        for (int i = 0; i < length; i++) {
            byte b = in[i];
            boolean lineEnds;
            if (b == '\r' && bareCrEndsLines) {
                if (i + 1 >= length) {
                    return null; // a CR last: CRLF or a bare CR, the next byte decides
                }
                if (in[i + 1] == '\n') {
                    i++;
                }
                out.write('\r');
                out.write('\n');
                lineEnds = true;
                crBeforeLf = true;
            } else {
                out.write(b);
                lineEnds = b == '\n';
                crBeforeLf = lineEnds && i > 0 && in[i - 1] == '\r';
            }
            if (lineEnds) {
                int contentLength = out.size() - lineStart - (crBeforeLf ? 2 : 1);
                if (contentLength == 0 && sawContent) {
                    return new Head(out.toByteArray(), i + 1);
                }
                sawContent |= contentLength > 0;
                lineStart = out.size();
            }
        }
        return null;
    }
}
