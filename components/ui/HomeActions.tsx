"use client";
// The home page's buttons: a visitor joins a class or signs in; someone signed in goes on
// where they work (a student's next unit, or a teacher's classes) and is not offered "Sign in"
// again.
import Link from "next/link";
import { PageLink } from "./PageLink";
import { useEffect, useState } from "react";
import { useMe } from "./browser-hooks";
import { canTeach, isRole } from "@/lib/roles";

export function HomeActions() {
  const me = useMe();
  if (me === undefined) {
    return (
      <p className="home__actions">
        <PageLink className="button" href="/course">
          Go to the course
        </PageLink>
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
        <PageLink className="button" href="/course">
          Go to the course
        </PageLink>
      </p>
    );
  }
  const teacher = isRole(me.role) && canTeach(me.role);
  if (!teacher) return <StudentActions />;
  return (
    <p className="home__actions">
      <PageLink className="button button--primary" href="/instructor">
        Your classes
      </PageLink>
      <PageLink className="button" href="/course">
        The course
      </PageLink>
    </p>
  );
}

type Continue = { unit: { slug: string; title: string } | null; started: boolean };

/** A student goes straight on with their unit (GET /api/continue); until it answers, to the course page. */
function StudentActions() {
  const [position, setPosition] = useState<Continue | null>(null);
  useEffect(() => {
    fetch("/api/continue", { headers: { Accept: "application/json" } })
      .then((res) => (res.ok ? (res.json() as Promise<Continue>) : null))
      .then(setPosition)
      .catch(() => setPosition(null));
  }, []);
  const unit = position?.unit;
  return (
    <p className="home__actions">
      {unit ? (
        <Link className="button button--primary" href={`/lessons/${unit.slug}`}>
          {position.started ? `Continue: ${unit.title}` : "Start the course"}
        </Link>
      ) : null}
      <PageLink className={`button${unit ? "" : " button--primary"}`} href="/course">
        {unit ? "Your course" : "Continue the course"}
      </PageLink>
    </p>
  );
}
