package io.h1kit.eventloop;

/**
 * A snapshot of one event loop for the status page.
 *
 * @param loop          the loop's number, from 0
 * @param connections   connections it owns
 * @param byState       its connections per {@link HttpConnection.State} (by ordinal; CLOSED is 0)
 * @param timersPending timers in its queue (a connection has one)
 * @param requests      responses it has sent
 * @param handOffQueued connections accepted and not yet registered
 * @param cacheEntries  small files in its cache
 * @param cacheBytes    bytes of those files
 * @param cacheHits     responses served from the cache
 * @param cacheMisses   small files read from the disk
 */
record LoopStatus(int loop, int connections, int[] byState, int timersPending, long requests, int handOffQueued,
                         int cacheEntries, long cacheBytes, long cacheHits, long cacheMisses) {

    /** Connections in {@code state}. */
    public int count(HttpConnection.State state) {
        return byState[state.ordinal()];
    }
}
