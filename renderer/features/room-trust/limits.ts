// Sizes and rates beyond which what others send is cut or refused: enough for any real use,
// small enough that no participant can fill the page, the memory or the API quota.
export const MAX_NOTIFICATION_BYTES = 4 * 1024;
/** A legacy chat packet larger than this is not even parsed. */
export const MAX_LEGACY_CHAT_BYTES = 64 * 1024;
/** Characters of a chat message shown; the rest is cut and the cut is marked. */
export const MAX_CHAT_CHARS = 4 * 1024;
export const MAX_SUBTITLE_CHARS = 1024;
export const MAX_ID_CHARS = 128;
export const MAX_NAME_CHARS = 64;
export const MAX_METADATA_CHARS = 64 * 1024;
/** Reactions kept per sender within REACTION_WINDOW_MS; the others are dropped. */
export const MAX_REACTIONS_PER_WINDOW = 5;
export const REACTION_WINDOW_MS = 3000;
/** However many `participantWaiting` packets arrive, the lobby is asked at most this often. */
export const LOBBY_REFRESH_MIN_INTERVAL_MS = 1000;
