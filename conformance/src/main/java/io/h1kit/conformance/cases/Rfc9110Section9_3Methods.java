package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Fixture;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.Read;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static io.h1kit.conformance.cases.Requests.S;
import static io.h1kit.conformance.cases.ConnectionProbes.CLOSING;
import static io.h1kit.conformance.cases.ConnectionProbes.answeredThenClosed;

/**
 * The methods HEAD, OPTIONS, DELETE and TRACE (RFC 9110 §9.1, §9.3), and the framing of bodies on
 * methods that define none (RFC 9112 §6): the METH rows. Stateless.
 */
public final class Rfc9110Section9_3Methods implements CaseSource {
    /** A body that is itself a request: answered on its own, it adds a response (METH-06). */
    private static final String SMUGGLED = "GET /x HTTP/1.1\r\nHost: {host}\r\n\r\n";
    /** Hop-by-hop fields, which may differ between two responses on one connection. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive");

    @Override
    public List<Case> cases() {
        return List.of(
                // RFC 9110 §9.3.2: "the server MUST NOT send content in the response"; §8.6: a Content-Length
                // on a HEAD response must equal the GET's; the same fields SHOULD be sent, except those "for
                // which a value is determined only while generating the content".
                Case.of("9110-9.3/01", "METH-01", Level.MUST, "HEAD " + Fixture.F_PATH + " then GET " + Fixture.F_PATH + " in one write")
                        .rfc("RFC 9110 §9.3.2", "The HEAD method is identical to GET except that the server MUST NOT "
                                + "send content in the response.")
                        .requires(Capability.FILE_FIXTURE, Capability.PIPELINING)
                        .sends(get("HEAD", Fixture.F_PATH) + get("GET", Fixture.F_PATH),
                                Read.responses(2).heads(0).closeCheck(false))
                        .pass(Expect.that("no content on HEAD, its Content-Length (if any) the GET's, the same fields",
                                o -> headThenGet(o) && fieldNames(o.response(0)).equals(fieldNames(o.response(1)))))
                        .nonStrict(Expect.that("no content on HEAD, its Content-Length (if any) the GET's, other fields",
                                Rfc9110Section9_3Methods::headThenGet))
                        .hint("Answer HEAD with the GET's status and fields, and no content.")
                        .build(),

                // RFC 9110 §9.1: "All general-purpose servers MUST support the methods GET and HEAD."
                Case.of("9110-9.3/02", "METH-02", Level.MUST, "HEAD /")
                        .rfc("RFC 9110 §9.1", "All general-purpose servers MUST support the methods GET and HEAD.")
                        .sends(get("HEAD", "/"), Read.responses(1).heads(0))
                        .pass(Expect.success())
                        .hint("Treat HEAD as GET without the content.")
                        .build(),

                // RFC 9110 §9.3.7: a successful OPTIONS "SHOULD send any header that might indicate optional
                // features ... (e.g., Allow)". Only an example, so a 2xx without Allow is NON-STRICT.
                Case.of("9110-9.3/03", "METH-03", Level.SHOULD, "OPTIONS " + Fixture.F_PATH)
                        .rfc("RFC 9110 §9.3.7", "A server generating a successful response to OPTIONS SHOULD send any "
                                + "header that might indicate optional features implemented by the server and "
                                + "applicable to the target resource (e.g., Allow), including potential extensions "
                                + "not defined by this specification.")
                        .requires(Capability.FILE_FIXTURE)
                        .sends(get("OPTIONS", Fixture.F_PATH))
                        .pass(Expect.success().and(Expect.first("with Allow", r -> r.field("Allow") != null)))
                        .nonStrict(Expect.success())
                        .info(Expect.status(405, 501))
                        .build(),

                // RFC 9110 §9.1: a method "recognized and implemented, but not allowed for the target
                // resource, SHOULD respond with the 405"; §15.5.6: the origin "MUST generate an Allow header
                // field in a 405 response". Level SHOULD: the Allow MUST gates through RESP-10 as well.
                Case.of("9110-9.3/04", "METH-04", Level.SHOULD, "DELETE " + Fixture.F_PATH)
                        .rfc("RFC 9110 §9.1", "An origin server that receives a request method that is recognized and "
                                + "implemented, but not allowed for the target resource, SHOULD respond with the 405 "
                                + "(Method Not Allowed) status code.")
                        .requires(Capability.FILE_FIXTURE)
                        .sends(get("DELETE", Fixture.F_PATH))
                        .pass(Expect.status(405).and(Expect.first("with Allow", r -> r.field("Allow") != null)))
                        .fail(Expect.that("405 without Allow (RFC 9110 §15.5.6: MUST)", o -> o.status() == 405))
                        .nonStrict(Expect.status(403, 501))
                        .hint("Answer 405 with an Allow field listing the methods the file supports.")
                        .build(),

                // RFC 9110 §9.3.8: the final recipient "SHOULD exclude any request fields that are likely to
                // contain sensitive data". Refusing TRACE reflects nothing, whatever the 4xx or 5xx.
                Case.of("9110-9.3/05", "METH-05", Level.SHOULD, "TRACE / with Cookie and Authorization")
                        .rfc("RFC 9110 §9.3.8", "The final recipient of the request SHOULD exclude any request fields "
                                + "that are likely to contain sensitive data when that recipient generates the "
                                + "response content.")
                        .sends("TRACE / HTTP/1.1\r\nHost: {host}\r\nCookie: s=1\r\nAuthorization: Basic dTpw\r\n\r\n")
                        .pass(Expect.status(405, 501))
                        .pass(Expect.that("another 4xx or 5xx: nothing reflected", o -> o.status() / 100 == 4 || o.status() / 100 == 5))
                        .fail(Expect.first("a 2xx reflecting Cookie or Authorization", r -> r.status() / 100 == 2
                                && (r.bodyText().contains("s=1") || r.bodyText().contains("dTpw"))))
                        .nonStrict(Expect.success())
                        .hint("Disable TRACE (405 or 501), or leave Cookie and Authorization out of the reflection.")
                        .build(),

                // RFC 9112 §6: "Request message framing is independent of method semantics."
                Case.of("9110-9.3/06a", "METH-06", Level.MUST, "OPTIONS / with a body that is a GET, then the sentinel and a closing GET")
                        .rfc("RFC 9112 §6", "Request message framing is independent of method semantics.")
                        .requires(Capability.PIPELINING)
                        .probe(ctx -> {
                            String body = ctx.expand(SMUGGLED);
                            return ctx.exchange("OPTIONS / HTTP/1.1\r\nHost: {host}\r\nContent-Length: " + body.length()
                                    + "\r\n\r\n" + body + S + CLOSING, Read.responses(3));
                        })
                        .pass(answeredThenClosed(3))
                        .nonStrict(Expect.statusThenClose(400))
                        .hint("Read a Content-Length body on every method, also those that define no use for one.")
                        .build(),
                Case.of("9110-9.3/06b", "METH-06", Level.MUST, "DELETE " + Fixture.F_PATH + " with a body that is a GET, then the sentinel and a closing GET")
                        .rfc("RFC 9112 §6", "Request message framing is independent of method semantics.")
                        .requires(Capability.PIPELINING)
                        .probe(ctx -> {
                            String body = ctx.expand(SMUGGLED);
                            return ctx.exchange("DELETE " + Fixture.F_PATH + " HTTP/1.1\r\nHost: {host}\r\nContent-Length: "
                                    + body.length() + "\r\n\r\n" + body + S + CLOSING, Read.responses(3));
                        })
                        .pass(answeredThenClosed(3))
                        .nonStrict(Expect.statusThenClose(400))
                        .hint("Read (or discard) the body of a request you refuse before reading the next request.")
                        .build());
    }

    private static String get(String method, String path) {
        return method + " " + path + " HTTP/1.1\r\nHost: {host}\r\n\r\n";
    }

    /**
     * METH-01's MUSTs: both 2xx; the GET (read after the HEAD) parses with the fixture's content, so
     * the HEAD's response carried none; a Content-Length on the HEAD equals the GET's content length.
     */
    private static boolean headThenGet(Observation o) {
        if (o.count() != 2 || o.response(0).status() / 100 != 2 || o.response(1).status() != 200) {
            return false;
        }
        if (!Arrays.equals(o.response(1).body(), Fixture.fContent())) {
            return false;
        }
        String headLength = o.response(0).field("Content-Length");
        return headLength == null || headLength.equals(String.valueOf(Fixture.fContent().length));
    }

    private static Set<String> fieldNames(WireResponse r) {
        Set<String> names = new TreeSet<>();
        for (WireResponse.Field f : r.fields()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
