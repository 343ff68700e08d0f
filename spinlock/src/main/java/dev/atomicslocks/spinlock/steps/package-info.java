/**
 * The steps of chapter 4, one class each, in the book's order:
 * {@link dev.atomicslocks.spinlock.steps.MinimalSpinLock} (a lock and nothing else),
 * {@link dev.atomicslocks.spinlock.steps.UncheckedSpinLock} (it owns a value, and trusts its
 * caller to unlock) and {@link dev.atomicslocks.spinlock.steps.GuardedSpinLock} (the value is
 * reached through a guard that unlocks when closed). They are exported only to the examples;
 * {@link dev.atomicslocks.spinlock.SpinLock} is the final step made safe to use.
 */
@NullMarked
package dev.atomicslocks.spinlock.steps;

import org.jspecify.annotations.NullMarked;
