import org.jspecify.annotations.NullMarked;

/**
 * Wait and wake on a 32-bit atomic, chapter 8 of the book: a thread sleeps while an
 * {@link dev.atomicslocks.basics.AtomicU32} holds the value it expects, and another thread that
 * changes the value wakes it. The channels, arc and locks modules all block through this one.
 */
@NullMarked
module dev.atomicslocks.oswait {
    requires transitive dev.atomicslocks.basics;
    requires static transitive org.jspecify;

    exports dev.atomicslocks.oswait;
}
