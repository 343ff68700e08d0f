/**
 * Wait and wake on a 32-bit atomic, the operations that chapter 8 of the book builds every lock
 * on: {@link dev.atomicslocks.oswait.AtomicWait#wait wait} blocks only while the atomic still
 * holds the expected value, and {@link dev.atomicslocks.oswait.AtomicWait#wakeOne wakeOne} and
 * {@link dev.atomicslocks.oswait.AtomicWait#wakeAll wakeAll} wake the threads that wait on it.
 * They mirror the {@code atomic-wait} crate that the book's code uses (Linux's futex, Windows'
 * {@code WaitOnAddress}, macOS's {@code __ulock}), in a portable form for atomics in the Java
 * heap.
 *
 * <h2>The contract</h2>
 * <ul>
 *   <li>No lost wake-ups: the check of the value and the sleep are atomic with respect to the
 *       wakers. A thread that changes the atomic and then calls a wake method wakes every
 *       thread whose wait saw the old value (or as many as it asks for), whatever ordering the
 *       change used.
 *   <li>Spurious returns: like a futex, a wait may return without a wake, so callers re-check
 *       the atomic in a loop. This implementation returns only after a wake, a changed value,
 *       a timeout or (for the interruptible forms) an interrupt, but callers must not rely on
 *       that.
 *   <li>Interruption: {@code wait} keeps the thread's interrupt status and goes on sleeping
 *       without spinning; {@code waitInterruptibly}, {@code waitFor} and {@code waitUntil}
 *       throw {@link java.lang.InterruptedException} and clear the status, as the JDK's
 *       blocking methods do.
 *   <li>Virtual threads: waiting parks the thread, so a virtual thread unmounts from its
 *       carrier.
 *   <li>Cost: a wake with nobody waiting on the atomic (or on any other atomic that shares its
 *       slot in the lot) takes no lock and allocates nothing; a wait allocates one small node.
 * </ul>
 */
@NullMarked
package dev.atomicslocks.oswait;

import org.jspecify.annotations.NullMarked;
