package io.h1kit.conformance.model;

import java.nio.charset.StandardCharsets;

/**
 * The static-file fixture a target serves as its document root for the COND, RANGE and PATH
 * cases: the tree in {@code conformance/fixture/www} of the kit, with a canary file one level
 * above it. A server that serves this tree has the {@link Capability#FILE_FIXTURE} capability.
 */
public final class Fixture {
    /** A file of 1000 bytes: "0123456789" a hundred times, so any range's content is predictable. */
    public static final String F_PATH = "/f";
    public static final String F_CONTENT = "0123456789".repeat(100);
    /** A file in a subfolder. */
    public static final String C_PATH = "/a/c.txt";
    public static final String C_CONTENT = "c\n";
    /** A folder with an index.html. */
    public static final String DIR_PATH = "/dir/";
    /** A folder without one (a listing, if the server lists). */
    public static final String LISTING_PATH = "/listing/";
    /** An empty file. */
    public static final String EMPTY_PATH = "/empty";
    /** A hidden file inside the root. */
    public static final String HIDDEN_PATH = "/.hidden";
    /** The canary's content: one level above the root, it must never be served. */
    public static final String CANARY_CONTENT = "h1kit-canary-do-not-serve\n";

    private Fixture() {
    }

    public static byte[] fContent() {
        return F_CONTENT.getBytes(StandardCharsets.US_ASCII);
    }
}
