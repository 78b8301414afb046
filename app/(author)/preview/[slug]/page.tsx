// An author's preview of any unit, drafts included, rendered on request from the file on disk
// (so a saved change shows on refresh). A unit with problems shows them here.
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { LessonView } from "@/components/lesson/LessonView";
import { canSeeDrafts } from "@/lib/roles";
import { requireUser } from "@/server/auth";
import { getLesson } from "@/server/content/course";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Preview", robots: { index: false } };

export default async function PreviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/preview/${slug}`);
  if (!canSeeDrafts(user.role)) forbidden();
  const lesson = await getLesson(slug);
  if (!lesson) notFound();
  return <LessonView lesson={lesson} preview />;
}
