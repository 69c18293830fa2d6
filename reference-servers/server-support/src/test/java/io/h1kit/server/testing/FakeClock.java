package io.h1kit.server.testing;

import io.h1kit.server.Clock;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test moves it. Thread-safe. */
public final class FakeClock implements Clock {
    private final AtomicLong monotonic = new AtomicLong(1_000_000);
    private final AtomicLong epoch;

    public FakeClock(long epochMillis) {
        this.epoch = new AtomicLong(epochMillis);
    }

    public void advance(Duration d) {
        monotonic.addAndGet(d.toMillis());
        epoch.addAndGet(d.toMillis());
    }

    @Override
    public long monotonicMillis() {
        return monotonic.get();
    }

    @Override
    public long epochMillis() {
        return epoch.get();
    }
}
