import { nextTick, onBeforeUnmount, ref, shallowRef, useId, watch } from 'vue';
import { MENU_DISMISS_EVENTS, dismissesMenu, placeMenu, type MenuStyle } from '@orbital/core/ui';

/**
 * A menu button's state: open/closed, closed again by Escape or a click outside, focus on the first
 * item, and a position that keeps the menu on screen.
 */
export function useMenu() {
  const open = ref(false);
  const root = ref<HTMLElement | null>(null);
  const menuId = useId();
  const menuStyle = shallowRef<MenuStyle>();
  const close = (event: Event) => {
    if (dismissesMenu(event, root.value)) open.value = false;
  };
  const listen = (on: boolean) => {
    for (const name of MENU_DISMISS_EVENTS) document[on ? 'addEventListener' : 'removeEventListener'](name, close);
  };
  watch(open, async (isOpen) => {
    listen(isOpen);
    menuStyle.value = undefined;
    if (!isOpen) return;
    await nextTick();
    menuStyle.value = placeMenu(root.value);
    root.value?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  });
  onBeforeUnmount(() => open.value && listen(false));
  return { open, root, menuId, menuStyle };
}
