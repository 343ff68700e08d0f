/**
 * jcstress tests of the atomics in {@code dev.atomicslocks.basics}: every memory-ordering claim
 * of chapter 3 as a litmus test, and chapter 2's id allocator and one-time initialisation.
 *
 * <p>Each class is one property and is named after the book program it checks
 * ({@code Ch3_10_StoreBuffering} for ch3-10). Its nested classes are the variants: the correct
 * one, whose bad outcome is {@code FORBIDDEN}, beside a broken one. A broken variant whose class
 * name ends in {@code Mutant} must be caught on every machine: its bad outcome is
 * {@code ACCEPTABLE_INTERESTING} with a description that starts with {@code "mutant caught: "},
 * and {@link dev.atomicslocks.stress.MutantCheck} fails when a run never saw it. A broken variant
 * whose name ends in {@code OnWeakHardware} shows a reordering that x86 does not perform; it is
 * kept as documentation and no check requires it.
 */
@NullMarked
package dev.atomicslocks.stress.basics;

import org.jspecify.annotations.NullMarked;
