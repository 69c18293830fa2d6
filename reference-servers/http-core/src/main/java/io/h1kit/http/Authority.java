package io.h1kit.http;

/**
 * Checks {@code uri-host [ ":" port ]} (RFC 9110 §7.2, RFC 3986 §3.2.2), as found in the Host
 * field and in the absolute and authority forms of a request-target.
 */
public final class Authority {
    /** RFC 3986 §3.2.3 sets no range; a port above 65535 or of 0 cannot be served, so it is rejected. */
    public static final int MAX_PORT = 65_535;

    private Authority() {
    }

    /** Throws a 400 rejection citing {@code section} unless {@code value} is a valid authority. */
    public static void check(String value, String section) {
        String problem = problem(value);
        if (problem != null) {
            throw new HttpRejection(Status.BAD_REQUEST_400, section, problem);
        }
    }

    /** What is wrong with {@code value} as host and optional port, or null when it is valid. */
    public static String problem(String value) {
        int hostEnd;
        if (value.startsWith("[")) {
            hostEnd = value.indexOf(']');
            if (hostEnd < 0 || !isIpLiteral(value.substring(1, hostEnd))) {
                return "invalid IP-literal in the authority";
            }
            hostEnd++;
        } else {
            hostEnd = value.indexOf(':');
            if (hostEnd < 0) {
                hostEnd = value.length();
            }
            if (hostEnd == 0) {
                // RFC 9110 §4.2.1: "A sender MUST NOT generate an "http" URI with an empty host
                // identifier. A recipient that processes such a URI reference MUST reject it as invalid."
                return "empty host";
            }
            String problem = regNameProblem(value, hostEnd);
            if (problem != null) {
                return problem;
            }
        }
        if (hostEnd == value.length()) {
            return null;
        }
        if (value.charAt(hostEnd) != ':') {
            return "unexpected character after the host";
        }
        String port = value.substring(hostEnd + 1);
        if (port.isEmpty()) {
            return null; // RFC 3986 §3.2.3: port = *DIGIT, so an empty port is allowed.
        }
        long number = Grammar.parseDecimal(port);
        if (number < 0) {
            return "port is not a decimal number";
        }
        if (number == 0 || number > MAX_PORT) {
            return "port out of range";
        }
        return null;
    }

    /** RFC 3986 §3.2.2: reg-name = *( unreserved / pct-encoded / sub-delims ); IPv4 addresses are reg-names too. */
    private static String regNameProblem(String value, int end) {
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (isUnreserved(c) || isSubDelim(c)) {
                continue;
            }
            if (c == '%' && i + 2 < end
                    && Grammar.hexValue(value.charAt(i + 1)) >= 0 && Grammar.hexValue(value.charAt(i + 2)) >= 0) {
                i += 2;
                continue;
            }
            return "invalid character in the host";
        }
        return null;
    }

    /** IPv6address or IPvFuture, checked for their alphabet and shape, not for every IPv6 rule. */
    private static boolean isIpLiteral(String s) {
        if (s.isEmpty()) {
            return false;
        }
        if (s.charAt(0) == 'v' || s.charAt(0) == 'V') {
            int dot = s.indexOf('.');
            if (dot < 2 || dot == s.length() - 1) {
                return false;
            }
            for (int i = 1; i < dot; i++) {
                if (Grammar.hexValue(s.charAt(i)) < 0) {
                    return false;
                }
            }
            for (int i = dot + 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!isUnreserved(c) && !isSubDelim(c) && c != ':') {
                    return false;
                }
            }
            return true;
        }
        int colons = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                colons++;
            } else if (c != '.' && Grammar.hexValue(c) < 0) {
                return false;
            }
        }
        return colons >= 2 && colons <= 7;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isSubDelim(char c) {
        return "!$&'()*+,;=".indexOf(c) >= 0;
    }
}
