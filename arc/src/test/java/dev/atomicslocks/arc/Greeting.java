package dev.atomicslocks.arc;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The book's test value, {@code ("hello", DetectDrop)}: a text and a counter of how often the
 * value was dropped, which its {@code close()} raises.
 */
record Greeting(String text, AtomicInteger drops) implements AutoCloseable {

    /** A "hello" with a fresh drop counter. */
    static Greeting hello() {
        return new Greeting("hello", new AtomicInteger());
    }

    @Override
    public void close() {
        drops.incrementAndGet();
    }
}
