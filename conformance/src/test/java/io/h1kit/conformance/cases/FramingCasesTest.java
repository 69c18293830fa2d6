package io.h1kit.conformance.cases;

import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.testing.CaseRuns;
import io.h1kit.conformance.testing.Responses;
import io.h1kit.conformance.testing.Wire;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shows that the framing cases discriminate: each is run against a fake server that gets the
 * framing wrong and one that gets it right, and must fail the first and pass the second.
 */
class FramingCasesTest {

    @Test
    void clTeAnsweredAndKeptOpenFailsSmug01() throws IOException {
        assertEquals(Verdict.FAIL, verdict("9112-11.2/01", new Behaviour(true, false)));
    }

    @Test
    void clTeRefusedAndClosedPassesSmug01() throws IOException {
        assertEquals(Verdict.PASS, verdict("9112-11.2/01", new Behaviour(true, true)));
    }

    /** hello + the sentinel is still two responses; only the sentinel's identity shows the desync. */
    @Test
    void getBodyParsedAsTheNextRequestFailsCl14() throws IOException {
        assertEquals(Verdict.FAIL, verdict("9112-6.2/14", new Behaviour(false, false)));
    }

    @Test
    void getBodyReadPassesCl14() throws IOException {
        assertEquals(Verdict.PASS, verdict("9112-6.2/14", new Behaviour(true, false)));
    }

    @Test
    void contentLengthOfLettersTakenAsZeroFailsCl07a() throws IOException {
        assertEquals(Verdict.FAIL, verdict("9112-6.2/07a", new Behaviour(true, false)));
    }

    @Test
    void contentLengthOfLettersRefusedPassesCl07a() throws IOException {
        assertEquals(Verdict.PASS, verdict("9112-6.2/07a", new Behaviour(true, true)));
    }

    /** Content_Length is not framing: a server that frames by it swallows hello and answers the sentinel. */
    @Test
    void underscoreNameUsedForFramingFailsCl15() throws IOException {
        assertEquals(Verdict.FAIL, verdict("9112-6.2/15", new Behaviour(true, false, true)));
        assertEquals(Verdict.PASS, verdict("9112-6.2/15", new Behaviour(true, false, false)));
    }

    /** A server that frames by Content-Length and ignores Transfer-Encoding: right only where the RFC agrees. */
    @Test
    void obfuscatedTransferEncodingIsJudgedByTheRfcReading() throws IOException {
        Behaviour lengthOnly = new Behaviour(true, false);
        assertEquals(Verdict.FAIL, verdict(smug04("UPPERCASE"), lengthOnly), "TRANSFER-ENCODING is Transfer-Encoding");
        assertEquals(Verdict.PASS, verdict(smug04("contentEnc"), lengthOnly), "Content-Encoding is not");
    }

    private static String smug04(String permutation) {
        List<String> names = ObfuscatedTransferEncoding.ALL.stream().map(ObfuscatedTransferEncoding::name).toList();
        return "9112-11.2/04" + FramingOracles.letter(names.indexOf(permutation));
    }

    @Test
    void everyVariantIsItsOwnCaseWithAStableId() {
        Pattern id = Pattern.compile("9112-(6\\.2|6\\.1|7\\.1|11\\.2)/\\d\\d[a-z]*");
        List<Case> framing = new java.util.ArrayList<>();
        framing.addAll(new Rfc9112Section6_2ContentLength().cases());
        framing.addAll(new Rfc9112Section6_1TransferEncoding().cases());
        framing.addAll(new Rfc9112Section7_1ChunkedCoding().cases());
        framing.addAll(new Rfc9112Section11_2RequestSmuggling().cases());
        assertTrue(framing.stream().allMatch(c -> id.matcher(c.id()).matches()), "ids follow <rfc>-<section>/<nn>[letters]");
        assertEquals(framing.size(), framing.stream().map(Case::id).distinct().count(), "ids are unique");
        assertEquals(10, count(framing, "9112-6.2/07"), "CL-07 has ten values");
        assertEquals(10, count(framing, "9112-6.1/10"), "TE-10 has ten tokens");
        assertEquals(9, count(framing, "9112-7.1/06"), "CHK-06 has nine sizes");
        assertTrue(count(framing, "9112-11.2/04") >= 25, "SMUG-04 has at least 25 permutations");
        assertTrue(framing.stream().filter(Case::slow).map(Case::ref).toList()
                .containsAll(List.of("CL-12", "CHK-11")), "the body-timeout cases are slow");
    }

    private static long count(List<Case> cases, String prefix) {
        return cases.stream().filter(c -> c.id().startsWith(prefix)).count();
    }

    private static Verdict verdict(String id, Behaviour behaviour) throws IOException {
        return CaseRuns.verdict(behaviour::serve, RunOptions.defaults(Profile.HTTP)
                .withClaimed(Set.of(Capability.PERSISTENT, Capability.PIPELINING), false), id);
    }

    /**
     * What the fake gets right. The fake answers requests in order, keeping the connection open:
     * 404 for the sentinel's path {@code /__s}, 501 for a method other than GET, HEAD and POST, else 200.
     *
     * @param readsBodies       whether it reads Content-Length octets as the body (else it ignores bodies)
     * @param refusesBadFraming whether it answers 400 and closes for Content-Length with Transfer-Encoding
     *                          and for a Content-Length that is not 1*DIGIT
     * @param framesByUnderscore whether it also takes Content_Length as Content-Length (a CGI-style bug)
     */
    record Behaviour(boolean readsBodies, boolean refusesBadFraming, boolean framesByUnderscore) {
        /** How long the fake drains after refusing, so that no reset eats the 400. */
        private static final int LINGER_MILLIS = 1_000;

        Behaviour(boolean readsBodies, boolean refusesBadFraming) {
            this(readsBodies, refusesBadFraming, false);
        }

        void serve(Socket socket) throws IOException {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            StringBuilder buffer = new StringBuilder();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) > 0) {
                buffer.append(new String(chunk, 0, n, StandardCharsets.ISO_8859_1));
                if (!answerComplete(buffer, out)) {
                    Wire.finAfterDraining(socket, in, LINGER_MILLIS);
                    return;
                }
            }
        }

        /** Answers every complete request in the buffer; false when it refused one and must close. */
        private boolean answerComplete(StringBuilder buffer, OutputStream out) throws IOException {
            while (true) {
                int end = buffer.indexOf("\r\n\r\n");
                if (end < 0) {
                    return true;
                }
                String[] lines = buffer.substring(0, end).split("\r\n");
                String contentLength = field(lines, "content-length");
                if (contentLength == null && framesByUnderscore) {
                    contentLength = field(lines, "content_length");
                }
                boolean digits = contentLength != null && contentLength.matches("[0-9]+");
                if (refusesBadFraming && contentLength != null
                        && (!digits || field(lines, "transfer-encoding") != null)) {
                    out.write(Responses.closing("400 X", "ok").getBytes(StandardCharsets.ISO_8859_1));
                    return false;
                }
                int length = readsBodies && digits ? Integer.parseInt(contentLength) : 0;
                if (buffer.length() < end + 4 + length) {
                    return true;
                }
                buffer.delete(0, end + 4 + length);
                String[] requestLine = lines[0].split(" ");
                int status = requestLine.length < 2 ? 400
                        : !Set.of("GET", "HEAD", "POST").contains(requestLine[0]) ? 501
                        : requestLine[1].startsWith("/__s") ? 404 : 200;
                out.write(Responses.response(status + " X", "ok").getBytes(StandardCharsets.ISO_8859_1));
            }
        }

        private static String field(String[] lines, String name) {
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0 && lines[i].substring(0, colon).toLowerCase(Locale.ROOT).equals(name)) {
                    return lines[i].substring(colon + 1).strip();
                }
            }
            return null;
        }
    }
}
