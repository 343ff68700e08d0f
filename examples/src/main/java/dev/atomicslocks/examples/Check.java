package dev.atomicslocks.examples;

/**
 * What the book's {@code assert!} and {@code assert_eq!} do: stop the program with an
 * exception when a claim does not hold. Java's own {@code assert} statement is off unless the
 * JVM runs with {@code -ea}, so the programs do not use it.
 */
public final class Check {

    private Check() {
    }

    /**
     * Throws {@link IllegalStateException} with {@code claim} in its message when
     * {@code holds} is false.
     */
    public static void that(boolean holds, String claim) {
        if (!holds) {
            throw new IllegalStateException("check failed: " + claim);
        }
    }

    /** Throws {@link IllegalStateException} when {@code actual} is not {@code expected}. */
    public static void equal(long actual, long expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException(
                    "check failed: " + what + " is " + actual + ", expected " + expected);
        }
    }
}
