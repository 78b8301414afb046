// Times the instructor pages against the synthetic load (scripts/seed-load.ts): the class
// progress page, the item-analysis page, learning gain, both CSV exports and the grading queue
// of written answers (the queue, and the oldest answer with its rubric), for the 30- and the
// 300-student class (BENCH_PAGES=written limits it to the pages whose label contains "written"). Starts the production build (built first if stale) on BENCH_PORT, signs in as each
// class's instructor through next-auth's credentials endpoint, and requests each page N times
// one after another. The time is from sending the request to the last byte of the body over
// loopback, which is server time plus a negligible transfer.
//
//   DATABASE_URL=file:/tmp/load.db npx tsx scripts/bench-instructor.ts [N]
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "../server/prisma-client";
import { percentile } from "./bench/load";
import { signIn, startServer } from "./bench/server.mjs";
import { DEMO_PASSWORD } from "../prisma/demo.mjs";
import { LOAD_CLASSES } from "./lib/load-classes";

const port = Number(process.env.BENCH_PORT ?? 3301);
const runs = Number(process.argv[2] ?? 30);
const WARMUP = 3;

/** Time to the response headers (the first byte) and to the last byte of the body. */
async function time(url: string, cookie: string): Promise<{ first: number; ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const first = performance.now() - t0;
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return { first, ms, bytes: body.byteLength };
}

const quantile = (xs: number[], q: number) => percentile([...xs].sort((a, b) => a - b), q * 100);

async function main() {
  const db = createPrismaClient();
  const targets = await Promise.all(
    LOAD_CLASSES.slice(0, 2).map(async (c) => {
      const klass = await db.class.findFirstOrThrow({ where: { name: c.name }, select: { id: true, _count: { select: { enrollments: true } } } });
      const inClass = { attempt: { user: { enrollments: { some: { classId: klass.id } } } } };
      const answers = await db.answer.count({ where: inClass });
      const pending = await db.answer.findMany({ where: { ...inClass, pending: true }, orderBy: { attempt: { submittedAt: "asc" } }, select: { id: true } });
      return { ...c, id: klass.id, students: klass._count.enrollments, answers, pending: pending.length, oldestPending: pending[0]?.id ?? "none" };
    }),
  );
  const totalAnswers = await db.answer.count();
  await db.$disconnect();

  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the database scripts/seed-load.ts filled.");
  const server = await startServer({ port, databaseUrl: process.env.DATABASE_URL });
  const base = server.base;
  try {
    console.log(`Load average before: ${loadavg().map((l) => l.toFixed(1)).join(", ")} on ${cpus().length} cores.`);
    console.log(`Database: ${totalAnswers} answers in all. ${runs} requests per page after ${WARMUP} warm-up requests.\n`);
    console.log("| class | page | median ms | p95 ms | first byte, median ms | size |");
    console.log("|---|---|---:|---:|---:|---:|");
    for (const t of targets) {
      const cookie = await signIn(base, t.instructor, DEMO_PASSWORD);
      const pages = [
        ["class progress", `/instructor/classes/${t.id}`],
        ["item analysis (pre-assessment, 14 questions)", `/instructor/classes/${t.id}/items`],
        ["learning gain", `/instructor/classes/${t.id}/gain`],
        ["CSV: progress", `/instructor/classes/${t.id}/export/progress`],
        ["CSV: every answer", `/instructor/classes/${t.id}/export/responses`],
        [`written answers queue (${t.pending} waiting)`, `/instructor/classes/${t.id}/written`],
        ["one written answer with its rubric", `/instructor/classes/${t.id}/written/${t.oldestPending}`],
      ].filter(([label]) => !process.env.BENCH_PAGES || label.includes(process.env.BENCH_PAGES));
      for (const [label, path] of pages) {
        for (let i = 0; i < WARMUP; i++) await time(base + path, cookie);
        const samples: number[] = [];
        const firsts: number[] = [];
        let bytes = 0;
        for (let i = 0; i < runs; i++) {
          const r = await time(base + path, cookie);
          samples.push(r.ms);
          firsts.push(r.first);
          bytes = r.bytes;
        }
        const size = bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} kB`;
        console.log(`| ${t.students} students (${t.answers} answers) | ${label} | ${quantile(samples, 0.5).toFixed(0)} | ${quantile(samples, 0.95).toFixed(0)} | ${quantile(firsts, 0.5).toFixed(0)} | ${size} |`);
      }
    }
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
