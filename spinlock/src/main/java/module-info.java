import org.jspecify.annotations.NullMarked;

/**
 * The spin lock of chapter 4: {@link dev.atomicslocks.spinlock.SpinLock}, a lock that owns its
 * value and hands it out through a guard, and the book's steps towards it, which only the
 * examples module may use.
 */
@NullMarked
@SuppressWarnings("module") // the examples module is built after this one
module dev.atomicslocks.spinlock {
    requires transitive dev.atomicslocks.basics;
    requires static transitive org.jspecify;

    exports dev.atomicslocks.spinlock;
    exports dev.atomicslocks.spinlock.steps to dev.atomicslocks.examples;
}
