// Runs once when a server process starts (Next.js instrumentation hook).
export async function register() {
  // Node.js only: the proxy and route handlers all run in the Node.js runtime here.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerAddress } = await import("./server/security/peer-address");
    installPeerAddress();
  }
}
