/**
 * The admin's compact live-posting form (src/admin/live-panel.tsx, routes
 * /live-desk/… in src/api/live/desk-routes.ts): what it sends, and who may
 * write which entry. Pure: no Strapi, no environment.
 *
 * Who may post (README, "Live coverage" → "Posting from the admin"):
 * - editors and up (whoever may publish articles) post to every live coverage;
 * - a reporter posts to a coverage they are **assigned** to: they created the
 *   article, or one of its authors (in that locale) is their author profile —
 *   the author whose e-mail is their admin account's. An editor assigns a
 *   reporter by adding the reporter's author profile to the story's authors;
 * - pinning and unpinning is for whoever holds the `pinned` field of live
 *   entries (editors and up; the reporter role is granted every field but it).
 */
import type { FieldError } from './input-rules';

export const MAX_ENTRY_TEXT = 20_000;
export const MAX_ENTRY_TITLE = 250;

export interface DeskEntryInput {
  title?: string | null;
  text?: string;
  isKeyEvent?: boolean;
  pinned?: boolean;
}

const FIELDS = ['title', 'text', 'isKeyEvent', 'pinned'] as const;

/** Reads the form's body; every problem names its field. An empty title is no title. */
export function parseDeskEntry(body: unknown, creating: boolean): { value: DeskEntryInput; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const value: DeskEntryInput = {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { value, problems: [{ path: ['body'], message: `must be an object with ${FIELDS.join(', ')}` }] };
  }
  const input = body as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!(FIELDS as readonly string[]).includes(key)) problems.push({ path: [key], message: `is not a field of the posting form (${FIELDS.join(', ')})` });
  }
  if ('title' in input) {
    const t = input.title;
    if (t === null || t === undefined || (typeof t === 'string' && !t.trim())) value.title = null;
    else if (typeof t !== 'string') problems.push({ path: ['title'], message: 'must be a string' });
    else if (t.trim().length > MAX_ENTRY_TITLE) problems.push({ path: ['title'], message: `must be at most ${MAX_ENTRY_TITLE} characters` });
    else value.title = t.trim();
  }
  if ('text' in input || creating) {
    const t = input.text;
    if (typeof t !== 'string' || !t.trim()) problems.push({ path: ['text'], message: 'is required: the entry\'s text' });
    else if (t.length > MAX_ENTRY_TEXT) problems.push({ path: ['text'], message: `must be at most ${MAX_ENTRY_TEXT} characters` });
    else value.text = t;
  }
  for (const flag of ['isKeyEvent', 'pinned'] as const) {
    if (!(flag in input)) continue;
    if (typeof input[flag] !== 'boolean') problems.push({ path: [flag], message: 'must be true or false' });
    else value[flag] = input[flag] as boolean;
  }
  if (!creating && !problems.length && !Object.keys(value).length) problems.push({ path: ['body'], message: `names nothing to change (${FIELDS.join(', ')})` });
  return { value, problems };
}

export interface ParagraphBlock {
  type: 'paragraph';
  children: Array<{ type: 'text'; text: string }>;
}

/** Plain text to blocks: a paragraph per blank-line-separated part; single line breaks are kept. */
export function textToBlocks(text: string): ParagraphBlock[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph', children: [{ type: 'text', text: p }] }));
}

/** What decides an admin user's write of a live entry. */
export interface LiveWriteFacts {
  /** May publish articles: editors and up. */
  editor: boolean;
  /** Created the coverage's article, or is one of its authors (src/lib/live-desk.ts, top). */
  assigned: boolean;
  /** Holds the `pinned` field of live entries. */
  mayPin: boolean;
  /** The write sets `pinned` to something else than it is. */
  changesPin: boolean;
}

/** Why an admin user may not make this entry write (a 403 naming the field), or null. */
export function liveWriteRefusal(f: LiveWriteFacts): { field: string; message: string; summary: string } | null {
  if (!f.editor && !f.assigned) {
    return {
      field: 'coverage',
      message: 'is a coverage you are not assigned to',
      summary: 'Reporters post only to live coverage they are assigned to (they created the story, or their author profile is one of its authors); ask an editor to add you',
    };
  }
  if (f.changesPin && !f.mayPin) {
    return { field: 'pinned', message: 'may be changed by editors only', summary: 'Only editors pin or unpin live entries' };
  }
  return null;
}
