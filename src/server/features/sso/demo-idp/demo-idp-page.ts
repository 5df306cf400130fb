import { DEMO_IDP_PASSWORD, demoIdpAccounts } from './demo-idp-accounts.ts';

/** Text into HTML text or a quoted attribute. */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const style = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f1ec;color:#1d1d1b;line-height:1.5}
main{max-width:34rem;margin:2rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.6rem;margin-top:0}h2{font-size:1.2rem;margin-top:2rem}
.banner{background:#7a1f1f;color:#fff;padding:.5rem 1rem;text-align:center;font-weight:600}
button{font:inherit;font-weight:600;padding:.7rem 1.2rem;border-radius:6px;border:2px solid #0b4f6c;background:#0b4f6c;color:#fff;cursor:pointer;width:100%;text-align:left}
button.secondary{background:#fff;color:#0b4f6c}
button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #c75000;outline-offset:2px}
ul{list-style:none;padding:0}li{margin:.75rem 0}
label{display:block;font-weight:600;margin-top:1rem}
input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid #5c5c5c;border-radius:4px}
.hint{color:#4a4a4a;font-size:.95rem}
.error{border:2px solid #b00020;padding:.75rem 1rem;border-radius:6px;margin-bottom:1rem}
.error h2{margin:0;font-size:1.1rem;color:#b00020}
code{background:#eee;padding:0 .25rem;border-radius:3px}`;

/**
 * The demo provider's own login page: plain HTML without scripts (the server's CSP allows none
 * inline), Swedish, labelled fields and an error summary that takes focus by being first.
 */
export function demoIdpLoginPage(opts: {
  uid: string;
  clientName: string;
  error?: boolean;
  username?: string;
}) {
  const action = `/demo-idp/interaction/${encodeURIComponent(opts.uid)}/login`;
  const buttons = demoIdpAccounts
    .map(
      (a) => `<li><form method="post" action="${action}">
  <input type="hidden" name="account" value="${escapeHtml(a.username)}">
  <button type="submit">Logga in som ${escapeHtml(String(a.claims.name))}, ${escapeHtml(a.title)}</button>
</form></li>`,
    )
    .join('\n');
  const error = opts.error
    ? `<div class="error" role="alert" id="fel"><h2>Inloggningen misslyckades</h2>
<p>Användarnamnet eller lösenordet stämmer inte. Kontrollera och försök igen.</p></div>`
    : '';
  return `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${opts.error ? 'Fel – ' : ''}Logga in – Borlänge kommun (demo)</title><style>${style}</style></head>
<body>
<div class="banner">Demo: påhittad inloggningstjänst för Borlänge kommun. Inga riktiga personer.</div>
<main>
${error}
<h1>Logga in hos Borlänge kommun</h1>
<p>${escapeHtml(opts.clientName)} vill att du loggar in med ditt konto hos Borlänge kommun.</p>
<h2>Snabbval för demon</h2>
<ul>
${buttons}
</ul>
<h2>Eller med användarnamn och lösenord</h2>
<form method="post" action="${action}">
  <label for="username">Användarnamn eller e-postadress</label>
  <input id="username" name="username" autocomplete="username" required value="${escapeHtml(opts.username ?? '')}"${opts.error ? ' aria-describedby="fel"' : ''}>
  <label for="password">Lösenord</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <p class="hint">Demokonton: <code>amira.haddad</code> och <code>johan.ekstrom</code>, lösenord <code>${escapeHtml(DEMO_IDP_PASSWORD)}</code>.</p>
  <button type="submit" class="secondary">Logga in</button>
</form>
<p><a href="/demo-idp/interaction/${encodeURIComponent(opts.uid)}/abort">Avbryt och gå tillbaka till Välfärdsnavet</a></p>
</main>
</body>
</html>`;
}

export function demoIdpMessagePage(title: string, text: string) {
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} – Borlänge kommun (demo)</title><style>${style}</style></head>
<body><div class="banner">Demo: påhittad inloggningstjänst för Borlänge kommun.</div>
<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="/logga-in">Till Välfärdsnavets inloggning</a></p></main></body></html>`;
}
