/**
 * Chapter 6 of the book, building our own "Arc": the book's test on each step of
 * {@code dev.atomicslocks.arc.steps}, and the public {@code Arc} and {@code Weak} with what
 * they check and what they add. The chapter's code has no programs of its own, so the ids
 * continue from ch6-01.
 */
@NullMarked
package dev.atomicslocks.examples.ch6;

import org.jspecify.annotations.NullMarked;
