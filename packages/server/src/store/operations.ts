/* eslint-disable @typescript-eslint/no-explicit-any -- the arguments are whatever each operation declares */

/** A store operation: a named function of the backing state (a database, the memory maps) and its arguments. */
type Operation<D> = (db: D, ...args: any[]) => unknown;

/** A module of operations with the backing state bound: `findUserById(db, id)` becomes `findUserById(id)`. */
export type BoundOperations<M> = {
  [K in keyof M]: M[K] extends (db: any, ...args: infer A) => infer R ? (...args: A) => R : never;
};

/** Binds every operation of a module (`import * as users from './sql/users'`) to one database. */
export function bindOperations<D, M extends Record<string, Operation<D>>>(db: D, operations: M): BoundOperations<M> {
  return Object.fromEntries(
    Object.entries(operations).map(([name, operation]) => [name, (...args: unknown[]) => operation(db, ...args)]),
  ) as BoundOperations<M>;
}
