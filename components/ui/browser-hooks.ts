"use client";
// What the header, the home page and the forms learn only in the browser, so the pages around
// them can stay static (prerendered the same for everyone).
import { useEffect, useState, useSyncExternalStore } from "react";
import { fetchMe, type Me } from "@/lib/me";

/** Who is signed in (GET /api/me, asked once per page load: lib/me.ts); undefined until known. */
export function useMe(): Me | undefined {
  const [me, setMe] = useState<Me | undefined>(undefined);
  useEffect(() => {
    void fetchMe().then(setMe);
  }, []);
  return me;
}

const noSubscription = () => () => {};

/** A value read from the page's address or window, which does not change while it is shown; `onServer` when rendering on the server. */
export function useBrowserValue<T>(read: () => T, onServer: T): T {
  return useSyncExternalStore(noSubscription, read, () => onServer);
}
