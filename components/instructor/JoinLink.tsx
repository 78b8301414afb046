"use client";
// The sign-up link with the class's code filled in, written with the address the page was
// opened at (the one students can reach), once the page is in the browser.
import { useBrowserValue } from "@/components/ui/browser-hooks";

export function JoinLink({ code }: { code: string }) {
  const path = `/signup?code=${encodeURIComponent(code)}`;
  const origin = useBrowserValue(() => window.location.origin, "");
  return (
    <a className="join-code__link" href={path}>
      {origin}
      {path}
    </a>
  );
}
