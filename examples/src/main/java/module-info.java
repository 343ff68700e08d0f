import org.jspecify.annotations.NullMarked;

/**
 * Every program of the book, rebuilt in Java and runnable by its id through
 * {@code dev.atomicslocks.examples.Examples}. An application, not a library: it exports
 * nothing, and nothing depends on it.
 */
@NullMarked
module dev.atomicslocks.examples {
    requires dev.atomicslocks.basics;
    requires dev.atomicslocks.oswait;
    requires dev.atomicslocks.spinlock;
    requires dev.atomicslocks.channels;
    requires dev.atomicslocks.arc;
    requires dev.atomicslocks.locks;
    requires static org.jspecify;
}
