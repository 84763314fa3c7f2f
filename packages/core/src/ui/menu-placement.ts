export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Inline style for an absolutely positioned menu, relative to the box of its button's wrapper. */
export type MenuStyle = Record<'left' | 'right' | 'top' | 'bottom', string>;

const GAP = 8;

/**
 * Where an open menu goes so that it stays on screen wherever its button sits: under the button,
 * its right edge on the button's (the usual place, top-right of a page); its left edge on the
 * button's when that would leave the screen on the left; pinned to the margin when neither fits;
 * above the button when there is no room below and there is above.
 */
export function menuPlacement(
  button: Box,
  menu: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = GAP,
): MenuStyle {
  const style: MenuStyle = { left: 'auto', right: 'auto', top: 'auto', bottom: 'auto' };
  if (button.right - menu.width >= margin) style.right = '0px';
  else if (button.left + menu.width <= viewport.width - margin) style.left = '0px';
  else style.left = `${margin - button.left}px`;
  const roomBelow = viewport.height - button.bottom - GAP - margin;
  const roomAbove = button.top - GAP - margin;
  if (menu.height > roomBelow && menu.height <= roomAbove) style.bottom = `calc(100% + ${GAP}px)`;
  else style.top = `calc(100% + ${GAP}px)`;
  return style;
}

/** {@link menuPlacement} for an open menu (`[role=menu]`) inside `root`, measured in this window. */
export function placeMenu(root: HTMLElement | null | undefined): MenuStyle | undefined {
  const menu = root?.querySelector<HTMLElement>('[role=menu]');
  if (!root || !menu) return undefined;
  return menuPlacement(
    root.getBoundingClientRect(),
    { width: menu.offsetWidth, height: menu.offsetHeight },
    { width: window.innerWidth, height: window.innerHeight },
  );
}
