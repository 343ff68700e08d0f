/**
 * The steps of chapter 6, one class each, in the book's order:
 * {@link dev.atomicslocks.arc.steps.BasicArc} (one count; the last close drops the value),
 * {@link dev.atomicslocks.arc.steps.WeakArc} (a second count for weak handles, which can be
 * upgraded while the value lives) and {@link dev.atomicslocks.arc.steps.OptimizedArc} (one
 * implicit weak count for all strong handles, and a lock state in the weak count that makes
 * the exclusive-access check sound). Closing a handle stands for Rust's drop, and the value's
 * drop is its {@code close()} if it is {@code AutoCloseable}; the garbage collector frees the
 * memory. The steps are unchecked: misuse of a handle gives wrong results rather than an
 * exception. They are exported only to the examples; {@link dev.atomicslocks.arc.Arc} and
 * {@link dev.atomicslocks.arc.Weak} are the last step grown into types to import.
 */
@NullMarked
package dev.atomicslocks.arc.steps;

import org.jspecify.annotations.NullMarked;
