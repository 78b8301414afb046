import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/ui/AccountMenu";
import { HeaderMenu } from "@/components/ui/HeaderMenu";
import { SiteNav } from "@/components/ui/SiteNav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Behind the Headline", template: "%s · Behind the Headline" },
  description: "A media-literacy course: reading news about terrorism critically.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="site-header__brand">
            Behind the Headline
          </Link>
          <HeaderMenu>
            <SiteNav />
            <AccountMenu />
          </HeaderMenu>
        </header>
        <main id="main" className="site-main">
          {children}
        </main>
        <footer className="site-footer">
          <p>Behind the Headline — an open-source media-literacy course module.</p>
        </footer>
      </body>
    </html>
  );
}
