package io.h1kit.http;

/**
 * The protocol versions a request is processed as. A request that says HTTP/1.2 to 1.9 is
 * processed as HTTP/1.1 (RFC 9110 §6.2: a server "SHOULD ... process the request as if it were
 * the highest minor version ... it supports"); other majors are answered 505 by the parser.
 */
public enum HttpVersion {
    HTTP_1_0("HTTP/1.0"),
    HTTP_1_1("HTTP/1.1");

    private final String text;

    HttpVersion(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
