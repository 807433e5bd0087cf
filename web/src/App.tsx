// Signs people in (demo accounts, or a token) and shows the screen for their role: travelers
// chat and follow their tickets; accounting staff and the support desk work the queue and the FAQ;
// administrators review risk events and the audit log.
import { useEffect, useState } from 'react';
import { AdminReview } from './Admin.tsx';
import { api, ROLE_LABEL, type User } from './api.ts';
import { Chat } from './Chat.tsx';
import { Console } from './Console.tsx';
import { MyTickets } from './Tickets.tsx';

interface DemoAccount {
  id: string;
  role: string;
  label: string;
}

function SignIn({ onSignedIn }: { onSignedIn: (u: User) => void }) {
  const [demo, setDemo] = useState<DemoAccount[]>([]);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ accounts: DemoAccount[] }>('/api/session/demo-accounts').then((r) => setDemo(r.accounts), () => setDemo([]));
  }, []);
  const signIn = async (body: object) => {
    try {
      setError(null);
      onSignedIn((await api<{ user: User }>('/api/session', { json: body })).user);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="card signin" aria-labelledby="signin-title">
      <h2 id="signin-title">サインイン</h2>
      {demo.length > 0 && (
        <div className="demo">
          <p>試用のためのデモアカウントです(本番環境では使えません)。</p>
          <div className="row">
            {demo.map((a) => (
              <button key={a.id} type="button" onClick={() => signIn({ account: a.id })}>
                {a.label}
              </button>
            ))}
          </div>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          signIn({ token: token.trim() });
        }}
      >
        <label htmlFor="token">アクセストークン(組織のアカウントまたは npm run token で発行)</label>
        <div className="row">
          <input id="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
          <button type="submit" disabled={token.trim() === ''}>
            トークンでサインイン
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}

export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [tab, setTab] = useState<'chat' | 'tickets'>('chat');
  useEffect(() => {
    api<{ user: User }>('/api/session').then((r) => setUser(r.user), () => setUser(null));
  }, []);
  const signOut = async () => {
    await api('/api/session', { method: 'DELETE' });
    setUser(null);
  };
  return (
    <>
      <header className="top">
        <h1>SEABIS ヘルプチャット</h1>
        {user && (
          <p className="who">
            <span>
              {ROLE_LABEL[user.role]}: {user.id}
            </span>
            <button type="button" className="link" onClick={signOut}>
              サインアウト
            </button>
          </p>
        )}
      </header>
      <main>
        {user === undefined && <p>読み込み中…</p>}
        {user === null && <SignIn onSignedIn={setUser} />}
        {user?.role === 'traveler' && (
          <>
            <nav className="tabs" aria-label="画面の切り替え">
              <button type="button" aria-pressed={tab === 'chat'} onClick={() => setTab('chat')}>
                チャット
              </button>
              <button type="button" aria-pressed={tab === 'tickets'} onClick={() => setTab('tickets')}>
                自分の問い合わせ
              </button>
            </nav>
            {tab === 'chat' ? <Chat /> : <MyTickets />}
          </>
        )}
        {(user?.role === 'staff' || user?.role === 'helpdesk') && <Console user={user} />}
        {user?.role === 'admin' && <AdminReview />}
      </main>
    </>
  );
}
