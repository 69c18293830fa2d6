package io.h1kit.reports.model;

/**
 * A load scenario. A {@code sweep} runs at several concurrency levels, and its report shows
 * throughput against concurrency; any other scenario has one measurement per target.
 */
public record Scenario(String id, String title, String description, boolean sweep) {
}
