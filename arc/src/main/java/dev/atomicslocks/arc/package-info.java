/**
 * Shared ownership by reference counting, chapter 6 of the book:
 * {@link dev.atomicslocks.arc.Arc}, a strong handle that keeps a value alive, and
 * {@link dev.atomicslocks.arc.Weak}, a handle that does not but can be upgraded while the value
 * lives. The book's steps towards them are in {@code dev.atomicslocks.arc.steps}.
 *
 * <h2>The contract</h2>
 * <ul>
 *   <li>Handles: each is an {@link java.lang.AutoCloseable} object, opened by
 *       {@code Arc.of}, {@code clone}, {@code downgrade} or {@code upgrade}, and closed
 *       exactly once. A handle is used by one thread at a time and may be handed from thread
 *       to thread like any object.
 *   <li>Drop: the value's drop action (a supplied one, else the value's own {@code close()}
 *       if it is {@code AutoCloseable}) runs exactly once, in the thread that closes the last
 *       strong handle, after every use of the value through every handle closed before.
 *   <li>Upgrade: a weak handle upgrades only while a strong handle is open, and never to a
 *       value whose drop has begun.
 *   <li>Exclusive access: {@code Arc.getMut} returns the value only when its handle is the
 *       only handle of either kind, checked soundly at one instant.
 *   <li>Waiting: a strong handle can wait until it is the last strong one, and a weak handle
 *       until the drop has finished; each wait is uninterruptible, interruptible or timed
 *       (a {@link java.time.Duration}), and parks through
 *       {@link dev.atomicslocks.oswait.AtomicWait}, so a virtual thread unmounts. A close that
 *       nobody waits for wakes nobody.
 *   <li>Misuse: using or closing a closed handle, and opening more handles than the counts
 *       hold, throw {@link java.lang.IllegalStateException} naming the misuse, before any count
 *       changes for good.
 *   <li>Leaks: a sampled strong handle that becomes unreachable while open is reported as a
 *       {@code WARNING} to the {@link java.lang.System.Logger} named
 *       {@code dev.atomicslocks.arc}, with the stack trace of its creation.
 * </ul>
 *
 * <h2>Leak sampling</h2>
 * The system property {@code dev.atomicslocks.arc.leakSampling} sets how many new strong
 * handles share one watched handle: {@code 0}, the default, turns reports off; {@code 1}
 * watches every handle (for tests); {@code N} watches one handle in N, picked at random.
 * {@code Arc.setLeakSampling} changes it at run time, for handles opened afterwards. For
 * example, {@code java -Ddev.atomicslocks.arc.leakSampling=1 ...} in a test run, and
 * {@code 4096} where a production service can afford it.
 *
 * <p>What it costs, measured by {@code arc.ArcBenchmark} in the benchmarks module (AMD EPYC,
 * 2 vCPUs under KVM, Temurin 25.0.3, 2026-12-04): with sampling off, a clone and close costs
 * what an {@code AtomicInteger} increment and decrement cost. With sampling on, each new
 * handle draws a random number (about half a nanosecond), a watched one records a stack
 * trace and registers with a {@link java.lang.ref.Cleaner} (about 0.6 microseconds), and the
 * JIT can no longer remove the handle object of a clone that is closed where it was made,
 * which makes such a clone and close about a quarter slower; a clone that escapes (is
 * stored, or handed to another thread) is allocated anyway and pays only the draw.
 *
 * <h2>What differs from Rust's {@code Arc}</h2>
 * <ul>
 *   <li>Dropping is explicit: a handle is closed, not dropped at the end of a scope, and the
 *       value's "drop" is an action that the last close runs. The memory itself is reclaimed
 *       by the garbage collector, so the book's "free the allocation" has no counterpart.
 *   <li>Each handle is an object with its own "closed" mark, so a second close or a use after
 *       close is an exception instead of a compile error.
 *   <li>{@code getMut} returns the value itself: Java cannot borrow-check that the caller stops
 *       using it before cloning the handle again.
 *   <li>No implicit weak count: the book counts all strong handles together as one more
 *       weak handle, so that the allocation is freed when both counts reach zero. Nothing is
 *       freed here, so the weak count is the number of weak handles alone, which is also what
 *       {@code weakCount} returns, exactly, even while the value is being dropped.
 *   <li>Counts are 32-bit: up to 2<sup>29</sup> - 1 strong handles of one value; overflow
 *       throws instead of aborting the process.
 *   <li>Waiting for the last strong handle and for the drop has no counterpart in Rust.
 * </ul>
 */
@NullMarked
package dev.atomicslocks.arc;

import org.jspecify.annotations.NullMarked;
