package io.h1kit.conformance.mutants.shim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The server-to-client side of a shim: splits the server's stream into responses (knowing from
 * {@link LinkState} which ones answer HEAD), applies a rewrite to each response head, and either
 * passes each body on as it comes or, when it reorders, holds each complete response to deliver
 * it after the next one.
 *
 * <pre>
 *   HEAD --complete head, rewritten--&gt; BODY(n) / CHUNKED / UNTIL_CLOSE --end--&gt; deliver --&gt; HEAD
 *     | 1xx: delivered at once (it belongs to the response that follows)
 *     | incomplete and quiet, 101, or a body it cannot follow
 *     v
 *   RAW (everything passes unchanged)
 * </pre>
 * Reordering models a server that answers pipelined requests out of order: a response is held
 * while another request is already waiting behind it on the connection, and goes out right after
 * the next response; a held response the next one does not follow within
 * {@link RequestStream#QUIET_MILLIS}, or at the end of the connection, goes out as it is.
 */
public final class ResponseStream implements Transducer {
    private enum State { HEAD, BODY, CHUNKED, UNTIL_CLOSE, RAW }

    private final UnaryOperator<String> headRewrite;
    private final boolean reorder;
    private final LinkState link;
    private State state = State.HEAD;
    private byte[] held = new byte[0];
    private long bodyLeft;
    private ChunkedBody chunked;
    /** The response being read, when reordering (it is delivered whole). */
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    /** A complete response waiting for the next one, or null. */
    private byte[] waiting;
    private int completed;

    public ResponseStream(UnaryOperator<String> headRewrite, boolean reorder, LinkState link) {
        this.headRewrite = headRewrite;
        this.reorder = reorder;
        this.link = link;
    }

    @Override
    public byte[] feed(byte[] bytes, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 64);
        if (state == State.RAW) {
            out.write(bytes, 0, length);
            return out.toByteArray();
        }
        byte[] all = Arrays.copyOf(held, held.length + length);
        System.arraycopy(bytes, 0, all, held.length, length);
        int used = process(all, out);
        held = Arrays.copyOfRange(all, used, all.length);
        return out.toByteArray();
    }

    @Override
    public byte[] quiet(long quietMillis) {
        if (quietMillis < RequestStream.QUIET_MILLIS) {
            return NOTHING;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (waiting != null) {
            out.writeBytes(waiting);
            waiting = null;
        }
        if (held.length > 0 && state == State.HEAD) {
            out.writeBytes(held);
            held = new byte[0];
            state = State.RAW;
        }
        return out.toByteArray();
    }

    @Override
    public byte[] end() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(current.toByteArray());
        if (waiting != null) {
            out.writeBytes(waiting);
            waiting = null;
        }
        out.writeBytes(held);
        held = new byte[0];
        state = State.RAW;
        return out.toByteArray();
    }

    private int process(byte[] in, ByteArrayOutputStream out) {
        int i = 0;
        while (i < in.length && state != State.RAW) {
            switch (state) {
                case HEAD -> {
                    HeadScan.Head scanned = HeadScan.scan(Arrays.copyOfRange(in, i, in.length), in.length - i, false);
                    if (scanned == null) {
                        return i;
                    }
                    i += scanned.consumed();
                    HeadText head = HeadText.of(headRewrite.apply(new String(scanned.head(), StandardCharsets.ISO_8859_1)));
                    begin(head, out);
                }
                case BODY -> {
                    int n = (int) Math.min(bodyLeft, in.length - i);
                    sink(out).write(in, i, n);
                    i += n;
                    bodyLeft -= n;
                    if (bodyLeft == 0) {
                        complete(out);
                    }
                }
                case CHUNKED -> {
                    i += chunked.consume(in, i, in.length, sink(out));
                    if (chunked.done()) {
                        complete(out);
                    } else if (chunked.lost()) {
                        flushCurrent(out);
                        out.write(in, i, in.length - i);
                        return in.length;
                    } else {
                        return i;
                    }
                }
                case UNTIL_CLOSE -> {
                    sink(out).write(in, i, in.length - i);
                    i = in.length;
                }
                case RAW -> throw new IllegalStateException();
            }
        }
        if (state == State.RAW && i < in.length) {
            out.write(in, i, in.length - i);
            i = in.length;
        }
        return i;
    }

    private void begin(HeadText head, ByteArrayOutputStream out) {
        byte[] bytes = head.text().getBytes(StandardCharsets.ISO_8859_1);
        int status = head.status();
        if (status / 100 == 1) {
            flushCurrent(out);
            out.writeBytes(bytes); // interim: it goes out at once, before what it precedes
            state = status == 101 ? State.RAW : State.HEAD;
            return;
        }
        boolean toHead = link.answerNext().equals("HEAD");
        sink(out).writeBytes(bytes);
        HeadText.Framing framing = head.responseFraming(toHead);
        switch (framing.kind()) {
            case NONE -> complete(out);
            case LENGTH -> {
                bodyLeft = framing.length();
                state = State.BODY;
            }
            case CHUNKED -> {
                chunked = new ChunkedBody(ChunkedBody.SizeLineRewrite.NONE);
                state = State.CHUNKED;
            }
            case UNTIL_CLOSE, UNKNOWN -> state = State.UNTIL_CLOSE;
        }
    }

    /** Where response bytes go: straight out, or into the current response when reordering. */
    private ByteArrayOutputStream sink(ByteArrayOutputStream out) {
        return reorder ? current : out;
    }

    private void complete(ByteArrayOutputStream out) {
        state = State.HEAD;
        completed++;
        if (!reorder) {
            return;
        }
        byte[] response = current.toByteArray();
        current.reset();
        if (waiting != null) {
            out.writeBytes(response);
            out.writeBytes(waiting);
            waiting = null;
        } else if (link.requestsSent() > completed) {
            waiting = response;
        } else {
            out.writeBytes(response);
        }
    }

    private void flushCurrent(ByteArrayOutputStream out) {
        if (waiting != null) {
            out.writeBytes(waiting);
            waiting = null;
        }
        out.writeBytes(current.toByteArray());
        current.reset();
    }
}
