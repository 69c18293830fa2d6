package io.h1kit.reports.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a target is, as written in {@code h1kit-load/1}. */
public enum TargetKind {
    @JsonProperty("reference-stage") REFERENCE_STAGE,
    @JsonProperty("nginx") NGINX,
    @JsonProperty("external") EXTERNAL;

    public String label() {
        return switch (this) {
            case REFERENCE_STAGE -> "reference stage";
            case NGINX -> "nginx";
            case EXTERNAL -> "external";
        };
    }
}
