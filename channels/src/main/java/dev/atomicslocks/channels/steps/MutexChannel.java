package dev.atomicslocks.channels.steps;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Step 1 of chapter 5, a simple channel: a queue behind a lock, and a condition variable that
 * a receiver waits on while the queue is empty. Any number of threads may send and receive,
 * and any number of messages may be in flight.
 *
 * <p>The book builds it from Rust's {@code Mutex} and {@code Condvar}; here they are
 * {@link ReentrantLock} and {@link Condition} from {@code java.util.concurrent}, as every
 * program here uses the JDK where the book uses Rust's standard library. It is correct and
 * simple, and it pays for that: every send and every receive takes the lock, and the queue
 * grows without limit.
 *
 * @param <T> the type of the messages, never {@code null}
 */
public final class MutexChannel<T> {

    /*
     * The book's first channel. send appends under the lock and signals one waiting receiver;
     * receive takes the lock, and while the queue is empty waits on the condition, which
     * releases the lock while it sleeps and takes it again before returning.
     *
     * One difference from Rust: a Condition may be signalled only by a thread that holds its
     * lock, so send signals before it unlocks, where the book's send notifies after the lock
     * guard is dropped. The woken receiver then waits briefly for the lock; nothing is lost.
     *
     * Rust's Condvar::wait cannot be interrupted; awaitUninterruptibly is its counterpart.
     */

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition itemReady = lock.newCondition();
    /** Read and written only with {@link #lock} held. */
    private final Deque<T> queue = new ArrayDeque<>();

    /** An empty channel. */
    public MutexChannel() {
    }

    /** Queues {@code message} and wakes one waiting receiver. Never blocks for long. */
    public void send(T message) {
        lock.lock();
        try {
            queue.addLast(message);
            itemReady.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the oldest message, waiting while there is none. Not interruptible: an interrupt
     * leaves the receiver waiting, with its interrupt status still set when this returns.
     */
    public T receive() {
        lock.lock();
        try {
            while (true) {
                T message = queue.pollFirst();
                if (message != null) {
                    return message;
                }
                itemReady.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }
}
