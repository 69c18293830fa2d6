package io.h1kit.conformance.mutants;

import io.h1kit.conformance.mutants.shim.ChunkedBody;
import io.h1kit.conformance.mutants.shim.HeadText;
import io.h1kit.conformance.mutants.shim.HeadText.Line;
import io.h1kit.http.HttpLimits;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The request-side rewrites of the byte shims, one per seeded bug. Each turns a request head into
 * the head that the kit's strict server must see to behave exactly as the buggy server behaves on
 * the original bytes: a server that reads {@code Content-Length: +5} as 5 is the strict server
 * reading {@code Content-Length: 5}. Heads are ISO-8859-1 text, one char per byte.
 */
final class RequestBugs {
    /** The Host a request without one is given (the suite's default Host value). */
    static final String DEFAULT_HOST = "localhost";

    private RequestBugs() {
    }

    /** CL_PLUS_SIGN: a sign accepted before the digits, as Long.parseLong and strtol do. */
    static String plusSignContentLength(String head) {
        return contentLengths(head, value -> value.length() > 1 && value.charAt(0) == '+'
                && Character.isDigit(value.charAt(1)) ? value.substring(1) : value);
    }

    /** CL_DIGIT_PREFIX: the value's leading digits are the length, the rest is ignored (atoi). */
    static String digitPrefixContentLength(String head) {
        return contentLengths(head, value -> {
            int n = 0;
            while (n < value.length() && value.charAt(n) >= '0' && value.charAt(n) <= '9') {
                n++;
            }
            return n == 0 ? value : value.substring(0, n);
        });
    }

    /** CL_STRTOL_BASE0: the value read by C's strtol(value, NULL, 0): 0x is hex, a leading 0 octal, no digits 0. */
    static String strtolBase0ContentLength(String head) {
        return contentLengths(head, value -> {
            long parsed = strtolBase0(value);
            return parsed < 0 ? value : Long.toString(parsed); // negative values are another bug (CL_SIGNED)
        });
    }

    /** What strtol(s, NULL, 0) returns, saturated at Long.MAX_VALUE, or -1 for a negative result. */
    static long strtolBase0(String s) {
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int base = 10;
        boolean hexPrefix = (s.startsWith("0x", i) || s.startsWith("0X", i)) && i + 2 < s.length()
                && s.charAt(i + 2) < 0x80 && Character.digit(s.charAt(i + 2), 16) >= 0;
        if (hexPrefix) {
            base = 16;
            i += 2;
        } else if (s.startsWith("0", i)) {
            base = 8;
        }
        BigInteger value = BigInteger.ZERO;
        for (; i < s.length(); i++) {
            int d = s.charAt(i) < 0x80 ? Character.digit(s.charAt(i), base) : -1;
            if (d < 0) {
                break;
            }
            value = value.multiply(BigInteger.valueOf(base)).add(BigInteger.valueOf(d));
        }
        if (negative && value.signum() > 0) {
            return -1;
        }
        return value.bitLength() < 63 ? value.longValue() : Long.MAX_VALUE;
    }

    /** DUP_CL_FIRST_WINS: the first Content-Length line, and the first element of its list, win. */
    static String firstContentLengthWins(String head) {
        AtomicBoolean seen = new AtomicBoolean();
        return HeadText.of(head).mapFields(line -> {
            if (!line.named("Content-Length")) {
                return line;
            }
            if (seen.getAndSet(true)) {
                return null;
            }
            return line.withValue(line.value().split(",", -1)[0].strip());
        }).text();
    }

    /** EMPTY_CL_IS_ZERO: an empty Content-Length reads as 0. */
    static String emptyContentLengthIsZero(String head) {
        return contentLengths(head, value -> value.isEmpty() ? "0" : value);
    }

    /** TE_OVER_CL_KEEPALIVE: with Transfer-Encoding present, Content-Length is dropped, and nothing else happens. */
    static String transferEncodingOverContentLength(String head) {
        HeadText text = HeadText.of(head);
        if (text.values("Transfer-Encoding").isEmpty()) {
            return head;
        }
        return text.mapFields(line -> line.named("Content-Length") ? null : line).text();
    }

    /** TE_SUBSTRING_CHUNKED: a Transfer-Encoding that contains "chunked" anywhere is chunked (strstr). */
    static String substringChunked(String head) {
        return HeadText.of(head).mapFields(line -> line.named("Transfer-Encoding")
                && line.value().toLowerCase(Locale.ROOT).contains("chunked") ? line.withValue("chunked") : line).text();
    }

    /** TE_IDENTITY_AS_NONE: "Transfer-Encoding: identity" is taken as no coding at all. */
    static String identityIsNoCoding(String head) {
        return HeadText.of(head).mapFields(line -> line.named("Transfer-Encoding")
                && line.value().equalsIgnoreCase("identity") ? null : line).text();
    }

    /** NUL_TRUNCATES_VALUE: a field value ends at its first NUL (C strings). */
    static String nulTruncatesValues(String head) {
        return HeadText.of(head).mapFields(line -> {
            int colon = line.content().indexOf(':');
            int nul = line.content().indexOf('\0');
            return colon >= 0 && nul > colon ? new Line(line.content().substring(0, nul), line.terminator()) : line;
        }).text();
    }

    /** SP_BEFORE_COLON_STRIPPED: whitespace between a field name and its colon is dropped. */
    static String whitespaceBeforeColonStripped(String head) {
        return HeadText.of(head).mapFields(line -> {
            String name = line.name();
            if (name == null || line.continuation() || name.equals(name.stripTrailing())) {
                return line;
            }
            String stripped = name.stripTrailing();
            return stripped.isEmpty() || stripped.contains(" ") ? line
                    : new Line(stripped + line.content().substring(name.length()), line.terminator());
        }).text();
    }

    /** OBS_FOLD_DROPPED: obs-fold continuation lines are skipped as unparseable. */
    static String foldedLinesDropped(String head) {
        return HeadText.of(head).mapFields(line -> line.continuation() ? null : line).text();
    }

    /** NO_HOST_OK: an HTTP/1.1 request without Host is served as if it had one. */
    static String missingHostAccepted(String head) {
        HeadText text = HeadText.of(head);
        boolean http11 = text.startLine().endsWith(" HTTP/1.1");
        return http11 && text.values("Host").isEmpty() ? text.withFieldFirst(Line.field("Host", DEFAULT_HOST)).text() : head;
    }

    /** DUP_HOST_OK: a second Host line is ignored. */
    static String secondHostIgnored(String head) {
        AtomicBoolean seen = new AtomicBoolean();
        return HeadText.of(head).mapFields(line -> line.named("Host") && seen.getAndSet(true) ? null : line).text();
    }

    /** IGNORE_CONN_CLOSE: the "close" connection option is not acted on. */
    static String connectionCloseIgnored(String head) {
        return HeadText.of(head).mapFields(line -> {
            if (!line.named("Connection")) {
                return line;
            }
            String kept = Arrays.stream(line.value().split(","))
                    .map(String::strip)
                    .filter(option -> !option.isEmpty() && !option.equalsIgnoreCase("close"))
                    .collect(Collectors.joining(", "));
            return kept.isEmpty() ? null : line.withValue(kept);
        }).text();
    }

    /** HEAD_SENDS_BODY: HEAD is answered like GET, content included. */
    static String headAnsweredAsGet(String head) {
        HeadText text = HeadText.of(head);
        return text.method().equals("HEAD") ? text.withStartLine("GET" + text.startLine().substring(4)).text() : head;
    }

    /** CL_IGNORED_ON_GET: Content-Length is ignored on methods that "have no body", so the body is read as the next request. */
    static String contentLengthIgnoredWithoutBodyMethod(String head) {
        HeadText text = HeadText.of(head);
        if (!Set.of("GET", "HEAD", "OPTIONS").contains(text.method())) {
            return head;
        }
        return text.mapFields(line -> line.named("Content-Length") ? null : line).text();
    }

    /** EXPECT_WAITS_FOR_BODY: "Expect: 100-continue" is ignored, so no 100 comes before the body. */
    static String expectContinueIgnored(String head) {
        return HeadText.of(head).mapFields(line -> line.named("Expect")
                && line.value().equalsIgnoreCase("100-continue") ? null : line).text();
    }

    /**
     * CHUNK_SIZE_WRAP: the chunk size is accumulated in an unsigned 64-bit integer without an
     * overflow guard ({@code size = size * 16 + digit}), so a size of 2^64 or more wraps to its low
     * 64 bits. A wrapped size the server behind would refuse as too large is the buggy server
     * waiting for that much chunk data: the shim swallows the rest of the connection instead.
     */
    static String wrappedChunkSize(String line) {
        int digits = 0;
        while (digits < line.length() && line.charAt(digits) < 0x80 && Character.digit(line.charAt(digits), 16) >= 0) {
            digits++;
        }
        if (digits == 0) {
            return line;
        }
        BigInteger size = new BigInteger(line.substring(0, digits), 16);
        if (size.bitLength() <= 64) {
            return line; // no wrap: the size is what it says
        }
        BigInteger wrapped = size.mod(BigInteger.ONE.shiftLeft(64));
        if (wrapped.compareTo(BigInteger.valueOf(HttpLimits.MAX_BODY_BYTES)) > 0) {
            return null;
        }
        return wrapped.toString(16).toUpperCase(Locale.ROOT) + line.substring(digits);
    }

    static final ChunkedBody.SizeLineRewrite WRAPPED_CHUNK_SIZE = RequestBugs::wrappedChunkSize;

    private static String contentLengths(String head, java.util.function.UnaryOperator<String> value) {
        return HeadText.of(head).mapFields(line -> {
            if (!line.named("Content-Length")) {
                return line;
            }
            String changed = value.apply(line.value());
            return changed.equals(line.value()) ? line : line.withValue(changed);
        }).text();
    }
}
