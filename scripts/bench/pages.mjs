// Page weight and Lighthouse performance of every unit page, the course page (a student) and
// the demo class's progress page (its instructor), against the production build.
//   npx tsx scripts/bench/pages.mjs         (writes a Markdown table to stdout)
//   BENCH_PAGES=/course,/lessons/claims,/instructor/classes   only the pages whose path starts so
//   BENCH_LIGHTHOUSE_RUNS (3)   Lighthouse runs per page and form factor: the table gives the
//   run with the median score (Lighthouse's own advice for its run-to-run variance), with every
//   run's score and the machine's load average beside it, and for each mobile run how much of
//   the page's JavaScript had arrived before its largest paint (see below)
// JavaScript is counted as the gzip size (level 6) of every script the page loads, once each.
// Lighthouse 12 runs with its default mobile profile and simulated throttling, in Debian's
// Chromium (CHROMIUM_PATH), fetched with npx on first use so it is not a project dependency.
import { spawnSync } from "node:child_process";
import os from "node:os";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/demo.mjs";
import { isPublished } from "../../lib/units.ts";
import { checkCourse } from "../../server/content/lessons.ts";
import { scratchDatabase, signIn, startServer } from "./server.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const PORT = Number(process.env.BENCH_PORT || 3500);
const RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3));
const db = scratchDatabase();
const server = await startServer({ port: PORT, databaseUrl: db.url });
const studentCookie = await signIn(server.base, "student2@example.org", DEMO_PASSWORD);
const instructorCookie = await signIn(server.base, "instructor@example.org", DEMO_PASSWORD);
// The demo class (26 students with work: prisma/demo-class.ts), found through its instructor's page.
const classPath = (await (await fetch(`${server.base}/instructor`, { headers: { cookie: instructorCookie } })).text()).match(/href="(\/instructor\/classes\/[A-Za-z0-9_-]+)"/)?.[1];
const wanted = process.env.BENCH_PAGES?.split(",").filter(Boolean);
const pages = [
  ...(await checkCourse()).lessons.filter(isPublished).map((l) => ({ path: `/lessons/${l.slug}`, cookie: studentCookie })),
  { path: "/course", cookie: studentCookie },
  ...(classPath ? [{ path: classPath, cookie: instructorCookie }] : []),
].filter((p) => !wanted || wanted.some((w) => p.path.startsWith(w)));

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
async function contextFor(cookie) {
  const context = await browser.newContext();
  const name = cookie.split("=")[0];
  await context.addCookies([{ name, value: cookie.slice(name.length + 1), domain: "127.0.0.1", path: "/" }]);
  return context;
}

/** The run with the median score of RUNS Lighthouse runs, and every run's score. */
function lighthouse(pagePath, cookie, extra) {
  // A run that fails to record its trace (Lighthouse's NO_NAVSTART, common here on the first run
  // after the server starts) is run again, once, so the median is of RUNS runs where possible.
  const runs = Array.from({ length: RUNS }, () => {
    const run = lighthouseOnce(pagePath, cookie, extra);
    return typeof run.score === "number" ? run : lighthouseOnce(pagePath, cookie, extra);
  });
  const scored = runs.filter((r) => typeof r.score === "number").sort((a, b) => a.score - b.score);
  const median = scored[Math.floor((scored.length - 1) / 2)] ?? runs[0];
  return { ...median, runs: runs.map((r) => r.score).join(" / "), jsBeforePaint: runs.map((r) => r.jsBeforePaint ?? "n/a").join(" / ") };
}

/** Lighthouse's performance score, LCP and TBT for one page (default: mobile, simulated throttling). */
function lighthouseOnce(pagePath, cookie, extra) {
  const lh = spawnSync(
    "npx",
    [
      "--yes",
      "lighthouse@12.8.2",
      `${server.base}${pagePath}`,
      "--quiet",
      "--output=json",
      "--only-categories=performance",
      ...extra,
      `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run",
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  try {
    const report = JSON.parse(lh.stdout);
    return {
      score: Math.round(report.categories.performance.score * 100),
      lcp: report.audits["largest-contentful-paint"].displayValue,
      tbt: report.audits["total-blocking-time"].displayValue,
      jsBeforePaint: scriptKbBeforePaint(report),
    };
  } catch {
    console.error(`lighthouse failed for ${pagePath}: ${lh.stderr.slice(0, 400)}`);
    return { score: "n/a", lcp: "", tbt: "" };
  }
}

/**
 * kB of script (as sent) that had arrived when the real, unthrottled load painted its largest
 * content. Lighthouse simulates the LCP from the requests that finished before the observed
 * one: when the scripts arrived first (usual with the server on the same machine), their
 * download and evaluation count towards it, and the simulated LCP is about twice as long
 * (docs/benchmarks.md, "Why one build's score swings"). This tells such runs apart.
 */
function scriptKbBeforePaint(report) {
  const observed = report.audits.metrics?.details?.items?.[0]?.observedLargestContentfulPaint;
  const requests = report.audits["network-requests"]?.details?.items ?? [];
  if (typeof observed !== "number") return undefined;
  const bytes = requests.filter((r) => r.resourceType === "Script" && r.networkEndTime <= observed).reduce((n, r) => n + r.transferSize, 0);
  return Math.round(bytes / 1024);
}

const rows = [];
for (const { path: pagePath, cookie } of pages) {
  const context = await contextFor(cookie);
  const page = await context.newPage();
  const scripts = new Map();
  page.on("response", async (res) => {
    if (res.request().resourceType() === "script") {
      try {
        scripts.set(res.url(), gzipSync(await res.body(), { level: 6 }).length);
      } catch {
        /* body not available */
      }
    }
  });
  const html = await (await page.goto(`${server.base}${pagePath}`, { waitUntil: "networkidle" })).body();
  await context.close();
  const jsKb = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
  const htmlKb = gzipSync(html, { level: 6 }).length / 1024;

  const load = os.loadavg()[0].toFixed(1);
  const mobile = lighthouse(pagePath, cookie, []);
  const desktop = lighthouse(pagePath, cookie, ["--preset=desktop"]);
  rows.push({ pagePath: pagePath.startsWith("/instructor/classes/") ? "/instructor/classes/[demo class]" : pagePath, scripts: scripts.size, jsKb: jsKb.toFixed(1), htmlKb: htmlKb.toFixed(1), mobile, desktop, load });
  console.error(`${pagePath}: ${jsKb.toFixed(1)} kB JS (gzip), Lighthouse mobile ${mobile.runs}, desktop ${desktop.runs} (load average ${load})`);
}
await browser.close();
server.stop();
db.cleanup();

console.log(`Lighthouse: the median of ${RUNS} run(s) per page and form factor (every run's score in brackets); "JS before paint": kB of script each mobile run had received when it painted its largest content; load average at each page's start.`);
console.log(`| page | scripts | JS kB (gzip) | HTML kB (gzip) | Lighthouse mobile | LCP | TBT | JS before paint (kB) | Lighthouse desktop | LCP | TBT | load |`);
console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
for (const r of rows) {
  console.log(`| ${r.pagePath} | ${r.scripts} | ${r.jsKb} | ${r.htmlKb} | ${r.mobile.score} (${r.mobile.runs}) | ${r.mobile.lcp} | ${r.mobile.tbt} | ${r.mobile.jsBeforePaint} | ${r.desktop.score} (${r.desktop.runs}) | ${r.desktop.lcp} | ${r.desktop.tbt} | ${r.load} |`);
}
