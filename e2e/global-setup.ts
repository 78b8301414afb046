// Puts the draft-unit fixture into lessons/ for the run (drafts are rendered on request, so no
// rebuild is needed), and takes it out again afterwards.
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";

export const DRAFT_FIXTURE = path.join(process.cwd(), "lessons", "99-e2e-draft-fixture.mdx");

export default function globalSetup() {
  copyFileSync(path.join(process.cwd(), "e2e", "fixtures", "99-e2e-draft-fixture.mdx"), DRAFT_FIXTURE);
  return () => rmSync(DRAFT_FIXTURE, { force: true });
}
