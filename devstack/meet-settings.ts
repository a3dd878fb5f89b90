// The server settings of the local Meet API that change its answers, as an instance's Django
// settings do. Held in one mutable object: a test may switch them between two calls, as the
// recorded server was restarted between its captures "A" and "B".

export interface MeetSettings {
  /** `ALLOW_UNREGISTERED_ROOMS`: an unknown slug answers a LiveKit grant for a room of that name. */
  allowUnregisteredRooms: boolean;
  /** `CONNECTION_TEST_ENABLED`: `POST diagnostics/connection/` hands out a test room. */
  connectionTest: boolean;
  /** `ROOM_SUBTITLE_ENABLED`: `start-subtitle` answers success (no agent runs). */
  subtitles: boolean;
  /**
   * `available`: recordings go through starting → started → saving in the room metadata.
   * `none`: `RECORDING_ENABLE` with no egress reachable: a start answers 502 after
   * `recorderFailureDelayMs`, a second start meanwhile 409, and a stop 404.
   */
  recorder: 'available' | 'none';
  recorderFailureDelayMs: number;
  /** `FILE_UPLOAD_ENABLED` (upstream default off): the `files/` API and `/media/files/`. */
  fileUpload: boolean;
}

/** What the stack ran with before these settings existed: every feature answering. */
export const DEFAULT_MEET_SETTINGS: MeetSettings = {
  allowUnregisteredRooms: false,
  connectionTest: true,
  subtitles: true,
  recorder: 'available',
  recorderFailureDelayMs: 20_000,
  fileUpload: false,
};

/** The recorded server's capture "A" (README of the contract), minus the egress timing. */
export const CAPTURE_A_SETTINGS: Omit<MeetSettings, 'recorderFailureDelayMs'> = {
  allowUnregisteredRooms: false,
  connectionTest: false,
  subtitles: false,
  recorder: 'none',
  fileUpload: false,
};

/** Capture "B": the same server with unregistered rooms, the connection test and subtitles on. */
export const CAPTURE_B_SETTINGS: Omit<MeetSettings, 'recorderFailureDelayMs'> = {
  allowUnregisteredRooms: true,
  connectionTest: true,
  subtitles: true,
  recorder: 'none',
  fileUpload: false,
};
