/**
 * Chapter 9 of the book, building our own locks: the book's timing programs for its mutex
 * steps, and the tests of its condition variable and reader-writer lock, run on the steps of
 * {@code dev.atomicslocks.locks.steps} and on the public types of
 * {@code dev.atomicslocks.locks}. The chapter's code has no programs of its own, so the ids
 * continue from ch9-01.
 */
@NullMarked
package dev.atomicslocks.examples.ch9;

import org.jspecify.annotations.NullMarked;
