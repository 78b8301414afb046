import "server-only";
// The pages of LTI Dynamic Registration (app/api/lti/register/route.ts): small standalone HTML
// like the refusal pages (server/http/refusal-page.ts), as the LMS opens them in a window of
// their own. The confirmation posts back to the same route (same origin only); the last page
// tells the LMS the registration is finished (public/lti-close.js).
import { LTI_PATHS } from "@/lib/lti";
import type { Registered } from "./platforms";
import type { PlatformConfiguration, RegistrationParams } from "./registration";

export const REGISTER_PATH = "/api/lti/register";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Behind the Headline</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}h1{font-size:1.6rem}#reason,#done{font-weight:600}dt{font-weight:600}dd{margin:0 0 .5rem;overflow-wrap:anywhere}button{font:inherit;padding:.5rem 1.2rem;border-radius:.3rem;border:1px solid #1a4d8f;background:#1a4d8f;color:#fff;cursor:pointer}a{color:#1a4d8f}</style></head>
<body>
<main>
<p><a href="/">Behind the Headline</a></p>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

/** Not signed in: sign in as an admin, and come back to this same address (with its query). */
export function signInPage(pathAndQuery: string): Response {
  const href = `/signin?${new URLSearchParams({ callbackUrl: pathAndQuery })}`;
  return page(401, "Sign in to register this platform", `<p id="reason">Only an admin of Behind the Headline can register a learning platform.</p>\n<p><a href="${escapeHtml(href)}">Sign in as an admin</a>, and this registration goes on where it stopped.</p>`);
}

/**
 * Shown inside the LMS's frame (Sec-Fetch-Dest: iframe): a link to the same registration in a
 * window of its own, where the admin's session works (a framed page gets no SameSite=Lax cookie)
 * and no one can lay a frame over the Register button. Asks nothing and fetches nothing.
 */
export function framedPage(pathAndQuery: string): Response {
  return page(
    200,
    "Register Behind the Headline",
    `<p>The registration continues in a window of its own, where you sign in to Behind the Headline as an admin if you are not already.</p>
<p><a href="${escapeHtml(pathAndQuery)}" target="_blank" rel="opener">Open the registration in a new window</a></p>
<p>Once it says “Registered”, this dialog closes (or close it yourself).</p>
<script src="/lti-register.js"></script>`,
  );
}

/** What will be registered, with the button that does it. */
export function confirmPage(config: PlatformConfiguration, params: RegistrationParams, toolOrigin: string): Response {
  const hidden = Object.entries(params)
    .filter((e): e is [string, string] => typeof e[1] === "string")
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("");
  return page(
    200,
    "Register this learning platform",
    `<p>The learning platform below asks to add Behind the Headline as an LTI 1.3 tool. Registering tells it the tool's addresses and keeps its own here, as the form on the LTI admin page would.</p>
<dl>
<dt>Platform</dt><dd>${escapeHtml(config.productFamily)}${config.version ? ` ${escapeHtml(config.version)}` : ""}</dd>
<dt>Issuer</dt><dd><code>${escapeHtml(config.issuer)}</code></dd>
<dt>Registered here as</dt><dd>${escapeHtml(config.name)}</dd>
<dt>The tool's launch URL</dt><dd><code>${escapeHtml(toolOrigin + LTI_PATHS.launch)}</code></dd>
</dl>
<form method="post" action="${REGISTER_PATH}" data-register>${hidden}<button type="submit">Register</button></form>
<script src="/lti-register.js"></script>
<p>If you did not start adding a tool in this platform, close this window: nothing is registered until you press Register.</p>`,
  );
}

/** Registered: says so, and tells the LMS to close the window. */
export function donePage(summary: { name: string; clientId: string; deploymentId: string; registered: Registered }): Response {
  const name = escapeHtml(summary.name);
  const ids = `client id ${escapeHtml(summary.clientId)}, deployment ${escapeHtml(summary.deploymentId)}`;
  const what = { created: `${name} is registered (${ids}).`, "deployments-added": `The deployment was added to the platform registered with this issuer and client id (${ids}).`, unchanged: `This platform was registered already, with this deployment (${ids}).` }[summary.registered.kind];
  return page(200, "Platform registered", `<p id="done" role="status">Registered. You can close this window.</p>\n<p>${what} Its users can now open Behind the Headline from their courses.</p>\n<script src="/lti-close.js"></script>`);
}

/** A registration that could not be done: the reason, and nothing stored. */
export function registrationRefusal(status: number, reason: string): Response {
  return page(status, "This platform could not be registered", `<p id="reason">${escapeHtml(reason)}</p>\n<p>Nothing was registered here. Close this window and try again from the learning platform, or register it by hand on the LTI admin page (error ${status}).</p>`);
}
