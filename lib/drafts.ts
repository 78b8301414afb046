// Quiz drafts: a student's answers kept in the browser (localStorage) until they are
// submitted, so a reload loses nothing. A draft belongs to the signed-in user: its key holds
// their id, drafts of anyone else are deleted as soon as another user opens a quiz here, and
// signing out deletes them all. On a shared computer the next student sees none of them.
import { fetchMe } from "./me";

const PREFIX = "bth:draft:";
/** Drafts saved before they were tied to a user (no owner: never restored, always deleted). */
const UNOWNED_PREFIX = "bth:quiz:";

const keyOf = (userId: string, lessonSlug: string, quizId: string) => `${PREFIX}${userId}:${lessonSlug}:${quizId}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage switched off: drafts live in memory only
  }
}

function removeWhere(test: (key: string) => boolean) {
  const store = storage();
  if (!store) return;
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((k): k is string => k !== null);
  for (const key of keys) if (test(key)) store.removeItem(key);
}

/** The signed-in user's draft of this quiz, or null. Deletes drafts that are not theirs. */
export async function loadDraft<T>(lessonSlug: string, quizId: string): Promise<T | null> {
  const me = await fetchMe();
  const mine = me ? `${PREFIX}${me.id}:` : null;
  removeWhere((k) => k.startsWith(UNOWNED_PREFIX) || (k.startsWith(PREFIX) && !(mine && k.startsWith(mine))));
  if (!me) return null;
  try {
    const saved = storage()?.getItem(keyOf(me.id, lessonSlug, quizId));
    return saved ? (JSON.parse(saved) as T) : null;
  } catch {
    return null;
  }
}

export function saveDraft(lessonSlug: string, quizId: string, answers: unknown): void {
  void fetchMe().then((me) => {
    try {
      if (me) storage()?.setItem(keyOf(me.id, lessonSlug, quizId), JSON.stringify(answers));
    } catch {
      /* full or switched off: the answers stay in memory */
    }
  });
}

export function clearDraft(lessonSlug: string, quizId: string): void {
  void fetchMe().then((me) => me && removeWhere((k) => k === keyOf(me.id, lessonSlug, quizId)));
}

/** Deletes every quiz draft in this browser (signing out, deleting the account). */
export function clearAllDrafts(): void {
  removeWhere((k) => k.startsWith(PREFIX) || k.startsWith(UNOWNED_PREFIX));
}

/** The sections of a unit this user has read (reached while scrolling), kept like a draft: theirs only, gone at sign-out. */
const SECTIONS = "#sections";

export async function loadReadSections(lessonSlug: string): Promise<string[]> {
  const read = await loadDraft<string[]>(lessonSlug, SECTIONS);
  return Array.isArray(read) ? read.filter((id): id is string => typeof id === "string") : [];
}

export function saveReadSections(lessonSlug: string, ids: readonly string[]): void {
  saveDraft(lessonSlug, SECTIONS, ids);
}
