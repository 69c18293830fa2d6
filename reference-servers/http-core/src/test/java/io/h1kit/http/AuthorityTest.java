package io.h1kit.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Authority}: {@code uri-host [ ":" port ]} (RFC 9110 §7.2, RFC 3986 §3.2.2, §3.2.3). */
class AuthorityTest {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "t", "T.Example", "t.", "example.com:80", "a-b_c~d.e", "127.0.0.1", "127.0.0.1:8080", "t%41",
        "a!$&'()*+;=b", "t:", "t:1", "t:65535", "t:00080",
        "[::1]", "[::1]:443", "[2001:db8::1]", "[1:2:3:4:5:6:7:8]", "[::ffff:192.0.2.1]", "[v1.x]", "[V7.a:b]",
    })
    void accepts(String authority) {
        assertNull(Authority.problem(authority));
        assertDoesNotThrow(() -> Authority.check(authority, "RFC 9110 §7.2"));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "", ":80", ":", "[]:80",                                 // empty host (RFC 9110 §4.2.1)
        "a b", "a\tb", "t/p", "t?q", "t#f", "u@t", "abc\\foo", "caf\u00e9", "t%4", "t%zz", "<t>", "\"t\"",
        "t:0", "t:65536", "t:99999", "t:1:2", "t:8x", "t:-1", "t:+80", "t: 80", "t:99999999999999999999",
        "[::1", "::1", "[::1]x", "[zz::1]", "[1]", "[1:2:3:4:5:6:7:8:9]", "[v.x]", "[v1.]", "[vz.x]",
        "[v1.x/y]",
    })
    void rejects(String authority) {
        assertNotNull(Authority.problem(authority));
        HttpRejection e = assertThrows(HttpRejection.class, () -> Authority.check(authority, "RFC 9112 §3.2"));
        assertEquals(Status.BAD_REQUEST_400, e.status());
        assertEquals("RFC 9112 §3.2", e.rfcSection());
    }

    @Test
    void anEmptyPortIsAllowedAfterAnyHost() {
        // RFC 3986 §3.2.3: port = *DIGIT; "URI producers and normalizers should omit the port
        // component and its ':' delimiter if port is empty".
        assertNull(Authority.problem("t:"));
        assertNull(Authority.problem("[::1]:"));
    }
}
