// The application id: the macOS managed-preferences domain and the prefix of every keychain
// service name. Packaged builds of a ministry brand keep it, so policies and secrets carry over.
export const applicationId = 'fr.gouv.lasuite.visio';
