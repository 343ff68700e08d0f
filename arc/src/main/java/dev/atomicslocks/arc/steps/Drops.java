package dev.atomicslocks.arc.steps;

import dev.atomicslocks.arc.DropFailedException;

/** The drop of a value in the steps: its {@code close()} if it is {@code AutoCloseable}. */
final class Drops {

    private Drops() {
    }

    /**
     * Drops {@code value}, as Rust drops a value whose last owner goes away: for an
     * {@code AutoCloseable} that is its {@code close()}; for anything else there is nothing to
     * do, since the garbage collector reclaims it.
     */
    static void drop(Object value) {
        if (value instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DropFailedException(value, e);
            } catch (Exception e) {
                throw new DropFailedException(value, e);
            }
        }
    }
}
