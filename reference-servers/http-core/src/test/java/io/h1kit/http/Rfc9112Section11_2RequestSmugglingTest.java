package io.h1kit.http;

import static io.h1kit.http.Fixture.G;
import static io.h1kit.http.Fixture.Msg.g;
import static io.h1kit.http.Fixture.Msg.request;
import static io.h1kit.http.Fixture.Msg.s;
import static io.h1kit.http.Fixture.S;
import static io.h1kit.http.Fixture.accept;
import static io.h1kit.http.Fixture.incomplete;
import static io.h1kit.http.Fixture.reject;
import static io.h1kit.http.Status.BAD_REQUEST_400;

import java.util.stream.Stream;

/**
 * RFC 9112 §11.2, request smuggling: the pipeline-oracle vectors of catalogue rows SMUG-01 to
 * SMUG-09. Each payload is followed by the sentinel request; a safe parser either rejects or
 * frames the bytes exactly as the RFC does, and the messages it reports show which.
 */
class Rfc9112Section11_2RequestSmugglingTest extends ParserFixtureTest {

    private static final String POST = "POST / HTTP/1.1\r\nHost: t\r\n";

    @Override
    Stream<Fixture> fixtures() {
        return Stream.of(
                // RFC 9112 §6.1: "A server MAY reject a request that contains both Content-Length and
                // Transfer-Encoding ... Regardless, the server MUST close the connection after responding".
                reject("SMUG-01", "CL.TE", POST + "Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG" + S,
                        BAD_REQUEST_400),
                reject("SMUG-02", "TE.CL", POST + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5c\r\nGPOST / HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 15\r\n\r\nx=1\r\n0\r\n\r\n" + S, BAD_REQUEST_400),
                reject("SMUG-03", "TE.TE with CL",
                        POST + "Transfer-Encoding: chunked\r\nTransfer-Encoding: x\r\nContent-Length: 5\r\n\r\n0\r\n\r\n" + S,
                        BAD_REQUEST_400),
                // SMUG-04: obfuscated Transfer-Encoding next to a Content-Length.
                obfuscated("SMUG-04/space-in-name", "Transfer Encoding: chunked"),
                obfuscated("SMUG-04/leading-sp", " Transfer-Encoding: chunked"),
                obfuscated("SMUG-04/folded-value", "Transfer-Encoding:\r\n\tchunked"),
                obfuscated("SMUG-04/after-cr", "Foo: bar\rTransfer-Encoding: chunked"),
                obfuscated("SMUG-04/after-lf", "Foo: bar\nTransfer-Encoding: chunked"),
                obfuscated("SMUG-04/high-byte-name", "Transf\u0082r-Encoding: chunked"),
                obfuscated("SMUG-04/ff-before-colon", "Transfer-Encoding\u00ff: chunked"),
                obfuscated("SMUG-04/upper", "TRANSFER-ENCODING: chunked"),
                obfuscated("SMUG-04/chunked-identity", "Transfer-Encoding: chunked, identity"),
                obfuscated("SMUG-04/identity-chunked", "Transfer-Encoding: identity, chunked"),
                obfuscated("SMUG-04/nul-prefix", "Transfer-Encoding: \0chunked"),
                obfuscated("SMUG-04/htab-prefix", "Transfer-Encoding:\tchunked"),
                obfuscated("SMUG-04/vt-prefix", "Transfer-Encoding: \u000bchunked"),
                obfuscated("SMUG-04/ff-prefix", "Transfer-Encoding: \u000cchunked"),
                obfuscated("SMUG-04/cr-suffix", "Transfer-Encoding: chunked\r"),
                obfuscated("SMUG-04/del-suffix", "Transfer-Encoding: chunked\u007f"),
                // A name that is not Transfer-Encoding leaves Content-Length in charge (RFC 9110 §17.10).
                clFramed("SMUG-04/pct-name", "Transfer-%45ncoding: chunked"),
                clFramed("SMUG-04/content-encoding", "Content-Encoding: chunked"),
                clFramed("SMUG-04/underscore", "Transfer_Encoding: chunked"),
                // RFC 9112 §6.3 rule 6 and §9.3: the body is read in full, whatever the method, so
                // a request hidden in it is never parsed as one.
                clZero("SMUG-05/get", "GET", "/"),
                clZero("SMUG-05/head", "HEAD", "/"),
                clZero("SMUG-05/options", "OPTIONS", "/"),
                clZero("SMUG-05/not-found", "GET", "/missing"),
                // SMUG-07: funky chunks (RFC 9112 §7.1, §2.2).
                funky("SMUG-07/ext-lf", "2;\nxx\r\n0\r\n\r\n", ""),
                funky("SMUG-07/size-cr", "2\rX xx\r\n0\r\n\r\n", ""),
                funky("SMUG-07/data-lf", "2\r\nxx\n0\r\n\r\n", "xx"),
                funky("SMUG-07/spill", "2\r\nxxxx\r\n0\r\n\r\n", "xx"),
                // SMUG-09: a body of 0 leaves the next request whole, and an invalid chunk stops the
                // connection before the request after it.
                incomplete("SMUG-09", "CL 0, then a request whose CL swallows the next one",
                        "POST / HTTP/1.1\r\nContent-Length: 0\r\nConnection: keep-alive\r\nHost: t\r\n\r\n"
                                + "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 34\r\n\r\n" + G + "\r\n",
                        request("POST", "/").field("Content-Length", "0").field("Connection", "keep-alive")
                                .field("Host", "t"),
                        request("POST", "/").field("Host", "t").field("Content-Length", "34").length(34)
                                .body(G + "\r\n").partial()),
                reject("SMUG-09/invalid-chunk", "invalid chunk size, then a request",
                        POST + "Transfer-Encoding: chunked\r\n\r\nINVALID!!!\r\n" + G + "\r\n", BAD_REQUEST_400,
                        request("POST", "/").field("Host", "t").field("Transfer-Encoding", "chunked").chunked()
                                .partial()),
                reject("SMUG-08/lf-games", "LF ends an empty value and the section",
                        G + "Useless:\n\nGET /x HTTP/1.1\r\n\r\n", BAD_REQUEST_400),
                accept("SMUG-05/head-body", "a HEAD body is read too", "HEAD / HTTP/1.1\r\nHost: t\r\n"
                        + "Content-Length: 3\r\n\r\nabc" + G + "\r\n",
                        request("HEAD", "/").field("Host", "t").field("Content-Length", "3").length(3).body("abc"), g()));
    }

    /** An obfuscated Transfer-Encoding line, a Content-Length and a chunked body: rejected outright. */
    private static Fixture obfuscated(String id, String teLine) {
        return reject(id, teLine.replaceAll("\\p{Cntrl}", "?"),
                POST + teLine + "\r\nContent-Length: 5\r\n\r\n0\r\n\r\n" + S, BAD_REQUEST_400);
    }

    /**
     * A field that is not Transfer-Encoding, with Content-Length: 6 framing "0↵↵X" as the body;
     * chunked framing would end before the X and leave it to spoil the sentinel.
     */
    private static Fixture clFramed(String id, String line) {
        int colon = line.indexOf(':');
        return accept(id, line, POST + line + "\r\nContent-Length: 6\r\n\r\n0\r\n\r\nX" + S,
                request("POST", "/").field("Host", "t").field(line.substring(0, colon), line.substring(colon + 2))
                        .field("Content-Length", "6").length(6).body("0\r\n\r\nX"),
                s());
    }

    /** CL.0: a body holding a request line is body, and only the sentinel follows. */
    private static Fixture clZero(String id, String method, String target) {
        String smuggled = "GET /smuggled HTTP/1.1\r\nX: y";
        return accept(id, method + " " + target + " with a request in its body",
                method + " " + target + " HTTP/1.1\r\nHost: t\r\nContent-Length: " + smuggled.length() + "\r\n\r\n"
                        + smuggled + S,
                request(method, target).field("Host", "t").field("Content-Length", String.valueOf(smuggled.length()))
                        .length(smuggled.length()).body(smuggled),
                s());
    }

    private static Fixture funky(String id, String chunkedBody, String bodyBeforeError) {
        return reject(id, chunkedBody.replaceAll("\\p{Cntrl}", "?"),
                POST + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBody + S, BAD_REQUEST_400,
                request("POST", "/").field("Host", "t").field("Transfer-Encoding", "chunked").chunked()
                        .body(bodyBeforeError).partial());
    }
}
