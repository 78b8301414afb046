// The tool's public keys (JWKS) for LMSs to verify what the tool signs: server/lti/keys.ts.
import { anyone } from "@/server/access";
import { db } from "@/server/db";
import { reply, jsonRoute } from "@/server/http/route";
import { publishedKeys } from "@/server/lti/keys";

export const GET = jsonRoute({ who: anyone }, async () => {
  const response = reply(await publishedKeys(db));
  // Platforms cache it; a rotated key is published a week before old ones leave (keys.ts).
  response.headers.set("Cache-Control", "public, max-age=300");
  return response;
});
