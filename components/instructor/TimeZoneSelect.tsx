"use client";
// The time zone for due dates: the one saved for the class, else the browser's own once script
// runs (UTC before that, and without script), until the instructor picks one.
import { useState } from "react";
import { useBrowserValue } from "@/components/ui/browser-hooks";

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function TimeZoneSelect({ id, name, zones, saved }: { id: string; name: string; zones: string[]; saved: string | null }) {
  const own = useBrowserValue(browserZone, "UTC");
  const [picked, setPicked] = useState<string | null>(saved);
  const zone = picked ?? (zones.includes(own) ? own : "UTC");
  return (
    <select id={id} name={name} value={zone} onChange={(e) => setPicked(e.target.value)}>
      {["UTC", ...zones.filter((z) => z !== "UTC")].map((z) => (
        <option key={z} value={z}>
          {z.replace(/_/g, " ")}
        </option>
      ))}
    </select>
  );
}
