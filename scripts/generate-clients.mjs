// `npm run db:generate`: generates both Prisma clients (SQLite and PostgreSQL) into
// server/generated/. npm start, npm test and db:new-migration do it themselves; a build
// pipeline that runs `next build` directly runs this first.
import { generateClients } from "./lib/bootstrap.mjs";

generateClients();
