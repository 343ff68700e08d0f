package dev.atomicslocks.locks;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicRef;
import org.jspecify.annotations.Nullable;

/**
 * Which thread holds which lock of one reader-writer lock: the read holds of each thread and
 * the thread that holds the write lock. {@link RwLock} keeps one in debug mode, to turn a
 * nested acquisition into an exception instead of a deadlock; {@link RawRwLock} always keeps
 * one, to refuse an unlock by a thread that holds nothing.
 */
final class RwLockHolds {

    /** The read holds of the current thread; only that thread reads or writes its counter. */
    private final ThreadLocal<int[]> reads = ThreadLocal.withInitial(() -> new int[1]);
    /**
     * The thread that holds the write lock, or null. Written RELAXED by that thread alone,
     * after taking the lock and before releasing it. Any other thread reads either null or
     * some other holder, never itself, so the "is it me?" checks below are exact.
     */
    private final AtomicRef<Thread> writer = new AtomicRef<>(null);

    /** The read holds of the calling thread. */
    int readsOfCurrentThread() {
        return reads.get()[0];
    }

    /** Whether the calling thread holds the write lock. */
    boolean currentThreadWrites() {
        return writer.load(RELAXED) == Thread.currentThread();
    }

    /**
     * Throws if the calling thread already holds a lock of this reader-writer lock, saying
     * why asking for another would deadlock.
     */
    void checkNotHolding(String lockName, String operation) {
        if (currentThreadWrites()) {
            throw new IllegalStateException("cannot " + operation + ": this thread holds the"
                    + " write lock of this " + lockName + ", which is not reentrant; waiting"
                    + " for another lock of it would deadlock");
        }
        int held = readsOfCurrentThread();
        if (held > 0) {
            throw new IllegalStateException("cannot " + operation + ": this thread holds "
                    + held + " read lock(s) of this " + lockName + ", which is not reentrant;"
                    + " a write lock would wait for ever, and another read lock as soon as a"
                    + " writer waits in between");
        }
    }

    void readAcquired() {
        reads.get()[0]++;
    }

    /** Records a read release; false (and nothing changed) if the thread held none. */
    boolean readReleased() {
        int[] held = reads.get();
        if (held[0] == 0) {
            return false;
        }
        held[0]--;
        return true;
    }

    void writeAcquired() {
        writer.store(Thread.currentThread(), RELAXED);
    }

    /** Records a write release; false (and nothing changed) if the thread did not hold it. */
    boolean writeReleased() {
        if (!currentThreadWrites()) {
            return false;
        }
        writer.store(null, RELAXED);
        return true;
    }

    /** The thread that holds the write lock, as last seen; for messages. */
    @Nullable Thread writer() {
        return writer.load(RELAXED);
    }
}
