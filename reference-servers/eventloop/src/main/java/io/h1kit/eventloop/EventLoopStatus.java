package io.h1kit.eventloop;

import java.util.List;

/**
 * A snapshot of the event-loop server for its status page.
 *
 * @param openConnections connections accepted and not yet closed
 * @param maxConnections  the connection limit
 * @param refused         connections refused with 503 (over the limit, or a loop's hand-off full)
 * @param buffers         the buffer pool; its {@code outstanding()} is the leak count
 * @param loops           each loop
 */
public record EventLoopStatus(int openConnections, int maxConnections, long refused, BufferPool.Stats buffers,
                              List<LoopStatus> loops) {
}
