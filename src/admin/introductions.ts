/// <reference lib="dom" />

/**
 * Strapi's own introductions that cover the first screen are dismissed: the
 * guided tour (it teaches building content types and API tokens, which a newsroom
 * does not do) and the "Introducing the new Media Library" banner (it links to a
 * strapi.io blog post). Both remember their state in localStorage, so the
 * dismissal is written there before the admin renders:
 *
 * - Guided tour: `STRAPI_GUIDED_TOUR` → `enabled: false`, the state its own "Skip"
 *   writes (Strapi 5.54 shows the tour only to the first Super Admin and only in
 *   `strapi develop`, i.e. to the development admin). Done once per browser (marker
 *   below), so Profile → Guided tour → Reset still brings it back.
 * - Banner: `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_<legacy flag>:<project uuid>`
 *   → `true`, the state of its close button, for both flag values. The uuid is the
 *   one Strapi scopes it with, from the public `/admin/init` (as Strapi reads it;
 *   bootstrap is not awaited, so this cannot block the first render). The banner is
 *   part of the logged-in layout: a fresh browser passes the login page first, long
 *   after that answer.
 *
 * localStorage is per browser, not per user: this holds for everyone using this
 * admin, the Super Admin included.
 */
const TOUR_KEY = 'STRAPI_GUIDED_TOUR';
const MARKER = 'NEWSROOM_GUIDED_TOUR_DISMISSED';
const BANNER_KEY = (legacy: boolean, uuid: string | false) => `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${uuid}`;

function dismissGuidedTour(): void {
  if (localStorage.getItem(MARKER)) return;
  let stored: object = {};
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(TOUR_KEY) ?? '{}');
    if (parsed && typeof parsed === 'object') stored = parsed;
  } catch {
    /* unreadable: Strapi starts from its defaults plus ours */
  }
  localStorage.setItem(TOUR_KEY, JSON.stringify({ ...stored, enabled: false }));
  localStorage.setItem(MARKER, '1');
}

async function dismissMediaLibraryBanner(backendURL: string): Promise<void> {
  const res = await fetch(`${backendURL}/admin/init`, { credentials: 'same-origin' });
  if (!res.ok) return;
  const uuid = ((await res.json()) as { data?: { uuid?: string | false } }).data?.uuid;
  if (uuid === undefined) return;
  for (const legacy of [true, false]) localStorage.setItem(BANNER_KEY(legacy, uuid), 'true');
}

export function dismissIntroductions(): void {
  try {
    dismissGuidedTour();
  } catch {
    /* storage unavailable (private mode): Strapi shows its defaults */
  }
  const backendURL = (window as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
  dismissMediaLibraryBanner(backendURL).catch(() => undefined);
}
