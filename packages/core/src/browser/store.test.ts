import { expect, it } from 'vitest';
import { createStore } from './store';

it('holds a value and tells listeners only when asked, until they unsubscribe', () => {
  const store = createStore(1);
  const heard: number[] = [];
  const stop = store.subscribe(() => heard.push(store.get()));
  store.set(2);
  expect(heard).toEqual([]); // a caller finishes its work before anyone re-renders
  store.notify();
  stop();
  store.set(3);
  store.notify();
  expect(heard).toEqual([2]);
});
