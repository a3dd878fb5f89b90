// @livekit/rtc-node logs every signalling message at debug level unless NODE_ENV is
// "production", read once when it loads: imported before it, this keeps the test output readable.
process.env.NODE_ENV ??= 'production';
