// An author's preview of any unit, drafts included, rendered on request from the file on disk
// (so a saved change shows on refresh). A unit with problems shows them here.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LessonView } from "@/components/lesson/LessonView";
import { requireAuthor } from "@/server/access";
import { getLesson } from "@/server/content/course";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Preview", robots: { index: false } };

export default async function PreviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireAuthor();
  const lesson = await getLesson(slug);
  if (!lesson) notFound();
  return <LessonView lesson={lesson} preview />;
}
