// The traveler's chat: answers stream in as they are written; citation chips open the passage in a
// side panel with the sentences the answer used highlighted; answers can be rated, and escalated
// to accounting staff in one action (offered by itself when the assistant abstains or is rated down).
import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport, type UIMessage } from 'ai';
import { useMemo, useState } from 'react';
import { api, chatErrorMessage, type Citation } from './api.ts';
import { ErrorBanner } from './Banner.tsx';
import { AnswerText, CitationPanel, useCitationPanel } from './Citations.tsx';

interface AnswerMeta {
  escalate: boolean;
  confidence: number;
  risk: { level: string; reasons: string[] };
  revision: string | null;
  cited: number[];
}

function citationsOf(m: UIMessage): Citation[] {
  return m.parts.flatMap((p) => {
    if (p.type !== 'source-document') return [];
    const meta = (p.providerMetadata?.seabis ?? {}) as Record<string, unknown>;
    return [{ n: Number(meta.n), source: p.filename ?? '', title: String(meta.title ?? p.title), section: String(meta.section ?? ''), page: (meta.page as number | null) ?? null, text: String(meta.text ?? '') }];
  });
}
const textOf = (m: UIMessage) => m.parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
const metaOf = (m: UIMessage) => m.parts.find((p) => p.type === 'data-answer') as { data: AnswerMeta } | undefined;

function Escalate({ question, conversationId }: { question: string; conversationId: string }) {
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (done)
    return (
      <div className="banner success" role="status">
        <strong>問い合わせました</strong>
        <p>{done}</p>
      </div>
    );
  return (
    <div className="escalate">
      <label htmlFor={`note-${conversationId}`}>会計担当職員への補足(任意)</label>
      <textarea id={`note-${conversationId}`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <button
        type="button"
        className="primary"
        onClick={async () => {
          try {
            const t = await api<{ id: string }>('/api/escalations', { json: { question, conversationId, ...(note.trim() ? { note: note.trim() } : {}) } });
            setDone(`会計担当職員に問い合わせました(受付番号 ${t.id.slice(0, 8)})。回答は「自分の問い合わせ」で確認できます。`);
          } catch (e) {
            setError((e as Error).message);
          }
        }}
      >
        解決しない → 会計担当に問い合わせる
      </button>
      {error && <ErrorBanner message={error} />}
    </div>
  );
}

function Assistant({ m, question, chatId, onOpen }: { m: UIMessage; question: string; chatId: string; onOpen: (c: Citation, answer: string) => void }) {
  const citations = citationsOf(m);
  const text = textOf(m);
  const meta = metaOf(m)?.data;
  const [rated, setRated] = useState<'up' | 'down' | null>(null);
  const offer = meta?.escalate || rated === 'down';
  const rate = async (rating: 'up' | 'down') => {
    setRated(rating);
    await api('/api/feedback', { json: { conversationId: chatId, rating } }).catch(() => {});
  };
  return (
    <article className="msg bot" aria-label="回答">
      {meta?.risk.reasons.includes('needs_staff_judgment') && (
        <div className="banner warning">
          <p>支給額の確定や承認は会計担当職員が行います。</p>
        </div>
      )}
      <AnswerText text={text} citations={citations} onOpen={(c) => onOpen(c, text)} />
      {meta && (
        <div className="row small">
          <span className="muted">確信度 {Math.round(meta.confidence * 100)}%</span>
          <button type="button" aria-pressed={rated === 'up'} onClick={() => rate('up')}>
            役に立った
          </button>
          <button type="button" aria-pressed={rated === 'down'} onClick={() => rate('down')}>
            役に立たなかった
          </button>
        </div>
      )}
      {meta && offer && <Escalate question={question} conversationId={chatId} />}
    </article>
  );
}

export function Chat() {
  const [chatId, setChatId] = useState(() => crypto.randomUUID());
  const transport = useMemo(() => new DefaultChatTransport({ api: '/api/chat', credentials: 'same-origin' }), []);
  const { messages, sendMessage, status, error } = useChat({ id: chatId, transport });
  const [input, setInput] = useState('');
  const panel = useCitationPanel();
  const busy = status === 'submitted' || status === 'streaming';
  return (
    <div className="chat">
      <section className="log" aria-live="polite" aria-label="会話">
        {messages.length === 0 && <p className="muted">旅費の手続やSEABISの操作について質問してください。回答にはマニュアル・FAQ・規程の根拠が付きます。</p>}
        {messages.map((m, i) =>
          m.role === 'user' ? (
            <p key={m.id} className="msg user">{textOf(m)}</p>
          ) : (
            <Assistant key={m.id} m={m} chatId={chatId} question={textOf(messages[i - 1] ?? m)} onOpen={panel.show} />
          ),
        )}
        {status === 'submitted' && <p className="muted">回答を作成しています…</p>}
        {error && <ErrorBanner message={`回答を取得できませんでした。${chatErrorMessage(error)}`} />}
      </section>
      <form
        className="ask"
        onSubmit={(e) => {
          e.preventDefault();
          if (!input.trim() || busy) return;
          sendMessage({ text: input.trim() });
          setInput('');
        }}
      >
        <label htmlFor="question">質問</label>
        <textarea id="question" rows={2} maxLength={2000} value={input} placeholder="例: 出張から戻ったら旅費の精算はどう請求しますか" onChange={(e) => setInput(e.target.value)} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy || input.trim() === ''}>
            質問する
          </button>
          <button type="button" onClick={() => (setChatId(crypto.randomUUID()), panel.close())}>
            新しい会話
          </button>
        </div>
      </form>
      {panel.open && <CitationPanel open={panel.open} onClose={panel.close} />}
    </div>
  );
}
