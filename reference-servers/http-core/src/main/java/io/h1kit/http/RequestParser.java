package io.h1kit.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The resumable HTTP/1.1 request parser: bytes in, events out. It does no I/O, keeps its position
 * in a state field, and can be fed any split of the stream, down to one byte at a time.
 *
 * <pre>
 *                 +--------------------+  CRLF (leading empty lines are skipped)
 *   start -----&gt; | READ_REQUEST_LINE  |---+
 *                 +--------------------+   |
 *                          | request-line  |
 *                          v               |
 *                 +--------------------+   |
 *                 | READ_FIELD_LINES   |   |      HEAD is returned here
 *                 +--------------------+
 *           no body |      | length     | chunked
 *                   |      v            v
 *                   | READ_FIXED_BODY  READ_CHUNK_SIZE &lt;-----------------+
 *                   |      |            | size &gt; 0         | size = 0      |
 *                   |      |            v                  v               |
 *                   |      |       READ_CHUNK_DATA     READ_TRAILER_LINES  |
 *                   |      |            |                  |               |
 *                   |      |            v                  |               |
 *                   |      |       READ_CHUNK_DATA_CRLF ---+---------------+
 *                   v      v                               v
 *                 +----------------------------------------------+
 *                 | MESSAGE_DONE  (END returned; the next call starts the next request) |
 *                 +----------------------------------------------+
 *   any state --- bad input ---&gt; REJECTED (HttpRejection thrown; terminal)
 * </pre>
 *
 * <p>Strict grammar (RFC 9112 §2 to §7): CRLF line endings only (a bare CR or a bare LF is
 * rejected), single SP separators in the request-line, token methods and field names, no
 * whitespace before a field's colon, no obs-fold, no CTLs but HTAB in field values, and the version
 * as exactly {@code HTTP/DIGIT.DIGIT}.
 *
 * <p>Use: call {@link #parse(ByteBuffer)} until it returns {@link Event#NEED_MORE} (the buffer is
 * then fully consumed) or an event. After {@link Event#HEAD}, {@link #head()} holds the head; after
 * {@link Event#BODY}, {@link #body()} is a slice of the caller's buffer, valid until it is
 * changed; after {@link Event#END}, {@link #trailers()} holds the trailer fields. Not thread-safe:
 * one parser per connection.
 */
public final class RequestParser {

    /** What a call to {@link #parse(ByteBuffer)} found. */
    public enum Event { NEED_MORE, HEAD, BODY, END }

    enum State {
        READ_REQUEST_LINE, READ_FIELD_LINES, READ_FIXED_BODY, READ_CHUNK_SIZE, READ_CHUNK_DATA,
        READ_CHUNK_DATA_CR, READ_CHUNK_DATA_LF, READ_TRAILER_LINES, MESSAGE_DONE, REJECTED
    }

    private static final String BAD_LINE_ENDING = "RFC 9112 §2.2";
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final HttpLimits limits;
    private final LineBuffer line;

    private State state = State.READ_REQUEST_LINE;
    private boolean pendingCr;
    /** Bytes counted against the current section's limit (request-line, header or trailer section). */
    private int sectionBytes;
    private int fieldCount;

    private String requestLine;
    private String method;
    private RequestTarget target;
    private HttpVersion version;
    private String versionText;
    private Fields fields;
    private Fields trailers;
    private RequestHead head;
    private ByteBuffer body;

    private long remaining;
    private long bodyBytes;
    private int chunkMetadataBytes;

    public RequestParser(HttpLimits limits) {
        this.limits = limits;
        this.line = new LineBuffer(Math.max(Math.max(limits.maxRequestLineBytes(), limits.maxHeaderSectionBytes()),
                ChunkSizeLine.FREE_DIGITS + limits.maxChunkMetadataBytes()));
    }

    /** The head of the current request; set from {@link Event#HEAD} until the next request starts. */
    public RequestHead head() {
        return head;
    }

    /**
     * The current request's request-line as received, once it is complete (even when it was then
     * rejected), for the access log; null before that.
     */
    public String requestLine() {
        return requestLine;
    }

    /**
     * The current request's method once the request-line has been read far enough to know it
     * (even when the request was then rejected), so that an error response to HEAD carries no
     * content (RFC 9110 §9.3.2); null before that.
     */
    public String method() {
        return method;
    }

    /** The body bytes found by the last call that returned {@link Event#BODY}. */
    public ByteBuffer body() {
        return body;
    }

    /** The trailer fields of the current request (empty unless chunked with trailers). */
    public Fields trailers() {
        return trailers;
    }

    /** Whether the parser is between messages, holding no partial request. */
    public boolean isIdle() {
        // Empty lines before a request-line are skipped, not held: RFC 9112 §2.2 notes that old
        // clients send an extra CRLF after a POST body, and such a connection is idle, not mid-request.
        return state == State.MESSAGE_DONE
                || state == State.READ_REQUEST_LINE && line.length() == 0 && !pendingCr;
    }

    /** Whether the head of the current request has been read and its body has not ended. */
    public boolean isReadingBody() {
        return state == State.READ_FIXED_BODY || state == State.READ_CHUNK_SIZE || state == State.READ_CHUNK_DATA
                || state == State.READ_CHUNK_DATA_CR || state == State.READ_CHUNK_DATA_LF
                || state == State.READ_TRAILER_LINES;
    }

    State state() {
        return state;
    }

    /**
     * Consumes bytes from {@code in} and reports the next event.
     *
     * @throws HttpRejection on bad input; the parser is then {@code REJECTED} for good
     */
    public Event parse(ByteBuffer in) {
        try {
            return doParse(in);
        } catch (HttpRejection e) {
            state = State.REJECTED;
            throw e;
        }
    }

    private Event doParse(ByteBuffer in) {
        if (state == State.MESSAGE_DONE) {
            startMessage();
        }
        while (true) {
            switch (state) {
                case READ_REQUEST_LINE, READ_FIELD_LINES, READ_TRAILER_LINES, READ_CHUNK_SIZE -> {
                    if (!readLine(in)) {
                        return Event.NEED_MORE;
                    }
                    Event event = onLine();
                    if (event != null) {
                        return event;
                    }
                }
                case READ_FIXED_BODY -> {
                    if (remaining == 0) {
                        state = State.MESSAGE_DONE;
                        return Event.END;
                    }
                    if (!in.hasRemaining()) {
                        return Event.NEED_MORE;
                    }
                    return sliceBody(in, State.READ_FIXED_BODY);
                }
                case READ_CHUNK_DATA -> {
                    if (!in.hasRemaining()) {
                        return Event.NEED_MORE;
                    }
                    return sliceBody(in, State.READ_CHUNK_DATA);
                }
                case READ_CHUNK_DATA_CR, READ_CHUNK_DATA_LF -> {
                    if (!in.hasRemaining()) {
                        return Event.NEED_MORE;
                    }
                    byte b = in.get();
                    boolean expectCr = state == State.READ_CHUNK_DATA_CR;
                    if (b != (expectCr ? CR : LF)) {
                        // RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
                        throw bad("RFC 9112 §7.1", "chunk data not followed by CRLF");
                    }
                    state = expectCr ? State.READ_CHUNK_DATA_LF : State.READ_CHUNK_SIZE;
                }
                case MESSAGE_DONE -> throw new IllegalStateException("a finished message is restarted on entry");
                case REJECTED -> throw new IllegalStateException("parser rejected its input; close the connection");
            }
        }
    }

    private void startMessage() {
        state = State.READ_REQUEST_LINE;
        sectionBytes = 0;
        fieldCount = 0;
        requestLine = null;
        method = null;
        target = null;
        version = null;
        versionText = null;
        fields = null;
        trailers = null;
        head = null;
        body = null;
        remaining = 0;
        bodyBytes = 0;
        chunkMetadataBytes = 0;
    }

    private Event sliceBody(ByteBuffer in, State current) {
        int n = (int) Math.min(remaining, in.remaining());
        body = in.slice(in.position(), n);
        in.position(in.position() + n);
        remaining -= n;
        if (current == State.READ_CHUNK_DATA && remaining == 0) {
            state = State.READ_CHUNK_DATA_CR;
        }
        return Event.BODY;
    }

    /**
     * Accumulates one line, checking each byte as it arrives so that garbage is refused at once
     * rather than at the end of a line that may never come. Returns true when a CRLF-ended line
     * is in {@link #line} (without the CRLF).
     */
    private boolean readLine(ByteBuffer in) {
        while (in.hasRemaining()) {
            byte b = in.get();
            countByte(b == CR || b == LF || pendingCr);
            if (pendingCr) {
                if (b != LF) {
                    throw bad(BAD_LINE_ENDING, "bare CR");
                }
                pendingCr = false;
                return true;
            }
            if (b == CR) {
                pendingCr = true;
            } else if (b == LF) {
                // RFC 9112 §2.2: a recipient MAY recognize a bare LF; this parser is strict.
                throw bad(BAD_LINE_ENDING, "bare LF");
            } else {
                checkLineByte(b & 0xFF);
                line.append(b);
            }
        }
        return false;
    }

    /**
     * Counts a byte against the limit of what is being read. The limits count what their names
     * say: the request-line without its CRLF (each empty line skipped before it counts its two
     * bytes, so a flood of them is bounded too), and the field lines of a section with their CRLFs
     * but without the empty line that ends the section.
     */
    private void countByte(boolean lineEnding) {
        boolean counted = switch (state) {
            case READ_REQUEST_LINE -> !lineEnding || line.length() == 0;
            case READ_FIELD_LINES, READ_TRAILER_LINES -> !lineEnding || line.length() > 0;
            default -> true;
        };
        if (counted) {
            sectionBytes++;
        }
        switch (state) {
            case READ_REQUEST_LINE -> {
                if (sectionBytes > limits.maxRequestLineBytes()) {
                    throw new HttpRejection(Status.URI_TOO_LONG_414, "RFC 9112 §3",
                            "request-line longer than " + limits.maxRequestLineBytes() + " bytes");
                }
            }
            case READ_FIELD_LINES, READ_TRAILER_LINES -> {
                if (sectionBytes > limits.maxHeaderSectionBytes()) {
                    throw new HttpRejection(Status.REQUEST_HEADER_FIELDS_TOO_LARGE_431, "RFC 6585 §5",
                            "field section longer than " + limits.maxHeaderSectionBytes() + " bytes");
                }
            }
            case READ_CHUNK_SIZE -> {
                // Bounds the line while it arrives; the exact count is taken when it is complete.
                if (line.length() > ChunkSizeLine.FREE_DIGITS + limits.maxChunkMetadataBytes() - chunkMetadataBytes) {
                    throw chunkMetadataTooLong();
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    /** Refuses, as soon as it arrives, a byte that no valid line of the current kind can hold. */
    private void checkLineByte(int b) {
        if (state == State.READ_REQUEST_LINE) {
            // RFC 9112 §3: the request-line holds tokens, SP and a request-target of visible ASCII.
            if (b < 0x20 || b >= 0x7F) {
                throw bad("RFC 9112 §3", String.format("byte 0x%02x in the request-line", b));
            }
        } else if (b < 0x20 && b != '\t' || b == 0x7F) {
            // RFC 9110 §5.5: field values hold no CTLs other than HTAB (NUL included).
            throw bad("RFC 9110 §5.5", String.format("control byte 0x%02x in a field line", b));
        }
    }

    /** Handles a complete line; returns the event to report, or null to keep reading. */
    private Event onLine() {
        switch (state) {
            case READ_REQUEST_LINE -> {
                if (line.length() == 0) {
                    // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the
                    // request-line; the empty lines count against the request-line limit.
                    return null;
                }
                parseRequestLine();
                line.clear();
                state = State.READ_FIELD_LINES;
                sectionBytes = 0;
                fields = new Fields();
                return null;
            }
            case READ_FIELD_LINES -> {
                if (line.length() == 0) {
                    return finishHead();
                }
                parseFieldLine(fields);
                line.clear();
                return null;
            }
            case READ_TRAILER_LINES -> {
                if (line.length() == 0) {
                    state = State.MESSAGE_DONE;
                    return Event.END;
                }
                parseFieldLine(trailers);
                line.clear();
                return null;
            }
            case READ_CHUNK_SIZE -> {
                long size = ChunkSizeLine.parse(line);
                chunkMetadataBytes += ChunkSizeLine.metadataBytes(line);
                if (chunkMetadataBytes > limits.maxChunkMetadataBytes()) {
                    throw chunkMetadataTooLong();
                }
                line.clear();
                if (size > limits.maxBodyBytes() - bodyBytes) {
                    throw new HttpRejection(Status.CONTENT_TOO_LARGE_413, "RFC 9110 §15.5.14",
                            "chunked body longer than " + limits.maxBodyBytes() + " bytes");
                }
                if (size == 0) {
                    state = State.READ_TRAILER_LINES;
                    sectionBytes = 0;
                    fieldCount = 0;
                    trailers = new Fields();
                } else {
                    bodyBytes += size;
                    remaining = size;
                    state = State.READ_CHUNK_DATA;
                }
                return null;
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    /** RFC 9112 §3: request-line = method SP request-target SP HTTP-version. */
    private void parseRequestLine() {
        requestLine = line.ascii(0, line.length());
        int sp1 = line.indexOf((byte) ' ', 0);
        int sp2 = sp1 < 0 ? -1 : line.indexOf((byte) ' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || line.indexOf((byte) ' ', sp2 + 1) >= 0) {
            throw bad("RFC 9112 §3", "request-line is not method SP request-target SP HTTP-version");
        }
        for (int i = 0; i < sp1; i++) {
            if (!Grammar.isTchar(line.byteAt(i))) {
                throw bad("RFC 9112 §3.1", "method is not a token");
            }
        }
        if (sp1 > limits.maxMethodBytes()) {
            throw new HttpRejection(Status.NOT_IMPLEMENTED_501, "RFC 9110 §9.1",
                    "method longer than " + limits.maxMethodBytes() + " bytes");
        }
        if (sp2 == sp1 + 1) {
            throw bad("RFC 9112 §3", "empty request-target");
        }
        method = line.ascii(0, sp1);
        versionText = line.ascii(sp2 + 1, line.length());
        version = parseVersion(versionText);
        for (int i = sp1 + 1; i < sp2; i++) {
            if (line.byteAt(i) == '#') {
                // RFC 9112 §3.2: the request-target forms carry no fragment.
                throw bad("RFC 9112 §3.2", "fragment in the request-target");
            }
        }
        target = RequestTarget.parse(method, line.ascii(sp1 + 1, sp2));
    }

    /** RFC 9112 §2.3: HTTP-version = "HTTP" "/" DIGIT "." DIGIT, case-sensitive. */
    private static HttpVersion parseVersion(String text) {
        if (text.length() != 8 || !text.startsWith("HTTP/") || text.charAt(6) != '.'
                || !Grammar.isDigit(text.charAt(5)) || !Grammar.isDigit(text.charAt(7))) {
            throw bad("RFC 9112 §2.3", "malformed HTTP-version");
        }
        if (text.charAt(5) != '1') {
            throw new HttpRejection(Status.HTTP_VERSION_NOT_SUPPORTED_505, "RFC 9110 §6.2",
                    "major version " + text.charAt(5) + " not supported");
        }
        return text.charAt(7) == '0' ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    }

    /** RFC 9112 §5: field-line = field-name ":" OWS field-value OWS. */
    private void parseFieldLine(Fields into) {
        if (++fieldCount > limits.maxHeaderCount()) {
            throw new HttpRejection(Status.REQUEST_HEADER_FIELDS_TOO_LARGE_431, "RFC 6585 §5",
                    "more than " + limits.maxHeaderCount() + " field lines");
        }
        int first = line.byteAt(0);
        if (Grammar.isWhitespace(first)) {
            // RFC 9112 §5.2: obs-fold; and §2.2: whitespace after the start-line. Either way, reject.
            throw bad("RFC 9112 §5.2", "line folding or whitespace before a field line");
        }
        int colon = line.indexOf((byte) ':', 0);
        if (colon < 0) {
            throw bad("RFC 9112 §5", "field line without a colon");
        }
        if (colon == 0) {
            throw bad("RFC 9110 §5.1", "empty field name");
        }
        for (int i = 0; i < colon; i++) {
            int b = line.byteAt(i);
            if (!Grammar.isTchar(b)) {
                if (Grammar.isWhitespace(b) && i == colon - 1) {
                    // RFC 9112 §5.1: "A server MUST reject, with a response status code of 400 (Bad
                    // Request), any received request message that contains whitespace between a
                    // header field name and colon."
                    throw bad("RFC 9112 §5.1", "whitespace between field name and colon");
                }
                throw bad("RFC 9110 §5.1", "field name is not a token");
            }
        }
        int start = colon + 1;
        int end = line.length();
        while (start < end && Grammar.isWhitespace(line.byteAt(start))) {
            start++;
        }
        while (end > start && Grammar.isWhitespace(line.byteAt(end - 1))) {
            end--;
        }
        into.add(line.ascii(0, colon), line.latin1(start, end));
    }

    private Event finishHead() {
        line.clear();
        checkHost();
        BodyFraming framing = BodyFraming.decide(version, fields, limits);
        head = new RequestHead(method, target, version, versionText, fields, framing);
        trailers = new Fields();
        sectionBytes = 0;
        switch (framing.kind()) {
            case NONE, LENGTH -> {
                // A body of length 0 ends on the next call, which reports END.
                state = State.READ_FIXED_BODY;
                remaining = framing.length();
            }
            case CHUNKED -> state = State.READ_CHUNK_SIZE;
        }
        return Event.HEAD;
    }

    /**
     * RFC 9112 §3.2: "A server MUST respond with a 400 (Bad Request) status code to any HTTP/1.1
     * request message that lacks a Host header field and to any request message that contains
     * more than one Host header field line or a Host header field with an invalid field value."
     */
    private void checkHost() {
        int hosts = fields.count("Host");
        if (hosts > 1) {
            throw bad("RFC 9112 §3.2", "more than one Host field line");
        }
        if (hosts == 0) {
            if (version == HttpVersion.HTTP_1_1) {
                throw bad("RFC 9112 §3.2", "HTTP/1.1 request without Host");
            }
            return;
        }
        String host = fields.get("Host");
        if (host.isEmpty()) {
            if (target.form() == RequestTarget.Form.ORIGIN || target.form() == RequestTarget.Form.ASTERISK) {
                // RFC 9110 §4.2.1: an http URI with an empty host MUST be rejected as invalid.
                throw bad("RFC 9110 §4.2.1", "empty Host with an origin-form target");
            }
            return;
        }
        Authority.check(host, "RFC 9112 §3.2");
    }

    private HttpRejection chunkMetadataTooLong() {
        return bad("RFC 9112 §7.1.1", "chunk extensions longer than " + limits.maxChunkMetadataBytes() + " bytes");
    }

    private static HttpRejection bad(String section, String detail) {
        return new HttpRejection(Status.BAD_REQUEST_400, section, detail);
    }

    /** A bounded, reusable line accumulator. */
    static final class LineBuffer implements CharSequence {
        private byte[] bytes = new byte[256];
        private int length;
        private final int capacity;

        LineBuffer(int capacity) {
            this.capacity = capacity;
        }

        void append(byte b) {
            if (length == bytes.length) {
                if (length >= capacity) {
                    // The per-section limits fire first; this guards the buffer itself.
                    throw new HttpRejection(Status.REQUEST_HEADER_FIELDS_TOO_LARGE_431, "RFC 6585 §5", "line too long");
                }
                bytes = Arrays.copyOf(bytes, Math.min(capacity, bytes.length * 2));
            }
            bytes[length++] = b;
        }

        void clear() {
            length = 0;
        }

        int byteAt(int i) {
            return bytes[i] & 0xFF;
        }

        int indexOf(byte b, int from) {
            for (int i = from; i < length; i++) {
                if (bytes[i] == b) {
                    return i;
                }
            }
            return -1;
        }

        String ascii(int from, int to) {
            return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
        }

        String latin1(int from, int to) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return latin1(start, end);
        }

        @Override
        public String toString() {
            return latin1(0, length);
        }
    }
}
