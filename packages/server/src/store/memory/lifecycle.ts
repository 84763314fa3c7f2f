import type { MemoryState } from './state';

/** Nothing to migrate, reach or close: the tables live as long as the process. */
export async function migrate(_db: MemoryState): Promise<void> {}
export async function ping(_db: MemoryState): Promise<void> {}
export async function close(_db: MemoryState): Promise<void> {}
