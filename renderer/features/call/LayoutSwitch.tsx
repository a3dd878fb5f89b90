import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutChoices, type LayoutChoice } from './layout';
import { useLayoutStore } from './layout-store';

export function LayoutSwitch() {
  const { t } = useTranslation();
  const choice = useLayoutStore((state) => state.choice);
  const choose = useLayoutStore((state) => state.choose);
  const id = useId();
  return (
    <div className="layout-switch">
      <label htmlFor={id}>{t('layout.label')}</label>
      <select id={id} value={choice} onChange={(event) => choose(event.target.value as LayoutChoice)}>
        {layoutChoices.map((layout) => (
          <option key={layout} value={layout}>
            {t(`layout.${layout}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
