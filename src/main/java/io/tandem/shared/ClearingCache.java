package io.tandem.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded cache for values that never go stale because they are derived from their key alone (a document parsed
 * from its text, a column's content parsed from its JSON). When full it is emptied and starts again: a lock-free map
 * with no eviction order to keep up on every hit, and a flood of one-off keys cannot crowd the regular ones out for
 * good.
 */
public final class ClearingCache<K, V> {

    private final int capacity;
    private final Map<K, V> entries = new ConcurrentHashMap<>();

    /** A capacity of 0 or less keeps nothing. */
    public ClearingCache(int capacity) {
        this.capacity = capacity;
    }

    /** The value kept for this key, or null. */
    public V get(K key) {
        return entries.get(key);
    }

    public void put(K key, V value) {
        if (capacity <= 0) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, value);
    }
}
