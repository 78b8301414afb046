"use client";
// Tells the server that the signed-in student opened this unit ("in progress").
import { useEffect } from "react";

export function LessonTracker({ slug }: { slug: string }) {
  useEffect(() => {
    void fetch("/api/progress", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ lesson: slug }),
    }).catch(() => undefined);
  }, [slug]);
  return null;
}
