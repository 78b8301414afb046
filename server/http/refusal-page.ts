import "server-only";
// A refusal as a small HTML page, for endpoints a person's browser is sent to rather than
// fetched by the app's own scripts (the LTI login and launch, which an LMS posts to): the same
// sentence a JSON route would give, in a page that reads well on its own and is never cached.

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function refusalPage(status: number, message: string, title = "This could not be opened"): Response {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Behind the Headline</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}h1{font-size:1.6rem}#reason{font-weight:600}</style></head>
<body>
<main>
<p><a href="/">Behind the Headline</a></p>
<h1>${escapeHtml(title)}</h1>
<p id="reason">${escapeHtml(message)}</p>
<p>Nothing was changed. Go back to your course and open the link again; if this keeps happening, tell your school's admin what this page says (error ${status}).</p>
</main>
</body>
</html>
`;
  // Its own CSP and X-Frame-Options for routes that set theirs (next.config.ts leaves /api/lti/deep-link's to it);
  // elsewhere next.config.ts's is sent and this one is dropped.
  const csp = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": csp, "X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin" } });
}
