package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Level;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** The Host field (RFC 9112 §3.2, RFC 9110 §7.2): HOST rows. */
public final class Rfc9110Section7_2Host implements CaseSource {
    private static final String HOST_400 = "A server MUST respond with a 400 (Bad Request) status code to any HTTP/1.1 "
            + "request message that lacks a Host header field and to any request message that contains more than one "
            + "Host header field line or a Host header field with an invalid field value.";
    private static final String EMPTY_HOST = "A sender MUST NOT generate an \"http\" URI with an empty host "
            + "identifier. A recipient that processes such a URI reference MUST reject it as invalid.";
    private static final String CASE_INSENSITIVE = "The scheme and host are case-insensitive and normally provided in "
            + "lowercase";
    private static final String PORT = "port          = *DIGIT";
    private static final String HINT = "Answer 400 to a request without exactly one valid Host field line "
            + "(Host = uri-host [ \":\" port ]).";

    @Override
    public List<Case> cases() {
        return List.of(
                // The catalogue takes a close without a response as NON-STRICT here (only here).
                Case.of("9110-7.2/01", "HOST-01", Level.MUST, "HTTP/1.1 request without Host")
                        .rfc("RFC 9112 §3.2", HOST_400)
                        .sends("GET / HTTP/1.1\r\n\r\n")
                        .pass(Expect.status(400))
                        .nonStrict(Expect.closeWithoutResponse())
                        .hint(HINT)
                        .build(),

                invalid("9110-7.2/02", "HOST-02", "two Host lines with different values",
                        "Host: {host}\r\nHost: other.test\r\n"),
                invalid("9110-7.2/03", "HOST-03", "two identical Host lines", "Host: {host}\r\nHost: {host}\r\n"),
                invalid("9110-7.2/04", "HOST-04", "two hosts in one Host value (Host: host, other.test)",
                        "Host: {host}, other.test\r\n"),

                invalid("9110-7.2/05a", "HOST-05", "SP inside the Host value (Host: host b)", "Host: {host} b\r\n"),
                invalid("9110-7.2/05b", "HOST-05", "junk after the port (Host: host:80 x)", "Host: {host}:80 x\r\n"),
                invalid("9110-7.2/05c", "HOST-05", "a path in Host (Host: host/p)", "Host: {host}/p\r\n"),
                invalid("9110-7.2/05d", "HOST-05", "userinfo in Host (Host: u@host)", "Host: u@{host}\r\n"),
                invalid("9110-7.2/05e", "HOST-05", "two ports (Host: host:1:2)", "Host: {host}:1:2\r\n"),
                invalid("9110-7.2/05f", "HOST-05", "non-digit port (Host: host:8x)", "Host: {host}:8x\r\n"),
                invalid("9110-7.2/05g", "HOST-05", "backslash in Host (Host: host\\foo)", "Host: {host}\\foo\r\n"),

                Case.of("9110-7.2/06", "HOST-06", Level.MUST, "empty Host with an origin-form target (Host:)")
                        .rfc("RFC 9110 §4.2.1", EMPTY_HOST)
                        .sends("GET / HTTP/1.1\r\nHost:\r\n\r\n")
                        .pass(Expect.status(400))
                        .hint(HINT)
                        .build(),

                // Lvl "—" in the catalogue: hardening. No keyword obliges a server to serve these valid
                // values, but refusing one means its Host grammar is wrong. 421 (not authoritative for
                // that name) is a fair answer for another host, not for the same host in capitals.
                valid("9110-7.2/07a", "IPv6 literal with a port (Host: [::1]:8080)", host -> "[::1]:8080", true),
                valid("9110-7.2/07b", "upper-case Host value (Host: HOST)",
                        host -> host.toUpperCase(Locale.ROOT), false),
                valid("9110-7.2/07c", "trailing dot (Host: host.)", host -> host + ".", true),

                // RFC 3986: port = *DIGIT has no range; a range check is hardening.
                Case.of("9110-7.2/08a", "HOST-08", Level.HARDENING, "port above 65535 (Host: host:99999)")
                        .rfc("RFC 3986 §3.2.3", PORT)
                        .sends("GET / HTTP/1.1\r\nHost: {host}:99999\r\n\r\n")
                        .pass(Expect.status(400))
                        .nonStrict(Expect.success())
                        .build(),
                Case.of("9110-7.2/08b", "HOST-08", Level.HARDENING, "three colons (Host: host:1:2:3)")
                        .rfc("RFC 3986 §3.2.3", PORT)
                        .sends("GET / HTTP/1.1\r\nHost: {host}:1:2:3\r\n\r\n")
                        .pass(Expect.status(400))
                        .nonStrict(Expect.success())
                        .build());
    }

    /** HOST-02 to HOST-05: a Host the server MUST answer with 400. */
    private static Case invalid(String id, String ref, String title, String hostLines) {
        return Case.of(id, ref, Level.MUST, title)
                .rfc("RFC 9112 §3.2", HOST_400)
                .sends("GET / HTTP/1.1\r\n" + hostLines + "\r\n")
                .pass(Expect.status(400))
                .hint(HINT)
                .build();
    }

    /** HOST-07: a valid Host value, given as a function of the run's host. */
    private static Case valid(String id, String title, UnaryOperator<String> value,
                              boolean otherHost) {
        Case.Builder b = Case.of(id, "HOST-07", Level.HARDENING, title)
                .rfc("RFC 9110 §4.2.3", CASE_INSENSITIVE)
                .probe(ctx -> ctx.exchange("GET / HTTP/1.1\r\nHost: " + value.apply(ctx.host()) + "\r\n\r\n"))
                .pass(Expect.success());
        if (otherHost) {
            b.nonStrict(Expect.status(421));
        }
        return b.build();
    }
}
