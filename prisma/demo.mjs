// The password of every demo account: seeded by prisma/seed.ts, printed by `npm start`, used by
// the browser tests, the benchmarks and the synthetic load. Plain JavaScript (types in
// ./demo.d.mts) so that scripts/start.mjs can import it before dependencies are installed.
export const DEMO_PASSWORD = "headline-demo";
