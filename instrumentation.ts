// Runs once when a server process starts (Next.js instrumentation hook).
export async function register() {
  // Node.js only: the proxy and route handlers all run in the Node.js runtime here.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerAddress } = await import("./server/security/peer-address");
    installPeerAddress();
    // Grades back to the LMS: the score outbox's sender, with its own database client (the
    // app's is behind a server-only module). Rows left by the last run are sent now.
    const [{ startScoreWorker }, { createPrismaClient }] = await Promise.all([import("./server/lti/ags"), import("./server/prisma-client")]);
    startScoreWorker(createPrismaClient());
  }
}
