import { orbitalStyles } from '@orbital/core/ui';

/** The shared stylesheet; React 19 hoists and de-duplicates it however many components render it. */
export function Styles() {
  return (
    <style href="orbital-components" precedence="default">
      {orbitalStyles}
    </style>
  );
}
