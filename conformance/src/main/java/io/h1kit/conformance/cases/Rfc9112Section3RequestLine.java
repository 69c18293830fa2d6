package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Level;

import java.util.List;

import static io.h1kit.conformance.cases.Requests.G;

/** The request-line and method (RFC 9112 §3): RL rows, RL-01 the baseline. */
public final class Rfc9112Section3RequestLine implements CaseSource {
    @Override
    public List<Case> cases() {
        return List.of(
                // The baseline: every other HTTP case depends on it.
                Case.of(Case.HTTP_BASELINE, "RL-01", Level.MUST, "GET / answered with a 2xx")
                        .rfc("RFC 9112 §3", "request-line = method SP request-target SP HTTP-version")
                        .sends(G + "\r\n")
                        .pass(Expect.success())
                        .hint("The target must answer GET / with a 2xx for the suite to judge anything else.")
                        .build(),

                // RFC 9112 §3: "Recipients of an invalid request-line SHOULD respond with either a
                // 400 (Bad Request) error or a 301 (Moved Permanently) redirect".
                Case.of("9112-3/02", "RL-02", Level.SHOULD, "two SPs between method and target")
                        .rfc("RFC 9112 §3", "Recipients of an invalid request-line SHOULD respond with either a 400 "
                                + "(Bad Request) error or a 301 (Moved Permanently) redirect with the request-target "
                                + "properly encoded.")
                        .sends("GET  / HTTP/1.1\r\nHost: {host}\r\n\r\n")
                        .pass(Expect.statusThenClose(400))
                        .nonStrict(Expect.success())
                        .build());
    }
}
