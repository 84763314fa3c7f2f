import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { MENU_DISMISS_EVENTS, dismissesMenu, placeMenu, type MenuStyle } from '@orbital/core/ui';

/**
 * A menu button's state: open/closed, closed again by Escape or a click outside, focus on the first
 * item, and a position that keeps the menu on screen (measured before it is painted).
 */
export function useMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const [menuStyle, setMenuStyle] = useState<MenuStyle>();
  useLayoutEffect(() => setMenuStyle(open ? placeMenu(root.current) : undefined), [open]);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => dismissesMenu(event, root.current) && setOpen(false);
    for (const name of MENU_DISMISS_EVENTS) document.addEventListener(name, close);
    root.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    return () => {
      for (const name of MENU_DISMISS_EVENTS) document.removeEventListener(name, close);
    };
  }, [open]);
  return { open, setOpen, root, menuId, menuStyle };
}
