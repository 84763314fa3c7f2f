import { useCallback, useState } from 'react';
import { isOrbitalError, type OrbitalError } from '@orbital/core/browser';

/** Runs an async client action with a loading flag; Orbital errors land in `error`, others throw. */
export function useAction<Args extends unknown[], Result>(action: (...args: Args) => Promise<Result>) {
  const [isLoading, setLoading] = useState(false);
  const [error, setError] = useState<OrbitalError | null>(null);
  const run = useCallback(
    async (...args: Args): Promise<Result | null> => {
      setLoading(true);
      setError(null);
      try {
        return await action(...args);
      } catch (caught) {
        if (!isOrbitalError(caught)) throw caught;
        setError(caught);
        return null;
      } finally {
        setLoading(false);
      }
    },
    [action],
  );
  return { run, isLoading, error };
}
