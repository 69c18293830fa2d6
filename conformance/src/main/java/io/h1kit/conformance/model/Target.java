package io.h1kit.conformance.model;

import java.net.InetSocketAddress;

/**
 * A server under test.
 *
 * @param name    how reports name it (the host:port unless given)
 * @param address where it listens
 */
public record Target(String name, InetSocketAddress address) {

    /** Parses {@code host:port} or {@code name=host:port}. */
    public static Target parse(String text) {
        String name = null;
        String hostPort = text;
        int eq = text.indexOf('=');
        if (eq > 0) {
            name = text.substring(0, eq);
            hostPort = text.substring(eq + 1);
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("target '" + text + "' is not host:port");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("target '" + text + "' has no numeric port");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("target '" + text + "': port out of range");
        }
        return new Target(name == null ? hostPort : name, InetSocketAddress.createUnresolved(host, port));
    }

    public static Target of(String name, InetSocketAddress address) {
        return new Target(name, address);
    }

    /** The address, resolved now (a target is parsed before its host need exist). */
    public InetSocketAddress resolved() {
        return address.isUnresolved() ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
    }

    /** host:port as the command line takes it. */
    public String hostPort() {
        String host = address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
