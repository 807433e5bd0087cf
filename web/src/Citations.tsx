// Citations as the traveler and staff both see them: [n] in an answer becomes a chip that opens the
// passage in a side panel (the whole screen on a phone), with the sentences the answer used marked.
import { useEffect, useRef, useState } from 'react';
import type { Citation } from './api.ts';

/** Splits a passage into sentences, marking those the answer quotes. */
function highlighted(passage: string, answer: string) {
  const plain = answer.replace(/\[\d+\]/g, '');
  return passage.split(/(?<=[。！？\n])/).map((s, i) => {
    const core = s.replace(/^\s*(?:\d+\.|[-・])\s*/, '').replace(/[。\n]+$/, '').trim();
    const used = core.length >= 6 && plain.includes(core.slice(0, Math.min(core.length, 40)));
    return used ? <mark key={i}>{s}</mark> : <span key={i}>{s}</span>;
  });
}

const shortName = (c: Citation) => c.section.split(' › ').pop() || c.title;

/** The answer's text with each valid [n] as a chip, then the list of its sources. */
export function AnswerText({ text, citations, onOpen }: { text: string; citations: Citation[]; onOpen: (c: Citation) => void }) {
  const parts = text.split(/(\[\d+\])/);
  return (
    <>
      <div className="answer-text">
        {parts.map((p, i) => {
          const m = /^\[(\d+)\]$/.exec(p);
          const c = m ? citations.find((x) => x.n === Number(m[1])) : undefined;
          return c ? (
            <button key={i} type="button" className="chip inline" aria-label={`根拠${c.n}を開く: ${shortName(c)}`} onClick={() => onOpen(c)}>
              {c.n}
            </button>
          ) : (
            <span key={i}>{p}</span>
          );
        })}
      </div>
      {citations.length > 0 && (
        <>
          <p className="chips-title" aria-hidden="true">根拠の資料</p>
          <div className="chips" role="group" aria-label="根拠の資料">
            {citations.map((c) => (
              <button key={c.n} type="button" className="chip" onClick={() => onOpen(c)}>
                [{c.n}] {shortName(c)}
              </button>
            ))}
          </div>
        </>
      )}
    </>
  );
}

/** The open passage; Escape or 閉じる closes it and gives focus back to the chip that opened it. */
export function CitationPanel({ open, onClose }: { open: { c: Citation; answer: string }; onClose: () => void }) {
  const opener = useRef<Element | null>(document.activeElement);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const back = opener.current;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close.current();
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
  }, []);
  const { c, answer } = open;
  return (
    <aside className="panel" aria-labelledby="panel-title" role="dialog">
      <div className="panel-head">
        <h2 id="panel-title">
          [{c.n}] {c.title}
        </h2>
        <button type="button" onClick={onClose} autoFocus>
          閉じる
        </button>
      </div>
      <p className="path">
        {c.section || '(本文)'}
        {c.page !== null ? ` › ${c.page}ページ` : ''}
      </p>
      <div className="passage">{highlighted(c.text, answer)}</div>
    </aside>
  );
}

/** State for one panel per screen. */
export function useCitationPanel() {
  const [open, setOpen] = useState<{ c: Citation; answer: string } | null>(null);
  return { open, show: (c: Citation, answer: string) => setOpen({ c, answer }), close: () => setOpen(null) };
}
