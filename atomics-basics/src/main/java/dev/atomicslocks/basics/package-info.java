/**
 * Atomics shaped like Rust's {@code std::sync::atomic}, for chapters 2 and 3 of the book.
 *
 * <p>Every operation names its memory ordering, as in Rust, instead of hiding it in the method
 * name as {@code java.lang.invoke.VarHandle} does. Each {@link dev.atomicslocks.basics.Ordering}
 * maps to exactly one {@code VarHandle} access mode:
 *
 * <table class="striped">
 *   <caption>How each Rust ordering maps to a VarHandle access mode</caption>
 *   <thead>
 *     <tr><th>Rust</th><th>load</th><th>store</th><th>read-modify-write</th><th>fence</th></tr>
 *   </thead>
 *   <tbody>
 *     <tr><td>{@code Relaxed}</td><td>{@code getOpaque}</td><td>{@code setOpaque}</td>
 *         <td>the {@code Acquire} variant (see below); weak compare-exchange:
 *             {@code weakCompareAndSetPlain}</td>
 *         <td>rejected</td></tr>
 *     <tr><td>{@code Acquire}</td><td>{@code getAcquire}</td><td>rejected</td>
 *         <td>{@code getAndAddAcquire}, {@code compareAndExchangeAcquire}, ...</td>
 *         <td>{@code acquireFence}</td></tr>
 *     <tr><td>{@code Release}</td><td>rejected</td><td>{@code setRelease}</td>
 *         <td>{@code getAndAddRelease}, {@code compareAndExchangeRelease}, ...</td>
 *         <td>{@code releaseFence}</td></tr>
 *     <tr><td>{@code AcqRel}</td><td>rejected</td><td>rejected</td>
 *         <td>volatile: {@code getAndAdd}, {@code compareAndExchange}, ...</td>
 *         <td>{@code acquireFence} then {@code releaseFence}</td></tr>
 *     <tr><td>{@code SeqCst}</td><td>{@code getVolatile}</td><td>{@code setVolatile}</td>
 *         <td>volatile: {@code getAndAdd}, {@code compareAndExchange}, ...</td>
 *         <td>{@code fullFence}</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Rust's relaxed ordering promises atomicity and a single modification order per variable
 * and nothing else; Java's opaque mode promises the same, so relaxed loads and stores are
 * opaque. {@code VarHandle} has no opaque read-modify-write, so a relaxed one uses the acquire
 * variant: on x86 every read-modify-write is the same locked instruction whatever its mode,
 * and on ARM the acquire and release variants are the cheapest ones there are. A weak
 * compare-exchange has a plain variant, which is as relaxed as Rust's.
 *
 * <p>Java has no acquire-release access; where Rust asks for {@code AcqRel} the volatile
 * (sequentially consistent) variant is used, which is stronger than needed and costs the same
 * on x86.
 *
 * <h2>Rejected orderings</h2>
 * The orderings that make no sense for an operation throw {@link IllegalArgumentException}
 * naming the operation and the ordering, where Rust panics: a load with {@code RELEASE} or
 * {@code ACQ_REL}, a store with {@code ACQUIRE} or {@code ACQ_REL}, a compare-exchange whose
 * failure ordering is {@code RELEASE} or {@code ACQ_REL} (a failed compare-exchange only loads),
 * and a fence with {@code RELAXED}. A {@code null} ordering throws
 * {@link NullPointerException}.
 *
 * <h2>Unsigned types</h2>
 * {@link dev.atomicslocks.basics.AtomicU32} and {@link dev.atomicslocks.basics.AtomicU64}
 * hold Java's {@code int} and {@code long} but treat them as unsigned wherever that changes
 * the result: {@code fetchMax}, {@code fetchMin} and {@code toString}. Addition, subtraction
 * and the bitwise operations are the same bits either way, and wrap around as in Rust. Rust's
 * {@code u32::MAX} is {@code -1} here; {@link java.lang.Integer#toUnsignedLong(int)} and
 * {@link java.lang.Integer#compareUnsigned(int, int)} read such values.
 *
 * <h2>Differences from Rust</h2>
 * <ul>
 *   <li>{@code compareExchange} returns the value it found (the witness) instead of a
 *       {@code Result}: it succeeded exactly when the witness equals the expected value.
 *       {@code compareExchangeWeak} returns only whether it succeeded, as
 *       {@code VarHandle.weakCompareAndSet} does; a caller that loops loads the value again.
 *   <li>{@code fetchUpdate} returns the previous value in an {@code Optional} when it stored a
 *       new one and an empty {@code Optional} when the update function declined.
 *   <li>Rust's {@code get_mut} and {@code into_inner} rely on the borrow checker to prove that
 *       no other thread can see the atomic; Java cannot prove that, so they are left out.
 *   <li>Rust's {@code compiler_fence} has no Java counterpart: the JIT offers no fence that
 *       binds only itself and not the processor.
 * </ul>
 */
@NullMarked
package dev.atomicslocks.basics;

import org.jspecify.annotations.NullMarked;
