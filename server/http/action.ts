import "server-only";
// The one way a server action is written. Before an action runs, proxy.ts (with
// server/http/form-post.ts) has refused form posts from other sites, bodies over the limit
// and bodies that are not a form, each with a 4xx. Here, in the same order as the JSON routes:
//   who is asking    a `who` rule from server/access.ts
//   → the form       a FormData (an action called with anything else is refused)
//   → schema         zod, on the form's text fields
//   → owns           an `owns` rule: the class (say) is the asker's
//   → handler
// An action answers FormState, { ok: true, message } or { ok: false, error }, and never throws
// for bad input (a redirect from the handler still works). The actions' access table is
// server/security/actions-access.test.ts.
import type { z } from "zod";
import type { FormState } from "@/lib/validation";
import { Refusal, type WhoRule } from "@/server/access";
import { getCurrentUser } from "@/server/auth";

type ActionOptions<T, S extends z.ZodType, O> = {
  who: WhoRule<T>;
  input: S;
  owns?: (asker: T, input: z.output<S>) => Promise<O | Refusal>;
};

export type ActionContext<T, S extends z.ZodType, O> = { asker: T; input: z.output<S>; owned: O };

export function formAction<T, S extends z.ZodType, O = undefined>(
  options: ActionOptions<T, S, O>,
  handler: (ctx: ActionContext<T, S, O>) => Promise<FormState>,
): (previous: FormState, data: FormData) => Promise<FormState> {
  return async function guardedAction(_previous, data) {
    const asker = options.who(await getCurrentUser());
    if (asker instanceof Refusal) return { ok: false, error: asker.message };
    if (!(data instanceof FormData)) return { ok: false, error: "This form could not be read. Reload the page and try again." };
    const fields: Record<string, string> = {};
    for (const [name, value] of data.entries()) if (typeof value === "string" && !name.startsWith("$ACTION")) fields[name] = value;
    const parsed = options.input.safeParse(fields);
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "This form could not be read." };
    const owned = options.owns ? await options.owns(asker, parsed.data) : (undefined as O);
    if (owned instanceof Refusal) return { ok: false, error: owned.message };
    return handler({ asker, input: parsed.data, owned: owned as O });
  };
}
