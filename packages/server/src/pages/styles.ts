/** The hosted pages' only stylesheet: small, system fonts, no external requests. */
export const STYLES = `
:root{color-scheme:light dark;--bg:#f5f6f8;--card:#fff;--text:#16181d;--muted:#5b6170;--line:#d9dce3;--accent:#3548d4;--accent-text:#fff;--danger:#b42318;--ok:#067647;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
@media (prefers-color-scheme:dark){:root{--bg:#111318;--card:#1b1e25;--text:#eef0f4;--muted:#a3a9b7;--line:#323744;--accent:#7b8cff;--accent-text:#0d0f14;--danger:#ff8a80;--ok:#6ce9a6}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--text);line-height:1.5}
main{max-width:26rem;margin:8vh auto;padding:0 1rem}main.wide{max-width:40rem}.row>div{flex:1}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:2rem;box-shadow:0 1px 3px #0000000f}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.05rem;margin:1.75rem 0 .5rem}p.lead{color:var(--muted);margin:0 0 1.5rem}
label{display:block;font-weight:600;font-size:.9rem;margin:1rem 0 .3rem}
input[type=email],input[type=password],input[type=text]{width:100%;padding:.6rem .7rem;border:1px solid var(--line);border-radius:8px;background:transparent;color:inherit;font:inherit}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
button{font:inherit;cursor:pointer;border-radius:8px;padding:.6rem 1rem;border:1px solid var(--line);background:transparent;color:inherit}
button.primary{width:100%;margin-top:1.5rem;background:var(--accent);border-color:var(--accent);color:var(--accent-text);font-weight:600}
button.link{border:0;padding:0;color:var(--accent);text-decoration:underline;background:none}
button.danger{color:var(--danger)}
a{color:var(--accent)}.muted{color:var(--muted);font-size:.9rem}.row{display:flex;gap:.75rem;align-items:center;justify-content:space-between}
.alert{border-radius:8px;padding:.6rem .8rem;margin:1rem 0;border:1px solid var(--danger);color:var(--danger)}
.notice{border-radius:8px;padding:.6rem .8rem;margin:1rem 0;border:1px solid var(--ok);color:var(--ok)}
ul.accounts{list-style:none;margin:1rem 0;padding:0}ul.accounts li{border:1px solid var(--line);border-radius:8px;margin:.5rem 0}
ul.accounts button{width:100%;text-align:left;border:0;padding:.75rem 1rem;display:flex;gap:.75rem;align-items:center}
.avatar{width:2rem;height:2rem;border-radius:50%;background:var(--accent);color:var(--accent-text);display:inline-grid;place-items:center;font-weight:700;flex:none}
table{width:100%;border-collapse:collapse;font-size:.9rem}td,th{text-align:left;padding:.4rem;border-bottom:1px solid var(--line)}
footer{text-align:center;margin-top:1rem}
`;
