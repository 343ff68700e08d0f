package dev.atomicslocks.examples;

import java.io.Serial;

/**
 * Thrown when a program is given arguments it cannot use. The launcher prints the message and
 * the program's usage, and exits with status 2.
 */
public final class UsageException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** An exception that says what is wrong with the arguments. */
    public UsageException(String message) {
        super(message);
    }
}
