// Signing out, from any page: deletes this browser's quiz drafts (shared computers), then ends
// the session with two plain requests to next-auth's endpoints instead of loading its client
// library (about 12 kB) on every page. next-auth's sign-out ends every session of the user
// (server/auth.ts, events.signOut).
import { clearAllDrafts } from "@/lib/drafts";

export async function signOut(): Promise<void> {
  clearAllDrafts();
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
  } finally {
    // A full page load, so nothing of the signed-in session stays in client state.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/");
  }
}
