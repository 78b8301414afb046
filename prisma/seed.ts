// Demo data: one class with an instructor, two students, an author and an admin, and 24 more
// students in that class with work to show (prisma/demo-class.ts). Idempotent: running it
// again changes nothing. `--test-fixtures` adds a second instructor, class and
// student, which the browser tests use to check that one class cannot see another.
import { hash } from "@node-rs/argon2";
import { createPrismaClient } from "../server/prisma-client";

import { DEMO_PASSWORD } from "./demo.mjs";
import { seedDemoClass } from "./demo-class";
export const DEMO_JOIN_CODE = "DEMO-2026";

const demoUsers = [
  { email: "instructor@example.org", name: "Dana Instructor", role: "instructor" },
  { email: "student1@example.org", name: "Sam Student", role: "student" },
  { email: "student2@example.org", name: "Alex Student", role: "student" },
  { email: "author@example.org", name: "Robin Author", role: "author" },
  { email: "admin@example.org", name: "Kim Admin", role: "admin" },
] as const;

const fixtureUsers = [
  { email: "other-instructor@example.org", name: "Other Instructor", role: "instructor" },
  { email: "other-student@example.org", name: "Other Student", role: "student" },
] as const;

async function main() {
  if (process.argv.includes("--none")) {
    console.log("Skipping demo data (SEED_DEMO=false).");
    return;
  }
  const db = createPrismaClient();
  const withFixtures = process.argv.includes("--test-fixtures");
  const passwordHash = await hash(DEMO_PASSWORD);
  const users = withFixtures ? [...demoUsers, ...fixtureUsers] : demoUsers;
  const ids: Record<string, string> = {};
  for (const u of users) {
    const user = await db.user.upsert({
      where: { email: u.email },
      create: { ...u, passwordHash },
      update: {},
      select: { id: true },
    });
    ids[u.email] = user.id;
  }
  const classes = [
    { joinCode: DEMO_JOIN_CODE, name: "Demo class", instructor: "instructor@example.org", students: ["student1@example.org", "student2@example.org"] },
    ...(withFixtures
      ? [{ joinCode: "OTHR-2026", name: "Other class", instructor: "other-instructor@example.org", students: ["other-student@example.org"] }]
      : []),
  ];
  let demoStudents = 0;
  for (const c of classes) {
    const klass = await db.class.upsert({
      where: { joinCode: c.joinCode },
      create: { name: c.name, joinCode: c.joinCode, instructorId: ids[c.instructor] },
      update: {},
      select: { id: true },
    });
    for (const email of c.students) {
      await db.enrollment.upsert({
        where: { userId_classId: { userId: ids[email], classId: klass.id } },
        create: { userId: ids[email], classId: klass.id },
        update: {},
      });
    }
    // The demo class gets students with work to show (prisma/demo-class.ts), once.
    if (c.joinCode === DEMO_JOIN_CODE) demoStudents = await seedDemoClass(db, klass.id, passwordHash, ids[c.instructor]);
  }
  await db.$disconnect();
  const extra = demoStudents ? ` and ${demoStudents} demo students with their work` : "";
  console.log(`Seeded demo data (${users.length} accounts, ${classes.length} class${classes.length === 1 ? "" : "es"}${extra}).`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
