package org.turnladder.ladder;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A list that one thread appends to while other threads read what was appended before, without a lock: elements
 * sit in fixed chunks that never move (an ArrayList copies its array when it grows, so a reader without the
 * writer's lock may see the new array before its contents), and a volatile count publishes each element after it
 * was written. {@link #prefix(int)} freezes the first n elements as an immutable list that stays valid while the
 * list grows. One appender only; reads from any thread.
 *
 * @param <T> the elements (never null)
 */
public final class GrowingList<T> extends AbstractList<T> implements RandomAccess {
    private static final int SHIFT = 12;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    /** Chunk directory; a full one is replaced by a longer copy, so a reader's directory keeps its chunks. */
    private volatile Object[][] chunks = new Object[4][];
    private volatile int size;

    /** Appends (from the one appending thread); visible to readers once this returns. */
    @Override
    public boolean add(T element) {
        if (element == null) {
            throw new NullPointerException("element");
        }
        int n = size;
        int c = n >>> SHIFT;
        Object[][] dir = chunks;
        if (c == dir.length) {
            dir = Arrays.copyOf(dir, dir.length * 2);
            chunks = dir;
        }
        if (dir[c] == null) {
            dir[c] = new Object[CHUNK];
        }
        dir[c][n & MASK] = element;
        size = n + 1; // publishes the element (and the chunk written above)
        return true;
    }

    @Override
    public T get(int index) {
        int n = size; // read the count before the directory: the directory is at least as new
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException(index + " of " + n);
        }
        return element(chunks, index);
    }

    @Override
    public int size() {
        return size;
    }

    /** The first {@code n} elements as they are now: an immutable list that does not see later appends. */
    public List<T> prefix(int n) {
        int s = size;
        if (n < 0 || n > s) {
            throw new IndexOutOfBoundsException(n + " of " + s);
        }
        return new Prefix<>(chunks, n);
    }

    /** Everything appended so far, frozen (see {@link #prefix(int)}). */
    public List<T> snapshot() {
        return prefix(size);
    }

    @SuppressWarnings("unchecked")
    private static <T> T element(Object[][] dir, int index) {
        return (T) dir[index >>> SHIFT][index & MASK];
    }

    /** A frozen prefix: its directory and count were read after the elements were published. */
    private static final class Prefix<T> extends AbstractList<T> implements RandomAccess {
        private final Object[][] dir;
        private final int n;

        Prefix(Object[][] dir, int n) {
            this.dir = dir;
            this.n = n;
        }

        @Override
        public T get(int index) {
            if (index < 0 || index >= n) {
                throw new IndexOutOfBoundsException(index + " of " + n);
            }
            return element(dir, index);
        }

        @Override
        public int size() {
            return n;
        }
    }
}
