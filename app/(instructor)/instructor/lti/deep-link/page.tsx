// LTI deep linking: the instructor who chose "add a tool" in their LMS picks units here (the
// steps: server/lti/deep-link.ts). The launch sent them here with the platform's request, signed
// for them: that value is this page's authority, not the session — the LMS may show this page in
// its frame, where the session cookie is not sent. proxy.ts lets it through without a session
// and sets its headers: frame-ancestors the requesting platform's origin only, no Referer. The
// form posts to /api/lti/deep-link, which answers the LMS. A plain form: it works without
// scripts and by keyboard. The site's header is hidden here (app/globals.css): in the LMS's
// frame its links would lead to pages that refuse to be framed, so the page names the site.
import type { Metadata } from "next";
import { getCurrentUser } from "@/server/auth";
import { WHOLE_COURSE } from "@/server/lti/deep-link";
import { pickableUnits, pickerRequest } from "@/server/lti/deep-link-response";

export const metadata: Metadata = { title: "Add units to your course" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DeepLinkPage({ searchParams }: Props) {
  const { request } = await searchParams;
  const settings = await pickerRequest(request, await getCurrentUser());
  if (typeof request !== "string" || !settings) {
    return (
      <div className="deep-link">
        <p className="deep-link__brand">Behind the Headline</p>
        <h1>Add units to your course</h1>
        <p>
          This page is opened from your learning platform, when you add Behind the Headline to a course there (Canvas, Moodle: “add an external tool”,
          then choose content). This choice has expired or was not started for you: go back to your course and add the tool again.
        </p>
      </div>
    );
  }
  const units = await pickableUnits();
  const multiple = settings.acceptMultiple;
  const input = (value: string) => (multiple ? { type: "checkbox", name: `pick:${value}`, value: "on" } : { type: "radio", name: "pick", value, required: true });

  return (
    <div className="deep-link">
      <p className="deep-link__brand">Behind the Headline</p>
      <h1>Add units to your course</h1>
      <p>
        {multiple ? "Pick the units" : "Pick the unit"} your learning platform should link to. Each unit opens in Behind the Headline, signed in; a unit with a
        graded quiz also gets a column in the platform&apos;s gradebook (scores out of 100).
      </p>
      <form method="post" action="/api/lti/deep-link">
        <input type="hidden" name="request" value={request} />
        <fieldset className="deep-link__picks">
          <legend>{multiple ? "Units (pick one or more)" : "Pick one"}</legend>
          <ul>
            {units.map((u) => (
              <li key={u.slug}>
                <label className="option">
                  <input {...input(u.slug)} />
                  <span>
                    {u.number !== null ? `Unit ${u.number}: ` : null}
                    {u.title}
                    {u.graded ? <span className="muted"> · graded quiz, gradebook column</span> : null}
                  </span>
                </label>
              </li>
            ))}
            <li>
              <label className="option">
                <input {...input(WHOLE_COURSE)} />
                <span>The whole course (one link to the course page, no gradebook column)</span>
              </label>
            </li>
          </ul>
        </fieldset>
        <p className="deep-link__actions">
          <button type="submit" className="button button--primary">
            Add to the course
          </button>{" "}
          {/* Back to the platform with nothing: no pick needed (formNoValidate skips the radio buttons' required). */}
          <button type="submit" name="cancel" value="1" className="button" formNoValidate>
            Cancel: add nothing
          </button>
        </p>
      </form>
    </div>
  );
}
