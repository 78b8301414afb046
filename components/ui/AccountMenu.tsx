"use client";
// Shows who is signed in, with a sign-out button. It asks /api/me in the browser so that the
// pages around it can stay static, and signs out with two plain requests to next-auth's
// endpoints instead of loading next-auth's client library (about 12 kB) on every page.
import Link from "next/link";
import { useEffect, useState } from "react";

type Me = { name: string; role: string } | null;

async function signOut() {
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

export function AccountMenu() {
  const [me, setMe] = useState<Me | undefined>(undefined);
  useEffect(() => {
    fetch("/api/me")
      .then((r) => (r.ok ? (r.json() as Promise<{ user: Me }>) : { user: null }))
      .then((d) => setMe(d.user))
      .catch(() => setMe(null));
  }, []);
  if (me === undefined) return <div className="account" aria-hidden="true" />;
  if (me === null) {
    return (
      <div className="account">
        <Link href="/signin">Sign in</Link>
        <Link href="/signup" className="button button--small">
          Join a class
        </Link>
      </div>
    );
  }
  return (
    <div className="account">
      <span className="account__name">
        {me.name} <span className="account__role">({me.role})</span>
      </span>
      <Link href="/account/privacy">Your data</Link>
      <button type="button" className="button button--small" onClick={signOut}>
        Sign out
      </button>
    </div>
  );
}
