/**
 * The prebuilt components' stylesheet, shared by React and Vue. Themeable through CSS custom
 * properties (`--orbital-accent`, `--orbital-radius`, …) on any ancestor.
 */
export const orbitalStyles = `
.orb-card{--a:var(--orbital-accent,#3548d4);--at:var(--orbital-accent-text,#fff);--l:var(--orbital-line,#d9dce3);--m:var(--orbital-muted,#5b6170);--r:var(--orbital-radius,10px);--d:var(--orbital-danger,#b42318);font-family:var(--orbital-font,system-ui,sans-serif);max-width:24rem;border:1px solid var(--l);border-radius:calc(var(--r) + 2px);padding:1.75rem;background:var(--orbital-background,#fff);color:var(--orbital-text,#16181d)}
.orb-card h2{margin:0 0 .25rem;font-size:1.3rem}.orb-sub{margin:0 0 1.25rem;color:var(--m)}
.orb-field{display:block;margin:.9rem 0 .3rem;font-weight:600;font-size:.9rem}
.orb-input{width:100%;box-sizing:border-box;padding:.55rem .7rem;border:1px solid var(--l);border-radius:var(--r);font:inherit;background:transparent;color:inherit}
.orb-input:focus-visible,.orb-btn:focus-visible,.orb-menu button:focus-visible{outline:3px solid var(--a);outline-offset:2px}
.orb-btn{font:inherit;cursor:pointer;border-radius:var(--r);padding:.55rem 1rem;border:1px solid var(--l);background:transparent;color:inherit}
.orb-primary{width:100%;margin-top:1.25rem;background:var(--a);border-color:var(--a);color:var(--at);font-weight:600}
.orb-btn[disabled]{opacity:.6;cursor:progress}
.orb-error{color:var(--d);border:1px solid var(--d);border-radius:var(--r);padding:.5rem .75rem;margin:.75rem 0}
.orb-foot{margin:1rem 0 0;color:var(--m);font-size:.9rem}.orb-foot a{color:var(--a)}
.orb-row{display:flex;gap:.75rem}.orb-row>*{flex:1}
.orb-card fieldset{border:0;margin:0;padding:0;min-width:0}
.orb-avatar{width:2rem;height:2rem;border-radius:50%;background:var(--orbital-accent,#3548d4);color:var(--orbital-accent-text,#fff);display:inline-grid;place-items:center;font-weight:700;font-size:.85rem;flex:none}
.orb-userbutton{position:relative;display:inline-block;font-family:var(--orbital-font,system-ui,sans-serif)}
.orb-trigger{border:0;background:none;padding:0;cursor:pointer;border-radius:50%}
.orb-menu{position:absolute;right:0;top:calc(100% + .5rem);min-width:16rem;background:var(--orbital-background,#fff);color:var(--orbital-text,#16181d);border:1px solid var(--orbital-line,#d9dce3);border-radius:10px;box-shadow:0 8px 24px #0002;padding:.4rem;z-index:50}
.orb-menu [role=menuitem]{display:flex;gap:.6rem;align-items:center;width:100%;text-align:left;border:0;background:none;padding:.55rem .6rem;border-radius:8px;font:inherit;color:inherit;cursor:pointer}
.orb-menu [role=menuitem]:hover,.orb-menu [role=menuitem]:focus{background:#8881}
.orb-menu hr{border:0;border-top:1px solid var(--orbital-line,#d9dce3);margin:.3rem 0}
.orb-who{padding:.55rem .6rem;display:flex;gap:.6rem;align-items:center}.orb-who small{display:block;color:var(--orbital-muted,#5b6170)}
`;
