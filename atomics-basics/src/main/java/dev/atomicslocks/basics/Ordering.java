package dev.atomicslocks.basics;

/**
 * The memory orderings of Rust's {@code std::sync::atomic::Ordering}, which every operation in
 * this package takes as an argument.
 *
 * <p>The package documentation holds the table that maps each ordering to a
 * {@code VarHandle} access mode, and lists the orderings each kind of operation rejects.
 */
public enum Ordering {
    /** Atomicity and one modification order per variable; no ordering with other variables. */
    RELAXED,
    /** For stores: everything before the store is visible to an acquire load that sees it. */
    RELEASE,
    /** For loads: everything after the load sees what preceded the release store it read. */
    ACQUIRE,
    /** For read-modify-writes: both {@link #ACQUIRE} and {@link #RELEASE}. */
    ACQ_REL,
    /** {@link #ACQ_REL}, plus one total order of all sequentially consistent operations. */
    SEQ_CST
}
