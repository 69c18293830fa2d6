package io.h1kit.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding (RFC 3986 §2.1) into UTF-8 text, done exactly once (RFC 3986 §2.4: an
 * implementation "must not percent-encode or decode the same string more than once").
 */
public final class PercentDecoding {
    private PercentDecoding() {
    }

    /**
     * Decodes {@code text}; with {@code plusAsSpace}, "+" means a space, as in
     * application/x-www-form-urlencoded.
     *
     * @throws IllegalArgumentException when a "%" is not followed by two hex digits, when the text
     *                                  holds a raw non-ASCII character, or when the bytes are not
     *                                  valid UTF-8 (overlong forms included)
     */
    public static String decode(String text, boolean plusAsSpace) {
        if (text.indexOf('%') < 0 && (!plusAsSpace || text.indexOf('+') < 0) && isAscii(text)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int hi = i + 1 < text.length() ? Grammar.hexValue(text.charAt(i + 1)) : -1;
                int lo = i + 2 < text.length() ? Grammar.hexValue(text.charAt(i + 2)) : -1;
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("malformed percent-encoding");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusAsSpace) {
                bytes.write(' ');
            } else if (c > 0x7F) {
                throw new IllegalArgumentException("non-ASCII character in percent-encoded text");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-encoded bytes are not valid UTF-8", e);
        }
    }

    /** RFC 3986 §2: a URI component is ASCII; other characters arrive percent-encoded or not at all. */
    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
