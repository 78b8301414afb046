// GET …/export/progress|responses — a class's progress or every answer, as a CSV download
// streamed from the database. Only for the class's own instructor (and admins).
import { z } from "zod";
import { ownClass, Refusal, teacher } from "@/server/access";
import { jsonRoute } from "@/server/http/route";
import { classAssignments } from "@/server/assignments";
import { reportUnits } from "@/server/reports/classes";
import { progressCsv, responsesCsv } from "@/server/reports/export";

export const dynamic = "force-dynamic";

const params = z.object({ classId: z.string(), report: z.string() });
const reportSchema = z.enum(["progress", "responses"]);

export const GET = jsonRoute({ who: teacher, params, owns: (user, { params }) => ownClass(user, params.classId) }, async ({ owned: klass, params }) => {
  const kind = reportSchema.safeParse(params.report);
  if (!kind.success) return new Refusal(404, "Ask for progress or responses.");
  const dueAt = new Map([...(await classAssignments(klass.id))].map(([slug, a]) => [slug, a.dueAt]));
  const body = kind.data === "progress" ? progressCsv(klass, await reportUnits(), dueAt) : responsesCsv(klass);
  const slug = klass.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "class";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-${kind.data}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
