import { beforeEach, describe, expect, it, vi } from "vitest";

// A browser's localStorage, and /api/me answering as `signedIn`.
class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  keys() {
    return [...this.items.keys()];
  }
}
let store: MemoryStorage;
let signedIn: { id: string } | null;

async function freshModule() {
  vi.resetModules(); // fetchMe() asks once per page load: a new module is a new page
  return import("./drafts");
}

beforeEach(() => {
  store = new MemoryStorage();
  vi.stubGlobal("localStorage", store);
  vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ user: signedIn ? { ...signedIn, name: "x", role: "student" } : null })));
});

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("quiz drafts on a shared browser", () => {
  it("belong to the user who wrote them", async () => {
    signedIn = { id: "ann" };
    let drafts = await freshModule();
    drafts.saveDraft("lone-wolf", "q", { a: 1 });
    await settle();
    expect(await drafts.loadDraft("lone-wolf", "q")).toEqual({ a: 1 });

    signedIn = { id: "ben" };
    drafts = await freshModule();
    expect(await drafts.loadDraft("lone-wolf", "q")).toBeNull();
    // …and Ann's draft is gone from this browser, not just hidden.
    expect(store.keys()).toEqual([]);
  });

  it("are all deleted on sign-out, older unowned drafts included", async () => {
    signedIn = { id: "ann" };
    const drafts = await freshModule();
    drafts.saveDraft("lone-wolf", "q", { a: 1 });
    await settle();
    store.setItem("bth:quiz:lone-wolf:q", "{}");
    store.setItem("unrelated", "kept");
    drafts.clearAllDrafts();
    expect(store.keys()).toEqual(["unrelated"]);
  });

  it("are never restored for someone not signed in, and a submitted one is cleared", async () => {
    signedIn = { id: "ann" };
    let drafts = await freshModule();
    drafts.saveDraft("lone-wolf", "q", { a: 1 });
    drafts.saveDraft("claims", "q", { b: 2 });
    await settle();
    drafts.clearDraft("lone-wolf", "q");
    await settle();
    expect(await drafts.loadDraft("lone-wolf", "q")).toBeNull();
    expect(await drafts.loadDraft("claims", "q")).toEqual({ b: 2 });
    signedIn = null;
    drafts = await freshModule();
    expect(await drafts.loadDraft("claims", "q")).toBeNull();
    expect(store.keys()).toEqual([]);
  });
});
