// Minimal chat page over POST /api/ask (the full UI comes with the web UI issue).
const $ = (id) => document.getElementById(id);
const tokenInput = $('token');
tokenInput.value = localStorage.getItem('seabis-token') ?? '';
tokenInput.addEventListener('change', () => localStorage.setItem('seabis-token', tokenInput.value.trim()));
let conversationId = null;

function add(cls, text) {
  const div = document.createElement('div');
  div.className = `msg ${cls}`;
  div.textContent = text;
  $('log').append(div);
  div.scrollIntoView({ block: 'end' });
  return div;
}

function showPassage(c) {
  $('passage-title').textContent = `[${c.n}] ${[c.title, c.section].filter(Boolean).join(' › ')}${c.page ? ` p.${c.page}` : ''}`;
  $('passage-text').textContent = c.text;
  $('passage').hidden = false;
  $('close-passage').focus();
}
$('close-passage').addEventListener('click', () => { $('passage').hidden = true; });
$('new').addEventListener('click', () => { conversationId = null; $('log').replaceChildren(); $('question').focus(); });

$('ask').addEventListener('submit', async (e) => {
  e.preventDefault();
  const question = $('question').value.trim();
  if (!question) return;
  add('user', question);
  $('question').value = '';
  const pending = add('bot', '回答を作成しています…');
  try {
    const res = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenInput.value.trim()}` },
      body: JSON.stringify(conversationId ? { question, conversationId } : { question }),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
    conversationId = body.conversationId;
    pending.textContent = body.answer;
    const cites = document.createElement('div');
    cites.className = 'cites';
    for (const c of body.citations) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = `[${c.n}] ${c.section || c.title}`;
      b.addEventListener('click', () => showPassage(c));
      cites.append(b);
    }
    pending.append(cites);
    if (body.escalate) {
      const p = document.createElement('p');
      p.className = 'escalate';
      p.textContent = '解決しない場合は、会計担当職員にお問い合わせください。';
      pending.append(p);
    }
  } catch (err) {
    pending.className = 'msg error';
    pending.textContent = `エラー: ${err.message}`;
  }
});
