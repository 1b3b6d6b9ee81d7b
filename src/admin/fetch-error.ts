/**
 * What the admin's fetch client threw, read once for every panel and page.
 * Its FetchError carries the HTTP status on the error itself (`status`), and
 * its `response` is only `{ data: body }`: a 409 read from `response.status`
 * was never seen (a second user's desk panel showed no holder). The body's
 * `error.status` is the fallback.
 */
export const errorOf = (err: unknown): { status?: number; details?: any; message?: string } => {
  const e = err as { status?: number; response?: { status?: number; data?: { error?: { status?: number; details?: unknown; message?: string } } } };
  const body = e.response?.data?.error;
  return { status: e.status ?? e.response?.status ?? body?.status, details: body?.details, message: body?.message };
};

/** The message to show for it: the API's error message, else the error's own. */
export const errorText = (err: unknown): string => errorOf(err).message ?? (err as { message?: string })?.message ?? String(err);
