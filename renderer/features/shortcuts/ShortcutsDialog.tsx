import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { useCallUiStore } from '../call/call-ui-store';
import { heldShortcuts, shortcuts } from './shortcuts';

export function ShortcutsDialog() {
  const { t } = useTranslation();
  const closeDialog = useCallUiStore((state) => state.closeDialog);
  const rows = [
    ...shortcuts.map((shortcut) => ({ action: shortcut.action, keys: shortcut.keys, held: false })),
    ...heldShortcuts.map((shortcut) => ({ action: shortcut.action, keys: shortcut.keys, held: true })),
  ];
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
          {rows.map((row) => (
            <tr key={row.action}>
              <td>
                {row.held ? t('shortcuts.hold') : null}
                <kbd>{row.keys}</kbd>
              </td>
              <td>{t(`shortcuts.${row.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
