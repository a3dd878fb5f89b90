import { useQuery } from '@tanstack/react-query';
import type { Room } from 'livekit-client';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentsCaption, sanitizeFileName } from '../../../common/chat-files';
import { isLanguage } from '../../../common/languages';
import { useCallUiStore } from '../call/call-ui-store';
import { chatFilesPolicyQuery } from './chat-files-policy';
import { ChatFileList, PickedFiles } from './ChatFiles';
import { useChatStore } from './chat-store';
import { formatMessageDate, formatMessageTime } from './chat-time';
import { MessageText } from './MessageText';

export function ChatPanel({ room }: { room: Room }) {
  const { t, i18n } = useTranslation();
  const messages = useChatStore((state) => state.messages);
  const markRead = useChatStore((state) => state.markRead);
  const send = useChatStore((state) => state.send);
  const closePanel = useCallUiStore((state) => state.closePanel);
  const [draft, setDraft] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [sendingFiles, setSendingFiles] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const policy = useQuery(chatFilesPolicyQuery()).data;
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const titleId = useId();
  const inputId = useId();

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  useEffect(() => {
    markRead();
    listRef.current?.lastElementChild?.scrollIntoView?.({ block: 'end' });
  }, [messages, markRead]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const typed = draft.trim();
    const attached = policy?.enabled ? files : [];
    if ((!typed && attached.length === 0) || sendingFiles !== null) return;
    // Clients that ignore attachments (Meet's web app) still read which files were sent.
    const language = isLanguage(i18n.language) ? i18n.language : 'fr';
    const text = typed || attachmentsCaption(attached.map((file) => ({ name: sanitizeFileName(file.name), size: file.size })), language);
    setDraft('');
    setFiles([]);
    setSendingFiles(attached.length);
    const sent = await send(room, text, attached);
    setSendingFiles(null);
    setFailed(!sent);
    if (!sent) {
      setDraft(typed);
      setFiles(attached);
    }
  }

  return (
    <aside className="side-panel" aria-labelledby={titleId}>
      <div className="side-panel__header">
        <h2 id={titleId}>{t('chat.title')}</h2>
        <button type="button" className="button" onClick={closePanel}>
          {t('chat.close')}
        </button>
      </div>
      {messages.length === 0 ? (
        <p className="muted side-panel__empty">{t('chat.empty')}</p>
      ) : (
        <ol ref={listRef} className="chat__messages" aria-label={t('chat.list')}>
          {messages.map((message) => (
            <li key={message.id} className={`chat__message${message.local ? ' chat__message--local' : ''}`}>
              <p className="chat__meta">
                <strong>{message.local ? t('chat.you') : message.senderName}</strong>{' '}
                <time dateTime={new Date(message.timestamp).toISOString()} title={formatMessageDate(message.timestamp, i18n.language)}>
                  {formatMessageTime(message.timestamp, i18n.language)}
                </time>
              </p>
              <p className="chat__text">
                <MessageText text={message.text} />
                {message.truncated && <span className="chat__truncated"> {t('chat.truncated')}</span>}
              </p>
              {message.attachments && <ChatFileList ids={message.attachments} />}
            </li>
          ))}
        </ol>
      )}
      <form className="chat__form" onSubmit={(event) => void submit(event)}>
        {policy?.enabled && <PickedFiles policy={policy} files={files} onChange={setFiles} />}
        <label htmlFor={inputId} className="visually-hidden">
          {t('chat.inputLabel')}
        </label>
        <textarea
          id={inputId}
          ref={inputRef}
          rows={2}
          maxLength={500}
          value={draft}
          placeholder={t('chat.inputLabel')}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              void submit();
            }
          }}
        />
        <button type="submit" className="button button--primary">
          {t('chat.send')}
        </button>
      </form>
      <p className="muted chat__sending" role="status">
        {sendingFiles ? t('chat.files.sending', { count: sendingFiles }) : ''}
      </p>
      {failed && (
        <p className="field-error" role="alert">
          {t('errors.network')}
        </p>
      )}
    </aside>
  );
}
