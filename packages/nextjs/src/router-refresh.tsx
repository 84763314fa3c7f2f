import { useEffect } from 'react';
import { useRouter } from 'next/navigation.js';
import { useOrbital } from '@orbital/react';

/** Another tab signed in, out or switched: server components render again (`router.refresh()`). */
export function RouterRefresh(): null {
  const orbital = useOrbital();
  const router = useRouter();
  useEffect(() => orbital.onChangedElsewhere(() => router.refresh()), [orbital, router]);
  return null;
}
