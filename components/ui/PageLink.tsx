// A link to a page rendered per request: the course, a class's pages, an account, the unit list
// for authors, the admin pages. Next.js's <Link> prefetches its page when the link comes into
// view; for such a page that brings back only the route's outline (the page is rendered after
// the click all the same), yet it is a request and main-thread work on every load (decision
// 031). PageLink is a <Link> that does not prefetch: still a client-side navigation, and a plain
// link without script. Links to prerendered pages (a unit, the home page, sign-in) stay <Link>,
// whose prefetch brings the whole page.
import Link from "next/link";
import type { ComponentProps } from "react";

export function PageLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
