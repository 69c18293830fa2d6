package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.EchoView;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.Probe;
import io.h1kit.conformance.model.Read;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static io.h1kit.conformance.cases.FramingOracles.answered;
import static io.h1kit.conformance.cases.FramingOracles.answeredBeforeTheBody;
import static io.h1kit.conformance.cases.FramingOracles.answeredWithBody;
import static io.h1kit.conformance.cases.Requests.refusalWatched;
import static io.h1kit.conformance.cases.FramingOracles.escaped;
import static io.h1kit.conformance.cases.FramingOracles.gaveUp;
import static io.h1kit.conformance.cases.FramingOracles.letter;
import static io.h1kit.conformance.cases.FramingOracles.sentinelAnswered;
import static io.h1kit.conformance.cases.FramingOracles.withSentinel;
import static io.h1kit.conformance.cases.FramingOracles.withSentinelCountingStrays;
import static io.h1kit.conformance.cases.Requests.S;
import static io.h1kit.conformance.cases.Rfc9112Section6_1TransferEncoding.HELLO_CHUNKED;
import static io.h1kit.conformance.cases.Rfc9112Section6_1TransferEncoding.MUST_PARSE;
import static io.h1kit.conformance.cases.Rfc9112Section6_1TransferEncoding.tePost;

/**
 * The chunked coding (RFC 9112 §7.1): the CHK rows, each a body after
 * {@code {P}Transfer-Encoding: chunked↵↵}. A misread chunk size or line ending is a smuggling
 * vector, so the invalid forms must be refused and the connection closed.
 */
public final class Rfc9112Section7_1ChunkedCoding implements CaseSource {
    /** {P} with Transfer-Encoding: chunked and the blank line. */
    private static final String CHUNKED = tePost("chunked");
    /** RFC 9112 §2.2, the sentence behind "400 then close" for bytes that break the grammar. */
    private static final String GRAMMAR = "When a server listening only for HTTP request messages, or processing what "
            + "appears from the start-line to be an HTTP request message, receives a sequence of octets that does not "
            + "match the HTTP-message grammar aside from the robustness exceptions listed above, the server SHOULD "
            + "respond with a 400 (Bad Request) response and close the connection.";
    private static final String BARE_CR = "A recipient of such a bare CR MUST consider that element to be invalid or "
            + "replace each bare CR with SP before processing the element or forwarding the message.";
    private static final String CHUNK_GRAMMAR = "chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF; "
            + "chunk-size = 1*HEXDIG";
    private static final String SIZE_HINT = "Parse the chunk size as 1*HEXDIG by hand, then expect ';' or CRLF: no "
            + "strtol (signs, 0x, spaces), no longest-prefix reading.";
    private static final String EXT_HINT = "Parse chunk extensions by the grammar (token names, token or "
            + "quoted-string values, CRLF only) and refuse anything else with 400.";
    private static final String CRLF_HINT = "After chunk-size octets of data expect exactly CRLF; anything else is 400 "
            + "and close.";

    @Override
    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(Case.of("9112-7.1/01", "CHK-01", Level.MUST, "chunk extension 5;ext=v")
                .rfc("RFC 9112 §7.1.1", "A recipient MUST ignore unrecognized chunk extensions.")
                .probe(refusalWatched(CHUNKED + "5;ext=v\r\nhello\r\n0\r\n\r\n"))
                .pass(answeredWithBody("hello"))
                .hint("Skip chunk extensions (';' name ['=' value]) up to the CRLF; do not refuse them.")
                .build());
        // RFC 9112 §7.1.1: chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
        cases.add(Case.of("9112-7.1/02", "CHK-02", Level.MUST, "chunk extension with spaces and a quoted value: 5 ; a = \"q v\"")
                .rfc("RFC 9110 §5.6.3", "A recipient MUST parse for such bad whitespace and remove it before "
                        + "interpreting the protocol element.")
                .probe(refusalWatched(CHUNKED + "5 ; a = \"q v\"\r\nhello\r\n0\r\n\r\n"))
                .pass(answeredWithBody("hello"))
                .nonStrict(Expect.statusThenClose(400))
                .build());
        String[][] badExtensions = {{"5;", "a bare ';'"}, {"5;a b", "a space inside the name"},
                {"5;\u0000", "a NUL"}, {"5;a=\u007f", "a DEL as the value"}};
        for (int i = 0; i < badExtensions.length; i++) {
            cases.add(refused("9112-7.1/03" + letter(i), "CHK-03", Level.SHOULD,
                    "chunk extension " + escaped(badExtensions[i][0]) + " (" + badExtensions[i][1] + ")",
                    "RFC 9112 §2.2", GRAMMAR, badExtensions[i][0] + "\r\nhello\r\n0\r\n\r\n", EXT_HINT));
        }
        // RFC 9112 §2.2 lets the recipient replace a bare CR with SP; the line is then still outside
        // the grammar (a SHOULD: 400 and close), but framed the same. So a 2xx with exactly the
        // body the SP reading gives is NON-STRICT; a CR taken as a line end misframes the chunk.
        cases.add(Case.of("9112-7.1/04a", "CHK-04", Level.MUST, "chunk extension holding a bare CR: 5;a\\rX")
                .rfc("RFC 9112 §2.2", BARE_CR)
                .probe(refusalWatched(CHUNKED + "5;a\rX\r\nhello\r\n0\r\n\r\n"))
                .pass(Expect.statusThenClose(400))
                .nonStrict(answeredBeforeTheBody())
                .nonStrict(answeredWithBody("hello"))
                .hint(EXT_HINT)
                .build());
        // The bare LF here ends the size line; the catalogue's NON-STRICT for CHK-10 (LF) applies.
        cases.add(Case.of("9112-7.1/04b", "CHK-04", Level.MUST, "chunk extension ended by a bare LF: 5;a\\n")
                .rfc("RFC 9112 §7.1", CHUNK_GRAMMAR)
                .probe(refusalWatched(CHUNKED + "5;a\nhello\r\n0\r\n\r\n"))
                .pass(Expect.statusThenClose(400))
                .nonStrict(answeredBeforeTheBody())
                .nonStrict(answeredWithBody("hello"))
                .hint(EXT_HINT)
                .build());
        cases.add(Case.of("9112-7.1/04c", "CHK-04", Level.MUST, "chunk extension before a CR CR LF: 41;a=b\\r\\r\\n")
                .rfc("RFC 9112 §2.2", BARE_CR)
                .probe(refusalWatched(CHUNKED + "41;a=b\r\r\n" + "x".repeat(0x41) + "\r\n0\r\n\r\n"))
                .pass(Expect.statusThenClose(400))
                .nonStrict(answeredBeforeTheBody())
                .nonStrict(answeredWithBody("x".repeat(0x41)))
                .hint(EXT_HINT)
                .build());
        // Level: "ought" is not a BCP 14 keyword, so HARDENING; no limit at all is recorded (INFO).
        cases.add(Case.of("9112-7.1/05", "CHK-05", Level.HARDENING, "64 KiB of chunk extensions on one chunk")
                .rfc("RFC 9112 §7.1.1", "A server ought to limit the total length of chunk extensions received in a "
                        + "request to an amount reasonable for the services provided, in the same way that it applies "
                        + "length limitations and timeouts for other parts of a message, and generate an appropriate 4xx "
                        + "(Client Error) response if that amount is exceeded.")
                .probe(refusalWatched(CHUNKED + "5;ext=" + "v".repeat(64 * 1024) + "\r\nhello\r\n0\r\n\r\n"))
                .pass(Expect.statusThenClose(4))
                .info(answeredWithBody("hello"))
                .hint("Count chunk-extension octets against a limit and answer 4xx when it is passed.")
                .build());
        String[][] sizes = {{"0x5", "hello", "a 0x prefix"}, {"+5", "hello", "a plus sign"}, {"-5", "hello", "a minus sign"},
                {" 5", "hello", "a leading space"}, {"5 ", "hello", "a trailing space and no extension"},
                {"1_0", "0123456789", "an underscore"}, {"Z", "hello", "a letter that is not hex"},
                {"0_2e", "hello", "Python's int(s, 16) reads 0x2e"}, {"", "hello", "an empty size line"}};
        for (int i = 0; i < sizes.length; i++) {
            Case.Builder b = Case.of("9112-7.1/06" + letter(i), "CHK-06", Level.MUST,
                            "chunk size \"" + escaped(sizes[i][0]) + "\" (" + sizes[i][2] + ")")
                    .rfc("RFC 9112 §7.1", CHUNK_GRAMMAR)
                    .probe(refusalWatched(CHUNKED + sizes[i][0] + "\r\n" + sizes[i][1] + "\r\n0\r\n\r\n"))
                    .pass(Expect.statusThenClose(400))
                    .nonStrict(answeredBeforeTheBody())
                    .hint(SIZE_HINT);
            if (sizes[i][0].equals("5 ")) {
                b.nonStrict(answeredWithBody("hello")); // llhttp's and Apache's leniency, per the row
            }
            cases.add(b.build());
        }
        cases.add(Case.of("9112-7.1/07", "CHK-07", Level.MUST, "chunk size FFFFFFFFFFFFFFFFF1 (above 2^64)")
                .rfc("RFC 9112 §7.1", "Therefore, recipients MUST anticipate potentially large hexadecimal numerals and "
                        + "prevent parsing errors due to integer conversion overflows or precision loss due to integer "
                        + "representation.")
                .probe(refusalWatched(CHUNKED + "FFFFFFFFFFFFFFFFF1\r\nhello\r\n0\r\n\r\n"))
                .pass(Expect.statusThenClose(400, 413))
                .nonStrict(answeredBeforeTheBody())
                .hint("Check size > MAX / 16 before each hex digit and refuse with 400 or 413.")
                .build());
        cases.add(refused("9112-7.1/08", "CHK-08", Level.MUST, "chunk data longer than its size: 5 then helloXX",
                "RFC 9112 §7.1", CHUNK_GRAMMAR, "5\r\nhelloXX\r\n0\r\n\r\n", CRLF_HINT));
        cases.add(refused("9112-7.1/09a", "CHK-09", Level.MUST, "chunk data not followed by CRLF: hello0",
                "RFC 9112 §7.1", CHUNK_GRAMMAR, "5\r\nhello0\r\n\r\n", CRLF_HINT));
        cases.add(Case.of("9112-7.1/09b", "CHK-09", Level.MUST, "chunk data followed by a bare LF")
                .rfc("RFC 9112 §7.1", CHUNK_GRAMMAR)
                .probe(refusalWatched(CHUNKED + "5\r\nhello\n0\r\n\r\n"))
                .pass(Expect.statusThenClose(400))
                .nonStrict(answeredBeforeTheBody())
                .nonStrict(answeredWithBody("hello"))
                .hint(CRLF_HINT)
                .build());
        cases.add(refused("9112-7.1/09c", "CHK-09", Level.MUST, "chunk data followed by CR and X",
                "RFC 9112 §7.1", CHUNK_GRAMMAR, "5\r\nhello\rX0\r\n\r\n", CRLF_HINT));
        // The bytes 0↵X:POST / HTTP/1.1↵↵ are a valid last chunk and trailer field (X: "POST / HTTP/1.1");
        // a parser that takes any two octets after the last chunk as its CRLF (HTTP Garden, Puma)
        // answers a smuggled POST. The RFC reading is one request, so that is the PASS.
        cases.add(Case.of("9112-7.1/09d", "CHK-09", Level.MUST, "last chunk, then the trailer X:POST / HTTP/1.1, then the sentinel")
                .rfc("RFC 9112 §7.1", "chunked-body = *chunk last-chunk trailer-section CRLF")
                .requires(Capability.PIPELINING)
                .probe(withSentinelCountingStrays(ctx -> CHUNKED + "0\r\nX:POST / HTTP/1.1\r\n\r\n" + S, 2))
                .pass(sentinelAnswered(2).and(answeredWithBody("")))
                .nonStrict(Expect.statusThenClose(400))
                .hint("After the last chunk read field lines up to an empty line; never skip two octets as if CRLF.")
                .build());
        cases.add(Case.of("9112-7.1/10a", "CHK-10", Level.MUST, "chunk size line ended by a bare LF: 5\\n")
                .rfc("RFC 9112 §7.1", CHUNK_GRAMMAR)
                .probe(refusalWatched(CHUNKED + "5\nhello\r\n0\r\n\r\n"))
                .pass(Expect.statusThenClose(400))
                .nonStrict(answeredBeforeTheBody())
                .nonStrict(answeredWithBody("hello"))
                .hint(SIZE_HINT)
                .build());
        cases.add(refused("9112-7.1/10b", "CHK-10", Level.MUST, "chunk size line ended by a bare CR: 5\\r",
                "RFC 9112 §2.2", BARE_CR, "5\rhello\r\n0\r\n\r\n", SIZE_HINT));
        cases.add(Case.of("9112-7.1/11", "CHK-11", Level.MUST, "one chunk and no last chunk, then silence")
                .rfc("RFC 9112 §8", "A message body that uses the chunked transfer coding is incomplete if the "
                        + "zero-sized chunk that terminates the encoding has not been received.")
                .slow()
                .probe(ctx -> ctx.exchange(CHUNKED + "5\r\nhello\r\n",
                        Read.responses(1).timeout(ctx.budgets().serverTimeout())
                                .closeWithin(ctx.budgets().serverTimeout())))
                .pass(gaveUp())
                .hint("Time out an incomplete chunked body, then close; never answer it as complete.")
                .build());
        cases.add(Case.of("9112-7.1/12", "CHK-12", Level.MUST, "last chunk with a trailer field X-T: v")
                .rfc("RFC 9112 §7.1", MUST_PARSE)
                .probe(refusalWatched(CHUNKED + "0\r\nX-T: v\r\n\r\n"))
                .pass(answeredWithBody(""))
                .hint("After the last chunk, read trailer field lines up to the empty line.")
                .build());
        String[][] trailers = {{"Content-Length: 50", "Content-Length"}, {"Transfer-Encoding: chunked", "Transfer-Encoding"},
                {"Host: evil", "Host"}};
        for (int i = 0; i < trailers.length; i++) {
            String name = trailers[i][1];
            String value = trailers[i][0].substring(name.length() + 2);
            cases.add(Case.of("9112-7.1/13" + letter(i), "CHK-13", Level.MUST,
                            "trailer field " + trailers[i][0] + ", then the sentinel")
                    .rfc("RFC 9112 §7.1.2", "A recipient MUST NOT merge a received trailer field into the header section "
                            + "unless its corresponding header field definition explicitly permits and instructs how the "
                            + "trailer field value can be safely merged.")
                    .requires(Capability.PIPELINING, Capability.ECHO_FIXTURE)
                    .probe(withSentinel(CHUNKED + "5\r\nhello\r\n0\r\n" + trailers[i][0] + "\r\n\r\n" + S))
                    .pass(sentinelAnswered(2).and(Expect.echo("body \"hello\" and no header " + trailers[i][0],
                            notMerged(name, value))))
                    .nonStrict(Expect.statusThenClose(400))
                    .hint("Keep trailer fields apart from the header section; never let them change framing or routing.")
                    .build());
        }
        cases.add(refused("9112-7.1/14a", "CHK-14", Level.SHOULD, "trailer line without a colon: BadTrailer",
                "RFC 9112 §2.2", GRAMMAR, "0\r\nBadTrailer\r\n\r\n",
                "Parse trailer lines with the header field grammar and refuse what breaks it with 400."));
        // RFC 9112 §2.2: "a recipient MAY recognize a single LF as a line terminator" for fields.
        cases.add(Case.of("9112-7.1/14b", "CHK-14", Level.SHOULD, "trailer field ended by a bare LF: X: a\\n")
                .rfc("RFC 9112 §2.2", GRAMMAR)
                .probe(refusalWatched(CHUNKED + "0\r\nX: a\n\r\n"))
                .pass(Expect.statusThenClose(400))
                .nonStrict(answeredBeforeTheBody())
                .nonStrict(answeredWithBody(""))
                .build());
        cases.add(Case.of("9112-7.1/15", "CHK-15", Level.MUST, "TE-01's chunked hello sent one byte per write")
                .rfc("RFC 9112 §7.1", MUST_PARSE)
                .requires(Capability.ECHO_FIXTURE)
                .probe(onePiecePerByte(CHUNKED + HELLO_CHUNKED))
                .pass(Expect.echo("body \"hello\"", v -> "hello".equals(v.body())))
                .hint("A TCP stream has no message boundaries: keep the parser's state between reads, down to one byte.")
                .build());
        // RFC 9110 §15.5.14: "The server MAY terminate the request, if the protocol version in use
        // allows it; otherwise, the server MAY close the connection." A target whose limit is above
        // the 2 MiB sent (or that has none) breaks no rule: INFO.
        cases.add(Case.of("9112-7.1/16", "CHK-16", Level.MAY, "a 2 MiB chunked body (above common limits)")
                .rfc("RFC 9110 §15.5.14", "The 413 (Content Too Large) status code indicates that the server is refusing "
                        + "to process a request because the request content is larger than the server is willing or able "
                        + "to process.")
                .probe(largeBody(32))
                .pass(Expect.statusThenClose(413))
                .nonStrict(Expect.statusThenClose(400))
                .info(answered())
                .build());
        return List.copyOf(cases);
    }

    /** A chunked body the row says must be refused: 400, then close. */
    private static Case refused(String id, String ref, Level level, String title, String section, String quote, String body,
                                String hint) {
        return Case.of(id, ref, level, title)
                .rfc(section, quote)
                .probe(refusalWatched(CHUNKED + body))
                .pass(Expect.statusThenClose(400))
                .nonStrict(answeredBeforeTheBody())
                .hint(hint)
                .build();
    }

    /**
     * The echo shows the body hello and the trailer field not merged: no second line of that name,
     * and no header with the trailer's value (a recipient that decodes chunked may drop
     * Transfer-Encoding or add the decoded Content-Length, as RFC 9112 §7.1.3 sketches).
     */
    private static Predicate<EchoView> notMerged(String name, String value) {
        return v -> "hello".equals(v.body())
                && v.headers().stream().filter(h -> h[0].equalsIgnoreCase(name)).count() <= 1
                && (name.equals("Transfer-Encoding")
                        || v.headers().stream().noneMatch(h -> h[0].equalsIgnoreCase(name) && h[1].equals(value)));
    }

    /** Writes the text one byte per write, then reads one response. */
    private static Probe onePiecePerByte(String text) {
        return ctx -> {
            Connection c = ctx.connect();
            c.writeInPieces(ctx.expand(text).getBytes(StandardCharsets.ISO_8859_1), 1, Duration.ZERO);
            return ctx.read(c, Read.responses(1));
        };
    }

    /**
     * Sends {@code chunks} chunks of 64 KiB while reading, so that a server that answers early and
     * stops reading cannot block the write (the socket is closed if the writer is still stuck).
     */
    private static Probe largeBody(int chunks) {
        return ctx -> {
            Connection c = ctx.connect();
            c.write(ctx.expand(CHUNKED));
            byte[] sizeLine = "10000\r\n".getBytes(StandardCharsets.ISO_8859_1);
            byte[] chunk = new byte[sizeLine.length + 0x10000 + 2];
            System.arraycopy(sizeLine, 0, chunk, 0, sizeLine.length);
            Arrays.fill(chunk, sizeLine.length, chunk.length - 2, (byte) 'x');
            chunk[chunk.length - 2] = '\r';
            chunk[chunk.length - 1] = '\n';
            Thread writer = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < chunks && !c.writeFailed(); i++) {
                    c.write(chunk);
                }
                c.write("0\r\n\r\n");
            });
            Observation o = ctx.read(c, Read.responses(1));
            writer.join(ctx.budgets().response());
            if (writer.isAlive()) {
                c.close(); // unblocks the writer: the server stopped reading without closing
                writer.join();
            }
            return o;
        };
    }
}
