import org.jspecify.annotations.NullMarked;

/**
 * The channels of chapter 5 of the book, blocking through {@code dev.atomicslocks.oswait}: a
 * one-shot channel and a multi-producer multi-consumer channel, and the book's steps towards
 * them, which only the examples module may use.
 */
@NullMarked
@SuppressWarnings("module") // the examples module is built after this one
module dev.atomicslocks.channels {
    requires transitive dev.atomicslocks.oswait;
    requires static transitive org.jspecify;

    exports dev.atomicslocks.channels;
    exports dev.atomicslocks.channels.steps to dev.atomicslocks.examples;
}
