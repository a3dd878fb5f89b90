import { useEffect, useState } from 'react';

export interface MediaDeviceList {
  audioInputs: MediaDeviceInfo[];
  videoInputs: MediaDeviceInfo[];
  audioOutputs: MediaDeviceInfo[];
}

const empty: MediaDeviceList = { audioInputs: [], videoInputs: [], audioOutputs: [] };

/** The devices present now, updated when one is plugged or unplugged. `refreshKey` re-reads them (labels appear once permission is given). */
export function useMediaDeviceList(refreshKey: unknown): MediaDeviceList {
  const [devices, setDevices] = useState<MediaDeviceList>(empty);

  useEffect(() => {
    const mediaDevices = navigator.mediaDevices;
    if (!mediaDevices?.enumerateDevices) return;
    let active = true;
    const read = async () => {
      try {
        const all = await mediaDevices.enumerateDevices();
        if (!active) return;
        const usable = all.filter((device) => device.deviceId !== '');
        setDevices({
          audioInputs: usable.filter((device) => device.kind === 'audioinput'),
          videoInputs: usable.filter((device) => device.kind === 'videoinput'),
          audioOutputs: usable.filter((device) => device.kind === 'audiooutput'),
        });
      } catch {
        if (active) setDevices(empty);
      }
    };
    void read();
    mediaDevices.addEventListener('devicechange', read);
    return () => {
      active = false;
      mediaDevices.removeEventListener('devicechange', read);
    };
  }, [refreshKey]);

  return devices;
}
