import { nextTick, onBeforeUnmount, ref, useId, watch } from 'vue';

/** A menu button's state: open/closed, closed again by Escape or a click outside, focus on the first item. */
export function useMenu() {
  const open = ref(false);
  const root = ref<HTMLElement | null>(null);
  const menuId = useId();
  const close = (event: Event) => {
    if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.value?.contains(event.target as Node)) open.value = false;
  };
  const listen = (on: boolean) => {
    const method = on ? 'addEventListener' : 'removeEventListener';
    document[method]('keydown', close);
    document[method]('pointerdown', close);
  };
  watch(open, async (isOpen) => {
    listen(isOpen);
    if (!isOpen) return;
    await nextTick();
    root.value?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  });
  onBeforeUnmount(() => open.value && listen(false));
  return { open, root, menuId };
}
