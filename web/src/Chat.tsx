// The traveler's chat: answers stream in as they are written; citation chips open the passage in a
// side panel with the sentences the answer used highlighted; answers can be rated, and escalated
// to accounting staff in one action (offered by itself when the assistant abstains or is rated down).
import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport, type UIMessage } from 'ai';
import { useMemo, useState } from 'react';
import { api, type Citation } from './api.ts';

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
    return [{ n: Number(meta.n), source: p.filename ?? '', title: p.title, section: String(meta.section ?? ''), page: (meta.page as number | null) ?? null, text: String(meta.text ?? '') }];
  });
}
const textOf = (m: UIMessage) => m.parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
const metaOf = (m: UIMessage) => m.parts.find((p) => p.type === 'data-answer') as { data: AnswerMeta } | undefined;

/** Splits a passage into sentences, marking those the answer quotes. */
function highlighted(passage: string, answer: string) {
  const plain = answer.replace(/\[\d+\]/g, '');
  return passage.split(/(?<=[。！？\n])/).map((s, i) => {
    const core = s.replace(/^\s*(?:\d+\.|[-・])\s*/, '').replace(/[。\n]+$/, '').trim();
    const used = core.length >= 6 && plain.includes(core.slice(0, Math.min(core.length, 40)));
    return used ? <mark key={i}>{s}</mark> : <span key={i}>{s}</span>;
  });
}

function AnswerText({ text, citations, onOpen }: { text: string; citations: Citation[]; onOpen: (c: Citation) => void }) {
  const parts = text.split(/(\[\d+\])/);
  return (
    <div className="answer-text">
      {parts.map((p, i) => {
        const m = /^\[(\d+)\]$/.exec(p);
        const c = m ? citations.find((x) => x.n === Number(m[1])) : undefined;
        return c ? (
          <button key={i} type="button" className="chip inline" aria-label={`根拠${c.n}を開く: ${c.section || c.title}`} onClick={() => onOpen(c)}>
            [{c.n}]
          </button>
        ) : (
          <span key={i}>{p}</span>
        );
      })}
    </div>
  );
}

function Escalate({ question, conversationId }: { question: string; conversationId: string }) {
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (done) return <p className="notice" role="status">{done}</p>;
  return (
    <div className="escalate">
      <label htmlFor={`note-${conversationId}`}>会計担当職員への補足(任意)</label>
      <textarea id={`note-${conversationId}`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <button
        type="button"
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
      {error && <p role="alert" className="error">{error}</p>}
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
      {meta?.risk.reasons.includes('needs_staff_judgment') && <p className="warning">支給額の確定や承認は会計担当職員が行います。</p>}
      <AnswerText text={text} citations={citations} onOpen={(c) => onOpen(c, text)} />
      {citations.length > 0 && (
        <div className="chips" aria-label="根拠の資料">
          {citations.map((c) => (
            <button key={c.n} type="button" className="chip" onClick={() => onOpen(c, text)}>
              [{c.n}] {c.section.split(' › ').pop() || c.title}
            </button>
          ))}
        </div>
      )}
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
  const [open, setOpen] = useState<{ c: Citation; answer: string } | null>(null);
  const busy = status === 'submitted' || status === 'streaming';
  return (
    <div className="chat">
      <section className="log" aria-live="polite" aria-label="会話">
        {messages.length === 0 && <p className="muted">旅費の手続やSEABISの操作について質問してください。回答にはマニュアル・FAQ・規程の根拠が付きます。</p>}
        {messages.map((m, i) =>
          m.role === 'user' ? (
            <p key={m.id} className="msg user">{textOf(m)}</p>
          ) : (
            <Assistant key={m.id} m={m} chatId={chatId} question={textOf(messages[i - 1] ?? m)} onOpen={(c, answer) => setOpen({ c, answer })} />
          ),
        )}
        {status === 'submitted' && <p className="muted">回答を作成しています…</p>}
        {error && <p role="alert" className="error">回答を取得できませんでした: {error.message}</p>}
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
          <button type="submit" disabled={busy || input.trim() === ''}>
            質問する
          </button>
          <button type="button" onClick={() => (setChatId(crypto.randomUUID()), setOpen(null))}>
            新しい会話
          </button>
        </div>
      </form>
      {open && (
        <aside className="panel" aria-label="根拠の資料" role="dialog">
          <button type="button" className="close" aria-label="閉じる" onClick={() => setOpen(null)} autoFocus>
            ×
          </button>
          <h2>
            [{open.c.n}] {open.c.title}
          </h2>
          <p className="path">
            {open.c.section || '(本文)'}
            {open.c.page !== null ? ` › p.${open.c.page}` : ''}
          </p>
          <div className="passage">{highlighted(open.c.text, open.answer)}</div>
        </aside>
      )}
    </div>
  );
}
