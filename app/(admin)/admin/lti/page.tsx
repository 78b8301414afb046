import type { Metadata } from "next";
import { headers } from "next/headers";
import { Fragment } from "react";
import { ActionForm } from "@/components/forms/ActionForm";
import { LTI_PATHS, toolUrls } from "@/lib/lti";
import { requireAdmin } from "@/server/access";
import { appOrigin } from "@/server/lti/login";
import { listPlatforms } from "@/server/lti/platforms";
import { REGISTER_PATH } from "@/server/lti/registration-page";
import { registerPlatformAction } from "./actions";

export const metadata: Metadata = { title: "Learning platforms (LTI)" };

const FIELDS = [
  { name: "name", label: "Name", hint: "For you: “District Canvas”, “School Moodle”." },
  { name: "issuer", label: "Issuer (iss)", hint: "Canvas: https://canvas.instructure.com · Moodle: the site's address." },
  { name: "clientId", label: "Client ID", hint: "The id the platform gave the tool when you added it." },
  { name: "deploymentIds", label: "Deployment IDs", hint: "One or more, separated by commas." },
  { name: "authUrl", label: "OIDC authorisation URL", hint: "Canvas: https://sso.canvaslms.com/api/lti/authorize_redirect · Moodle: …/mod/lti/auth.php" },
  { name: "tokenUrl", label: "Access token URL", hint: "Canvas: https://sso.canvaslms.com/login/oauth2/token · Moodle: …/mod/lti/token.php" },
  { name: "jwksUrl", label: "Public keyset (JWKS) URL", hint: "Canvas: https://sso.canvaslms.com/api/lti/security/jwks · Moodle: …/mod/lti/certs.php" },
] as const;

export default async function LtiAdminPage() {
  await requireAdmin();
  const requestHeaders = await headers();
  const host = requestHeaders.get("host") ?? "localhost";
  const urls = toolUrls(appOrigin(`${requestHeaders.get("x-forwarded-proto") === "https" ? "https" : "http"}://${host}`));
  const platforms = await listPlatforms();
  const registrationUrl = urls.login.replace(LTI_PATHS.login, REGISTER_PATH);

  return (
    <div className="wide lti-admin">
      <h1>Learning platforms (LTI 1.3)</h1>
      <p>
        Add Behind the Headline to your school&apos;s LMS (Canvas, Moodle, …) so that students and instructors open it from their course, already signed in. The steps for
        Canvas and Moodle are in the project&apos;s docs/lti.md.
      </p>

      <h2>1. Paste these into your LMS</h2>
      <dl className="tool-values">
        <dt>Login initiation URL (OpenID Connect initiation)</dt>
        <dd>
          <code>{urls.login}</code>
        </dd>
        <dt>Redirect URI / launch URL (Target link URI for the whole course)</dt>
        <dd>
          <code>{urls.launch}</code> <span className="muted">· target link:</span> <code>{urls.target}</code>
        </dd>
        <dt>Deep linking URL (content selection: an instructor picks units when adding the tool)</dt>
        <dd>
          <code>{urls.launch}</code> <span className="muted">· the launch URL: the tool tells the two apart by the message type</span>
        </dd>
        <dt>Public keyset URL (JWKS)</dt>
        <dd>
          <code>{urls.jwks}</code>
        </dd>
        <dt>Registration URL (LTI Dynamic Registration, where the LMS offers it)</dt>
        <dd>
          <code>{registrationUrl}</code> <span className="muted">· the LMS then registers the platform here itself (you confirm it, signed in as an admin): step 2 is not needed.</span>
        </dd>
      </dl>
      <p className="muted">To open one unit, give a link the custom parameter unit=&lt;the unit&apos;s name&gt;, as in unit=lone-wolf.</p>

      <h2>2. Register the platform here</h2>
      <ActionForm action={registerPlatformAction} submitLabel="Register platform" pendingLabel="Registering…" keepValuesOnError>
        {FIELDS.map((f) => (
          <div className="field" key={f.name}>
            <label htmlFor={`lti-${f.name}`}>{f.label}</label>
            <input id={`lti-${f.name}`} name={f.name} required maxLength={f.name === "deploymentIds" ? 2000 : 500} autoComplete="off" aria-describedby={`lti-${f.name}-hint`} />
            <p className="field__hint" id={`lti-${f.name}-hint`}>
              {f.hint}
            </p>
          </div>
        ))}
      </ActionForm>

      <h2>3. Import the units into a course</h2>
      <p>
        <a href="/api/admin/cartridge" download>
          Download the course as a Common Cartridge (.imscc)
        </a>{" "}
        and import it into an LMS course (Canvas: Settings → Import course content; Moodle: Restore). It holds one link per unit, each opening that unit through this tool.
      </p>

      <h2>Registered platforms</h2>
      {platforms.length === 0 ? (
        <p>No platform is registered yet.</p>
      ) : (
        // One block per platform, its values under the form's labels: a four-column table of
        // long addresses could not be read on a phone.
        <ul className="lti-platforms">
          {platforms.map((p) => (
            <li key={p.id} data-platform={p.issuer}>
              <h3>{p.name}</h3>
              <dl className="tool-values">
                {FIELDS.filter((f) => f.name !== "name").map((f) => (
                  <Fragment key={f.name}>
                    <dt>{f.label}</dt>
                    <dd>
                      <code>{f.name === "deploymentIds" ? p.deploymentIds.join(", ") : p[f.name]}</code>
                    </dd>
                  </Fragment>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
