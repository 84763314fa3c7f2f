/**
 * An observable value: what React's `useSyncExternalStore` and Vue's `shallowRef` read. Setting a
 * value and telling listeners are separate, so a caller can finish its work (a token in its cookie)
 * before anyone re-renders.
 */
export interface Store<T> {
  get(): T;
  set(value: T): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void;
  notify(): void;
  /** Forgets every listener (tests, hot reload). */
  clear(): void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next) => {
      value = next;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify: () => {
      for (const listener of listeners) listener();
    },
    clear: () => listeners.clear(),
  };
}
