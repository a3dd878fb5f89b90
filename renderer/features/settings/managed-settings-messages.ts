// The words of the managed settings (locked keys, choosing and adding an instance), French first.
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
    profileLegend: 'Instance utilisée',
    nextStart: 'Le changement prendra effet au prochain démarrage de Visio.',
    inUse: 'en cours d’utilisation',
    loadingProfiles: 'Chargement des instances…',
    profilesUnavailable: 'La liste des instances n’a pas pu être lue.',
    profileChosen: 'Instance « {name} » choisie. Le changement prendra effet au prochain démarrage de Visio.',
    profileKept: 'Instance « {name} » choisie : c’est celle en cours d’utilisation.',
    profileErrors: {
      locked_by_policy: 'Votre administrateur impose l’instance : elle ne peut pas être changée.',
      invalid_input: 'Cette instance n’est plus dans la liste. Fermez puis rouvrez les paramètres.',
      other: 'L’instance n’a pas pu être choisie. Réessayez.',
    },
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
    profileLegend: 'Instance in use',
    nextStart: 'The change will take effect the next time Visio starts.',
    inUse: 'in use',
    loadingProfiles: 'Loading the instances…',
    profilesUnavailable: 'The list of instances could not be read.',
    profileChosen: 'Instance “{name}” chosen. The change will take effect the next time Visio starts.',
    profileKept: 'Instance “{name}” chosen: it is the one in use.',
    profileErrors: {
      locked_by_policy: 'Your administrator sets the instance: it cannot be changed.',
      invalid_input: 'This instance is no longer in the list. Close and reopen the settings.',
      other: 'The instance could not be chosen. Try again.',
    },
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

/** The sentence for a refused choice of instance. */
export function profileSelectErrorText(error: AppError, language: string): string {
  const errors = managedSettingsMessages(language).profileErrors;
  return error.code in errors ? errors[error.code as keyof typeof errors] : errors.other;
}
