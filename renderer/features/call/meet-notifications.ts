// Meet's in-room notifications (reliable data packets with no topic): each packet judged once
// by the room trust rules (features/room-trust/notifications), then handed to the features that
// listen for its type, each from its own folder.
import { RoomEvent, type RemoteParticipant, type Room } from 'livekit-client';
import { DropLog } from '../room-trust/drop-log';
import { judgeNotification, type RoomNotification } from '../room-trust/notifications';
import { senderKindOf, type SenderKind } from '../room-trust/senders';

type NotificationType = RoomNotification['type'];
type NotificationOf<T extends NotificationType> = Extract<RoomNotification, { type: T }>;
type AnyHandler = (notification: RoomNotification, participant: RemoteParticipant | undefined, sender: SenderKind) => void;

interface RoomBus {
  handlers: Set<AnyHandler>;
  detach(): void;
}

const buses = new WeakMap<Room, RoomBus>();

function busOf(room: Room): RoomBus {
  const existing = buses.get(room);
  if (existing) return existing;
  const handlers = new Set<AnyHandler>();
  const drops = new DropLog();
  const onData = (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string, _encryption?: unknown, identity?: string) => {
    if (topic) return;
    const sender = senderKindOf(identity ?? participant?.identity, participant);
    const verdict = judgeNotification(payload, sender);
    if (!verdict.accepted) return drops.record('notification', verdict.reason, sender);
    for (const handler of [...handlers]) handler(verdict.value, participant, sender);
  };
  room.on(RoomEvent.DataReceived, onData);
  const bus = {
    handlers,
    detach: () => {
      room.off(RoomEvent.DataReceived, onData);
      buses.delete(room);
    },
  };
  buses.set(room, bus);
  return bus;
}

/** Calls `handler` for each accepted notification of `type` in the room; returns the unsubscribe. */
export function onMeetNotification<T extends NotificationType>(
  room: Room,
  type: T,
  handler: (notification: NotificationOf<T>, participant: RemoteParticipant | undefined, sender: SenderKind) => void,
): () => void {
  const bus = busOf(room);
  const listener: AnyHandler = (notification, participant, sender) => {
    if (notification.type === type) handler(notification as NotificationOf<T>, participant, sender);
  };
  bus.handlers.add(listener);
  return () => {
    bus.handlers.delete(listener);
    if (bus.handlers.size === 0) bus.detach();
  };
}
