// The identity provider's pages: our own, in French, accessible, with no remote asset (the
// library's defaults load a web font from a third-party host).

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `
  body{font-family:system-ui,sans-serif;background:#f5f5fe;color:#161616;margin:0;padding:2rem 1rem}
  main{max-width:24rem;margin:0 auto;background:#fff;padding:1.5rem 2rem;border-radius:.5rem;box-shadow:0 1px 4px #0003}
  h1{font-size:1.4rem;margin-top:0}
  label{display:block;font-weight:600;margin:1rem 0 .25rem}
  input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #666;border-radius:.25rem}
  input:focus,button:focus{outline:3px solid #0a76f6;outline-offset:2px}
  button{margin-top:1.5rem;width:100%;padding:.6rem;font-size:1rem;font-weight:600;background:#000091;color:#fff;border:0;border-radius:.25rem;cursor:pointer}
  .error{color:#ce0500;font-weight:600}
`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export function loginPage(options: { action: string; email?: string; error?: string }): string {
  const error = options.error
    ? `<p class="error" role="alert" id="login-error">${escapeHtml(options.error)}</p>`
    : '';
  const describedBy = options.error ? ' aria-describedby="login-error" aria-invalid="true"' : '';
  return page(
    'Connexion - Visio',
    `<h1>Connexion à Visio</h1>
${error}
<form method="post" action="${escapeHtml(options.action)}" novalidate>
  <label for="email">Adresse électronique</label>
  <input id="email" name="email" type="email" autocomplete="username" required autofocus value="${escapeHtml(options.email ?? '')}"${describedBy}>
  <label for="password">Mot de passe</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}>
  <button type="submit">Se connecter</button>
</form>`,
  );
}

/**
 * The sign-out confirmation. The form comes from the provider (it carries an anti-forgery
 * token); it submits itself so the user sees a single step, and the button stays for a page
 * loaded without script.
 */
export function logoutPage(providerForm: string): string {
  return page(
    'Déconnexion - Visio',
    `<h1>Déconnexion</h1>
${providerForm}
<button type="submit" form="op.logoutForm" name="logout" value="yes" id="logout-confirm">Se déconnecter</button>
<script>
  (function () {
    var form = document.getElementById('op.logoutForm');
    var input = document.createElement('input');
    input.type = 'hidden'; input.name = 'logout'; input.value = 'yes';
    form.appendChild(input);
    form.submit();
  })();
</script>`,
  );
}

export function loggedOutPage(): string {
  return page('Déconnecté - Visio', '<h1>Vous êtes déconnecté</h1><p>Vous pouvez fermer cette fenêtre.</p>');
}

export function errorPage(message: string): string {
  return page('Erreur - Visio', `<h1>Une erreur est survenue</h1><p role="alert">${escapeHtml(message)}</p>`);
}
