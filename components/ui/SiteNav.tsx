"use client";
// The main navigation, by role: everyone signed in has the course and their account; teachers
// also their classes, authors the unit list. Like the account menu it asks /api/me in the
// browser (lib/me.ts), so the pages around it stay static; until it knows, it shows the course.
// Its pages are rendered per person and request: PageLinks, not prefetched (decision 031).
import { PageLink } from "./PageLink";
import { useMe } from "./browser-hooks";
import { canSeeDrafts, canTeach, isRole } from "@/lib/roles";

export function SiteNav() {
  const me = useMe();
  const role = me && isRole(me.role) ? me.role : null;
  return (
    <nav aria-label="Main">
      <ul className="site-nav">
        <li>
          <PageLink href="/course">Course</PageLink>
        </li>
        {role && canTeach(role) ? (
          <li>
            <PageLink href="/instructor">Teach</PageLink>
          </li>
        ) : null}
        {role && canSeeDrafts(role) ? (
          <li>
            <PageLink href="/preview">Units</PageLink>
          </li>
        ) : null}
        {me ? (
          <li>
            <PageLink href="/account">Account</PageLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
