import org.jspecify.annotations.NullMarked;

/**
 * Reference counting, chapter 6 of the book, with waiting through
 * {@code dev.atomicslocks.oswait}: {@code Arc} and {@code Weak}, and the book's steps towards
 * them, which only the examples module may use.
 */
@NullMarked
@SuppressWarnings("module") // the examples module is built after this one
module dev.atomicslocks.arc {
    requires transitive dev.atomicslocks.oswait;
    requires static transitive org.jspecify;

    exports dev.atomicslocks.arc;
    exports dev.atomicslocks.arc.steps to dev.atomicslocks.examples;
}
