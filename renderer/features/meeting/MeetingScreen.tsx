import { useEffect } from 'react';
import { CallScreen } from '../call/CallScreen';
import { EndedScreen } from '../call/EndedScreen';
import { LobbyScreen } from '../lobby/LobbyScreen';
import { PrejoinScreen } from '../prejoin/PrejoinScreen';
import { useMeetingStore } from './meeting-store';

export function MeetingScreen({ slug }: { slug: string }) {
  const phase = useMeetingStore((state) => state.phase);
  const current = useMeetingStore((state) => state.slug);
  const openPrejoin = useMeetingStore((state) => state.openPrejoin);
  const close = useMeetingStore((state) => state.close);

  useEffect(() => {
    openPrejoin(slug);
    return () => close();
  }, [slug, openPrejoin, close]);

  if (current !== slug) return null;
  switch (phase.name) {
    case 'prejoin':
      return <PrejoinScreen slug={slug} />;
    case 'lobby':
      return <LobbyScreen slug={slug} room={phase.room} username={phase.username} />;
    case 'call':
      return <CallScreen slug={slug} room={phase.room} grant={phase.grant} username={phase.username} />;
    case 'ended':
      return <EndedScreen slug={slug} username={phase.username} reason={phase.reason} />;
  }
}
