/**
 * Locks that put a waiting thread to sleep, chapter 9 of the book, built on
 * {@link dev.atomicslocks.oswait.AtomicWait}: {@link dev.atomicslocks.locks.Mutex}, a mutual
 * exclusion lock that owns its value and hands it out through a guard.
 *
 * <p>{@link dev.atomicslocks.locks.RwLock} is a reader-writer lock that owns its value in the
 * same way: readers share it through read guards, one writer at a time holds a write guard,
 * and a waiting writer keeps new readers out so that it cannot starve.
 * {@link dev.atomicslocks.locks.RawRwLock} is the same lock, without a value, behind
 * {@link java.util.concurrent.locks.ReadWriteLock}, for code written against
 * {@code ReentrantReadWriteLock}; unlike that, it is not reentrant.
 *
 * <p>Every blocking operation comes in three forms, as in {@code java.util.concurrent}:
 * uninterruptible (keeps the interrupt status and does not spin because of it), interruptible
 * (throws {@link java.lang.InterruptedException}) and timed (takes a
 * {@link java.time.Duration}). A waiting virtual thread unmounts from its carrier.
 */
@NullMarked
package dev.atomicslocks.locks;

import org.jspecify.annotations.NullMarked;
