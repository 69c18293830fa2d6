package io.h1kit.conformance.mutants.shim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Follows a chunked body (RFC 9112 §7.1) as it passes through the shim, to know where the next
 * message starts; a size-line rewrite can change what a chunk-size line says on the way.
 * Malformed input it cannot follow makes it {@link #lost()}: the owner then passes everything on
 * unchanged, and the server (strict) rejects it as it would have anyway.
 *
 * <pre>
 *   SIZE_LINE --n &gt; 0--&gt; DATA(n) --&gt; DATA_END (through LF) --&gt; SIZE_LINE
 *       | n == 0                                             | rewrite says "swallow"
 *       v                                                    v
 *    TRAILERS --empty line--&gt; DONE                       SWALLOW (all further input dropped)
 * </pre>
 */
public final class ChunkedBody {
    /** A size line (or trailer line) longer than this is not followed; the server rejects it anyway. */
    static final int MAX_LINE_BYTES = 16_384;

    /** Rewrites one chunk-size line (with its CRLF); returns null to swallow all further input. */
    @FunctionalInterface
    public interface SizeLineRewrite {
        SizeLineRewrite NONE = line -> line;

        String rewrite(String line);
    }

    private enum Step { SIZE_LINE, DATA, DATA_END, TRAILERS, DONE, SWALLOW, LOST }

    private final SizeLineRewrite rewrite;
    private Step step = Step.SIZE_LINE;
    private long dataLeft;

    ChunkedBody(SizeLineRewrite rewrite) {
        this.rewrite = rewrite;
    }

    boolean done() {
        return step == Step.DONE;
    }

    boolean lost() {
        return step == Step.LOST;
    }

    /**
     * Consumes what it can of {@code in[offset..length)}, writing what to send on to {@code out};
     * returns how many bytes it consumed. It stops at the end of the body (the rest is the next
     * message) and before an incomplete line.
     */
    int consume(byte[] in, int offset, int length, ByteArrayOutputStream out) {
        int i = offset;
        while (i < length) {
            switch (step) {
                case DATA -> {
                    int n = (int) Math.min(dataLeft, length - i);
                    out.write(in, i, n);
                    i += n;
                    dataLeft -= n;
                    if (dataLeft == 0) {
                        step = Step.DATA_END;
                    }
                }
                case SWALLOW -> i = length;
                case DONE, LOST -> {
                    return i - offset;
                }
                default -> {
                    int lf = indexOf(in, i, length, (byte) '\n');
                    if (lf < 0) {
                        if (length - i > MAX_LINE_BYTES) {
                            step = Step.LOST;
                        }
                        return i - offset;
                    }
                    String line = new String(in, i, lf + 1 - i, StandardCharsets.ISO_8859_1);
                    i = lf + 1;
                    line(line, out);
                }
            }
        }
        return i - offset;
    }

    private void line(String line, ByteArrayOutputStream out) {
        switch (step) {
            case SIZE_LINE -> {
                String rewritten = rewrite.rewrite(line);
                if (rewritten == null) {
                    step = Step.SWALLOW;
                    return;
                }
                out.writeBytes(rewritten.getBytes(StandardCharsets.ISO_8859_1));
                long size = hexPrefix(rewritten);
                if (size < 0) {
                    step = Step.LOST;
                } else if (size == 0) {
                    step = Step.TRAILERS;
                } else {
                    dataLeft = size;
                    step = Step.DATA;
                }
            }
            case DATA_END -> {
                out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
                step = line.strip().isEmpty() ? Step.SIZE_LINE : Step.LOST;
            }
            case TRAILERS -> {
                out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
                if (line.equals("\r\n") || line.equals("\n")) {
                    step = Step.DONE;
                }
            }
            default -> throw new IllegalStateException(step.name());
        }
    }

    /** The value of the leading hex digits, or -1 when there are none or too many. */
    static long hexPrefix(String line) {
        long value = 0;
        int digits = 0;
        for (int i = 0; i < line.length(); i++) {
            int d = Character.digit(line.charAt(i), 16);
            if (d < 0 || line.charAt(i) > 'f') {
                break;
            }
            if (value > (Long.MAX_VALUE >> 4)) {
                return -1;
            }
            value = value << 4 | d;
            digits++;
        }
        return digits == 0 ? -1 : value;
    }

    static int indexOf(byte[] in, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (in[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
