/**
 * The launcher that runs every program of the book by its id, and the few helpers the
 * programs share.
 *
 * <p>{@link dev.atomicslocks.examples.Examples} holds the table of programs (id, arguments,
 * one-line description, entry point) and runs one of them. Each program reads and writes
 * through a {@link dev.atomicslocks.examples.Terminal} rather than {@code System.in} and
 * {@code System.out}, so that a test can run it with streams of its own;
 * {@link dev.atomicslocks.examples.Args} reads its optional arguments,
 * {@link dev.atomicslocks.examples.TimeScale} shortens its sleeps,
 * {@link dev.atomicslocks.examples.ThreadScope} stands in for Rust's {@code thread::scope},
 * and {@link dev.atomicslocks.examples.Check} does what the book's {@code assert!} does.
 *
 * <p>Where Rust has a {@code static} (an atomic or a {@code static mut}), the programs here
 * use a field of a fresh object instead, so that running a program twice in one JVM (as the
 * tests do) starts from the same state both times. In a program run once, a
 * {@code static} field would behave the same.
 *
 * <p>Rust's {@code usize} counters become {@code AtomicU64}: {@code usize} is 64 bits wide on
 * the machines the book has in mind.
 */
@NullMarked
package dev.atomicslocks.examples;

import org.jspecify.annotations.NullMarked;
