/**
 * Channels that hand messages from one thread to another, chapter 5 of the book, blocking
 * through {@link dev.atomicslocks.oswait.AtomicWait}.
 */
@NullMarked
package dev.atomicslocks.channels;

import org.jspecify.annotations.NullMarked;
