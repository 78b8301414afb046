import { PageLink } from "@/components/ui/PageLink";

export default function Forbidden() {
  return (
    <div className="notice-page">
      <h1>You don’t have access to this page</h1>
      <p>This page belongs to another role or another class. If you think you should see it, ask your instructor.</p>
      <p>
        <PageLink href="/course">Go to the course</PageLink>
      </p>
    </div>
  );
}
