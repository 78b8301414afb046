// A school's admin downloads the course as a Common Cartridge to import into the LMS: a ZIP
// whose manifest lists every published unit as an LTI link to this app.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { unzip } from "../server/cartridge/zip";
import { accounts, getCourseForTests, signInAs } from "./fixtures";

test("an admin downloads the Common Cartridge: one LTI link per published unit, pointing at this app", async ({ page, baseURL }) => {
  await signInAs(page, accounts.admin);
  await page.goto("/admin/lti");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the course as a Common Cartridge (.imscc)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("behind-the-headline.imscc");
  const files = unzip(await readFile(await download.path()));
  const { lessons } = await getCourseForTests();
  expect(files.size).toBe(lessons.length + 1);
  expect(files.get("imsmanifest.xml")).toContain("<schemaversion>1.3.0</schemaversion>");
  const launch = `${new URL(baseURL!).origin}/api/lti/launch`;
  for (const l of lessons) {
    const link = [...files.values()].find((x) => x.includes(`<lticm:property name="unit">${l.slug}</lticm:property>`));
    expect(link, l.slug).toContain(`<blti:launch_url>${launch}</blti:launch_url>`);
  }
});
