// Imported first by the page's entry point, so the guard is in place before any other module can
// create a peer connection. Wrappers installed later (livekit-client's WebRTC adapter) wrap the
// guarded constructor, and the guard wraps whatever constructor it finds: either order is guarded.
import { installPageIceGuard } from './ice-guard';

installPageIceGuard();
