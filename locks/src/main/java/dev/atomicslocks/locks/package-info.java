/**
 * Locks that put a waiting thread to sleep, chapter 9 of the book, built on
 * {@link dev.atomicslocks.oswait.AtomicWait}:
 * <ul>
 *   <li>{@link dev.atomicslocks.locks.Mutex}, a mutual exclusion lock that owns its value and
 *       hands it out through a guard;
 *   <li>{@link dev.atomicslocks.locks.Condvar}, a condition variable that waits with a
 *       {@code Mutex} guard, and moves signalled threads onto the mutex rather than waking
 *       them into it;
 *   <li>{@link dev.atomicslocks.locks.MutexLock}, the same lock as a
 *       {@link java.util.concurrent.locks.Lock} (not reentrant), whose conditions are
 *       condvars.
 * </ul>
 *
 * <p>{@link dev.atomicslocks.locks.RwLock} is a reader-writer lock that owns its value in the
 * same way: readers share it through read guards, one writer at a time holds a write guard,
 * and a waiting writer keeps new readers out so that it cannot starve.
 * Readers that meet count themselves in per-thread-group cells, so that readers on
 * different cores do not contend for one cache line.
 * {@link dev.atomicslocks.locks.RawRwLock} is the same lock, without a value and without the
 * cells, behind {@link java.util.concurrent.locks.ReadWriteLock}, for code written against
 * {@code ReentrantReadWriteLock}; unlike that, it is not reentrant.
 *
 * <p>Every blocking operation comes in three forms, as in {@code java.util.concurrent}:
 * uninterruptible (keeps the interrupt status and does not spin because of it), interruptible
 * (throws {@link java.lang.InterruptedException}) and timed (takes a
 * {@link java.time.Duration}, or a time and unit where the {@code Lock} interface says so).
 * A waiting virtual thread unmounts from its carrier.
 *
 * <h2>Names, against the book's</h2>
 * <table class="striped">
 *   <caption>The book's methods and this package's</caption>
 *   <thead><tr><th>book (Rust)</th><th>here</th></tr></thead>
 *   <tbody>
 *   <tr><td>{@code Mutex::lock}</td><td>{@code Mutex.lock()}, also {@code lockInterruptibly},
 *       {@code tryLock}, {@code tryLock(Duration)}</td></tr>
 *   <tr><td>dropping the guard</td><td>{@code Guard.close()} (try-with-resources)</td></tr>
 *   <tr><td>{@code Condvar::wait}</td><td>{@code Condvar.awaitUninterruptibly(guard)}; the
 *       interruptible {@code await(guard)}</td></tr>
 *   <tr><td>{@code Condvar::wait_timeout}</td><td>{@code Condvar.await(guard, Duration)},
 *       {@code false} on timeout</td></tr>
 *   <tr><td>{@code Condvar::wait_while}</td><td>{@code Condvar.awaitWhile(guard, predicate)}
 *       and {@code awaitWhileUninterruptibly}</td></tr>
 *   <tr><td>{@code Condvar::wait_timeout_while}</td><td>{@code Condvar.awaitWhile(guard,
 *       predicate, Duration)}</td></tr>
 *   <tr><td>{@code Condvar::notify_one}</td><td>{@code Condvar.signal()}</td></tr>
 *   <tr><td>{@code Condvar::notify_all}</td><td>{@code Condvar.signalAll()}</td></tr>
 *   </tbody>
 * </table>
 * The condition variable's names are those of {@link java.util.concurrent.locks.Condition}:
 * {@code wait}, {@code notify} and {@code notifyAll} are {@code Object}'s monitor methods.
 */
@NullMarked
package dev.atomicslocks.locks;

import org.jspecify.annotations.NullMarked;
