/**
 * jcstress tests of {@code dev.atomicslocks.oswait}: a thread waiting on a 32-bit atomic always
 * finishes once another thread has changed the value and woken it, for the portable parking
 * lot and for the Linux futex. The conventions of {@link dev.atomicslocks.stress.basics} hold
 * here too: a variant whose name ends in {@code Mutant} is broken on purpose and must be caught.
 */
@NullMarked
package dev.atomicslocks.stress.oswait;

import org.jspecify.annotations.NullMarked;
