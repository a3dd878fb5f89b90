// Imported first by each page's entry point: zod's schemas validate without compiling code at run
// time. Otherwise zod probes `new Function` once, which the app's Content-Security-Policy (no
// 'unsafe-eval') refuses and reports as a violation on every start.
import { config } from 'zod';

config({ jitless: true });
