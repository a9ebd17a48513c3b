/** The part of a Map or WeakMap that `cachedIn` uses. */
export interface Cache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** `cache`'s value for `key`, made by `create` (and kept) the first time it is asked for. */
export function cachedIn<K, V>(cache: Cache<K, V>, key: K, create: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = create();
    cache.set(key, value);
  }
  return value;
}
