// Minimal page over the API (the full UI comes with the web UI issue): sign in with a demo
// account or a token (session cookie), ask, rate, escalate, and follow one's own tickets.
const $ = (id) => document.getElementById(id);
let conversationId = null;
let lastQuestion = null;

async function api(path, options = {}) {
  const res = await fetch(path, { ...options, headers: { 'content-type': 'application/json', ...(options.headers ?? {}) } });
  const body = res.status === 204 ? null : await res.json();
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body;
}

function add(cls, text) {
  const div = document.createElement('div');
  div.className = `msg ${cls}`;
  div.textContent = text;
  $('log').append(div);
  div.scrollIntoView({ block: 'end' });
  return div;
}

function button(label, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

async function refreshSession() {
  try {
    const { user } = await api('/api/session');
    $('who').textContent = `サインイン中: ${user.id}(${user.role})`;
    $('signin').hidden = true;
    $('signed-in').hidden = false;
    $('ask').hidden = false;
  } catch {
    $('signin').hidden = false;
    $('signed-in').hidden = true;
    $('ask').hidden = true;
    const demo = await api('/api/session/demo-accounts');
    $('demo').hidden = !demo.enabled;
    $('account').replaceChildren(...demo.accounts.map((a) => Object.assign(document.createElement('option'), { value: a.id, textContent: a.label })));
  }
}

$('demo-signin').addEventListener('click', async () => {
  await api('/api/session', { method: 'POST', body: JSON.stringify({ account: $('account').value }) }).catch((e) => add('error', e.message));
  refreshSession();
});
$('token-signin').addEventListener('click', async () => {
  await api('/api/session', { method: 'POST', body: JSON.stringify({ token: $('token').value.trim() }) }).catch((e) => add('error', e.message));
  refreshSession();
});
$('signout').addEventListener('click', async () => {
  await api('/api/session', { method: 'DELETE' });
  refreshSession();
});

function showPassage(c) {
  $('passage-title').textContent = `[${c.n}] ${[c.title, c.section].filter(Boolean).join(' › ')}${c.page ? ` p.${c.page}` : ''}`;
  $('passage-text').textContent = c.text;
  $('passage').hidden = false;
  $('close-passage').focus();
}
$('close-passage').addEventListener('click', () => { $('passage').hidden = true; });
$('new').addEventListener('click', () => { conversationId = null; $('log').replaceChildren(); $('question').focus(); });

async function escalate(note) {
  try {
    const t = await api('/api/escalations', { method: 'POST', body: JSON.stringify({ question: lastQuestion, conversationId, ...(note ? { note } : {}) }) });
    add('bot', `会計担当職員に問い合わせました(受付番号 ${t.id.slice(0, 8)})。回答は「自分の問い合わせ」で確認できます。`);
  } catch (e) {
    add('error', `エラー: ${e.message}`);
  }
}

function offerEscalation(container) {
  const note = Object.assign(document.createElement('input'), { placeholder: '補足(任意)', maxLength: 2000 });
  note.setAttribute('aria-label', '問い合わせの補足');
  container.append(note, button('解決しない → 会計担当に問い合わせる', () => escalate(note.value.trim())));
}

$('ask').addEventListener('submit', async (e) => {
  e.preventDefault();
  const question = $('question').value.trim();
  if (!question) return;
  add('user', question);
  $('question').value = '';
  lastQuestion = question;
  const pending = add('bot', '回答を作成しています…');
  try {
    const body = await api('/api/ask', { method: 'POST', body: JSON.stringify(conversationId ? { question, conversationId } : { question }) });
    conversationId = body.conversationId;
    pending.textContent = body.answer;
    const cites = document.createElement('div');
    cites.className = 'cites';
    for (const c of body.citations) cites.append(button(`[${c.n}] ${c.section || c.title}`, () => showPassage(c)));
    const actions = document.createElement('div');
    actions.className = 'cites';
    const rate = (rating) => async () => {
      const r = await api('/api/feedback', { method: 'POST', body: JSON.stringify({ conversationId, rating }) });
      if (r.offerEscalation) offerEscalation(actions);
    };
    actions.append(button('役に立った', rate('up')), button('役に立たなかった', rate('down')));
    pending.append(cites, actions);
    if (body.escalate) offerEscalation(actions);
  } catch (err) {
    pending.className = 'msg error';
    pending.textContent = `エラー: ${err.message}`;
  }
});

$('mine').addEventListener('click', async () => {
  try {
    const { tickets } = await api('/api/escalations/mine');
    const label = { open: '受付中', forwarded: 'サポートデスクで確認中', answered: '回答あり', resolved: '解決済み' };
    add('bot', tickets.length === 0 ? '問い合わせはありません。' : tickets.map((t) => `・${t.question}(${label[t.status]})${t.answer ? `\n  回答: ${t.answer.body}` : ''}`).join('\n'));
  } catch (e) {
    add('error', `エラー: ${e.message}`);
  }
});

refreshSession();
