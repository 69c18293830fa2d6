package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Probe;
import io.h1kit.conformance.model.ProbeContext;

import java.util.ArrayList;
import java.util.List;

import static io.h1kit.conformance.cases.FramingOracles.echoBodyIs;
import static io.h1kit.conformance.cases.FramingOracles.escaped;
import static io.h1kit.conformance.cases.FramingOracles.isSentinel;
import static io.h1kit.conformance.cases.FramingOracles.refused;
import static io.h1kit.conformance.cases.FramingOracles.withSentinelCountingStrays;
import static io.h1kit.conformance.cases.Requests.S;

/**
 * SMUG-04: one obfuscated Transfer-Encoding from PortSwigger's DesyncBox or defparam's smuggler,
 * sent with a Content-Length, and how the RFC reads it. The body is a last chunk followed by a
 * whole request, and Content-Length covers both:
 * <pre>
 *   POST /echo HTTP/1.1↵Host: t↵Content-Length: N↵&lt;the field&gt;↵↵0↵↵GET /?smuggled HTTP/1.1↵Host: t↵↵ +S
 * </pre>
 * Framed by Content-Length, /echo reads the whole body and the sentinel is answered second;
 * framed as chunked, the server must close after one response (RFC 9112 §6.1), and a server that
 * stays open answers the smuggled GET as a third response. The exchange watches for a close and
 * for stray responses where the sentinel's identity is blind, so both show.
 *
 * @param name       the permutation's name in DesyncBox or smuggler
 * @param beforeHost field lines (with CRLF) right after the request-line, else empty
 * @param line       the field line (without CRLF) after Content-Length, else empty
 * @param reading    how the RFC reads the bytes
 * @param why        the reading in words, for the title
 */
record ObfuscatedTransferEncoding(String name, String beforeHost, String line, Reading reading, String why) {

    /** How the RFC reads a permutation, and so which outcomes are safe. */
    enum Reading {
        /** A Transfer-Encoding whose final coding is chunked (case, OWS, obs-fold, NUL or bare CR as SP). */
        CHUNKED,
        /** No Transfer-Encoding field: another name, or an invalid line the RFC lets the server refuse. */
        NOT_TE,
        /** A Transfer-Encoding that chunked does not end, or a line the RFC says to refuse. */
        REFUSED,
        /** Two RFC readings: a bare LF as a line end (chunked) or as SP in a value (not TE). */
        EITHER
    }

    /** The fact holding the body as Content-Length frames it. */
    static final String CL_BODY = "body by Content-Length";

    /** The permutations: DesyncBox's and smuggler's names, grouped as the catalogue lists them. */
    static final List<ObfuscatedTransferEncoding> ALL = all();

    private static List<ObfuscatedTransferEncoding> all() {
        List<ObfuscatedTransferEncoding> p = new ArrayList<>(List.of(
                te("underjoin1", "Transfer_Encoding: chunked", Reading.NOT_TE, "an underscore: another field"),
                te("spacejoin1", "Transfer Encoding: chunked", Reading.NOT_TE, "a space in the name: not a token"),
                te("space1", "Transfer-Encoding : chunked", Reading.REFUSED, "a space before the colon: 400 (§5.1)"),
                te("nameprefix1", "Foo: bar\r\n Transfer-Encoding: chunked", Reading.NOT_TE, "folded into Foo (obs-fold)"),
                te("nameprefix2", "Foo: bar\r\n\tTransfer-Encoding: chunked", Reading.NOT_TE, "folded into Foo with a tab"),
                new ObfuscatedTransferEncoding("prespace-20", " Transfer-Encoding: chunked\r\n", "", Reading.NOT_TE,
                        "indented right after the request-line: refused or ignored (§2.2)"),
                te("valueprefix1", "Transfer-Encoding:  chunked", Reading.CHUNKED, "two spaces before the value"),
                te("nospace1", "Transfer-Encoding:chunked", Reading.CHUNKED, "no space after the colon"),
                te("tabprefix1", "Transfer-Encoding:\tchunked", Reading.CHUNKED, "a tab before the value"),
                te("tabprefix2", "Transfer-Encoding\t:\tchunked", Reading.REFUSED, "a tab before the colon: 400 (§5.1)"),
                te("linewrapped1", "Transfer-Encoding:\n chunked", Reading.CHUNKED, "bare LF and space before the value"),
                te("tabwrap", "Transfer-Encoding:\r\n\tchunked", Reading.CHUNKED, "the value on a folded line (obs-fold)"),
                te("badsetupCR", "Foo: bar\rTransfer-Encoding: chunked", Reading.NOT_TE, "after a bare CR in Foo's value"),
                te("badsetupLF", "Foo: bar\nTransfer-Encoding: chunked", Reading.EITHER, "after a bare LF in Foo's value"),
                te("vertwrap", "Transfer-Encoding: \n\u000bchunked", Reading.REFUSED, "bare LF and vertical tab before the value"),
                te("multiCase", "tRANSFER-ENCODING: chunked", Reading.CHUNKED, "mixed case"),
                te("UPPERCASE", "TRANSFER-ENCODING: chunked", Reading.CHUNKED, "upper case"),
                te("0dwrap", "Foo: bar\r\n\rTransfer-Encoding: chunked", Reading.NOT_TE, "on a line that starts with a bare CR"),
                te("0dspam", "Tra\rnsfer-Encoding: chunked", Reading.NOT_TE, "a bare CR inside the name"),
                te("connection", "Connection: Transfer-Encoding\r\nTransfer-Encoding: chunked", Reading.CHUNKED,
                        "also named in Connection"),
                te("spjunk", "Transfer-Encoding x: chunked", Reading.NOT_TE, "a word before the colon: not a token"),
                te("backslash", "Transfer\\Encoding: chunked", Reading.NOT_TE, "a backslash for the hyphen: not a token"),
                te("encode", "Transfer-%45ncoding: chunked", Reading.NOT_TE, "percent-encoded: another field"),
                te("accentTE", "Transf\u0082r-Encoding: chunked", Reading.NOT_TE, "0x82 in the name: not a token"),
                te("postspace-ff", "Transfer-Encoding\u00ff: chunked", Reading.NOT_TE, "0xFF before the colon: not a token"),
                te("spaceFF", "Transfer-Encoding:\u00ffchunked", Reading.REFUSED, "0xFF before the value: not chunked"),
                te("unispace", "Transfer-Encoding:\u00a0chunked", Reading.REFUSED, "0xA0 before the value: not chunked"),
                te("commaCow", "Transfer-Encoding: chunked, identity", Reading.REFUSED, "chunked not last"),
                te("cowComma", "Transfer-Encoding: identity, chunked", Reading.REFUSED, "an unknown coding before chunked"),
                te("nested", "Transfer-Encoding: identity, chunked, identity", Reading.REFUSED, "chunked in the middle"),
                te("contentEnc", "Content-Encoding: chunked", Reading.NOT_TE, "Content-Encoding: another field"),
                te("quoted", "Transfer-Encoding: \"chunked\"", Reading.REFUSED, "a quoted string: not the token"),
                te("aposed", "Transfer-Encoding: 'chunked'", Reading.REFUSED, "in single quotes: another token"),
                te("lazygrep", "Transfer-Encoding: chunk", Reading.REFUSED, "chunk: another token"),
                te("accentCH", "Transfer-Encoding: ch\u0096nked", Reading.REFUSED, "0x96 for the u: another token")));
        // DesyncBox prefix1:N and suffix1:N: a special byte before or after the value. HTAB is OWS;
        // NUL (RFC 9110 §5.5) and a bare CR (RFC 9112 §2.2) may be replaced with SP; VT, FF and DEL
        // are neither, so the value is not chunked.
        char[] special = {'\u0000', '\t', '\u000b', '\u000c', '\r', '\u007f'};
        for (String place : new String[] {"prefix1", "suffix1"}) {
            for (char c : special) {
                String value = place.equals("prefix1") ? c + "chunked" : "chunked" + c;
                Reading reading = c == '\u0000' || c == '\t' || c == '\r' ? Reading.CHUNKED : Reading.REFUSED;
                p.add(te(place + ":" + (int) c, "Transfer-Encoding: " + value, reading,
                        String.format("0x%02x %s the value", (int) c, place.equals("prefix1") ? "before" : "after")));
            }
        }
        return List.copyOf(p);
    }

    private static ObfuscatedTransferEncoding te(String name, String line, Reading reading, String why) {
        return new ObfuscatedTransferEncoding(name, "", line, reading, why);
    }

    /** The case for this permutation under {@code id}. */
    Case toCase(String id) {
        String shown = escaped(beforeHost.isEmpty() ? line : beforeHost.strip());
        Case.Builder b = Case.of(id, "SMUG-04", Level.MUST, "obfuscated TE (" + name + "): " + shown + " (" + why
                        + ") with Content-Length, then the sentinel")
                .rfc("RFC 9112 §6.1", Rfc9112Section11_2RequestSmuggling.CL_AND_TE)
                .requires(Capability.PIPELINING)
                .probe(probe())
                .pass(refused())
                .hint("Frame by one reading of the field lines: Transfer-Encoding (then close) or Content-Length; "
                        + "refuse what the grammar does not allow.");
        if (reading == Reading.CHUNKED || reading == Reading.EITHER) {
            b.pass(framedAsChunkedThenClosed());
        }
        if (reading == Reading.NOT_TE || reading == Reading.EITHER) {
            b.pass(framedByContentLength());
        }
        return b.build();
    }

    private Probe probe() {
        Probe exchange = withSentinelCountingStrays(ctx -> {
            String afterLength = line.isEmpty() ? "" : line + "\r\n";
            return "POST /echo HTTP/1.1\r\n" + beforeHost + "Host: {host}\r\nContent-Length: " + body(ctx).length()
                    + "\r\n" + afterLength + "\r\n" + body(ctx) + S;
        }, 2);
        return ctx -> exchange.run(ctx).with(CL_BODY, body(ctx));
    }

    /** The last chunk, then a whole request: what Content-Length frames as the body. */
    private static String body(ProbeContext ctx) {
        return "0\r\n\r\n" + ctx.expand("GET /?smuggled HTTP/1.1\r\nHost: {host}\r\n\r\n");
    }

    /** Framed as chunked (/echo, where it answered, read no body), one response, then the close §6.1 demands. */
    private static Expectation framedAsChunkedThenClosed() {
        return Expect.thatWithClose("framed as chunked: one response (where /echo answered, an empty body), then close",
                o -> o.count() == 1 && o.close().closed() && echoBodyIs(o, 0, ""));
    }

    /** Framed by Content-Length: /echo (where it answered) read the whole body; then the sentinel, or a close. */
    private static Expectation framedByContentLength() {
        return Expect.thatWithClose("framed by Content-Length: where /echo answered, the whole body; then the sentinel "
                + "answered, or a close", o -> o.fact(CL_BODY) instanceof String body && echoBodyIs(o, 0, body)
                && (o.count() == 2 && isSentinel(o, 1) || o.count() == 1 && o.close().closed()));
    }
}
