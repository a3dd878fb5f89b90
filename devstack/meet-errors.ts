// Errors as LaSuite Meet answers them: Django REST framework's `{"detail": ...}` and per-field
// lists, `{"error": ...}` from the in-call actions, `{"message": ...}` from the lobby decision,
// with DRF's English texts (and its French ones for the few a French browser may see).

export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** DRF answers an object, or a bare list for a non-field ValidationError. */
    readonly body: Record<string, unknown> | string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(JSON.stringify(body));
  }
}

export const TEXT = {
  notAuthenticated: 'Authentication credentials were not provided.',
  permissionDenied: 'You do not have permission to perform this action.',
  privilegesRequired: 'You must have privileges on room to perform this action.',
  roomNotFound: 'No Room matches the given query.',
  notFound: 'Not found.',
  required: 'This field is required.',
  blank: 'This field may not be blank.',
} as const;

const FRENCH: Record<string, string> = {
  [TEXT.notAuthenticated]: "Informations d'authentification non fournies.",
  [TEXT.permissionDenied]: "Vous n'avez pas la permission d'effectuer cette action.",
  [TEXT.notFound]: 'Pas trouvé.',
};

/** DRF's `{"detail": ...}`; a 401 names the session scheme, as Meet's SessionAuthentication does. */
export function detailError(status: number, text: string): HttpError {
  return new HttpError(status, { detail: text }, status === 401 ? { 'www-authenticate': 'Session' } : {});
}

export function notAuthenticated(): HttpError {
  return detailError(401, TEXT.notAuthenticated);
}

/** The in-call actions' `{"error": ...}`. */
export function actionError(status: number, text: string): HttpError {
  return new HttpError(status, { error: text });
}

/** A serializer's refusal: `{field: [message]}`. */
export function fieldErrors(errors: Record<string, string | unknown[]>): HttpError {
  return new HttpError(
    400,
    Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, typeof message === 'string' ? [message] : message])),
  );
}

/** Django's language negotiation, reduced to the two languages the desktop speaks. */
export function responseLanguage(acceptLanguage: string | undefined): 'fr-fr' | 'en-us' {
  return /^\s*fr\b/i.test(acceptLanguage ?? '') ? 'fr-fr' : 'en-us';
}

/** The body in the negotiated language: DRF translates its own texts. */
export function localizedBody(body: unknown, language: 'fr-fr' | 'en-us'): unknown {
  if (language !== 'fr-fr' || typeof body !== 'object' || body === null || !('detail' in body)) return body;
  const detail = (body as { detail: unknown }).detail;
  return typeof detail === 'string' && FRENCH[detail] ? { ...body, detail: FRENCH[detail] } : body;
}

/** Pydantic's refusal of a room configuration, as Meet's serializer forwards it. */
export function configurationErrors(errors: Record<string, unknown>[]): HttpError {
  return new HttpError(400, { configuration: errors });
}
