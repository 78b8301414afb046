// The class's join code, large enough to read from the back of a room, with the link that
// fills it in (/signup?code=…): for the projector at the start of the first lesson.
import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { JoinLink } from "@/components/instructor/JoinLink";
import { requireOwnClass } from "@/server/access";

export const metadata: Metadata = { title: "Join code" };

export default async function JoinCodePage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { klass } = await requireOwnClass(classId);
  return (
    <div className="join-code">
      <h1>Join {klass.name}</h1>
      {klass.joinCode ? (
        <>
          <p className="join-code__step">
            Go to <JoinLink code={klass.joinCode} />, or choose “Join your class” on the home page, and type:
          </p>
          <p className="join-code__code">
            {klass.joinCode}
          </p>
        </>
      ) : (
        <p>Joining is switched off for this class: no one can join it with a code.</p>
      )}
      <p>
        <PageLink href={`/instructor/classes/${klass.id}`}>Back to the class</PageLink>
      </p>
    </div>
  );
}
