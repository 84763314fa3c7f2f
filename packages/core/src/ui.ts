/** @orbital/core/ui — what the React and Vue prebuilt components share: one stylesheet, one set of labels, menu behaviour. */
export { labels, displayName, initials, type Labels } from './ui/labels';
export { orbitalStyles } from './ui/styles';
export { MENU_DISMISS_EVENTS, dismissesMenu } from './ui/menu';
export { signInView } from './ui/sign-in-view';
export { menuPlacement, placeMenu, type MenuStyle } from './ui/menu-placement';
