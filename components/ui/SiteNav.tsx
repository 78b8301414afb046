"use client";
// The main navigation, by role: everyone signed in has the course and their account; teachers
// also their classes, authors the unit list. Like the account menu it asks /api/me in the
// browser (lib/me.ts), so the pages around it stay static; until it knows, it shows the course.
import Link from "next/link";
import { useMe } from "./browser-hooks";
import { canSeeDrafts, canTeach, isRole } from "@/lib/roles";

export function SiteNav() {
  const me = useMe();
  const role = me && isRole(me.role) ? me.role : null;
  return (
    <nav aria-label="Main">
      <ul className="site-nav">
        <li>
          <Link href="/course">Course</Link>
        </li>
        {role && canTeach(role) ? (
          <li>
            <Link href="/instructor">Teach</Link>
          </li>
        ) : null}
        {role && canSeeDrafts(role) ? (
          <li>
            <Link href="/preview">Units</Link>
          </li>
        ) : null}
        {me ? (
          <li>
            <Link href="/account">Account</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
