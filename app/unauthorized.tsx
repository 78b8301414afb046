// Shown (HTTP 401) by a page whose visitor is not signed in, or whose session has ended: signed
// out on another device, password or role changed (server/access.ts). Signing in here returns
// to the same page.
import { SignInFormOnDemand } from "@/components/auth/SignInFormOnDemand";

export default function Unauthorized() {
  return (
    <div className="auth-page">
      <h1>Sign in to continue</h1>
      <p>You are not signed in, or your session has ended. Sign in again to open this page.</p>
      <SignInFormOnDemand />
    </div>
  );
}
