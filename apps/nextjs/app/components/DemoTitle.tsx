import { connection } from 'next/server';
import { nextOptions } from '@orbital/nextjs/server';

/** The demo's name, and its role: read at run time, so that one build serves as primary and satellite. */
export async function DemoTitle() {
  await connection();
  return <strong>Orbital demo{nextOptions().isSatellite ? ' (satellite)' : ''}</strong>;
}
