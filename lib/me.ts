// Who is signed in, as the browser learns it (GET /api/me): asked once per page load and
// shared by everything on the page that needs it (the account menu, quiz drafts).
export type Me = { id: string; name: string; role: string } | null;

let me: Promise<Me> | undefined;

export function fetchMe(): Promise<Me> {
  me ??= fetch("/api/me")
    .then((r) => (r.ok ? (r.json() as Promise<{ user: Me }>) : { user: null }))
    .then((d) => d.user ?? null)
    .catch(() => null);
  return me;
}
