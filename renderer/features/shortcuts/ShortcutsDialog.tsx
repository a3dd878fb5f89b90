import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { useCallUiStore } from '../call/call-ui-store';
import { shortcuts } from './shortcuts';

export function ShortcutsDialog() {
  const { t } = useTranslation();
  const closeDialog = useCallUiStore((state) => state.closeDialog);
  return (
    <Dialog title={t('shortcuts.title')} closeLabel={t('shortcuts.close')} onClose={closeDialog}>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keys')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {shortcuts.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                <kbd>{shortcut.keys}</kbd>
              </td>
              <td>{t(`shortcuts.${shortcut.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
