// `npm run export:cartridge -- https://headline.school.example [file.imscc]`: the course as an
// IMS Common Cartridge 1.3 (server/cartridge/): one LTI link per published unit, to import
// into Canvas, Moodle or another LMS once its admin has added the tool (docs/lti.md). The
// address is where this app is served (NEXTAUTH_URL when it is set and no address is given).
import { writeFileSync } from "node:fs";
import { checkCourse } from "../server/content/lessons";
import { cartridge, cartridgeUnits } from "../server/cartridge/cartridge";

const origin = process.argv[2] ?? process.env.NEXTAUTH_URL;
const out = process.argv[3] ?? "behind-the-headline.imscc";
if (!origin || !/^https?:\/\/[^/\s]+/.test(origin)) {
  console.error("Give the address the app is served at: npm run export:cartridge -- https://headline.school.example");
  process.exit(1);
}
const { lessons, problems } = await checkCourse();
if (problems.length) {
  console.error("The course has problems: run npm run lessons:check first.");
  process.exit(1);
}
const units = cartridgeUnits(lessons);
writeFileSync(out, cartridge(units, origin));
console.log(`Wrote ${out}: ${units.length} units, each an LTI link to ${new URL("/api/lti/launch", origin)}.`);
