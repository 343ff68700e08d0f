/**
 * jcstress tests of {@code dev.atomicslocks.arc}: concurrent closes of the last handles drop
 * the value once and the drop sees every handle's writes, and an upgrade that races with the
 * last drop never returns a dropped value, for each step of chapter 6 that supports the
 * operation and for the public {@code Arc}.
 */
@NullMarked
package dev.atomicslocks.stress.arc;

import org.jspecify.annotations.NullMarked;
