import { onMounted, ref, type Ref } from 'vue';

/**
 * False during server rendering and hydration, true once mounted. Controls stay disabled until then:
 * a click before hydration would do nothing, and a form submit would be a native GET that drops
 * what the user typed.
 */
export function useHydrated(): Ref<boolean> {
  const hydrated = ref(false);
  onMounted(() => (hydrated.value = true));
  return hydrated;
}
