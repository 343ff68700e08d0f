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
 * last steps grown into types to import.
 */
@NullMarked
package dev.atomicslocks.locks.steps;

import org.jspecify.annotations.NullMarked;
