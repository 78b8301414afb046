// The course as an IMS Common Cartridge 1.3: one LTI link per published unit, each launching
// the tool (LTI 1.3) with the custom parameter `unit`, so an LMS imports the whole course as
// links in one step (Canvas: Import course content → Common Cartridge; Moodle: Restore →
// IMS Common Cartridge). The links use the cartridge's basic-LTI link format (imsbasiclti),
// the form LMSs read for LTI links in a cartridge; the LMS matches them to the LTI 1.3 tool its
// admin registered, by the tool's address (docs/lti.md). Pure: units and an origin in, files out.
import { LTI_PATHS } from "@/lib/lti";
import { isPublished, unitLabels } from "@/lib/units";
import type { CompiledLesson } from "@/server/content/lessons";
import { zip } from "./zip";

export type CartridgeUnit = { slug: string; title: string; summary: string; label: string };

/** The published units of the course, in order, as the cartridge lists them. */
export function cartridgeUnits(lessons: readonly CompiledLesson[]): CartridgeUnit[] {
  const published = lessons.filter((l) => isPublished(l) && l.frontmatter);
  const labels = unitLabels(published.map((l) => ({ kind: l.frontmatter!.kind ?? "unit", assessment: l.frontmatter!.assessment, draft: false })));
  return published.map((l, i) => ({ slug: l.slug, title: l.frontmatter!.title, summary: l.frontmatter!.summary, label: labels[i].long }));
}


const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** A stable identifier for a unit's resource (XML ids: letters, digits, _ and -; not starting with a digit). */
export const resourceId = (slug: string) => `unit_${slug.replace(/[^A-Za-z0-9_-]/g, "_")}`;

function linkXml(unit: CartridgeUnit, launchUrl: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<cartridge_basiclti_link xmlns="http://www.imsglobal.org/xsd/imslticc_v1p3"
    xmlns:blti="http://www.imsglobal.org/xsd/imsbasiclti_v1p0"
    xmlns:lticm="http://www.imsglobal.org/xsd/imslticm_v1p0"
    xmlns:lticp="http://www.imsglobal.org/xsd/imslticp_v1p0"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsglobal.org/xsd/imslticc_v1p3 http://www.imsglobal.org/xsd/imslticc_v1p3.xsd
      http://www.imsglobal.org/xsd/imsbasiclti_v1p0 http://www.imsglobal.org/xsd/imsbasiclti_v1p0p1.xsd
      http://www.imsglobal.org/xsd/imslticm_v1p0 http://www.imsglobal.org/xsd/imslticm_v1p0.xsd
      http://www.imsglobal.org/xsd/imslticp_v1p0 http://www.imsglobal.org/xsd/imslticp_v1p0.xsd">
  <blti:title>${escapeXml(`${unit.label}: ${unit.title}`)}</blti:title>
  <blti:description>${escapeXml(unit.summary)}</blti:description>
  <blti:custom>
    <lticm:property name="unit">${escapeXml(unit.slug)}</lticm:property>
  </blti:custom>
  <blti:launch_url>${escapeXml(launchUrl)}</blti:launch_url>
  <blti:secure_launch_url>${escapeXml(launchUrl)}</blti:secure_launch_url>
  <blti:vendor>
    <lticp:code>behind-the-headline</lticp:code>
    <lticp:name>Behind the Headline</lticp:name>
  </blti:vendor>
</cartridge_basiclti_link>
`;
}

function manifestXml(units: readonly CartridgeUnit[], title: string): string {
  const items = units.map((u) => `        <item identifier="item_${resourceId(u.slug)}" identifierref="${resourceId(u.slug)}">\n          <title>${escapeXml(`${u.label}: ${u.title}`)}</title>\n        </item>`);
  const resources = units.map((u) => `    <resource identifier="${resourceId(u.slug)}" type="imsbasiclti_xmlv1p3">\n      <file href="${resourceId(u.slug)}.xml"/>\n    </resource>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="behind-the-headline"
    xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
    xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1 http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd
      http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd">
  <metadata>
    <schema>IMS Common Cartridge</schema>
    <schemaversion>1.3.0</schemaversion>
    <lomimscc:lom>
      <lomimscc:general>
        <lomimscc:title>
          <lomimscc:string language="en">${escapeXml(title)}</lomimscc:string>
        </lomimscc:title>
      </lomimscc:general>
    </lomimscc:lom>
  </metadata>
  <organizations>
    <organization identifier="org_1" structure="rooted-hierarchy">
      <item identifier="root">
${items.join("\n")}
      </item>
    </organization>
  </organizations>
  <resources>
${resources.join("\n")}
  </resources>
</manifest>
`;
}

/** The cartridge's files: the manifest first, then one LTI link per unit. */
export function cartridgeFiles(units: readonly CartridgeUnit[], origin: string, title = "Behind the Headline"): { name: string; content: string }[] {
  const launchUrl = new URL(LTI_PATHS.launch, origin).toString();
  return [{ name: "imsmanifest.xml", content: manifestXml(units, title) }, ...units.map((u) => ({ name: `${resourceId(u.slug)}.xml`, content: linkXml(u, launchUrl) }))];
}

/** The cartridge as a .imscc file (a ZIP). */
export function cartridge(units: readonly CartridgeUnit[], origin: string): Buffer {
  return zip(cartridgeFiles(units, origin));
}
