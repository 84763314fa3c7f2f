import { useState } from 'react';

/** Calls a server route that reads getAuth(): the session cookie the client keeps fresh is all it needs. */
export function TokenProbe() {
  const [result, setResult] = useState<string>('');
  return (
    <p>
      <button type="button" onClick={async () => setResult(await (await fetch('/api/me')).text())}>
        Call /api/me
      </button>{' '}
      <output data-testid="api-me">{result}</output>
    </p>
  );
}
