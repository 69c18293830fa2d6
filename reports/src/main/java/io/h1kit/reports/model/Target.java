package io.h1kit.reports.model;

/** A server that was measured: a reference stage, nginx, or anyone else's server. */
public record Target(String name, TargetKind kind, String description) {
}
