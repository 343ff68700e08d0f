package dev.atomicslocks.arc;

/**
 * Thrown by the {@link Arc#close()} that dropped a value whose own
 * {@link AutoCloseable#close()} threw a checked exception, which is this exception's cause.
 * The value counts as dropped all the same: weak handles no longer upgrade, and waiters for
 * the drop return.
 */
public final class DropFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Names the type of the value whose close failed, with the exception it threw. */
    public DropFailedException(Object value, Exception cause) {
        super("dropping a " + value.getClass().getName() + " failed: its close() threw", cause);
    }
}
