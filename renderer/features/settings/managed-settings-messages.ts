// The words of the managed settings (locked keys, choosing and adding an instance), French first.
import type { AppError } from '../../../common/ipc-contract';
import { languageOfLocale, type Language } from '../../../common/languages';

const fr = {
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
};

export type ManagedSettingsMessages = typeof fr;

const en: ManagedSettingsMessages = {
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
};

const de: ManagedSettingsMessages = {
  lockedByPolicy: 'Von Ihrer Administration vorgegebene Einstellung',
  instances: 'Instanzen',
  addInstance: 'Instanz hinzufügen',
  instanceUrl: 'Adresse der Instanz',
  instanceUrlHint: 'Zum Beispiel: visio.numerique.gouv.fr',
  adding: 'Instanz wird überprüft…',
  added: 'Instanz „{name}“ hinzugefügt. Wählen Sie sie aus und starten Sie die Anwendung neu, um sie zu verwenden.',
  profileLegend: 'Verwendete Instanz',
  nextStart: 'Die Änderung wird beim nächsten Start von Visio wirksam.',
  inUse: 'wird verwendet',
  loadingProfiles: 'Instanzen werden geladen…',
  profilesUnavailable: 'Die Liste der Instanzen konnte nicht gelesen werden.',
  profileChosen: 'Instanz „{name}“ ausgewählt. Die Änderung wird beim nächsten Start von Visio wirksam.',
  profileKept: 'Instanz „{name}“ ausgewählt: Sie wird bereits verwendet.',
  profileErrors: {
    locked_by_policy: 'Ihre Administration gibt die Instanz vor: Sie kann nicht geändert werden.',
    invalid_input: 'Diese Instanz ist nicht mehr in der Liste. Schließen Sie die Einstellungen und öffnen Sie sie erneut.',
    other: 'Die Instanz konnte nicht ausgewählt werden. Versuchen Sie es erneut.',
  },
  errors: {
    invalid_url: 'Diese Adresse ist ungültig. Beispiel: visio.numerique.gouv.fr',
    insecure_url: 'Diese Adresse ist nicht sicher: Nur https-Adressen werden akzeptiert.',
    unreachable: 'Der Server ist nicht erreichbar. Prüfen Sie die Adresse und Ihre Netzwerkverbindung.',
    redirect_elsewhere: 'Der Server leitet auf eine andere Website weiter: Er wurde nicht hinzugefügt.',
    not_meet: 'Dieser Server scheint keine Visio-Instanz (LaSuite Meet) zu sein.',
    already_added: 'Diese Instanz ist bereits in der Liste.',
    add_instance_locked: 'Ihre Administration erlaubt nicht, weitere Instanzen hinzuzufügen.',
    unavailable: 'Eine Instanz kann nur in der Desktop-Anwendung hinzugefügt werden.',
    other: 'Die Instanz konnte nicht hinzugefügt werden. Versuchen Sie es später erneut.',
  },
};

const nl: ManagedSettingsMessages = {
  lockedByPolicy: 'Instelling bepaald door uw beheerder',
  instances: 'Omgevingen',
  addInstance: 'Een omgeving toevoegen',
  instanceUrl: 'Adres van de omgeving',
  instanceUrlHint: 'Bijvoorbeeld: visio.numerique.gouv.fr',
  adding: 'De omgeving wordt gecontroleerd…',
  added: 'Omgeving ‘{name}’ toegevoegd. Kies deze en start de toepassing opnieuw om haar te gebruiken.',
  profileLegend: 'Gebruikte omgeving',
  nextStart: 'De wijziging gaat in bij de volgende start van Visio.',
  inUse: 'in gebruik',
  loadingProfiles: 'De omgevingen worden geladen…',
  profilesUnavailable: 'De lijst met omgevingen kon niet worden gelezen.',
  profileChosen: 'Omgeving ‘{name}’ gekozen. De wijziging gaat in bij de volgende start van Visio.',
  profileKept: 'Omgeving ‘{name}’ gekozen: deze is al in gebruik.',
  profileErrors: {
    locked_by_policy: 'Uw beheerder bepaalt de omgeving: deze kan niet worden gewijzigd.',
    invalid_input: 'Deze omgeving staat niet meer in de lijst. Sluit de instellingen en open ze opnieuw.',
    other: 'De omgeving kon niet worden gekozen. Probeer het opnieuw.',
  },
  errors: {
    invalid_url: 'Dit adres is ongeldig. Voorbeeld: visio.numerique.gouv.fr',
    insecure_url: 'Dit adres is niet beveiligd: alleen https-adressen worden aanvaard.',
    unreachable: 'De server is niet bereikbaar. Controleer het adres en uw netwerkverbinding.',
    redirect_elsewhere: 'De server verwijst door naar een andere website: hij is niet toegevoegd.',
    not_meet: 'Deze server lijkt geen Visio-omgeving (LaSuite Meet) te zijn.',
    already_added: 'Deze omgeving staat al in de lijst.',
    add_instance_locked: 'Uw beheerder staat niet toe dat u andere omgevingen toevoegt.',
    unavailable: 'Een omgeving toevoegen kan alleen in de desktoptoepassing.',
    other: 'De omgeving kon niet worden toegevoegd. Probeer het later opnieuw.',
  },
};

export const managedSettingsTables: Record<Language, ManagedSettingsMessages> = { fr, en, de, nl };

/** The words in a language or locale (`en-GB`), French for any other. */
export function managedSettingsMessages(language: string): ManagedSettingsMessages {
  return managedSettingsTables[languageOfLocale(language) ?? 'fr'];
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
