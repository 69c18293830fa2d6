package io.h1kit.http;

/**
 * A note for the server's error log about why a response was chosen (for example why a path
 * answered 404), since http-core itself does no logging.
 *
 * @param event  a stable snake_case event name, such as {@code path_rejected}
 * @param detail what happened, in a few words
 */
public record Diagnostic(String event, String detail) {
}
