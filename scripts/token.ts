// npm run token -- --role <traveler|staff|helpdesk|admin> --user <id> [--days N]
import { issueToken, MAX_TOKEN_SECONDS } from '../src/auth/tokens.ts';
import { isRole, ROLES } from '../src/auth/roles.ts';
import { resolveAuthSecret } from '../src/runtime/secret.ts';
import { loadConfigOrExit, parseCli } from './lib/args.ts';

const usage = `npm run token -- --role <${ROLES.join('|')}> --user <id> [--days N]`;
const { values } = parseCli({ role: { type: 'string' }, user: { type: 'string' }, days: { type: 'string', default: '30' } }, usage);
const days = Number(values.days);
const maxDays = MAX_TOKEN_SECONDS / 86400;
if (!isRole(values.role) || !values.user || !/^[\w.@-]{1,128}$/.test(values.user) || !(days > 0 && days <= maxDays)) {
  process.stderr.write(`Give a role (${ROLES.join(', ')}), a user id (letters, digits, . _ @ -) and 1–${maxDays} days.\nUsage: ${usage}\n`);
  process.exit(2);
}
const config = await loadConfigOrExit();
const secret = await resolveAuthSecret(config);
process.stdout.write((await issueToken(secret, { id: values.user, role: values.role }, days * 86400)) + '\n');
