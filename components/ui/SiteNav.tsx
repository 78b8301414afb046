"use client";
// The main navigation, by role: everyone signed in has the course and their account; teachers
// also their classes, authors the unit list. Like the account menu it asks /api/me in the
// browser (lib/me.ts), so the pages around it stay static; until it knows, it shows the course.
// Its pages are rendered per person and request, so prefetching them on every page load would
// bring back only their outline (like the class tabs: components/instructor/ClassNav.tsx).
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
          <Link href="/course" prefetch={false}>Course</Link>
        </li>
        {role && canTeach(role) ? (
          <li>
            <Link href="/instructor" prefetch={false}>Teach</Link>
          </li>
        ) : null}
        {role && canSeeDrafts(role) ? (
          <li>
            <Link href="/preview" prefetch={false}>Units</Link>
          </li>
        ) : null}
        {me ? (
          <li>
            <Link href="/account" prefetch={false}>Account</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
