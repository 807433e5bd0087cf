// Signs people in (demo accounts, or a token) and shows the screen for their role: travelers
// chat and follow their tickets; accounting staff and the support desk work the queue and the FAQ;
// administrators review risk events and the audit log.
import { useEffect, useState } from 'react';
import { AdminReview } from './Admin.tsx';
import { api, type User } from './api.ts';
import { ErrorBanner } from './Banner.tsx';
import { Chat } from './Chat.tsx';
import { Console } from './Console.tsx';
import { ROLE_LABEL } from './labels.ts';
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
          <p>試用のためのデモアカウントです(本番環境では使えません)。役割を選んでサインインしてください。</p>
          <div className="row">
            {demo.map((a) => (
              <button key={a.id} type="button" className="primary" onClick={() => signIn({ account: a.id })}>
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
          <div className="grow">
            <input id="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
          </div>
          <button type="submit" disabled={token.trim() === ''}>
            トークンでサインイン
          </button>
        </div>
      </form>
      {error && <ErrorBanner message={error} />}
    </section>
  );
}

export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [tab, setTab] = useState<'chat' | 'tickets'>('chat');
  useEffect(() => {
    api<{ user: User | null }>('/api/session').then((r) => setUser(r.user), () => setUser(null));
  }, []);
  const signOut = async () => {
    await api('/api/session', { method: 'DELETE' });
    setUser(null);
  };
  return (
    <>
      <header className="site-header">
        <div className="inner">
          <div className="brand">
            <img src="/favicon.svg" alt="" width="32" height="32" />
            <h1>
              SEABIS ヘルプチャット
              <small>旅費等内部管理業務共通システム</small>
            </h1>
          </div>
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
        </div>
      </header>
      <main>
        {user === undefined && <p>読み込み中…</p>}
        {user === null && <SignIn onSignedIn={setUser} />}
        {user?.role === 'traveler' && (
          <>
            <nav className="tabs" aria-label="画面の切り替え">
              <button type="button" aria-current={tab === 'chat' ? 'page' : undefined} onClick={() => setTab('chat')}>
                チャット
              </button>
              <button type="button" aria-current={tab === 'tickets' ? 'page' : undefined} onClick={() => setTab('tickets')}>
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
