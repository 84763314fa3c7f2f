import { describe, expect, it } from 'vitest';
import { menuPlacement } from './menu-placement';

const viewport = { width: 1280, height: 800 };
const menu = { width: 256, height: 300 };
const button = (left: number, top: number) => ({ left, top, right: left + 36, bottom: top + 36 });

describe('where an open menu goes', () => {
  it('under a button at the top right, right-aligned with it', () => {
    expect(menuPlacement(button(1220, 12), menu, viewport)).toMatchObject({
      right: '0px',
      left: 'auto',
      top: 'calc(100% + 8px)',
      bottom: 'auto',
    });
  });

  it('left-aligned under a button at the left edge, instead of off-screen', () => {
    expect(menuPlacement(button(12, 12), menu, viewport)).toMatchObject({
      left: '0px',
      right: 'auto',
      top: 'calc(100% + 8px)',
    });
  });

  it('pinned to the margin on a screen narrower than the menu would need either way', () => {
    expect(menuPlacement(button(150, 12), menu, { width: 320, height: 640 })).toMatchObject({
      left: '-142px',
      right: 'auto',
    });
  });

  it('above a button at the bottom of the screen, when there is room there', () => {
    expect(menuPlacement(button(1220, 740), menu, viewport)).toMatchObject({
      right: '0px',
      bottom: 'calc(100% + 8px)',
      top: 'auto',
    });
  });
});
