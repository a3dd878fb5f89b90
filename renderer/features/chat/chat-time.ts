// Message times in the reader's language and conventions (24 h in French, 12 h in English).
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatMessageTime(timestamp: number, language: string): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
    formatters.set(language, formatter);
  }
  return formatter.format(timestamp);
}

/** The full date and time, for the tooltip of a message sent on another day. */
export function formatMessageDate(timestamp: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(timestamp);
}
