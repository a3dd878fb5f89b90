// The words of the managed settings (locked keys, adding an instance), French first.
import type { AppError } from '../../../common/ipc-contract';

export type MessageLanguage = 'fr' | 'en';

const messages = {
  fr: {
    lockedByPolicy: 'Réglage imposé par votre administrateur',
    instances: 'Instances',
    addInstance: 'Ajouter une instance',
    instanceUrl: 'Adresse de l’instance',
    instanceUrlHint: 'Par exemple : visio.numerique.gouv.fr',
    adding: 'Vérification de l’instance…',
    added: 'Instance « {name} » ajoutée. Choisissez-la puis redémarrez l’application pour l’utiliser.',
    errors: {
      invalid_url: 'Cette adresse n’est pas valide. Exemple : visio.numerique.gouv.fr',
      insecure_url: 'Cette adresse n’est pas sécurisée : seules les adresses https sont acceptées.',
      unreachable: 'Le serveur est injoignable. Vérifiez l’adresse et votre connexion réseau.',
      redirect_elsewhere: 'Le serveur renvoie vers un autre site : il n’a pas été ajouté.',
      not_meet: 'Ce serveur ne semble pas être une instance Visio (LaSuite Meet).',
      already_added: 'Cette instance est déjà dans la liste.',
      add_instance_locked: 'Votre administrateur ne permet pas d’ajouter d’autres instances.',
      unavailable: 'L’ajout d’une instance n’est possible que dans l’application de bureau.',
      other: 'L’instance n’a pas pu être ajoutée. Réessayez plus tard.',
    },
  },
  en: {
    lockedByPolicy: 'Setting enforced by your administrator',
    instances: 'Instances',
    addInstance: 'Add an instance',
    instanceUrl: 'Instance address',
    instanceUrlHint: 'For example: visio.numerique.gouv.fr',
    adding: 'Checking the instance…',
    added: 'Instance “{name}” added. Choose it, then restart the app to use it.',
    errors: {
      invalid_url: 'This address is not valid. Example: visio.numerique.gouv.fr',
      insecure_url: 'This address is not secure: only https addresses are accepted.',
      unreachable: 'The server cannot be reached. Check the address and your network connection.',
      redirect_elsewhere: 'The server redirects to another site: it was not added.',
      not_meet: 'This server does not look like a Visio (LaSuite Meet) instance.',
      already_added: 'This instance is already in the list.',
      add_instance_locked: 'Your administrator does not allow adding other instances.',
      unavailable: 'Adding an instance is only possible in the desktop app.',
      other: 'The instance could not be added. Try again later.',
    },
  },
} as const;

export type ManagedSettingsMessages = (typeof messages)['fr'] | (typeof messages)['en'];

export function managedSettingsMessages(language: string): ManagedSettingsMessages {
  return language.startsWith('en') ? messages.en : messages.fr;
}

/** The sentence for a refused instance: the precise reason when main gave one. */
export function addInstanceErrorText(error: AppError, language: string): string {
  const errors = managedSettingsMessages(language).errors;
  const key = error.reason ?? (error.code === 'locked_by_policy' ? 'add_instance_locked' : error.code);
  return key in errors ? errors[key as keyof typeof errors] : errors.other;
}
