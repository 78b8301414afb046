import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { z } from "zod";
import { text } from "@/lib/validation";
import { ActionForm } from "@/components/forms/ActionForm";
import { ROLES } from "@/lib/roles";
import { requireAdmin } from "@/server/access";
import { findUsers, USERS_PAGE_SIZE } from "@/server/users";
import { setRoleAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

const querySchema = z.object({
  q: text("").trim().max(80).catch("").default(""),
  page: z.coerce.number().int().min(0).max(10_000).catch(0).default(0),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const user = await requireAdmin();
  const raw = await searchParams;
  const query = querySchema.parse({ q: raw.q, page: raw.page });
  const { users, total } = await findUsers(query.q, query.page);
  const pages = Math.ceil(total / USERS_PAGE_SIZE);
  const pageLink = (page: number) => `/admin/users?${new URLSearchParams({ q: query.q, page: String(page) }).toString()}`;

  return (
    <div className="wide">
      <h1>Users</h1>
      <form method="get" action="/admin/users" className="filters">
        <div className="field">
          <label htmlFor="users-q">Name or email</label>
          <input id="users-q" name="q" defaultValue={query.q} maxLength={80} />
        </div>
        <button type="submit" className="button">
          Find
        </button>
      </form>
      <p role="status">
        {total} user{total === 1 ? "" : "s"}
        {pages > 1 ? ` · page ${query.page + 1} of ${pages}` : ""}
      </p>
      <table className="table">
        <caption className="visually-hidden">Users and their roles</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-user={u.email}>
              <th scope="row">
                {u.name}
                <br />
                <span className="muted">{u.email}</span>
              </th>
              <td>
                {u.id === user.id ? (
                  `${u.role} (you)`
                ) : (
                  <ActionForm action={setRoleAction} submitLabel="Change role" className="inline-form">
                    <input type="hidden" name="userId" value={u.id} />
                    <label htmlFor={`role-${u.id}`} className="visually-hidden">
                      Role of {u.name}
                    </label>
                    <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav aria-label="Pages of users" className="button-row">
          {query.page > 0 ? <PageLink href={pageLink(query.page - 1)}>Previous page</PageLink> : null}
          {query.page + 1 < pages ? <PageLink href={pageLink(query.page + 1)}>Next page</PageLink> : null}
        </nav>
      ) : null}
    </div>
  );
}
