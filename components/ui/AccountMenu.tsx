"use client";
// Shows who is signed in, with a sign-out button. It asks /api/me in the browser so that the
// pages around it can stay static; signing out is components/auth/sign-out.ts.
import Link from "next/link";
import { PageLink } from "./PageLink";
import { signOut } from "@/components/auth/sign-out";
import { useMe } from "./browser-hooks";

export function AccountMenu() {
  const me = useMe();
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
      <span className="account__name visually-hidden-on-phone">
        {me.name} <span className="account__role">({me.role})</span>
      </span>
      <PageLink href="/account/privacy">Your data</PageLink>
      <button type="button" className="button button--small" onClick={signOut}>
        Sign out
      </button>
    </div>
  );
}
