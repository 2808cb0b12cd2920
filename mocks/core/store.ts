// The mock's state: named collections of JSON values keyed by id, in insertion order. Synchronous on purpose: the
// in-memory store and SQLite (better-sqlite3) are both synchronous, and the core stays free of await chains.
// Values are treated as immutable: to change one, put a new value under the same id.
import type { NonceStore } from '../../protocol/index.ts';

export interface Collection<T> {
  get(id: string): T | undefined;
  has(id: string): boolean;
  put(id: string, value: T): void;
  delete(id: string): boolean;
  /** Every value, in the order the ids were first put. */
  values(): T[];
  readonly size: number;
}

export interface Store {
  collection<T>(name: string): Collection<T>;
  /** Release resources (close the database). */
  close(): void;
  /** Where the data lives, for the start-up banner. */
  readonly description: string;
  /**
   * Where the request nonces the mock accepted are remembered, for a store that outlives the process: a restart
   * must not reopen the replay window of the signatures still valid (ECDX-SEC-006). Without it, in memory.
   */
  readonly nonces?: NonceStore;
}

class MemoryCollection<T> implements Collection<T> {
  readonly #items = new Map<string, T>();
  get(id: string) {
    return this.#items.get(id);
  }
  has(id: string) {
    return this.#items.has(id);
  }
  put(id: string, value: T) {
    this.#items.set(id, value);
  }
  delete(id: string) {
    return this.#items.delete(id);
  }
  values() {
    return [...this.#items.values()];
  }
  get size() {
    return this.#items.size;
  }
}

export class MemoryStore implements Store {
  readonly description = 'in memory (lost on restart; use --data FILE to keep it)';
  readonly #collections = new Map<string, MemoryCollection<unknown>>();
  collection<T>(name: string): Collection<T> {
    let collection = this.#collections.get(name);
    if (!collection) {
      collection = new MemoryCollection<unknown>();
      this.#collections.set(name, collection);
    }
    return collection as Collection<T>;
  }
  close() {}
}
