package io.h1kit.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds bytes to a {@link RequestParser} in any split and collects everything it reports into one
 * {@link Outcome}, so that a test compares whole outcomes with a single assertion. It also checks
 * the parser's calling contract on the way: NEED_MORE only with the buffer drained, BODY never
 * empty, events in the order HEAD, BODY*, END.
 */
final class ParserHarness {

    /** What the parser made of a whole input. */
    record Outcome(List<Message> messages, Status rejection, boolean idle) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (Message m : messages) {
                sb.append("\n  ").append(m);
            }
            sb.append("\n  rejection=").append(rejection).append(" idle=").append(idle);
            return sb.toString();
        }
    }

    /**
     * One request as the parser reported it. The head is read from the parser when the message
     * ends (or the input does), so trailers merged into the header section would show here.
     */
    record Message(String method, RequestTarget target, HttpVersion version, String versionText,
                   List<Fields.Field> fields, BodyFraming framing, String body, List<Fields.Field> trailers,
                   boolean ended) {
    }

    private ParserHarness() {
    }

    static byte[] bytes(String latin1) {
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("fixture text must be ISO-8859-1, one char per octet");
            }
        }
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Feeds {@code input} in pieces cut at the given ascending offsets. */
    static Outcome run(HttpLimits limits, byte[] input, int... cuts) {
        List<byte[]> pieces = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            pieces.add(java.util.Arrays.copyOfRange(input, from, cut));
            from = cut;
        }
        pieces.add(java.util.Arrays.copyOfRange(input, from, input.length));
        return run(limits, pieces);
    }

    /** Feeds {@code input} one byte per call. */
    static Outcome runBytewise(HttpLimits limits, byte[] input) {
        List<byte[]> pieces = new ArrayList<>(input.length);
        for (byte b : input) {
            pieces.add(new byte[] {b});
        }
        return run(limits, pieces);
    }

    static Outcome run(HttpLimits limits, List<byte[]> pieces) {
        return new Collector(new RequestParser(limits)).feed(pieces);
    }

    /** Collects the events of one parser; usable step by step by tests that look between calls. */
    static final class Collector {
        final RequestParser parser;
        private final List<Message> messages = new ArrayList<>();
        private ByteArrayOutputStream body;
        private boolean inMessage;
        private Status rejection;

        Collector(RequestParser parser) {
            this.parser = parser;
        }

        Outcome feed(List<byte[]> pieces) {
            for (byte[] piece : pieces) {
                if (!feed(ByteBuffer.wrap(piece))) {
                    break;
                }
            }
            return outcome();
        }

        /** Feeds one buffer until NEED_MORE; false once the parser has rejected the input. */
        boolean feed(ByteBuffer in) {
            // More events than bytes plus a few means the parser is looping without progress.
            int budget = in.remaining() + 8;
            while (true) {
                if (--budget < 0) {
                    throw new AssertionError("parser reports events without consuming input");
                }
                RequestParser.Event event;
                try {
                    event = parser.parse(in);
                } catch (HttpRejection e) {
                    rejection = e.status();
                    return false;
                }
                switch (event) {
                    case NEED_MORE -> {
                        if (in.hasRemaining()) {
                            throw new AssertionError("NEED_MORE with " + in.remaining() + " bytes left unread");
                        }
                        return true;
                    }
                    case HEAD -> {
                        if (inMessage) {
                            throw new AssertionError("HEAD before the previous message ended");
                        }
                        inMessage = true;
                        body = new ByteArrayOutputStream();
                    }
                    case BODY -> {
                        if (!inMessage) {
                            throw new AssertionError("BODY outside a message");
                        }
                        ByteBuffer slice = parser.body();
                        if (!slice.hasRemaining()) {
                            throw new AssertionError("BODY event with no bytes");
                        }
                        byte[] copy = new byte[slice.remaining()];
                        slice.duplicate().get(copy);
                        body.writeBytes(copy);
                    }
                    case END -> {
                        if (!inMessage) {
                            throw new AssertionError("END without HEAD");
                        }
                        messages.add(current(true));
                        inMessage = false;
                    }
                }
            }
        }

        Outcome outcome() {
            List<Message> all = new ArrayList<>(messages);
            if (inMessage) {
                all.add(current(false));
            }
            return new Outcome(all, rejection, rejection == null && parser.isIdle());
        }

        private Message current(boolean ended) {
            RequestHead head = parser.head();
            Fields trailers = parser.trailers();
            return new Message(head.method(), head.target(), head.version(), head.versionText(),
                    list(head.fields()), head.framing(), body.toString(StandardCharsets.ISO_8859_1),
                    trailers == null ? List.of() : list(trailers), ended);
        }

        private static List<Fields.Field> list(Fields fields) {
            List<Fields.Field> out = new ArrayList<>();
            fields.forEach(out::add);
            return out;
        }
    }
}
