// The field where someone chooses a password (signing up, changing it): the same rules shown
// the same way (lib/validation.ts newPasswordSchema checks them again on the server).
import { Field } from "@/components/ui/Field";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/limits";

export function NewPasswordField({ label, name, error }: { label: string; name: string; error?: string }) {
  return <Field label={label} name={name} type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters.`} maxLength={PASSWORD_MAX} error={error} required />;
}
