/**
 * jcstress tests of {@code dev.atomicslocks.locks}: every mutex step of chapter 9 and the
 * public {@code Mutex} keep critical sections apart and publish their writes, and a thread
 * asleep on a held mutex always finishes once the lock is released.
 */
@NullMarked
package dev.atomicslocks.stress.locks;

import org.jspecify.annotations.NullMarked;
