/**
 * Wait and wake on a 32-bit atomic, the operations that chapter 8 of the book builds every lock
 * on: {@link dev.atomicslocks.oswait.AtomicWait#wait wait} blocks only while the atomic still
 * holds the expected value, and {@link dev.atomicslocks.oswait.AtomicWait#wakeOne wakeOne} and
 * {@link dev.atomicslocks.oswait.AtomicWait#wakeAll wakeAll} wake the threads that wait on it.
 * They mirror the {@code atomic-wait} crate that the book's code uses (Linux's futex, Windows'
 * {@code WaitOnAddress}, macOS's {@code __ulock}), in a portable form for atomics in the Java
 * heap. {@link dev.atomicslocks.oswait.AtomicWait#requeue requeue} and
 * {@link dev.atomicslocks.oswait.AtomicWait#wakeAndRequeue wakeAndRequeue} move waiters from
 * one atomic to another without waking them, as Linux's {@code FUTEX_CMP_REQUEUE} and
 * {@code FUTEX_REQUEUE} do: a condition variable moves its waiters onto a held mutex, whose
 * unlocks then wake them one at a time.
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
 *   <li>Requeue: a moved thread keeps waiting, now on the target atomic, behind the threads
 *       already waiting there, and returns from its original wait when a wake of the target
 *       reaches it. The gated {@code requeue} checks the target's value atomically with the
 *       move, as a wait checks its atomic, so a thread that changes the target and then wakes
 *       it either makes the move fail or wakes the moved threads. A moved thread counts as
 *       woken: a timeout or (in an interruptible wait) an interrupt while it waits on the
 *       target ends the wait as a wake ({@code true} from a timed wait, the interrupt status
 *       kept).
 *   <li>Virtual threads: waiting parks the thread, so a virtual thread unmounts from its
 *       carrier.
 *   <li>Cost: a wake with nobody waiting on the atomic (or on any other atomic that shares its
 *       slot in the lot) takes no lock and allocates nothing; a wait allocates one small node.
 * </ul>
 *
 * <h2>The Linux futex</h2>
 * {@link dev.atomicslocks.oswait.FutexWord} is a 32-bit word in native memory with the
 * {@code futex} system call behind its waits and wakes, reached through
 * {@code java.lang.foreign}: private to this process, or in a file mapped by several processes
 * so that one wakes a thread of another. Its calls are restricted methods, so an application
 * runs with {@code --enable-native-access=dev.atomicslocks.oswait} (module path) or
 * {@code --enable-native-access=ALL-UNNAMED} (class path). It is Linux only; the portable API
 * works everywhere.
 *
 * <h2>Which to use, and what it costs</h2>
 * Measured with the {@code benchmarks} module ({@code oswait} package) on an AMD EPYC with 2
 * vCPUs under KVM, Temurin 25.0.3, 2026-12-03:
 * <table class="striped">
 *   <caption>Costs behind the design</caption>
 *   <thead><tr><th>operation</th><th>ns</th></tr></thead>
 *   <tbody>
 *   <tr><td>{@code AtomicWait.wakeOne} with nobody waiting</td><td>5.1</td></tr>
 *   <tr><td>a full fence, a volatile read and a branch</td><td>5.2</td></tr>
 *   <tr><td>a volatile read and a branch</td><td>0.4</td></tr>
 *   <tr><td>{@code Condition.signal} with nobody waiting, under its lock</td><td>12.0</td></tr>
 *   <tr><td>{@code FUTEX_WAKE} with nobody waiting</td><td>250</td></tr>
 *   <tr><td>a foreign call of C's {@code abs} (critical: 2.5; {@code Math.abs}: 0.3)</td>
 *       <td>7.0</td></tr>
 *   <tr><td>uncontended lock and unlock, word in the heap</td><td>5.3</td></tr>
 *   <tr><td>the same, word in native memory</td><td>5.8</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>So every word in the Java heap waits through the parking lot: a wake that finds nobody
 * costs a fiftieth of a system call, a virtual thread unmounts while it waits, and nothing
 * native is involved. The futex serves words that must live in native or shared memory.
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>Requeueing is for the portable lot only: {@code FutexWord} has no requeue, and a
 *       thread cannot be moved between an {@code AtomicU32} and a {@code FutexWord}.
 *   <li>A wake with nobody waiting costs a full fence (a locked instruction on x86), not just a
 *       read: the caller may have changed the atomic with a {@code RELEASE} store, and without
 *       the fence that store and the wake's read of the waiter count could pass each other, so
 *       that a thread which had just seen the old value would sleep through the wake. This is
 *       what a volatile store costs anyway; a lock whose unlock already knows that nobody
 *       waits (chapter 9's state 2) skips the wake altogether.
 *   <li>A round trip between two threads that both sleep is dominated by the scheduler (about
 *       50 microseconds on the machine above, for this lot, {@code LockSupport} and
 *       {@code ReentrantLock} alike), so a caller that expects a very short wait spins a
 *       little before it sleeps, as the book's third mutex does.
 * </ul>
 */
@NullMarked
package dev.atomicslocks.oswait;

import org.jspecify.annotations.NullMarked;
