/**
 * jcstress tests of {@code dev.atomicslocks.spinlock}: every step of chapter 4 and the public
 * {@code SpinLock} keep critical sections apart and make each one's writes visible to the next.
 * A broken lock (check-then-set) is the mutant of {@code Ch3_08_Lock} in the basics package.
 */
@NullMarked
package dev.atomicslocks.stress.spinlock;

import org.jspecify.annotations.NullMarked;
