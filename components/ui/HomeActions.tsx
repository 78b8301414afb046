"use client";
// The home page's buttons: a visitor joins a class or signs in; someone signed in goes on
// where they work (the course, or a teacher's classes) and is not offered "Sign in" again.
import Link from "next/link";
import { useMe } from "./browser-hooks";
import { canTeach, isRole } from "@/lib/roles";

export function HomeActions() {
  const me = useMe();
  if (me === undefined) {
    return (
      <p className="home__actions">
        <Link className="button" href="/course">
          Go to the course
        </Link>
      </p>
    );
  }
  if (me === null) {
    return (
      <p className="home__actions">
        <Link className="button button--primary" href="/signup">
          Join your class
        </Link>
        <Link className="button" href="/signin">
          Sign in
        </Link>
        <Link className="button" href="/course">
          Go to the course
        </Link>
      </p>
    );
  }
  const teacher = isRole(me.role) && canTeach(me.role);
  return (
    <p className="home__actions">
      {teacher ? (
        <Link className="button button--primary" href="/instructor">
          Your classes
        </Link>
      ) : null}
      <Link className={`button${teacher ? "" : " button--primary"}`} href="/course">
        Continue the course
      </Link>
    </p>
  );
}
