/**
 * The steps of chapter 9, one class each, in the book's order:
 * {@link dev.atomicslocks.locks.steps.Mutex1} (wakes a waiter on every unlock),
 * {@link dev.atomicslocks.locks.steps.Mutex2} (remembers whether anyone may wait, so that an
 * uncontended unlock wakes nobody) and {@link dev.atomicslocks.locks.steps.Mutex3} (spins
 * briefly before it sleeps). They are exported only to the examples;
 * {@link dev.atomicslocks.locks.Mutex} is the last step grown into a lock to import.
 */
@NullMarked
package dev.atomicslocks.locks.steps;

import org.jspecify.annotations.NullMarked;
