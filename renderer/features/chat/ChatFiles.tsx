// The chat's files on screen: under a message, each file by name and size, a thumbnail for a
// picture, and a button that saves it where the user chooses (never opened by the app); a refused
// file says why. In the composer, the files picked for the next message.
import { RiAttachment2, RiCloseLine } from '@remixicon/react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_FILE_TYPES, chatFileTypeSchema, formatFileSize, MAX_FILES_PER_MESSAGE, sanitizeFileName, type ChatFilesPolicy } from '../../../common/chat-files';
import { isLanguage, type Language } from '../../../common/languages';
import { iconProps } from '../../app/icon-props';
import { invoke } from '../../platform/visio';
import { chatFilesPolicyQuery } from './chat-files-policy';
import { useChatFilesStore, type ChatFile } from './chat-files-store';
import { checkPickedFile } from './outgoing-files';

function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'fr';
}

function FileLine({ file }: { file: ChatFile }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [saveFailed, setSaveFailed] = useState(false);
  const policy = useQuery(chatFilesPolicyQuery()).data;

  if (file.status === 'expected') return <span className="muted">{t('chat.files.expected')}</span>;
  if (file.status === 'receiving') {
    const percent = file.size ? Math.min(100, Math.round((file.received / file.size) * 100)) : null;
    return (
      <span>
        <span className="chat__file-name">{file.name}</span> <span className="muted">{percent === null ? t('chat.files.receiving') : t('chat.files.receivingPercent', { percent })}</span>
      </span>
    );
  }
  if (file.status === 'refused') {
    return <span className="chat__file-refused">{refusalText(t, file, policy ? formatFileSize(policy.maxSizeBytes, language) : '')}</span>;
  }

  async function save(ready: Extract<ChatFile, { status: 'ready' }>) {
    const mimeType = chatFileTypeSchema.safeParse(ready.mimeType);
    if (!mimeType.success) return setSaveFailed(true);
    const contents = new Uint8Array(await ready.blob.arrayBuffer());
    const result = await invoke('chat:save-file', { name: ready.name, mimeType: mimeType.data, contents });
    setSaveFailed(!result.ok && result.error.code !== 'cancelled');
  }

  return (
    <>
      {file.thumbnailUrl && <img className="chat__thumbnail" src={file.thumbnailUrl} alt={t('chat.files.preview', { name: file.name })} />}
      <span className="chat__file-name">{file.name}</span> <span className="muted">{formatFileSize(file.size, language)}</span>{' '}
      <button type="button" className="button button--small" onClick={() => void save(file)}>
        {t('chat.files.save')}
        <span className="visually-hidden"> {file.name}</span>
      </button>
      {saveFailed && (
        <span className="field-error" role="alert">
          {t('chat.files.saveFailed')}
        </span>
      )}
    </>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function refusalText(t: Translate, file: Extract<ChatFile, { status: 'refused' }>, max: string): string {
  if (file.name === null) return t('chat.files.refused.missing');
  return t(`chat.files.refused.${file.refusal}`, { name: file.name, max });
}

export function ChatFileList({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const files = useChatFilesStore((state) => state.files);
  return (
    <ul className="chat__files" aria-label={t('chat.files.list')}>
      {ids.map((id) => (
        <li key={id} className="chat__file">
          <FileLine file={files[id] ?? { id, status: 'expected' }} />
        </li>
      ))}
    </ul>
  );
}

/** The accept list of the file picker: the allowed types and their extensions. */
function acceptedTypes(policy: ChatFilesPolicy): string {
  return policy.allowedMimeTypes.flatMap((type) => [type, ...CHAT_FILE_TYPES[type].map((extension) => `.${extension}`)]).join(',');
}

interface PickedFilesProps {
  policy: ChatFilesPolicy;
  files: readonly File[];
  onChange(files: File[]): void;
}

/** The "attach" button, the files picked for the next message, and why a pick was refused. */
export function PickedFiles({ policy, files, onChange }: PickedFilesProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  function pick(list: FileList | null) {
    const picked = [...(list ?? [])];
    const refused = picked.map((file) => ({ file, refusal: checkPickedFile(file, policy) })).find((entry) => entry.refusal);
    const accepted = picked.filter((file) => checkPickedFile(file, policy) === null);
    const next = [...files, ...accepted].slice(0, MAX_FILES_PER_MESSAGE);
    if (refused?.refusal) {
      setProblem(
        t(`chat.files.pickRefused.${refused.refusal}`, {
          name: sanitizeFileName(refused.file.name),
          max: formatFileSize(policy.maxSizeBytes, language),
        }),
      );
    } else if (files.length + accepted.length > MAX_FILES_PER_MESSAGE) {
      setProblem(t('chat.files.pickRefused.count', { max: String(MAX_FILES_PER_MESSAGE) }));
    } else {
      setProblem(null);
    }
    onChange(next);
  }

  return (
    <div className="chat__picked">
      <button type="button" className="button chat__attach" aria-label={t('chat.files.attach')} title={t('chat.files.attach')} onClick={() => input.current?.click()}>
        <RiAttachment2 {...iconProps} />
      </button>
      <input
        ref={input}
        type="file"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept={acceptedTypes(policy)}
        onChange={(event) => {
          pick(event.target.files);
          event.target.value = '';
        }}
      />
      {files.length > 0 && (
        <ul className="chat__picked-files" aria-label={t('chat.files.picked')}>
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              <span className="chat__file-name">{sanitizeFileName(file.name)}</span> <span className="muted">{formatFileSize(file.size, language)}</span>
              <button
                type="button"
                className="button button--small"
                aria-label={t('chat.files.remove', { name: sanitizeFileName(file.name) })}
                onClick={() => onChange(files.filter((_, position) => position !== index))}
              >
                <RiCloseLine {...iconProps} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
