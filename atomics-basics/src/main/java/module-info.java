import org.jspecify.annotations.NullMarked;

/**
 * Atomics shaped like Rust's {@code std::sync::atomic}: every operation takes an explicit
 * {@link dev.atomicslocks.basics.Ordering}, mapped to the matching {@code VarHandle} access
 * mode. Chapters 2 and 3 of the book.
 */
@NullMarked
@SuppressWarnings("module") // the modules named below are built after this one
module dev.atomicslocks.basics {
    requires static transitive org.jspecify;

    exports dev.atomicslocks.basics;
    exports dev.atomicslocks.basics.internal to dev.atomicslocks.oswait;
}
