// Pieces of the response schemas every type uses: ids as the browser sends them, bounded.
import { z } from "zod";

export const responseId = z.string().min(1).max(80).regex(/^[A-Za-z0-9_-]+$/, "ids are letters, digits, - and _");
export const responseIds = z.array(responseId).max(50);
