package io.h1kit.conformance.mutants.shim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The client-to-server side of a shim: splits the stream into requests, applies a rewrite to each
 * complete header section (as ISO-8859-1 text, one char per byte), and passes bodies on as they
 * come, following their framing so that the next head is found. Only heads are held back; a body
 * is never delayed.
 *
 * <pre>
 *   HEAD --complete head, rewritten--&gt; BODY(n) or CHUNKED --end of body--&gt; HEAD
 *     | incomplete and quiet for QUIET_MILLIS, or larger than MAX_HEAD_BYTES; or framing unknown
 *     v
 *   RAW (everything passes unchanged until the connection ends)
 * </pre>
 * A head that arrives in pieces spread over more than {@link #QUIET_MILLIS} (a slowloris, a lone
 * line that never ends) is passed on unchanged, with the rest of its connection: the rewrite
 * models how a server reads heads that arrive promptly, which is how the cases send them.
 */
public final class RequestStream implements Transducer {
    /** How long an incomplete head is held before it is passed on unchanged. */
    public static final long QUIET_MILLIS = 300;
    /** A head still incomplete at this size is passed on unchanged (the server answers 431 long before). */
    public static final int MAX_HEAD_BYTES = 1 << 20;

    private enum State { HEAD, BODY, CHUNKED, RAW }

    private final UnaryOperator<String> headRewrite;
    private final ChunkedBody.SizeLineRewrite sizeLineRewrite;
    private final boolean bareCrEndsLines;
    private final LinkState link;
    private State state = State.HEAD;
    private byte[] held = new byte[0];
    private long bodyLeft;
    private ChunkedBody chunked;

    /**
     * @param headRewrite     rewrites one head (start-line, fields and the empty line)
     * @param sizeLineRewrite rewrites chunk-size lines of chunked bodies
     * @param bareCrEndsLines whether a bare CR ends a line in a head (turned into CRLF)
     * @param link            what this connection's two directions share (the requests seen)
     */
    public RequestStream(UnaryOperator<String> headRewrite, ChunkedBody.SizeLineRewrite sizeLineRewrite,
                         boolean bareCrEndsLines, LinkState link) {
        this.headRewrite = headRewrite;
        this.sizeLineRewrite = sizeLineRewrite;
        this.bareCrEndsLines = bareCrEndsLines;
        this.link = link;
    }

    /** A stream that rewrites heads only. */
    public static RequestStream heads(UnaryOperator<String> headRewrite, LinkState link) {
        return new RequestStream(headRewrite, ChunkedBody.SizeLineRewrite.NONE, false, link);
    }

    @Override
    public byte[] feed(byte[] bytes, int length) {
        if (state == State.RAW) {
            return Arrays.copyOf(bytes, length);
        }
        byte[] all = Arrays.copyOf(held, held.length + length);
        System.arraycopy(bytes, 0, all, held.length, length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(all.length + 64);
        int used = process(all, out);
        held = Arrays.copyOfRange(all, used, all.length);
        if (state == State.HEAD && held.length > MAX_HEAD_BYTES) {
            out.writeBytes(release());
        }
        return out.toByteArray();
    }

    @Override
    public byte[] quiet(long quietMillis) {
        return quietMillis >= QUIET_MILLIS && held.length > 0 ? release() : NOTHING;
    }

    @Override
    public byte[] end() {
        return release();
    }

    /** Passes what is held on unchanged, and everything after it. */
    private byte[] release() {
        byte[] out = held;
        held = new byte[0];
        state = State.RAW;
        return out;
    }

    private int process(byte[] in, ByteArrayOutputStream out) {
        int i = 0;
        while (i < in.length && state != State.RAW) {
            switch (state) {
                case HEAD -> {
                    HeadScan.Head head = HeadScan.scan(Arrays.copyOfRange(in, i, in.length), in.length - i, bareCrEndsLines);
                    if (head == null) {
                        return i;
                    }
                    i += head.consumed();
                    String text = headRewrite.apply(new String(head.head(), StandardCharsets.ISO_8859_1));
                    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
                    begin(HeadText.of(text));
                }
                case BODY -> {
                    int n = (int) Math.min(bodyLeft, in.length - i);
                    out.write(in, i, n);
                    i += n;
                    bodyLeft -= n;
                    if (bodyLeft == 0) {
                        state = State.HEAD;
                    }
                }
                case CHUNKED -> {
                    i += chunked.consume(in, i, in.length, out);
                    if (chunked.done()) {
                        state = State.HEAD;
                    } else if (chunked.lost()) {
                        out.write(in, i, in.length - i);
                        i = in.length;
                        state = State.RAW;
                    } else {
                        return i;
                    }
                }
                case RAW -> throw new IllegalStateException();
            }
        }
        return i;
    }

    /** Notes the request the server will see and how its body is framed. */
    private void begin(HeadText head) {
        if (head.startLine().isEmpty()) {
            return; // only empty lines: still before a request
        }
        link.requestSent(head.method());
        HeadText.Framing framing = head.requestFraming();
        switch (framing.kind()) {
            case NONE -> state = State.HEAD;
            case LENGTH -> {
                bodyLeft = framing.length();
                state = State.BODY;
            }
            case CHUNKED -> {
                chunked = new ChunkedBody(sizeLineRewrite);
                state = State.CHUNKED;
            }
            case UNKNOWN -> state = State.RAW;
        }
    }
}
