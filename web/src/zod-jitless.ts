// zod (inside the ai SDK) probes `new Function` once to decide whether to compile its parsers; under
// the app's Content-Security-Policy (no 'unsafe-eval') that probe is refused and Chromium logs a
// CSP error on every page. Declaring it jitless skips the probe. Imported before anything parses.
import { config } from 'zod';

config({ jitless: true });
