import type { RouteAccess } from '../../../apps/api/src/auth/access-matrix';

/**
 * The ownership column of the authorization matrix: what, beyond the caller's role, a route checks
 * before it touches a resource. Ordered rules on "METHOD path"; the matrix test fails for a route no
 * rule describes, so a new kind of route cannot join the API without its ownership being stated.
 */
const RULES: Array<[RegExp, string]> = [
  [/^GET \/health\//, '—'],
  [
    /^(POST \/api\/auth\/(login|password-reset|password-reset\/confirm)|POST \/api\/citizens\/(register|verify|resend-verification))$/,
    '— (stricter per-IP rate limit)',
  ],
  [
    /^POST \/api\/auth\/staff-invite(\/accept)?$/,
    "the invitation link's own account only (the token is the credential); stricter per-IP rate limit",
  ],
  [/^POST \/api\/auth\/logout$/, 'own browser session only (clears its cookie; CSRF origin check)'],
  [/^GET \/api\/catalogue\//, '— (public catalogue)'],
  [/^GET \/api\/public\/rounds$/, 'published rounds only'],
  [/^GET \/api\/public\/comparison$/, 'published rounds only (NOT_FOUND otherwise)'],
  [
    /^GET \/api\/public\/trends$/,
    'published rounds only, real or synthetic never mixed (NOT_FOUND for an unpublished round)',
  ],
  [/^GET \/api\/setup\/status$/, '— (only whether a guarantor exists)'],
  [
    /^POST \/api\/setup$/,
    'one-time setup code from the API log; only while no real guarantor exists (stricter per-IP rate limit)',
  ],
  [/^GET \/api\/public\/rounds\/:roundId\//, 'published rounds only (NOT_FOUND otherwise)'],
  [
    /^GET \/api\/rounds\/:roundId\/results\/events$/,
    "published rounds for anyone; any status for the round's own guarantor's staff (NOT_FOUND otherwise)",
  ],
  [/^GET \/api\/auth\/me$/, 'own account'],
  [
    /^(GET|PATCH|DELETE) \/api\/citizens\/me$|^PUT \/api\/citizens\/me\/conflicts$/,
    'own account (DELETE: password re-entered)',
  ],
  [/^GET \/api\/citizens\/institutions$/, 'public facts of institutions only'],
  [
    /^GET \/api\/citizens\/rounds$|^POST \/api\/citizens\/rounds\/:roundId\/assignments$/,
    'verified e-mail; rounds with validation open',
  ],
  [/^GET \/api\/citizens\/assignments$/, 'verified e-mail; own assignments only'],
  [/^GET \/api\/citizens\/history$/, 'verified e-mail; own assignments, verdicts and reports only'],
  [
    /^\w+ \/api\/citizens\/assignments\/:assignmentId/,
    'verified e-mail; own assignment (NOT_ASSIGNED otherwise); no conflict of interest',
  ],
  [/^\w+ \/api\/respond\//, "the invitation's round and institution only (NOT_FOUND otherwise)"],
  [
    /^POST \/api\/privacy\/validators\/:userId\/erase$/,
    "validators who worked on the guarantor's rounds (NOT_FOUND otherwise)",
  ],
  [
    /^GET \/api\/mail\/captured$/,
    "own guarantor's caught mail, and mail of no guarantor (password resets, validators' verification) only when addressed to the viewer's own account; development only (NOT_FOUND in production)",
  ],
  [
    /^POST \/api\/mail\/deliveries\/:eventId\/resend$/,
    "own guarantor's mail only (NOT_FOUND for another guarantor's); MAIL_ALREADY_SENT / MAIL_NOT_RESENDABLE unless failed or given up",
  ],
  [/^\w+ \/api\/mail\//, "own guarantor's mail (NOT_FOUND for another guarantor's round)"],
  // Issue #18: operator profile, co-signers, public feedback.
  [/^GET \/api\/public\/operators\/:slug$/, '— (public name and kind of an operator)'],
  [
    /^POST \/api\/public\/rounds\/:roundId\/reports$/,
    'published rounds only (NOT_FOUND otherwise); 5 per hour per connection, 200 per hour per round; honeypot field',
  ],
  [
    /^GET \/api\/public\/reports\/:id$/,
    "reports of published rounds only (NOT_FOUND otherwise); never the reporter's contact",
  ],
  [
    /^\w+ \/api\/cosign\/rounds\b/,
    'rounds the co-signer account was invited to and not removed from (NOT_FOUND otherwise)',
  ],
  [/^\w+ \/api\/operator$/, "own operator (the caller's guarantor)"],
  [/^\w+ \/api\/feedback\b/, "own guarantor's reports (NOT_FOUND otherwise)"],
  [/^\w+ \/api\/(users|audit|universe|questionnaires|rounds)\b/, "own guarantor's rows (NOT_FOUND otherwise)"],
  [/^PUT \/api\/commitments\/:commitmentId$/, "commitments of own guarantor's rounds (NOT_FOUND otherwise)"],
];

export function ownershipOf(route: Pick<RouteAccess, 'method' | 'path'>): string | undefined {
  const key = `${route.method} ${route.path}`;
  return RULES.find(([re]) => re.test(key))?.[1];
}
