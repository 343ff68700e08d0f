/**
 * Chapter 5 of the book, building our own channels: the book's test ("hello world!" from one
 * thread to another) on each step of {@code dev.atomicslocks.channels.steps}, and the public
 * one-shot and multi-producer multi-consumer channels. The chapter's code has no programs of
 * its own, so the ids continue from ch5-01.
 */
@NullMarked
package dev.atomicslocks.examples.ch5;

import org.jspecify.annotations.NullMarked;
