// "More options": what the bar has no room for, the layout, the background effects, full screen,
// the settings, the connection test and the keyboard shortcuts, in one keyboard-friendly menu.
import { RiFullscreenExitLine, RiFullscreenLine, RiKeyboardBoxLine, RiMore2Fill, RiPulseLine, RiSettings3Line, RiImageCircleAiLine } from '@remixicon/react';
import type { Key } from 'react-aria-components';
import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover, Separator, Text, TooltipTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useCallUiStore } from '../call-ui-store';
import { layoutChoices } from '../layout';
import { useLayoutStore } from '../layout-store';
import type { MovableAction } from './control-bar-fit';
import { ControlTooltip, TOOLTIP_DELAY_MS } from './ControlTooltip';
import { useFullscreen } from './useFullscreen';
import { iconProps } from '../../../app/icon-props';
import type { BarAction } from './useMovableActions';

type MenuAction = 'effects' | 'fullscreen' | 'settings' | 'connectionTest' | 'shortcuts';

function MovedItem({ action, control }: { action: MovableAction; control: BarAction }) {
  return (
    <MenuItem id={action} className="menu__item" textValue={control.label} isDisabled={control.unavailableReason !== undefined}>
      {control.icon}
      <Text slot="label">{control.label}</Text>
    </MenuItem>
  );
}

/** The actions the bar had no room for: toggles keep their state (checked items), the others act at once. */
function MovedActions({ moved }: { moved: { action: MovableAction; control: BarAction }[] }) {
  const toggles = moved.filter(({ control }) => control.isSelected !== undefined);
  const others = moved.filter(({ control }) => control.isSelected === undefined);
  const selected = toggles.filter(({ control }) => control.isSelected).map(({ action }) => action as Key);
  return (
    <>
      {toggles.length > 0 && (
        <MenuSection className="menu__section" selectionMode="multiple" selectedKeys={selected}>
          {toggles.map((entry) => (
            <MovedItem key={entry.action} {...entry} />
          ))}
        </MenuSection>
      )}
      {others.length > 0 && (
        <MenuSection className="menu__section">
          {others.map((entry) => (
            <MovedItem key={entry.action} {...entry} />
          ))}
        </MenuSection>
      )}
    </>
  );
}

function LayoutSection() {
  const { t } = useTranslation();
  const choice = useLayoutStore((state) => state.choice);
  const choose = useLayoutStore((state) => state.choose);
  return (
    <MenuSection
      className="menu__section"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[choice]}
    >
      <Header className="menu__header">{t('layout.label')}</Header>
      {layoutChoices.map((layout) => (
        <MenuItem key={layout} id={layout} className="menu__item" textValue={t(`layout.${layout}`)} onAction={() => choose(layout)}>
          {t(`layout.${layout}`)}
        </MenuItem>
      ))}
    </MenuSection>
  );
}

export function MoreOptionsMenu({ moved }: { moved: { action: MovableAction; control: BarAction }[] }) {
  const { t } = useTranslation();
  const openDialog = useCallUiStore((state) => state.openDialog);
  const fullscreen = useFullscreen();
  const label = t('call.moreOptions');
  const onAction = (key: Key) => {
    const actions: Record<MenuAction, () => void> = {
      effects: () => openDialog('effects'),
      fullscreen: fullscreen.toggle,
      settings: () => openDialog('settings'),
      connectionTest: () => openDialog('connectionTest'),
      shortcuts: () => openDialog('shortcuts'),
    };
    const movedAction = moved.find(({ action }) => action === key);
    if (movedAction) movedAction.control.onPress();
    else if (key in actions) actions[key as MenuAction]();
  };
  return (
    <MenuTrigger>
      <TooltipTrigger delay={TOOLTIP_DELAY_MS}>
        <Button className="control" aria-label={label}>
          <RiMore2Fill {...iconProps} />
        </Button>
        <ControlTooltip label={label} />
      </TooltipTrigger>
      <Popover className="menu-popover" placement="top">
        <Menu className="menu" aria-label={label} onAction={onAction}>
          {moved.length > 0 && (
            <>
              <MovedActions moved={moved} />
              <Separator className="menu__separator" />
            </>
          )}
          <LayoutSection />
          <Separator className="menu__separator" />
          <MenuSection className="menu__section">
            <MenuItem id="effects" className="menu__item" textValue={t('effects.title')}>
              <RiImageCircleAiLine {...iconProps} />
              <Text slot="label">{t('effects.title')}</Text>
            </MenuItem>
            {fullscreen.available && (
              <MenuItem id="fullscreen" className="menu__item" textValue={t(fullscreen.isFullscreen ? 'call.exitFullscreen' : 'call.fullscreen')}>
                {fullscreen.isFullscreen ? <RiFullscreenExitLine {...iconProps} /> : <RiFullscreenLine {...iconProps} />}
                <Text slot="label">{t(fullscreen.isFullscreen ? 'call.exitFullscreen' : 'call.fullscreen')}</Text>
              </MenuItem>
            )}
            <MenuItem id="settings" className="menu__item" textValue={t('settings.open')}>
              <RiSettings3Line {...iconProps} />
              <Text slot="label">{t('settings.open')}</Text>
            </MenuItem>
            <MenuItem id="connectionTest" className="menu__item" textValue={t('diagnostics.open')}>
              <RiPulseLine {...iconProps} />
              <Text slot="label">{t('diagnostics.open')}</Text>
            </MenuItem>
            <MenuItem id="shortcuts" className="menu__item" textValue={t('shortcuts.open')}>
              <RiKeyboardBoxLine {...iconProps} />
              <Text slot="label">{t('shortcuts.open')}</Text>
            </MenuItem>
          </MenuSection>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
