// Where each tray menu choice lands.
import type { MainEventName, MainEvents } from '../../../common/ipc-contract';
import type { TrayCommand } from './tray-menu';

export interface TrayCommandPorts {
  showWindow(): void;
  send<E extends MainEventName>(event: E, payload: MainEvents[E]): void;
  restartToUpdate(): void;
  quit(): void;
}

export function runTrayCommand(command: TrayCommand, ports: TrayCommandPorts): void {
  switch (command.type) {
    case 'join-by-link':
    case 'show':
      // The home screen is where a link is pasted.
      ports.showWindow();
      return;
    case 'join-meeting':
      ports.showWindow();
      ports.send('event:join', { slug: command.slug });
      return;
    case 'toggle-mic':
      ports.send('event:command', { command: 'toggle-mic' });
      return;
    case 'leave':
      ports.send('event:command', { command: 'leave' });
      return;
    case 'restart-to-update':
      ports.restartToUpdate();
      return;
    case 'quit':
      ports.quit();
      return;
  }
}
