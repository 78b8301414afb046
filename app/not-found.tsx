import Link from "next/link";

export default function NotFound() {
  return (
    <div className="notice-page">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link href="/course">Go to the course</Link>
      </p>
    </div>
  );
}
