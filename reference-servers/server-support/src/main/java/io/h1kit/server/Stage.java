package io.h1kit.server;

/**
 * A reference server architecture that `h1kit serve --stage NAME` can start. Stage modules
 * register their implementation in {@code META-INF/services/io.h1kit.server.Stage}.
 */
public interface Stage {

    /** The name used on the command line, for example "sequential". */
    String name();

    /** One line on the architecture, for --help. */
    String description();

    /** The order stages are listed in: their place on the path of architectures (1 to 5). */
    int number();

    /** Whether the stage speaks HTTP (and so serves the document root); false for the TCP echo. */
    default boolean speaksHttp() {
        return true;
    }

    /** The timeouts this architecture needs by default (an iterative server must wait less). */
    default Timeouts defaultTimeouts() {
        return Timeouts.DEFAULTS;
    }

    /** Creates the server; {@link Server#start()} binds it. */
    Server create(ServerContext context);
}
