// What the app needs from its platform. Node and Workers entries build these; tests build them
// with in-memory parts. Nothing here is platform-specific.
import type { AnswerStreamEvent } from './answer/answerer.ts';
import type { Answer } from './answer/types.ts';
import type { RiskSettings } from './risk/assess.ts';
import type { RiskEvents } from './risk/events.ts';
import type { GuardedInput } from './risk/guard.ts';
import type { Context } from 'hono';
import type { OidcVerifier } from './auth/oidc.ts';
import type { Limiter } from './lib/rate-limit.ts';
import type { FaqService } from './escalation/faq.ts';
import type { TicketService } from './escalation/tickets.ts';
import type { ConversationStore } from './store/conversations.ts';
import type { SqlFeedbackStore } from './store/feedback.ts';
import type { SqlDb } from './store/sql.ts';

export interface AskService {
  ask(input: GuardedInput): Promise<Answer>;
  /** The same answer as it is written: sources, text deltas, then the final answer. */
  stream(input: GuardedInput): AsyncIterable<AnswerStreamEvent>;
}

export interface AppDeps {
  answerer: AskService;
  conversations: ConversationStore;
  tickets: TicketService;
  faq: FaqService;
  feedback: SqlFeedbackStore;
  /** Risk events and the audit log. */
  risk: RiskEvents;
  riskSettings: RiskSettings;
  /** The SQL store, for the dashboard's figures. */
  db: SqlDb;
  auth: {
    secret: string;
    /** Verifies tokens of the organization's OpenID Connect provider, when one is configured. */
    oidc: OidcVerifier | null;
    /** Demo accounts (one per role) may sign in. */
    demoAccounts: boolean;
    /** Session cookies carry Secure (production, behind HTTPS). */
    secureCookies: boolean;
  };
  version: string;
  /** Limits answering per user and per address (429 with Retry-After); none: unlimited. */
  limiter?: Limiter;
  /** Take the client's address from X-Forwarded-For (only behind a trusted reverse proxy). */
  trustForwardedFor?: boolean;
  /** The client's address when no proxy header gives it (Node: the socket). */
  clientAddress?: (c: Context) => string | undefined;
  /** Creates ids for new conversations. */
  newId?: () => string;
  log?: (message: string, detail?: unknown) => void;
}
