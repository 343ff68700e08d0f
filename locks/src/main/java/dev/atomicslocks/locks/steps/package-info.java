/**
 * The steps of chapter 9, one class each, in the book's order:
 * {@link dev.atomicslocks.locks.steps.Mutex1} (wakes a waiter on every unlock),
 * {@link dev.atomicslocks.locks.steps.Mutex2} (remembers whether anyone may wait, so that an
 * uncontended unlock wakes nobody) and {@link dev.atomicslocks.locks.steps.Mutex3} (spins
 * briefly before it sleeps); then the condition variables that wait on their guards,
 * {@link dev.atomicslocks.locks.steps.Condvar1} (a counter that every signal increments) and
 * {@link dev.atomicslocks.locks.steps.Condvar2} (counts its waiters, so that a signal with
 * nobody waiting costs no wake call). They are exported only to the examples;
 * {@link dev.atomicslocks.locks.Mutex} and {@link dev.atomicslocks.locks.Condvar} are the
 * last mutex and condition variable steps grown into types to import.
 *
 * <p>The reader-writer lock steps share {@link dev.atomicslocks.locks.steps.RwLockStep}:
 * {@link dev.atomicslocks.locks.steps.RwLock1} counts the readers in its state and marks a
 * writer with the largest value; {@link dev.atomicslocks.locks.steps.RwLock2} lets waiting
 * writers sleep on a wake counter of their own, so that readers coming and going no longer
 * wake them; {@link dev.atomicslocks.locks.steps.RwLock3} counts each reader as two and lets a
 * waiting writer make the state odd, which keeps new readers out so that the writer cannot
 * starve. {@link dev.atomicslocks.locks.RwLock} is the third grown into a lock to import.
 */
@NullMarked
package dev.atomicslocks.locks.steps;

import org.jspecify.annotations.NullMarked;
