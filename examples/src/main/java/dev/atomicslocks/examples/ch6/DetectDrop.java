package dev.atomicslocks.examples.ch6;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU32;

/**
 * The book's test value: a string and a counter of how many times the value was dropped.
 * Closing it stands for Rust's drop, which is what an Arc calls when its last handle goes.
 */
final class DetectDrop implements AutoCloseable {

    private final String text;
    private final AtomicU32 drops = new AtomicU32(0);

    DetectDrop(String text) {
        this.text = text;
    }

    /** The string. */
    String text() {
        return text;
    }

    /** How many times the value has been dropped so far. */
    int drops() {
        return drops.load(RELAXED);
    }

    @Override
    public void close() {
        // RELAXED: the count is read after the handles are closed, in the same thread or after
        // a join, both of which order it.
        drops.fetchAdd(1, RELAXED);
    }
}
