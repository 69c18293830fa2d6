package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.CaseSource;

import java.util.List;

/** Every section of the suite, in report order. */
public final class Cases {
    public static final List<CaseSource> SOURCES = List.of(
            new Rfc9112Section2_2MessageParsing(),
            new Rfc9112Section3RequestLine(),
            new Rfc9112Section3_2RequestTarget(),
            new Rfc9112Section2_3HttpVersion(),
            new Rfc9112Section5FieldSyntax(),
            new Rfc9110Section7_2Host(),
            new Rfc9112Section6_2ContentLength(),
            new Rfc9112Section6_1TransferEncoding(),
            new Rfc9112Section7_1ChunkedCoding(),
            new Rfc9112Section11_2RequestSmuggling(),
            new Rfc9112Section9_3Persistence(),
            new Rfc9110Section10_1_1Expect(),
            new Rfc9110Section9_3Methods(),
            new Rfc9110Section13ConditionalRequests(),
            new Rfc9110Section14RangeRequests(),
            new Rfc9110Section17_3PathTraversal(),
            new Rfc9110Section17_5LimitsAndTimeouts(),
            new Rfc9110Section15ResponseInvariants(),
            new Rfc862Echo());

    private Cases() {
    }
}
