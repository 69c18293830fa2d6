package io.h1kit.http;

/**
 * What a request's {@code Expect} field asks of the server (RFC 9110 §10.1.1).
 */
public enum Expectation {
    /** No expectation, or one that is ignored (any Expect in an HTTP/1.0 request). */
    NONE,
    /** {@code 100-continue} with a body to come: send 100 before reading the body, unless the body is already arriving. */
    CONTINUE,
    /** An expectation the server cannot meet: answer 417. */
    UNSUPPORTED;

    /**
     * RFC 9110 §10.1.1: "A server that receives a 100-continue expectation in an HTTP/1.0 request
     * MUST ignore that expectation"; the value is case-insensitive; "A server that receives an
     * Expect field value containing a member other than 100-continue MAY respond with a 417".
     */
    public static Expectation of(RequestHead head) {
        if (head.version() == HttpVersion.HTTP_1_0) {
            return NONE;
        }
        Expectation result = NONE;
        for (String value : head.fields().values("Expect")) {
            for (String member : Grammar.listElements(value)) {
                if (!member.equalsIgnoreCase("100-continue")) {
                    return UNSUPPORTED;
                }
                result = head.hasBody() ? CONTINUE : NONE;
            }
        }
        return result;
    }

    /** The rejection for {@link #UNSUPPORTED}; the body is not read, so the connection closes. */
    public static HttpRejection unsupported() {
        return new HttpRejection(Status.EXPECTATION_FAILED_417, "RFC 9110 §10.1.1", "unsupported expectation");
    }
}
