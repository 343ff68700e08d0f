/**
 * The steps of chapter 5, one class each, in the book's order:
 * {@link dev.atomicslocks.channels.steps.MutexChannel} (a queue behind a lock and a condition
 * variable), {@link dev.atomicslocks.channels.steps.UncheckedOneShot} (one message, a plain
 * field and a ready flag, nothing checked),
 * {@link dev.atomicslocks.channels.steps.CheckedOneShot} (runtime checks with an in-use
 * flag), {@link dev.atomicslocks.channels.steps.SingleStateOneShot} (the same checks with one
 * state atomic), {@link dev.atomicslocks.channels.steps.TypedOneShot} (a separate sender and
 * receiver), {@link dev.atomicslocks.channels.steps.BorrowedOneShot} (a reusable channel split
 * into the two ends, nothing allocated per message) and
 * {@link dev.atomicslocks.channels.steps.BlockingOneShot} (the receiver parks until the sender
 * wakes it).
 *
 * <p>Where the book's step is {@code unsafe}, the Java step is unchecked: misuse gives a wrong
 * or stale result rather than undefined behaviour. Where the book's step is safe through
 * Rust's types (moves, lifetimes, {@code Send}), each class says which of those guarantees
 * Java cannot give. They are exported only to the examples;
 * {@link dev.atomicslocks.channels.OneShot} is the last step grown into a channel to import,
 * and {@link dev.atomicslocks.channels.Channel} the first one grown into a fast
 * multi-producer, multi-consumer channel.
 */
@NullMarked
package dev.atomicslocks.channels.steps;

import org.jspecify.annotations.NullMarked;
