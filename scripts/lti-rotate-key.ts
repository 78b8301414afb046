// `npm run lti:rotate-key`: makes a new signing key for LTI (server/lti/keys.ts) and retires the
// current one, which stays published at /api/lti/jwks for a week so that platforms can still
// verify what it signed. Run it against the app's database (DATABASE_URL, as npm start uses).
import { rotateToolKey } from "../server/lti/keys";
import { createPrismaClient } from "../server/prisma-client";

const db = createPrismaClient();
try {
  const kid = await rotateToolKey(db);
  console.log(`New LTI signing key: ${kid}. The previous key stays published for 7 days.`);
} finally {
  await db.$disconnect();
}
