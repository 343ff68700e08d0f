/**
 * Chapter 1 of the book, basics of concurrency: the book's programs ch1-01 to ch1-12, and
 * ch1-13 to ch1-16 for programs its text shows without a file of their own.
 *
 * <p>Spawning and joining threads, scoped threads, shared ownership, interior mutability,
 * mutexes, thread parking and condition variables, each with Java's counterpart: platform
 * {@link java.lang.Thread}s, {@link java.util.concurrent.locks.ReentrantLock},
 * {@link java.util.concurrent.locks.Condition} and
 * {@link java.util.concurrent.locks.LockSupport}. Much of the chapter is about what Rust's
 * compiler refuses (a borrow that may outlive its owner, a mutable reference shared between
 * threads); javac accepts the Java forms of all of these, and each program says what is then
 * left to the programmer.
 */
@NullMarked
package dev.atomicslocks.examples.ch1;

import org.jspecify.annotations.NullMarked;
