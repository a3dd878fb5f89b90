// Meet's in-room notifications as this app sends them: reliable data packets with no topic,
// JSON `{type, data?}`. What arrives is judged in features/room-trust/notifications.
export function encodeRoomNotification(type: string, data?: Record<string, unknown>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(data ? { type, data } : { type }));
}
