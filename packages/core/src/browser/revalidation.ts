/**
 * Calls `revalidate` when the page may have missed news: the window regains focus, the network
 * returns, or the tab becomes visible again. Returns the function that stops listening.
 */
export function onPageResumed(revalidate: () => void): () => void {
  const onVisible = () => document.visibilityState === 'visible' && revalidate();
  window.addEventListener('focus', revalidate);
  window.addEventListener('online', revalidate);
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    window.removeEventListener('focus', revalidate);
    window.removeEventListener('online', revalidate);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
