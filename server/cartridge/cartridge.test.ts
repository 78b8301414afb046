// The Common Cartridge export against the structure IMS Common Cartridge 1.3 requires (no XML
// schema ships in a package here, so the test checks what the spec's schemas require of these
// files): a ZIP with imsmanifest.xml at its root; the manifest in the CC 1.3 namespace with
// schema "IMS Common Cartridge" and version 1.3.0; one organisation whose items each point at
// a resource; every resource of type imsbasiclti_xmlv1p3 with a file that is in the archive;
// each link file a cartridge_basiclti_link (imslticc_v1p3) with title, launch URL and the unit
// as a custom parameter. And the ZIP itself, field by field (PKWARE APPNOTE, stored entries).
import { describe, expect, it } from "vitest";
import { checkCourse } from "@/server/content/lessons";
import { isPublished } from "@/lib/units";
import { cartridge, cartridgeFiles, cartridgeUnits, resourceId } from "./cartridge";
import { unzip, zip } from "./zip";

/** Well-formed: every tag closed in order, one root element; returns the element names in order. */
function wellFormed(xml: string): string[] {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  const names: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      expect(stack.pop(), `</${name}> closes the element it should`).toBe(name);
    } else {
      if (stack.length === 0) roots++;
      names.push(name);
      if (!selfClosing) stack.push(name);
    }
  }
  expect(stack, "every element closed").toEqual([]);
  expect(roots, "one root element").toBe(1);
  // No stray markup: what is left between tags has no < or bare &.
  const text = body.replace(/<[^>]+>/g, "");
  expect(text).not.toMatch(/<|&(?!(amp|lt|gt|quot|apos);)/);
  return names;
}

const attr = (xml: string, element: string, name: string) => [...xml.matchAll(new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`, "g"))].map((m) => m[1]);
const NCNAME = /^[A-Za-z_][\w.-]*$/;

describe("the ZIP", () => {
  it("stores each file with its name, size and checksum, readable back", () => {
    const files = [
      { name: "imsmanifest.xml", content: "<manifest/>" },
      { name: "ünit.xml", content: "Ärger & “quotes”" },
    ];
    const archive = zip(files);
    expect(archive.readUInt32LE(0)).toBe(0x04034b50); // a local file header first
    expect(archive.readUInt16LE(8)).toBe(0); // stored
    expect(archive.readUInt16LE(6) & 0x0800).toBe(0x0800); // UTF-8 names
    expect(archive.readUInt32LE(archive.length - 22)).toBe(0x06054b50); // the end record last, no comment
    expect(archive.readUInt16LE(archive.length - 12)).toBe(2);
    expect([...unzip(archive)]).toEqual(files.map((f) => [f.name, f.content]));
    const broken = Buffer.from(archive);
    broken[30 + "imsmanifest.xml".length + 1] ^= 0xff; // a byte of the first file's content
    expect(() => unzip(broken)).toThrow(/checksum/);
  });
});

describe("the course's cartridge", async () => {
  const { lessons } = await checkCourse();
  const units = cartridgeUnits(lessons);
  expect(units.map((u) => u.slug)).toEqual(lessons.filter(isPublished).map((l) => l.slug));
  expect(units[1].label).toBe("Unit 1");
  const files = unzip(cartridge(units, "https://tool.example.org"));
  const manifest = files.get("imsmanifest.xml")!;

  it("has the manifest at the root and one link per published unit", () => {
    expect(manifest).toBeDefined();
    expect(files.size).toBe(units.length + 1);
    expect([...files.keys()].every((n) => !n.includes("/") && !n.includes(".."))).toBe(true);
  });

  it("has a manifest as Common Cartridge 1.3 requires", () => {
    const names = wellFormed(manifest);
    expect(names[0]).toBe("manifest");
    expect(manifest).toContain('xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"');
    expect(manifest).toMatch(/<schema>IMS Common Cartridge<\/schema>\s*<schemaversion>1\.3\.0<\/schemaversion>/);
    expect(names.filter((n) => n === "organization")).toHaveLength(1);
    expect(attr(manifest, "organization", "structure")).toEqual(["rooted-hierarchy"]);
    const ids = [...attr(manifest, "item", "identifier"), ...attr(manifest, "resource", "identifier"), ...attr(manifest, "organization", "identifier")];
    expect(new Set(ids).size, "identifiers are unique").toBe(ids.length);
    expect(ids.every((id) => NCNAME.test(id)), "identifiers are XML names").toBe(true);
    const refs = attr(manifest, "item", "identifierref");
    expect(refs).toEqual(units.map((u) => resourceId(u.slug)));
    expect(attr(manifest, "resource", "identifier")).toEqual(refs);
    expect(attr(manifest, "resource", "type").every((t) => t === "imsbasiclti_xmlv1p3")).toBe(true);
    for (const href of attr(manifest, "file", "href")) expect(files.has(href), `${href} is in the archive`).toBe(true);
  });

  it("has one LTI link per unit that launches the tool at that unit", () => {
    for (const u of units) {
      const link = files.get(`${resourceId(u.slug)}.xml`)!;
      expect(wellFormed(link)[0]).toBe("cartridge_basiclti_link");
      expect(link).toContain('xmlns="http://www.imsglobal.org/xsd/imslticc_v1p3"');
      expect(link).toContain("<blti:launch_url>https://tool.example.org/api/lti/launch</blti:launch_url>");
      expect(link).toContain(`<lticm:property name="unit">${u.slug}</lticm:property>`);
      expect(link).toMatch(/<blti:title>[^<]+<\/blti:title>/);
    }
  });

  it("escapes what would break the XML in titles and summaries", () => {
    const odd = cartridgeFiles([{ slug: "x", title: "Claims & <counter-claims>", summary: "“Quotes” & 'apostrophes'", label: "Unit 9" }], "https://t.example.org/");
    for (const f of odd) wellFormed(f.content);
    expect(odd[1].content).toContain("Claims &amp; &lt;counter-claims&gt;");
  });
});
