import { PageLink } from "@/components/ui/PageLink";

export default function NotFound() {
  return (
    <div className="notice-page">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <PageLink href="/course">Go to the course</PageLink>
      </p>
    </div>
  );
}
