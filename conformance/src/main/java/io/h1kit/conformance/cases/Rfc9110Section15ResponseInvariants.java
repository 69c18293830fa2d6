package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.lint.ResponseLint;
import io.h1kit.conformance.model.Probe;

import java.util.List;

/**
 * The response invariants (RFC 9110 §15 and the sections each row names): the RESP rows. They send
 * nothing: the runner judges each from the lint findings that carry its row ({@code ResponseLint})
 * over every response the other cases received, so they cost no requests. Stateless.
 */
public final class Rfc9110Section15ResponseInvariants implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of(
                passive("9110-15/01", "RESP-01", Level.MUST, "every response: Date on 2xx, 3xx and 4xx",
                        "RFC 9110 §6.6.1", "An origin server with a clock (as defined in Section 5.6.7) MUST generate a "
                                + "Date header field in all 2xx (Successful), 3xx (Redirection), and 4xx (Client "
                                + "Error) responses, and MAY generate a Date header field in 1xx (Informational) and "
                                + "5xx (Server Error) responses."),
                passive("9110-15/02", "RESP-02", Level.MUST, "every response: Date and Last-Modified as IMF-fixdate",
                        "RFC 9110 §5.6.7", "When a sender generates a field that contains one or more timestamps "
                                + "defined as HTTP-date, the sender MUST generate those timestamps in the IMF-fixdate "
                                + "format."),
                passive("9110-15/03", "RESP-03", Level.MUST, "every response: no Content-Length or Transfer-Encoding on 1xx and 204",
                        "RFC 9110 §8.6", "A server MUST NOT send a Content-Length header field in any response with a "
                                + "status code of 1xx (Informational) or 204 (No Content)."),
                passive("9110-15/04", "RESP-04", Level.MUST, "every response: never both Content-Length and Transfer-Encoding",
                        "RFC 9112 §6.2", "A sender MUST NOT send a Content-Length header field in any message that "
                                + "contains a Transfer-Encoding header field."),
                passive("9110-15/05", "RESP-05", Level.MUST, "every response: status-line HTTP/1.1 SP 3DIGIT SP [reason]",
                        "RFC 9112 §4", "A server MUST send the space that separates the status-code from the "
                                + "reason-phrase even when the reason-phrase is absent (i.e., the status-line would end "
                                + "with the space)."),
                // The row mixes a SHOULD (the version) with MUST NOTs (chunked or 1xx to HTTP/1.0 clients); the
                // lint checks the version only, so the case carries the SHOULD.
                passive("9110-15/06", "RESP-06", Level.SHOULD, "every response: version HTTP/1.1",
                        "RFC 9110 §6.2", "A server SHOULD send a response version equal to the highest version to "
                                + "which the server is conformant that has a major version less than or equal to the "
                                + "one received in the request."),
                passive("9110-15/07", "RESP-07", Level.MUST, "every response: no bare CR, no obs-fold, token field names",
                        "RFC 9112 §2.2", "A sender MUST NOT generate a bare CR (a CR character not immediately "
                                + "followed by LF) within any protocol elements other than the content."),
                passive("9110-15/08", "RESP-08", Level.MUST, "every response: the content is as long as Content-Length says",
                        "RFC 9110 §8.6", "The \"Content-Length\" header field indicates the associated representation's "
                                + "data length as a decimal non-negative integer number of octets."),
                passive("9110-15/09", "RESP-09", Level.SHOULD, "every response: Content-Type when there is content",
                        "RFC 9110 §8.3", "A sender that generates a message containing content SHOULD generate a "
                                + "Content-Type header field in that message unless the intended media type of the "
                                + "enclosed representation is unknown to the sender."),
                // Mixed in the row: Allow on 405, Content-Range on 206, Upgrade on 101 and 426, WWW-Authenticate
                // on 401 are MUSTs; Content-Range on 416 is a SHOULD, so it is a case of its own (10b).
                passive("9110-15/10", "RESP-10", Level.MUST, "every response: the fields its status requires (405 Allow, 206 Content-Range, ...)",
                        "RFC 9110 §15.5.6", "The origin server MUST generate an Allow header field in a 405 response "
                                + "containing a list of the target resource's currently supported methods."),
                passive("9110-15/10b", ResponseLint.RANGE_416, Level.SHOULD, "every response: Content-Range: bytes */length on a 416",
                        "RFC 9110 §15.5.17", "A server that generates a 416 response to a byte-range request SHOULD "
                                + "generate a Content-Range header field specifying the current length of the selected "
                                + "representation."),
                passive("9110-15/11", "RESP-11", Level.MUST, "every response: Connection: close is followed by the close, and nothing more",
                        "RFC 9112 §9.6", "A server that sends a \"close\" connection option MUST initiate closure of "
                                + "the connection (see below) after it sends the response containing the \"close\" "
                                + "connection option. The server MUST NOT process any further requests received on "
                                + "that connection."));
    }

    private static Case passive(String id, String ref, Level level, String title, String section, String quote) {
        return Case.of(id, ref, level, title)
                .rfc(section, quote)
                .probe(Probe.PASSIVE)
                .pass(Expect.anything())
                .build();
    }
}
