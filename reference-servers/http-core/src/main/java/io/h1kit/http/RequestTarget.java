package io.h1kit.http;

/**
 * A parsed request-target (RFC 9112 §3.2). The parser has already checked that every octet is a
 * visible ASCII character other than {@code #}; this class checks the form, the percent-encoding
 * and the authority.
 *
 * @param form      which of the four forms was sent
 * @param raw       the target exactly as received
 * @param path      the path, still percent-encoded; "/" for an absolute-form without one; null for
 *                  the authority and asterisk forms
 * @param query     the query without its "?", still percent-encoded; null when absent
 * @param authority the authority of the absolute and authority forms; null otherwise
 */
public record RequestTarget(Form form, String raw, String path, String query, String authority) {

    /** RFC 9112 §3.2.1 to §3.2.4. */
    public enum Form { ORIGIN, ABSOLUTE, AUTHORITY, ASTERISK }

    /** The origin-form of this target: the path and query to serve. */
    public String pathAndQuery() {
        if (path == null) {
            return raw;
        }
        return query == null ? path : path + "?" + query;
    }

    /**
     * Parses and checks a target. CONNECT uses the authority-form and nothing else uses it; only
     * OPTIONS may use the asterisk-form (RFC 9112 §3.2.3, §3.2.4).
     */
    public static RequestTarget parse(String method, String raw) {
        checkPercentEncoding(raw);
        if (method.equals("CONNECT")) {
            // RFC 9112 §3.2.3: "a client MUST send only the host and port of the tunnel destination
            // as the request-target", so CONNECT takes the authority-form and no other.
            return authorityForm(raw);
        }
        if (raw.charAt(0) == '/') {
            return originForm(raw);
        }
        if (raw.equals("*")) {
            if (!method.equals("OPTIONS")) {
                throw bad("RFC 9112 §3.2.4", "asterisk-form with method " + method);
            }
            return new RequestTarget(Form.ASTERISK, raw, null, null, null);
        }
        int schemeEnd = raw.indexOf("://");
        if (schemeEnd > 0) {
            return absoluteForm(raw, schemeEnd);
        }
        throw bad("RFC 9112 §3.2", "request-target in no known form");
    }

    /** RFC 9112 §3.2.3: authority-form = uri-host ":" port, the port being required. */
    private static RequestTarget authorityForm(String raw) {
        int colon = raw.lastIndexOf(':');
        // The colon must follow the host: the colons inside an IP-literal's brackets do not count.
        if (colon <= raw.lastIndexOf(']') || colon == raw.length() - 1
                || raw.indexOf('/') >= 0 || raw.indexOf('?') >= 0) {
            throw bad("RFC 9112 §3.2.3", "CONNECT target is not host:port");
        }
        Authority.check(raw, "RFC 9112 §3.2.3");
        return new RequestTarget(Form.AUTHORITY, raw, null, null, raw);
    }

    private static RequestTarget originForm(String raw) {
        int q = raw.indexOf('?');
        String path = q < 0 ? raw : raw.substring(0, q);
        String query = q < 0 ? null : raw.substring(q + 1);
        return new RequestTarget(Form.ORIGIN, raw, path, query, null);
    }

    private static RequestTarget absoluteForm(String raw, int schemeEnd) {
        String scheme = raw.substring(0, schemeEnd);
        // RFC 9110 §4.2: the http and https schemes are the ones an origin server is authoritative for.
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            throw bad("RFC 9110 §4.2", "absolute-form with scheme " + scheme);
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < raw.length() && raw.charAt(authorityEnd) != '/' && raw.charAt(authorityEnd) != '?') {
            authorityEnd++;
        }
        String authority = raw.substring(authorityStart, authorityEnd);
        if (authority.indexOf('@') >= 0) {
            // RFC 9110 §4.2.4: a recipient SHOULD treat userinfo in an http(s) URI as an error.
            throw bad("RFC 9110 §4.2.4", "userinfo in the request-target");
        }
        if (authority.isEmpty()) {
            // RFC 9110 §4.2.1: an http URI with an empty host "MUST" be rejected as invalid.
            throw bad("RFC 9110 §4.2.1", "absolute-form with an empty host");
        }
        Authority.check(authority, "RFC 9110 §4.2");
        String rest = raw.substring(authorityEnd);
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? null : rest.substring(q + 1);
        // RFC 9110 §4.2.3: an empty path is equivalent to "/".
        return new RequestTarget(Form.ABSOLUTE, raw, path.isEmpty() ? "/" : path, query, authority);
    }

    /** RFC 3986 §2.1: every "%" starts a pct-encoded triplet "%" HEXDIG HEXDIG. */
    private static void checkPercentEncoding(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '%') {
                if (i + 2 >= raw.length()
                        || Grammar.hexValue(raw.charAt(i + 1)) < 0
                        || Grammar.hexValue(raw.charAt(i + 2)) < 0) {
                    throw bad("RFC 3986 §2.1", "malformed percent-encoding in the request-target");
                }
                i += 2;
            }
        }
    }

    private static HttpRejection bad(String section, String detail) {
        return new HttpRejection(Status.BAD_REQUEST_400, section, detail);
    }
}
