// The connection test's report, as the user saves it for their IT support: what ran, how long each
// step took, how the media travelled. One schema for the renderer that builds it and for main
// that writes it. It never holds a credential: the LiveKit token stays in the page, and anything
// shaped like a token (a JWT, an `access_token=` parameter) is refused here and in main.
import { z } from 'zod';

/** In the order they run: this computer's devices first, then everything that leaves it. */
export const CONNECTION_TEST_STEP_IDS = ['microphone', 'camera', 'backend', 'signalling', 'ice', 'media', 'bandwidth', 'reconnect'] as const;
export type ConnectionTestStepId = (typeof CONNECTION_TEST_STEP_IDS)[number];

/** How a finished step went: `warn` works but degrades calls (TCP, relay, slow), `skipped` could not run. */
export const finishedStepStatusSchema = z.enum(['pass', 'warn', 'fail', 'skipped']);
export type FinishedStepStatus = z.infer<typeof finishedStepStatusSchema>;

/** `disabled`: the instance turned the test off (`CONNECTION_TEST_ENABLED=False`). */
export const connectionTestOutcomeSchema = z.enum(['pass', 'warn', 'fail', 'disabled']);
export type ConnectionTestOutcome = z.infer<typeof connectionTestOutcomeSchema>;

/** 2: the microphone, camera and reconnection steps, and advice for IT support on each step that needs it. */
export const REPORT_FORMAT = 'visio-connection-test/2';

const text = (max: number) => z.string().max(max);
const detailValue = z.union([text(500), z.number(), z.boolean(), z.null()]);

export const candidateSchema = z
  .object({
    /** host, srflx, prflx or relay. */
    type: text(16).nullable(),
    /** Transport to the first hop: udp or tcp. */
    protocol: text(16).nullable(),
    /** For a relay candidate: how it reaches the TURN server (udp, tcp, tls). */
    relayProtocol: text(16).nullable(),
  })
  .strict();
export type CandidateDescription = z.infer<typeof candidateSchema>;

export const reportStepSchema = z
  .object({
    id: z.enum(CONNECTION_TEST_STEP_IDS),
    status: finishedStepStatusSchema,
    durationMs: z.number().int().min(0).max(3_600_000).nullable(),
    /** The sentence the user read, in their language. */
    summary: text(500),
    /** What IT support can check or change, in the user's language; null when nothing is to be done. */
    advice: text(500).nullable(),
    /** Figures and codes behind it, for whoever reads the report. */
    details: z.record(text(64), detailValue).refine((details) => Object.keys(details).length <= 24, 'too many details'),
  })
  .strict();
export type ReportStep = z.infer<typeof reportStepSchema>;

/** A JWT (three base64url parts, the first one a JSON header) or a token in a URL. */
const TOKEN_PATTERN = /eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*|access_token=/i;

export function holdsToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** A text with every token-shaped part blanked, for error messages that may quote a URL. */
export function withoutTokens(value: string): string {
  return value
    .replace(/eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, '<token>')
    .replace(/access_token=[^&\s"']*/gi, '<token>');
}

export const connectionTestReportSchema = z
  .object({
    format: z.literal(REPORT_FORMAT),
    app: z
      .object({
        version: text(64),
        kind: z.enum(['electron', 'browser']),
        os: text(64),
        language: text(8),
      })
      .strict(),
    instance: z
      .object({
        apiBaseUrl: text(2048).nullable(),
        /** The LiveKit server the backend handed out, without any query. */
        livekitUrl: text(2048).nullable(),
      })
      .strict(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    durationMs: z.number().int().min(0).max(3_600_000),
    outcome: connectionTestOutcomeSchema,
    steps: z.array(reportStepSchema).max(CONNECTION_TEST_STEP_IDS.length),
    selectedCandidatePair: z.object({ local: candidateSchema, remote: candidateSchema }).strict().nullable(),
  })
  .strict()
  .refine((report) => !holdsToken(JSON.stringify(report)), 'a report never holds a token');
export type ConnectionTestReport = z.infer<typeof connectionTestReportSchema>;

/** `visio-test-connexion-2026-12-02-0930.json`: sorts by date, no characters a file system refuses. */
export function reportFileName(startedAt: string): string {
  const stamp = startedAt.slice(0, 16).replace('T', '-').replace(':', '');
  return `visio-test-connexion-${stamp}.json`;
}
