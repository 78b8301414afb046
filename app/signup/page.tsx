import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/SignUpForm";

export const metadata: Metadata = { title: "Join your class" };

export default function SignUpPage() {
  return (
    <div className="auth-page">
      <h1>Join your class</h1>
      <p>Your instructor gives you a join code. You need it once, to create your account.</p>
      <SignUpForm />
      <p>
        Already have an account? <Link href="/signin">Sign in</Link>.
      </p>
    </div>
  );
}
