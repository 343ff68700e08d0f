/**
 * Chapter 4 of the book, building a spin lock: one program per step of
 * {@code dev.atomicslocks.spinlock.steps}, and the book's test (two threads push to one list)
 * on the step that introduces the guard and on the public {@code SpinLock}. The book's
 * chapter has no programs of its own, so the ids continue from ch4-01.
 */
@NullMarked
package dev.atomicslocks.examples.ch4;

import org.jspecify.annotations.NullMarked;
