// Runs once when a server process starts (Next.js instrumentation hook).
export async function register() {
  // Node.js only: the proxy and route handlers all run in the Node.js runtime here.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerAddress } = await import("./server/security/peer-address");
    installPeerAddress();
    // Grades back to the LMS: the score outbox's sender. It shares the app's one database
    // client, made here first (server/db.ts takes it from globalThis): a second SQLite
    // connection in the process would wait on the app's write lock. Rows left by the last run
    // are sent now.
    const [{ startScoreWorker }, { createPrismaClient }] = await Promise.all([import("./server/lti/ags"), import("./server/prisma-client")]);
    const shared = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> };
    shared.prisma ??= createPrismaClient();
    startScoreWorker(shared.prisma);
  }
}
