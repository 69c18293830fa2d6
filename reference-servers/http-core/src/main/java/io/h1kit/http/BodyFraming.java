package io.h1kit.http;

import java.util.List;

/**
 * How a request's body is delimited, decided from its header section by the algorithm of
 * RFC 9112 §6.3. A request has a body of a known length, a chunked body, or none.
 *
 * @param kind   the framing
 * @param length the body length for {@link Kind#LENGTH}; 0 for {@link Kind#NONE}; -1 for chunked
 */
public record BodyFraming(Kind kind, long length) {

    public enum Kind { NONE, LENGTH, CHUNKED }

    public static final BodyFraming NONE = new BodyFraming(Kind.NONE, 0);
    public static final BodyFraming CHUNKED = new BodyFraming(Kind.CHUNKED, -1);

    public static BodyFraming length(long length) {
        return length == 0 ? NONE : new BodyFraming(Kind.LENGTH, length);
    }

    /**
     * Decides the framing of a request, or throws the rejection that RFC 9112 §6.3 calls for.
     * Every rejection here leaves the framing unknown, so the connection must be closed.
     */
    public static BodyFraming decide(HttpVersion version, Fields fields, HttpLimits limits) {
        List<String> te = fields.values("Transfer-Encoding");
        List<String> cl = fields.values("Content-Length");
        if (!te.isEmpty()) {
            if (!cl.isEmpty()) {
                // RFC 9112 §6.1: a server MAY reject a request that contains both ... and MUST close
                // the connection after responding, since the pair is the classic smuggling vector.
                throw bad("RFC 9112 §6.1", "both Transfer-Encoding and Content-Length");
            }
            if (version == HttpVersion.HTTP_1_0) {
                // RFC 9112 §6.1: TE in an HTTP/1.0 request means the framing is faulty.
                throw bad("RFC 9112 §6.1", "Transfer-Encoding in an HTTP/1.0 request");
            }
            return chunkedOrReject(te);
        }
        if (!cl.isEmpty()) {
            long length = contentLength(cl);
            if (length > limits.maxBodyBytes()) {
                throw new HttpRejection(Status.CONTENT_TOO_LARGE_413, "RFC 9110 §15.5.14",
                        "Content-Length " + (length == Long.MAX_VALUE ? "overflowing a long" : length)
                                + " above the limit of " + limits.maxBodyBytes());
            }
            return length(length);
        }
        // RFC 9112 §6.3, rule 7: a request with neither has a body of length zero.
        return NONE;
    }

    /**
     * RFC 9112 §6.3: "If a Transfer-Encoding header field is present in a request and the chunked
     * transfer coding is not the final encoding, ... the server MUST respond with the 400 (Bad
     * Request) status code and then close the connection." Codings before chunked are not
     * understood here, so they get 501 (RFC 9112 §6.1, SHOULD).
     */
    private static BodyFraming chunkedOrReject(List<String> lines) {
        String last = null;
        int chunked = 0;
        int elements = 0;
        String unknown = null;
        for (String line : lines) {
            for (String coding : Grammar.listElements(line)) {
                elements++;
                if (coding.indexOf(';') >= 0) {
                    // RFC 9112 §7.1: chunked defines no parameters; "their presence SHOULD be treated as an error".
                    throw bad("RFC 9112 §7.1", "transfer coding with parameters: " + coding);
                }
                if (!Grammar.isToken(coding)) {
                    throw bad("RFC 9112 §6.1", "transfer coding is not a token");
                }
                if (coding.equalsIgnoreCase("chunked")) {
                    chunked++;
                } else if (unknown == null) {
                    unknown = coding;
                }
                last = coding;
            }
        }
        if (elements == 0) {
            throw bad("RFC 9110 §5.6.1.2", "empty Transfer-Encoding");
        }
        if (!"chunked".equalsIgnoreCase(last)) {
            throw bad("RFC 9112 §6.3", "chunked is not the final transfer coding");
        }
        if (chunked > 1) {
            // RFC 9112 §6.1: a sender MUST NOT apply the chunked coding more than once.
            throw bad("RFC 9112 §6.1", "chunked applied more than once");
        }
        if (unknown != null) {
            throw new HttpRejection(Status.NOT_IMPLEMENTED_501, "RFC 9112 §6.1",
                    "transfer coding not implemented: " + unknown);
        }
        return CHUNKED;
    }

    /**
     * RFC 9110 §8.6: Content-Length = 1*DIGIT. A list of identical values may be replaced by one
     * value; values that differ make the framing unknown (RFC 9112 §6.3, rule 5).
     */
    private static long contentLength(List<String> lines) {
        long length = -1;
        for (String line : lines) {
            List<String> elements = Grammar.listElements(line);
            if (elements.isEmpty()) {
                throw bad("RFC 9112 §6.3", "empty Content-Length");
            }
            if (line.indexOf(',') >= 0 && hasEmptyElement(line)) {
                throw bad("RFC 9112 §6.3", "empty element in Content-Length");
            }
            for (String element : elements) {
                long value = Grammar.parseDecimal(element);
                if (value < 0) {
                    throw bad("RFC 9112 §6.3", "Content-Length is not 1*DIGIT");
                }
                if (length >= 0 && value != length) {
                    throw bad("RFC 9112 §6.3", "Content-Length values disagree");
                }
                length = value;
            }
        }
        return length;
    }

    private static boolean hasEmptyElement(String line) {
        for (String part : line.split(",", -1)) {
            if (Grammar.trimWhitespace(part, 0, part.length()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static HttpRejection bad(String section, String detail) {
        return new HttpRejection(Status.BAD_REQUEST_400, section, detail);
    }
}
