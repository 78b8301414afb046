import { NextResponse } from "next/server";
import { z } from "zod";
import { ownClassForRoute, reportUnits } from "@/server/reports/classes";
import { progressCsv, responsesCsv } from "@/server/reports/export";

export const dynamic = "force-dynamic";

const reportSchema = z.enum(["progress", "responses"]);

/** A class's progress or every answer, as a CSV download streamed from the database. */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string; report: string }> }) {
  const { classId, report } = await params;
  const owned = await ownClassForRoute(classId);
  if ("status" in owned) {
    return NextResponse.json({ error: owned.status === 401 ? "Sign in first." : "Not your class." }, { status: owned.status });
  }
  const kind = reportSchema.safeParse(report);
  if (!kind.success) return NextResponse.json({ error: "Ask for progress or responses." }, { status: 404 });
  const { klass } = owned;
  const body = kind.data === "progress" ? progressCsv(klass, await reportUnits()) : responsesCsv(klass);
  const slug = klass.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "class";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-${kind.data}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
