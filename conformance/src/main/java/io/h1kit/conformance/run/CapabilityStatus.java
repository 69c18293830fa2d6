package io.h1kit.conformance.run;

/**
 * Whether a target has a capability, and how the suite knows.
 *
 * @param present whether it has it
 * @param source  "claimed", "probed", or "not probed"
 * @param detail  what the probe saw, for the report
 */
public record CapabilityStatus(boolean present, String source, String detail) {
}
