/**
 * Stage 4: the event-loop server. One acceptor thread and N event loops (one per core by
 * default), each a {@link java.nio.channels.Selector} (epoll on Linux) that owns its connections
 * for their whole life; non-blocking sockets throughout; http-core's resumable parser fed straight
 * from each connection's read buffer; direct buffers from a bounded pool; timeouts from a timer
 * queue per loop driven by an injected clock.
 */
package io.h1kit.eventloop;
