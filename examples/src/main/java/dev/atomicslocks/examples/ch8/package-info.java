/**
 * Chapter 8 of the book, operating system primitives: the Linux futex system call, reached
 * through {@code dev.atomicslocks.oswait.FutexWord} and {@code java.lang.foreign}, between two
 * threads (ch8-01, the book's program) and between two processes sharing a mapped file
 * (ch8-02). Both need Linux; elsewhere they stop with an exception that names the system.
 */
@NullMarked
package dev.atomicslocks.examples.ch8;

import org.jspecify.annotations.NullMarked;
