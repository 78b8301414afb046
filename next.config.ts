import type { NextConfig } from "next";
import { FORM_MAX_BYTES } from "./server/http/limits";

const isDev = process.env.NODE_ENV !== "production";

// ---- Security headers: all of them in this one block (docs/architecture.md, "Abuse and failure").
// Only what the app needs: its own scripts, styles, images and API. Next.js's inline bootstrap
// scripts need 'unsafe-inline' on statically rendered pages (nonces would make every page
// dynamic); no third-party origin is allowed anywhere. Pages may not be framed by anyone
// (routes that must be framed, such as an LTI launch, add their own frame-ancestors rule here;
// the deep linking picker and its answer set theirs themselves: OWN_CSP_PATHS below).
export const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()" },
  // A page this app opens, or that opens it, gets no handle on its window.
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

// The paths that send their own CSP, X-Frame-Options and Referrer-Policy: the LTI deep linking
// answer posts a form to the LMS, which form-action 'self' forbids, so it allows that LMS's
// origin only (server/lti/deep-link.ts); it and the picker page may be framed by the LMS that
// asked, and by no one else (frame-ancestors its origin: the picker's headers are set by
// proxy.ts from the signed request; docs/lti.md). Next.js keeps these headers over a route's
// own, hence the exclusion rather than an override.
export const OWN_CSP_PATHS = ["/api/lti/deep-link", "/instructor/lti/deep-link"];

const framingHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  // Other sites learn at most this site's origin, never a page's path (class and student ids).
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

const securityHeaderRules = [
  { source: "/:path*", headers: securityHeaders },
  { source: `/:path((?!(?:${OWN_CSP_PATHS.map((p) => p.slice(1)).join("|")})$).*)`, headers: framingHeaders },
  // HSTS only over https: X-Forwarded-Proto is "https" when a TLS proxy forwarded the request
  // (believed only with TRUST_PROXY; server/security/peer-address.ts).
  { source: "/:path*", has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] },
  // Lesson pages are the same for every student but only for signed-in ones: a school's shared
  // cache must not keep them (Next.js would mark a prerendered page cacheable for a year).
  { source: "/lessons/:path*", headers: [{ key: "Cache-Control", value: "private, no-cache" }] },
  // LTI Dynamic Registration (app/api/lti/register/route.ts). An LMS opens it with window.open
  // and waits for its "close" message (public/lti-close.js), which needs window.opener, cut by
  // same-origin; or shows it in a frame of its own page (a dialog), so it may be framed.
  // A framed request gets only a link that opens the registration in a window of its own: the
  // Register button is never framed (public/lti-register.js). Later rules win for a header,
  // and a CSP frame-ancestors makes browsers ignore X-Frame-Options.
  {
    source: "/api/lti/register",
    headers: [
      { key: "Cross-Origin-Opener-Policy", value: "unsafe-none" },
      { key: "Content-Security-Policy", value: contentSecurityPolicy.replace("frame-ancestors 'none'", "frame-ancestors *") },
    ],
  },
];
// ---- End of security headers.

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    authInterrupts: true,
    // The proxy reads a copy of each form post to a page (server/http/form-post.ts). Next.js
    // buffers at most this much of it (its default is 10 MB) and silently cuts the copy there,
    // so it must stay above the guard's own limit for the guard to see a body pass it.
    proxyClientMaxBodySize: 2 * FORM_MAX_BYTES,
  },
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  // Lessons are read from disk at run time (for grading); make sure a traced build keeps them.
  outputFileTracingIncludes: { "/*": ["./lessons/**/*"] },
  async headers() {
    return securityHeaderRules;
  },
};

export default nextConfig;
