import { isAddingAccount } from '../account-urls';

/**
 * What the sign-in page shows: the account chooser at `<signInUrl>/choose`, and also at the sign-in
 * page itself while the browser has live sessions (someone who is signed in picks an account first),
 * unless they asked to add one; with nobody to choose (signed out of everything, here or in another
 * tab), the form. `sessionCount` is null while unknown. The hosted pages and the React and Vue
 * components all follow this.
 */
export function signInView(page: {
  url: string | URL | null;
  sessionCount: number | null;
  mode?: 'form' | 'choose' | undefined;
}): 'form' | 'choose' {
  const view = page.mode ?? viewAt(page.url, page.sessionCount ?? 0);
  return view === 'choose' && page.sessionCount === 0 ? 'form' : view;
}

function viewAt(pageUrl: string | URL | null, sessionCount: number): 'form' | 'choose' {
  if (!pageUrl) return 'form'; // server rendering: the browser decides once it knows its URL
  const url = new URL(pageUrl, 'http://relative.invalid');
  if (url.pathname.replace(/\/+$/, '').endsWith('/choose')) return 'choose';
  return sessionCount > 0 && !isAddingAccount(url) ? 'choose' : 'form';
}
