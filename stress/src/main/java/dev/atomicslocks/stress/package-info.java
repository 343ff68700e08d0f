/** jcstress tests. */
@NullMarked
package dev.atomicslocks.stress;

import org.jspecify.annotations.NullMarked;
