// @livekit/rtc-node logs every event at debug level unless NODE_ENV is production, which would
// bury the figures (and cost CPU with two dozen bots). Imported first by every benchmark entry.
process.env.NODE_ENV ??= 'production';
