"use client";
// The time zone for due dates: the one saved for the class, else the browser's own once script
// runs (UTC before that, and without script).
import { useEffect, useState } from "react";

export function TimeZoneSelect({ id, name, zones, saved }: { id: string; name: string; zones: string[]; saved: string | null }) {
  const [zone, setZone] = useState(saved ?? "UTC");
  useEffect(() => {
    if (saved) return;
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (own && zones.includes(own)) setZone(own);
  }, [saved, zones]);
  return (
    <select id={id} name={name} value={zone} onChange={(e) => setZone(e.target.value)}>
      {["UTC", ...zones.filter((z) => z !== "UTC")].map((z) => (
        <option key={z} value={z}>
          {z.replace(/_/g, " ")}
        </option>
      ))}
    </select>
  );
}
