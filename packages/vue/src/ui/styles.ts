import { h } from 'vue';
import { orbitalStyles } from '@orbital/core/ui';

/**
 * The shared stylesheet (the React components use the same one); repeated copies are harmless.
 * Set as innerHTML: a text child would be HTML-escaped during SSR, breaking `>` selectors.
 */
export const styles = () => h('style', { 'data-orbital': '', innerHTML: orbitalStyles });
