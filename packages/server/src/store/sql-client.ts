/** The little a SQL store needs from a driver; PGlite and node-postgres both fit behind it. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface SqlClient extends SqlExecutor {
  /** Runs `fn` in a transaction; `unbounded` lifts the query deadlines (migrations may wait for a lock). */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options?: { unbounded?: boolean }): Promise<T>;
  close(): Promise<void>;
}
