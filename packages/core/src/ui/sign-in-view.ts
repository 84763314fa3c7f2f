import { isAddingAccount } from '../account-urls';

/**
 * What the sign-in page shows: the account chooser at `<signInUrl>/choose`, and also at the sign-in
 * page itself while the browser has live sessions (someone who is signed in picks an account first),
 * unless they asked to add one. The hosted pages and the React and Vue components all follow this.
 */
export function signInView(page: { url: string | URL | null; sessionCount: number; mode?: 'form' | 'choose' | undefined }): 'form' | 'choose' {
  if (page.mode) return page.mode;
  if (!page.url) return 'form'; // server rendering: the browser decides once it knows its URL
  const url = new URL(page.url, 'http://relative.invalid');
  if (url.pathname.replace(/\/+$/, '').endsWith('/choose')) return 'choose';
  return page.sessionCount > 0 && !isAddingAccount(url) ? 'choose' : 'form';
}
