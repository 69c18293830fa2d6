package io.h1kit.http;

/**
 * The chunk-size line of the chunked coding (RFC 9112 §7.1, §7.1.1), without its CRLF:
 * <pre>
 *   chunk-size     = 1*HEXDIG
 *   chunk-ext      = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
 *   chunk-ext-name = token
 *   chunk-ext-val  = token / quoted-string
 * </pre>
 * Extensions are checked and ignored ("A recipient MUST ignore unrecognized chunk extensions").
 */
final class ChunkSizeLine {
    /** Hex digits a chunk-size line may hold before the rest counts as metadata: a long has 16. */
    static final int FREE_DIGITS = 16;

    private static final String SECTION = "RFC 9112 §7.1";

    private ChunkSizeLine() {
    }

    /** The chunk size, or a 400 rejection when the line breaks the grammar or overflows a long. */
    static long parse(CharSequence line) {
        int n = line.length();
        int i = 0;
        long size = 0;
        while (i < n && Grammar.hexValue(line.charAt(i)) >= 0) {
            // The overflow guard comes before the shift (nginx ngx_http_parse_chunked).
            if (size > Long.MAX_VALUE >> 4) {
                throw bad("chunk size overflows");
            }
            size = (size << 4) | Grammar.hexValue(line.charAt(i));
            i++;
        }
        if (i == 0) {
            throw bad("chunk size is not 1*HEXDIG");
        }
        while (i < n) {
            i = skipWhitespace(line, i);
            if (i == n || line.charAt(i) != ';') {
                throw bad("chunk size followed by something other than an extension");
            }
            i = skipWhitespace(line, i + 1);
            int nameStart = i;
            while (i < n && Grammar.isTchar(line.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                throw bad("chunk extension without a name");
            }
            int afterName = skipWhitespace(line, i);
            if (afterName < n && line.charAt(afterName) == '=') {
                i = value(line, skipWhitespace(line, afterName + 1));
            } else if (afterName < n && line.charAt(afterName) != ';') {
                throw bad("unexpected character in a chunk extension");
            } else if (afterName == n && afterName != i) {
                throw bad("whitespace at the end of a chunk-size line");
            }
        }
        return size;
    }

    /** Bytes of the line beyond the first {@link #FREE_DIGITS} hex digits. */
    static int metadataBytes(CharSequence line) {
        int digits = 0;
        while (digits < line.length() && Grammar.hexValue(line.charAt(digits)) >= 0) {
            digits++;
        }
        return line.length() - Math.min(digits, FREE_DIGITS);
    }

    /** chunk-ext-val = token / quoted-string; returns the index after it. */
    private static int value(CharSequence line, int i) {
        int n = line.length();
        if (i < n && line.charAt(i) == '"') {
            i++;
            while (i < n) {
                char c = line.charAt(i);
                if (c == '"') {
                    return i + 1;
                }
                if (c == '\\') {
                    // RFC 9110 §5.6.4: quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
                    if (i + 1 == n || !isQuotedPairChar(line.charAt(i + 1))) {
                        throw bad("invalid quoted-pair in a chunk extension");
                    }
                    i += 2;
                } else if (isQdtext(c)) {
                    i++;
                } else {
                    throw bad("invalid character in a quoted chunk extension value");
                }
            }
            throw bad("unterminated quoted-string in a chunk extension");
        }
        int start = i;
        while (i < n && Grammar.isTchar(line.charAt(i))) {
            i++;
        }
        if (i == start) {
            throw bad("chunk extension value is neither a token nor a quoted-string");
        }
        return i;
    }

    /** RFC 9110 §5.6.4: qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text */
    private static boolean isQdtext(char c) {
        return c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E)
                || Grammar.isObsText(c);
    }

    private static boolean isQuotedPairChar(char c) {
        return c == '\t' || c == ' ' || Grammar.isVchar(c) || Grammar.isObsText(c);
    }

    private static int skipWhitespace(CharSequence line, int i) {
        while (i < line.length() && Grammar.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static HttpRejection bad(String detail) {
        return new HttpRejection(Status.BAD_REQUEST_400, SECTION, detail);
    }
}
