"use client";
// Shown when a page fails unexpectedly. It never shows the error's details (they are logged
// on the server), only a way on.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="notice-page" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Your saved answers are safe. Try again, or come back in a moment.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
