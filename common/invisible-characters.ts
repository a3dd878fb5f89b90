// Control characters, and the bidirectional overrides and invisible marks that could make a name
// read as something else (`rapport\u202Efdp.exe` shows as `rapportexe.pdf`): removed from any
// name another participant chose before it is shown or used.
// eslint-disable-next-line no-control-regex
export const INVISIBLE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
