package dev.atomicslocks.examples;

import org.jspecify.annotations.Nullable;

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

    /**
     * Returns {@code value}, or throws {@link IllegalStateException} with {@code claim} in its
     * message when it is {@code null}.
     */
    public static <T> T present(@Nullable T value, String claim) {
        if (value == null) {
            throw new IllegalStateException("check failed: " + claim);
        }
        return value;
    }

    /**
     * Runs {@code misuse}, which must be refused with an {@link IllegalStateException}, and
     * returns that exception's message.
     *
     * @throws IllegalStateException if {@code misuse} ran without being refused
     */
    public static String refused(String what, Runnable misuse) {
        try {
            misuse.run();
        } catch (IllegalStateException e) {
            return String.valueOf(e.getMessage());
        }
        throw new IllegalStateException("check failed: " + what + " was refused");
    }

    /** Throws {@link IllegalStateException} when {@code actual} is not {@code expected}. */
    public static void equal(long actual, long expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException(
                    "check failed: " + what + " is " + actual + ", expected " + expected);
        }
    }
}
