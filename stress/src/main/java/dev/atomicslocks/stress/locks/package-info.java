/**
 * jcstress tests of {@code dev.atomicslocks.locks}: every mutex step of chapter 9 and the
 * public {@code Mutex} keep critical sections apart and publish their writes; every way of
 * taking the public {@code Mutex} and its {@code MutexLock} view keeps apart from every other;
 * a thread asleep on a held mutex always finishes once the lock is released, in every blocking
 * form; and a thread waiting on a condition variable always sees the change it was signalled
 * for, whether the signal moved it onto the mutex or woke it.
 */
@NullMarked
package dev.atomicslocks.stress.locks;

import org.jspecify.annotations.NullMarked;
