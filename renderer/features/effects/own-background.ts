// The user's own background picture. LaSuite Meet offers it when the instance's `config/` says so
// (`background_image.upload_is_enabled`) and within its limits (types and size). Here the picture
// is picked from disk and kept on this computer only, as a data: URL in the page's storage: it is
// never sent to the server, only drawn into the camera image.
import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { MeetConfig } from '../../../common/meet-types';
import { checkedStorage, decodeStored, pageStorage, type KeyValueStorage } from '../../platform/checked-storage';

/** The picture types the app can draw; the instance may allow fewer. */
const DRAWABLE_TYPES = ['image/jpeg', 'image/png'] as const;

export interface OwnBackgroundRules {
  allowedTypes: string[];
  allowedExtensions: string[];
  /** In bytes. */
  maxSize: number;
}

/** What the instance allows for a picture of one's own; null when it offers none. */
export function ownBackgroundRules(config: Pick<MeetConfig, 'background_image'> | null): OwnBackgroundRules | null {
  const settings = config?.background_image;
  if (settings?.upload_is_enabled !== true) return null;
  const allowedTypes = (settings.allowed_mimetypes ?? [...DRAWABLE_TYPES]).filter((type) => (DRAWABLE_TYPES as readonly string[]).includes(type));
  const maxSize = settings.max_size ?? 0;
  if (allowedTypes.length === 0 || maxSize <= 0) return null;
  return { allowedTypes, allowedExtensions: settings.allowed_extensions ?? [], maxSize };
}

export type OwnBackgroundProblem = 'invalid_file_type' | 'file_too_large' | 'unreadable';

/** Why a picked file cannot be used, or null. */
export function checkOwnBackground(file: Pick<File, 'type' | 'size'>, rules: OwnBackgroundRules): OwnBackgroundProblem | null {
  if (!rules.allowedTypes.includes(file.type)) return 'invalid_file_type';
  if (file.size > rules.maxSize) return 'file_too_large';
  return null;
}

const STORAGE_KEY = 'visio.ownBackground';
/** A stored picture must be one of the drawable types, base64-encoded. */
const STORED_PICTURE = /^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;
/** Generous bound on what is read back (Meet's default limit is 2 MiB, a third more in base64). */
const MAX_STORED_LENGTH = 8 * 1024 * 1024;

const storedPicture = z.string().max(MAX_STORED_LENGTH).regex(STORED_PICTURE);
const storedOwnBackground = z.object({ image: storedPicture });
/** Kept as the data: URL itself, not wrapped in JSON. */
const asDataUrl = { decode: (raw: string) => ({ image: raw }), encode: ({ image }: { image: string }) => image };

/** The stored picture, or null when none is stored or what is stored is not a picture. */
export function parseOwnBackground(stored: string | null): string | null {
  return decodeStored(storedPicture, stored, { decode: (raw) => raw });
}

/** Reads a picked file as a data: URL. */
export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('not read as text')));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

interface OwnBackgroundState {
  image: string | null;
  /** Keeps `image` (a data: URL) for this and the next meetings; false when it is not a picture. */
  keep(image: string): boolean;
}

export function createOwnBackgroundStore(storage: KeyValueStorage | null) {
  return create<OwnBackgroundState>()(
    persist(
      (set) => ({
        image: null,
        keep(image) {
          if (parseOwnBackground(image) === null) return false;
          set({ image });
          return true;
        },
      }),
      {
        name: STORAGE_KEY,
        storage: checkedStorage(storedOwnBackground, storage, asDataUrl),
        // Nothing kept is nothing written: an empty key stays absent.
        partialize: ({ image }) => ({ image: image ?? '' }),
      },
    ),
  );
}

export const useOwnBackground = createOwnBackgroundStore(pageStorage());
