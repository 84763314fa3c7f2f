/**
 * Whether an event closes an open menu (the menu button pattern): Escape anywhere, or a pointer
 * down outside the menu's root. Both frameworks' menus listen on the document while open.
 */
export function dismissesMenu(event: Event, root: Element | null | undefined): boolean {
  if (event instanceof KeyboardEvent) return event.key === 'Escape';
  return !root?.contains(event.target as Node);
}

/** The document events an open menu listens to with {@link dismissesMenu}. */
export const MENU_DISMISS_EVENTS = ['keydown', 'pointerdown'] as const;
