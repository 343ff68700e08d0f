/**
 * A spin lock that owns the value it protects, chapter 4 of the book:
 * {@link dev.atomicslocks.spinlock.SpinLock}. A thread that finds it locked keeps running
 * instead of going to sleep, which pays off only when the lock is held for a few instructions
 * and the holder is running on another processor; for anything longer use a blocking lock.
 */
@NullMarked
package dev.atomicslocks.spinlock;

import org.jspecify.annotations.NullMarked;
