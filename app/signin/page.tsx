import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/auth/SignInForm";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <div className="auth-page">
      <h1>Sign in</h1>
      <SignInForm />
      <p>
        New here? <Link href="/signup">Join your class with a join code</Link>.
      </p>
    </div>
  );
}
