import type { Metadata } from "next";
import { requireUser } from "@/server/access";
import { DeleteAccountForm } from "@/components/account/DeleteAccountForm";

export const metadata: Metadata = { title: "Your data" };

export default async function PrivacyPage() {
  const user = await requireUser();
  return (
    <div>
      <h1>Your data</h1>
      <p>
        Behind the Headline stores your name, your email address, a one-way hash of your password, the classes you joined, which
        units you opened, and every quiz answer you submitted with its score and time. Your instructor sees your progress and
        answers for their classes; nobody else does.
      </p>
      <h2>Download everything</h2>
      <p>
        <a className="button" href="/api/account/export" download>
          Download my data (JSON)
        </a>
      </p>
      <h2>Delete your account</h2>
      <p>
        This deletes your account, {user.email}, and everything above: your answers leave your class’s statistics too. It cannot
        be undone.
      </p>
      <DeleteAccountForm />
    </div>
  );
}
