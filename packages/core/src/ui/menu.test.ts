// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { dismissesMenu } from './menu';

function pointerOn(id: string): Event {
  const event = new Event('pointerdown', { bubbles: true });
  document.getElementById(id)!.dispatchEvent(event);
  return event;
}

describe('an open menu', () => {
  it('closes on Escape and on a pointer down outside it, not on other keys or inside it', () => {
    document.body.innerHTML = '<div id="menu"><button id="item">Item</button></div><p id="outside">Elsewhere</p>';
    const root = document.getElementById('menu');
    expect(dismissesMenu(new KeyboardEvent('keydown', { key: 'Escape' }), root)).toBe(true);
    expect(dismissesMenu(new KeyboardEvent('keydown', { key: 'ArrowDown' }), root)).toBe(false);
    expect(dismissesMenu(pointerOn('outside'), root)).toBe(true);
    expect(dismissesMenu(pointerOn('item'), root)).toBe(false);
  });
});
