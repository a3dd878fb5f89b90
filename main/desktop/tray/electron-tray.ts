// The tray icon and its menu, rebuilt from the menu model whenever the state changes.
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import { trayIconBitmap } from './tray-icon-bitmap';
import { buildTrayMenu, trayIcon, trayTooltip, type TrayCommand, type TrayIcon, type TrayMenuEntry, type TrayState } from './tray-menu';

function iconImage(icon: TrayIcon): NativeImage {
  const image = nativeImage.createFromBitmap(trayIconBitmap(icon, 16), { width: 16, height: 16, scaleFactor: 1 });
  image.addRepresentation({ scaleFactor: 2, width: 32, height: 32, buffer: trayIconBitmap(icon, 32) });
  return image;
}

function toMenuTemplate(entries: TrayMenuEntry[], onCommand: (command: TrayCommand) => void): MenuItemConstructorOptions[] {
  return entries.map((entry): MenuItemConstructorOptions => {
    switch (entry.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: entry.label, enabled: false };
      case 'submenu':
        return { label: entry.label, submenu: toMenuTemplate(entry.entries, onCommand) };
      case 'item':
        return { label: entry.label, enabled: entry.enabled, click: () => onCommand(entry.command) };
    }
  });
}

export class ElectronTray {
  private readonly tray: Tray;
  private icon: TrayIcon | null = null;

  constructor(
    private readonly onCommand: (command: TrayCommand) => void,
    onActivate: () => void,
  ) {
    this.tray = new Tray(iconImage('idle'));
    this.icon = 'idle';
    // Windows and most Linux trays: a click brings the window back; the menu is on right-click.
    this.tray.on('click', onActivate);
  }

  update(state: TrayState): void {
    const icon = trayIcon(state.call);
    if (icon !== this.icon) {
      this.tray.setImage(iconImage(icon));
      this.icon = icon;
    }
    this.tray.setToolTip(trayTooltip(state));
    this.tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(buildTrayMenu(state), this.onCommand)));
  }

  dispose(): void {
    if (!this.tray.isDestroyed()) this.tray.destroy();
  }
}
