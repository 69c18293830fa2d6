package io.h1kit.conformance.mutants;

import io.h1kit.conformance.mutants.shim.ChunkedBody;
import io.h1kit.conformance.mutants.shim.Shim;
import io.h1kit.conformance.mutants.shim.Transducers;

import java.util.List;
import java.util.function.UnaryOperator;

import static io.h1kit.conformance.mutants.Variant.Technique.BYTE_SHIM;

/**
 * The variants made by a byte shim in front of the unmodified sequential server. Each rewrite is
 * exactly the modelled bug: what the buggy server would make of the client's bytes, or what it
 * would send instead of the real server's bytes (see {@link RequestBugs}, {@link ResponseBugs}).
 */
final class ShimVariants {
    private ShimVariants() {
    }

    static List<Variant> all() {
        return List.of(
                requests("CL_PLUS_SIGN", "reads \"Content-Length: +5\" as 5",
                        "G#10 and G#26 (a sign accepted before the length); what Java's Long.parseLong and C's strtol accept",
                        List.of("CL-07"), RequestBugs::plusSignContentLength),
                requests("CL_DIGIT_PREFIX", "reads the leading digits of Content-Length and ignores the rest (\"1Z\" is 1)",
                        "G#29 (longest digit prefix taken as the length), atoi-style parsing",
                        List.of("CL-07"), RequestBugs::digitPrefixContentLength),
                requests("CL_STRTOL_BASE0", "reads Content-Length with strtol(value, NULL, 0): \"010\" is 8, \"0x5\" is 5",
                        "G#32 (strtoll with base 0); catalogue mutant CL_STRTOL_BASE0",
                        List.of("CL-09", "CL-07"), RequestBugs::strtolBase0ContentLength),
                requests("DUP_CL_FIRST_WINS", "takes the first of disagreeing Content-Length values instead of 400",
                        "G#23; catalogue mutant DUP_CL_FIRST_WINS",
                        List.of("CL-04", "CL-06"), RequestBugs::firstContentLengthWins),
                requests("EMPTY_CL_IS_ZERO", "reads an empty Content-Length as 0 instead of 400",
                        "G#16; catalogue mutant EMPTY_CL_IS_ZERO",
                        List.of("CL-08"), RequestBugs::emptyContentLengthIsZero),
                requests("TE_OVER_CL_KEEPALIVE", "accepts Content-Length with Transfer-Encoding, frames by chunked and keeps the connection",
                        "catalogue mutant TE_OVER_CL_KEEPALIVE: the CL.TE desync that RFC 9112 §6.1 now closes (\"MUST close the connection\")",
                        List.of("SMUG-01", "SMUG-02"), RequestBugs::transferEncodingOverContentLength),
                requests("TE_SUBSTRING_CHUNKED", "takes any Transfer-Encoding containing \"chunked\" (\"xchunked\", \"chunked, gzip\") as chunked",
                        "catalogue mutant TE_SUBSTRING_CHUNKED (DesyncBox 'lazygrep': strstr(value, \"chunked\"))",
                        List.of("TE-10", "TE-09"), RequestBugs::substringChunked),
                requests("TE_IDENTITY_AS_NONE", "takes \"Transfer-Encoding: identity\" as no coding instead of rejecting it",
                        "catalogue TE-08 (identity was removed in RFC 7230; Http11Probe SMUG-TE-IDENTITY)",
                        List.of("TE-08"), RequestBugs::identityIsNoCoding),
                variant("CHUNK_SIZE_WRAP", "accumulates chunk sizes without an overflow guard, so sizes of 2^64 or more wrap",
                        "catalogue CHK-07 (\"prevent parsing errors due to integer conversion overflows\"); the class of "
                                + "CVE-2013-2028 (nginx read a huge chunk size as negative)",
                        List.of("CHK-07"),
                        Transducers.requests(UnaryOperator.identity(), RequestBugs.WRAPPED_CHUNK_SIZE, false)),
                requests("NUL_TRUNCATES_VALUE", "ends a field value at its first NUL (C strings) instead of 400",
                        "G#35; catalogue mutant NUL_TRUNCATES_VALUE",
                        List.of("HDR-06", "TE-10"), RequestBugs::nulTruncatesValues),
                variant("BARE_CR_AS_EOL", "takes a bare CR in the header section for a line end instead of 400",
                        "G#13; catalogue mutant BARE_CR_AS_EOL (RFC 9112 §2.2 forbids bare CR since 9112)",
                        List.of("MSG-05", "HDR-16"),
                        Transducers.requests(UnaryOperator.identity(), ChunkedBody.SizeLineRewrite.NONE, true)),
                requests("SP_BEFORE_COLON_STRIPPED", "strips whitespace between a field name and its colon instead of 400",
                        "G#3; catalogue mutant SP_BEFORE_COLON_STRIPPED",
                        List.of("HDR-01", "TE-16"), RequestBugs::whitespaceBeforeColonStripped),
                requests("OBS_FOLD_DROPPED", "drops obs-fold continuation lines (\"X: a\\r\\n b\" reads as \"a\")",
                        "catalogue HDR-02 (\"2xx with the fold dropped … = FAIL\"); Http11Probe RFC9112-5.1-OBS-FOLD",
                        List.of("HDR-02"), RequestBugs::foldedLinesDropped),
                requests("NO_HOST_OK", "answers an HTTP/1.1 request without Host instead of 400",
                        "catalogue mutant NO_HOST_OK (RFC 9112 §3.2: \"MUST respond with a 400\")",
                        List.of("HOST-01"), RequestBugs::missingHostAccepted),
                requests("DUP_HOST_OK", "ignores a second Host line instead of 400",
                        "catalogue mutant DUP_HOST_OK (h1spec \"Multiple Host headers\")",
                        List.of("HOST-02", "HOST-03"), RequestBugs::secondHostIgnored),
                requests("IGNORE_CONN_CLOSE", "keeps the connection open after \"Connection: close\"",
                        "catalogue mutant IGNORE_CONN_CLOSE (RFC 9112 §9.6)",
                        List.of("CONN-02", "CONN-03", "CONN-06"), RequestBugs::connectionCloseIgnored),
                requests("HEAD_SENDS_BODY", "answers HEAD like GET, content included",
                        "catalogue mutant HEAD_SENDS_BODY (RFC 9110 §9.3.2: \"MUST NOT send content\")",
                        List.of("METH-01", "CONN-08"), RequestBugs::headAnsweredAsGet),
                requests("CL_IGNORED_ON_GET", "ignores Content-Length on GET, HEAD and OPTIONS, so their body is read as the next request",
                        "the CL.0 desync of catalogue mutant BODY_NOT_DRAINED_ON_404 (Kettle, \"Browser-Powered Desync Attacks\", 2022)",
                        List.of("CL-14", "SMUG-05", "METH-06"), RequestBugs::contentLengthIgnoredWithoutBodyMethod),
                requests("EXPECT_WAITS_FOR_BODY", "ignores \"Expect: 100-continue\" and waits for the body before answering",
                        "catalogue mutant EXPECT_WAITS_FOR_BODY (RFC 9110 §10.1.1: \"MUST NOT wait for content\")",
                        List.of("EXP-01", "EXP-02"), RequestBugs::expectContinueIgnored),
                variant("NO_DATE", "sends no Date field", "catalogue mutant NO_DATE (RFC 9110 §6.6.1)",
                        List.of("RESP-01"), Transducers.responses(ResponseBugs::dateRemoved, false)),
                variant("PIPELINE_REORDER", "answers pipelined requests out of order (each pair swapped)",
                        "catalogue mutant PIPELINE_REORDER (RFC 9112 §9.3.2: responses \"in the same order\")",
                        List.of("CONN-07", "CONN-08"), Transducers.responses(UnaryOperator.identity(), true)));
    }

    private static Variant requests(String name, String description, String models, List<String> killers,
                                    UnaryOperator<String> rewrite) {
        return variant(name, description, models, killers, Transducers.requests(rewrite));
    }

    private static Variant variant(String name, String description, String models, List<String> killers, Shim.Spec spec) {
        return Variant.http(name, description, models, BYTE_SHIM, killers, () -> Servers.shimmed(spec));
    }
}
