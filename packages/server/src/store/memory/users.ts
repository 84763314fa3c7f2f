import { ApiError } from '@orbital/core';
import { identifierTaken, type NewUser, type UserPatch, type UserRecord } from '../types';
import { copy, type MemoryState } from './state';

export async function createUser(db: MemoryState, input: NewUser): Promise<UserRecord> {
  const email = input.email.toLowerCase();
  if ([...db.users.values()].some((u) => u.email === email)) throw identifierTaken();
  const user: UserRecord = {
    id: input.id,
    email,
    emailVerified: input.emailVerified ?? false,
    passwordHash: input.passwordHash,
    firstName: input.firstName,
    lastName: input.lastName,
    publicMetadata: {},
    createdAt: input.now,
    updatedAt: input.now,
  };
  db.users.set(user.id, user);
  return structuredClone(user);
}

export async function findUserByEmail(db: MemoryState, email: string): Promise<UserRecord | null> {
  return copy([...db.users.values()].find((u) => u.email === email.toLowerCase()));
}

export async function findUserById(db: MemoryState, id: string): Promise<UserRecord | null> {
  return copy(db.users.get(id));
}

export async function updateUser(db: MemoryState, id: string, patch: UserPatch, now: number): Promise<UserRecord> {
  const user = db.users.get(id);
  if (!user) throw new ApiError(404, 'not_found', 'User not found.');
  const email = patch.email?.toLowerCase();
  if (email && [...db.users.values()].some((u) => u.email === email && u.id !== id)) throw identifierTaken();
  if (email) patch = { ...patch, email };
  Object.assign(user, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), {
    updatedAt: now,
  });
  return structuredClone(user);
}
