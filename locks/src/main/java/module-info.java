import org.jspecify.annotations.NullMarked;

/**
 * The locks of chapter 9, built on wait and wake from {@code dev.atomicslocks.oswait}:
 * {@link dev.atomicslocks.locks.Mutex}, {@link dev.atomicslocks.locks.Condvar} and the
 * {@link java.util.concurrent.locks.Lock} view {@link dev.atomicslocks.locks.MutexLock};
 * {@link dev.atomicslocks.locks.RwLock}, a reader-writer lock, and
 * {@link dev.atomicslocks.locks.RawRwLock}, its
 * {@link java.util.concurrent.locks.ReadWriteLock} form; and the book's steps towards them,
 * which only the examples module may use.
 */
@NullMarked
@SuppressWarnings("module") // the examples module is built after this one
module dev.atomicslocks.locks {
    requires transitive dev.atomicslocks.oswait;
    requires static transitive org.jspecify;

    exports dev.atomicslocks.locks;
    exports dev.atomicslocks.locks.steps to dev.atomicslocks.examples;
}
