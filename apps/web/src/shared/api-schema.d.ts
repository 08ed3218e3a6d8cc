/**
 * GENERATED from the API's OpenAPI document by scripts/openapi.ts: do not edit by hand.
 * After changing a DTO or a route, run `npm run api:types` and commit the result;
 * `npm test` fails while this file is out of date. The web's api.ts files alias these types.
 */

export interface paths {
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with e-mail and password; returns a bearer token (JWT) and, to our own pages, the session cookie.
         * @description After 5 wrong passwords from one client (address) that client waits 1, 2, 4 … 60 minutes (423 ACCOUNT_LOCKED); other clients are not affected. A password reset lifts every lock. A request from our own pages (Sec-Fetch-Site: same-origin, or a matching Origin) also gets the httpOnly session cookie (docs/security.md, "Sessions").
         */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out of the browser: clears the session cookie (Bearer clients simply forget their token). */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password reset link by e-mail (every role). Always 202: never reveals whether the address has an account.
         * @description The link (web page /restablecer/<token>) works once, for one hour; at most one mail per account per minute.
         */
        post: operations["AuthController_requestReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the token of a reset link; ends older sessions and lifts sign-in locks. */
        post: operations["AuthController_confirmReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in account. */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers. */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: PostgreSQL, Redis and the metric queue answer (503 otherwise). Also reports mail trouble (failed and given-up mails in the last 24 h, mails still queued) without failing on it. */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff accounts of the caller's guarantor, with their status (active, invited, deactivated). */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a staff account (admin or analyst) in the caller's guarantor, with a password chosen by the admin. The console invites by e-mail instead. */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite an analyst or admin by e-mail: a single-use link, valid 7 days, lets them choose a password (audited). */
        post: operations["UsersController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{userId}/resend-invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a new invitation link to an invitee without a password; earlier links stop working (audited). */
        post: operations["UsersController_resendInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{userId}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the role of a staff account (audited). Never leaves the guarantor without an active admin (409 LAST_ADMIN). */
        patch: operations["UsersController_changeRole"];
        trace?: never;
    };
    "/api/users/{userId}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate a staff account: it cannot sign in and its open sessions stop at once (audited). Never the guarantor's last active admin (409 LAST_ADMIN). */
        post: operations["UsersController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{userId}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a deactivated staff account (audited). */
        post: operations["UsersController_reactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/staff-invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a staff invitation link is for (address, role, guarantor); does not spend the link. */
        post: operations["StaffInviteController_inspect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/staff-invite/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choose the password with the token of a staff invitation link; the invitee lands signed in (session cookie to our pages). */
        post: operations["StaffInviteController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/universe/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import the guarantor's universe of obliged subjects from a CSV (all or nothing; idempotent upsert by key).
         * @description Columns: `name, type, level (federal|estatal|municipal|autonomo), cve_ent, cvegeo, email` and optional `key` (Spanish headers nombre, tipo, nivel, correo, clave are accepted; comma, semicolon or tab separated). Every cvegeo must exist in the CONAPO 2020 catalogue and belong to its cve_ent. A file with any bad row imports nothing: 422 `UNIVERSE_INVALID` with `details: { errors: [{ line, column, code, message: {es,en} }], errorCount, rowsRead }` (header = line 1). Rows are matched by `key`, or by a slug of name + "|" + cvegeo when there is no key column; re-importing the same file changes nothing. Institutions absent from the file are kept. `text/csv` bodies up to 20 MB; JSON bodies up to 1 MB.
         *
         *     **Large files run as a background import**: a `text/csv` body above 256 KB (or sent without Content-Length), or any body with `?async=1`, is streamed to storage and answered **202** with the import (`UniverseImportJob`) and `Location: /api/universe/imports/{id}`; poll that route for its state and progress. When done it holds the same report as the 200 answer (`result`); when the file is refused, the same body as the 422 (`error`), and nothing was imported. Smaller files are answered at once, as before.
         */
        post: operations["UniverseController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/universe/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The guarantor's universe imports that ran as background jobs, newest first. */
        get: operations["UniverseController_listImports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/universe/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** State and progress of a background universe import; when done, its report (`result`), when refused, its errors (`error`). */
        get: operations["UniverseController_getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/universe/institutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Institutions of the guarantor's universe, filtered by state, municipality, level, type or name. */
        get: operations["UniverseController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/universe/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of the guarantor's universe by state, level and type. */
        get: operations["UniverseController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/universe/institutions/{institutionId}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retire an institution from the padrón (soft; audited).
         * @description New rounds leave it out (draft selections, opening) and the universe lists hide it unless `status=retired|all`; rounds that already opened keep it in their frozen universe, with their responses and published values. Idempotent.
         */
        post: operations["UniverseController_retire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/universe/institutions/{institutionId}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring a retired institution back into the padrón (audited; idempotent). */
        post: operations["UniverseController_reactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalogue/states": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 32 states with their number of municipalities and population (CONAPO 2020). */
        get: operations["CatalogueController_states"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalogue/municipalities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Municipalities of a state (or all 2,469) with population and marginalisation degree (CONAPO 2020). */
        get: operations["CatalogueController_municipalities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questionnaires": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Latest version of each questionnaire (or every version of one slug with `?slug=`). */
        get: operations["QuestionnairesController_list"];
        put?: never;
        /**
         * Upload a questionnaire version (SurveyJS JSON, linted first).
         * @description The definition is linted with survey-core: malformed JSON (with line and column), unknown or unsupported question types, scored questions without `component` or scores, and broken expressions are refused with 422 `QUESTIONNAIRE_INVALID`, `field` = path of the first issue and `details.issues` = every issue `{ code, path, question?, message: {es,en}, at? }`. The version is the last version of the slug + 1; an upload identical to the latest version (same canonical JSON) returns that version with 200 instead of 201. Versions are immutable: there is no update.
         */
        post: operations["QuestionnairesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questionnaires/defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Install Apertura's default institution and citizen instruments as questionnaire versions (idempotent). */
        post: operations["QuestionnairesController_installDefaults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questionnaires/sheet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a questionnaire spreadsheet (one row per question, CSV/XLSX/JSON rows) as a new version.
         * @description Columns: type, name, page, panel, title_es, title_en, description_es, description_en, choices (`value=label_es|label_en=score=flags;…`, score `na` = not applicable, flag `exclusive`), component, weight, verifiable, evidence (evidenceFor), visibleIf, scoreIfHidden, scoreRange (`min..max`), required, inputType, min, max (a number's bounds; a rating's scale ends), maxLength, placeholder_es, placeholder_en, validation (`email`, `url`, `regex:PATTERN`, `numeric:MIN..MAX` or `length:MIN..MAX`), validationMessage_es, validationMessage_en, extra (JSON of any other SurveyJS property). On a `rating` row, choices are its rateValues. Row types `survey`, `page` and `panel` describe the containers. The rows become a SurveyJS definition that is linted and stored exactly like `POST /api/questionnaires`: a new version of the slug (200 with the latest version when identical); stored versions never change. Problems: 422 `QUESTIONNAIRE_SHEET_INVALID` with `details.issues` = `{ code, row, line, column?, question?, message: {es,en}, path? }` per row.
         */
        post: operations["QuestionnairesController_importSheet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questionnaires/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy a round's institution or citizen instrument as a new version of a slug (to edit it for a new round).
         * @description The definition is linted again and stored like an upload; a round of another guarantor is 404.
         */
        post: operations["QuestionnairesController_copyFromRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questionnaires/{id}/sheet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One questionnaire version as a spreadsheet (one row per question): CSV, XLSX or the rows as JSON. */
        get: operations["QuestionnairesController_exportSheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questionnaires/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One questionnaire version with its definition. */
        get: operations["QuestionnairesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rounds of the caller's guarantor, newest first. */
        get: operations["RoundsController_list"];
        put?: never;
        /**
         * Create a round (draft): window, universe selection, questionnaire versions, method settings and design (census | sample).
         * @description Questionnaires must belong to the guarantor and be of the right kind (422 QUESTIONNAIRE_KIND_MISMATCH). A `sample` design is checked against the institutions the selection matches (400 VALIDATION_FAILED with `field` such as `design.states[0].population` and `details.problems: [{ path, es, en }]`).
         */
        post: operations["RoundsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A round with its universe size and states, questionnaires, invitation/response counts, design and any design problems. */
        get: operations["RoundsController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a draft round (audited).
         * @description Refused with 409 ROUND_NOT_DRAFT once the round has opened: its invitations, responses and audit trail are kept.
         */
        delete: operations["RoundsController_remove"];
        options?: never;
        head?: never;
        /**
         * Change a draft round (including switching to a newer questionnaire version or its design).
         * @description Refused with 409 ROUND_NOT_DRAFT once the round has opened: questionnaires, universe and design are then frozen. A given `design` replaces the stored one and is checked against the universe as patched (400 VALIDATION_FAILED with the field path); a change is audited with the design before and after.
         */
        patch: operations["RoundsController_update"];
        trace?: never;
    };
    "/api/rounds/{id}/publish-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Coverage before publishing: institutions in the universe, submitted, validated by citizens, and the status counts of their I values.
         * @description `needsAcknowledgement` is true when most values are not conclusive or most institutions never answered; POST …/publish then needs `acknowledgeInconclusive: true`. Values are as last computed (`computedAt`); publishing recomputes them first.
         */
        get: operations["RoundsController_publishPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{id}/universe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The round's institutions (frozen at opening; for a draft, what its selection matches now), filtered and paginated. */
        get: operations["RoundsController_universe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * draft → open: freeze the universe from the selection and invite every institution (one transaction).
         * @description An empty universe is refused (422 UNIVERSE_EMPTY); so is a round whose window has already ended (409 INVALID_TRANSITION), and a `sample` round whose design no longer matches the universe being frozen (422 DESIGN_INVALID, field and `details.problems` as in PATCH).
         */
        post: operations["RoundsController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** open → closed: no more submissions (they get 409 ROUND_CLOSED). */
        post: operations["RoundsController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * closed → published: rebuilds every result first (a full recompute); the round turns published, and its results public, when that rebuild is done (see publication). Final state.
         * @description When most institution values are not conclusive or most institutions never answered (GET …/publish-preview), the body must carry `acknowledgeInconclusive: true` (409 PUBLISH_ACKNOWLEDGEMENT_REQUIRED otherwise, with the coverage in `details`). A co-signed round (coSignQuorum > 0) needs that many current approvals of the method settings, instrument and results (409 COSIGN_QUORUM_NOT_MET); if the rebuild changes the results, the approvals go stale and the round stays closed until the co-signers decide again.
         */
        post: operations["RoundsController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{id}/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a reminder e-mail to every invited institution of an open round that has not submitted (optionally a subset). */
        post: operations["InvitationsController_remind"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{id}/invitations/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitation progress (invited, mailed, opened, draft, submitted): totals, per state and per municipality (paginated). */
        get: operations["InvitationsController_progress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invited institutions with their status, filtered by status, state or municipality. */
        get: operations["InvitationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{id}/invitations/{institutionId}/revoke-and-reissue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an institution's invitation link and mail a new one (audited). The old link stops working at once. */
        post: operations["InvitationsController_reissue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{id}/invitations/{institutionId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail an institution's current invitation link again (same link; audited). Refused when the link was revoked. */
        post: operations["InvitationsController_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{id}/invitations/{institutionId}/reissue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an institution's link (if active) and issue a new one, returned in this response only (audited); mailed when sendMail is true. */
        post: operations["InvitationsController_reissueLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{id}/invitations/{institutionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct the institution's e-mail address for this round (the universe keeps its own; audited). */
        patch: operations["InvitationsController_updateEmail"];
        trace?: never;
    };
    "/api/rounds/{id}/invitations/{institutionId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an institution's invitation link (it stops working at once; audited). A new link can be re-issued later. */
        post: operations["InvitationsController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{id}/reminder-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scheduled reminders of the round: enabled, minimum days between mails, maximum reminders per institution. */
        get: operations["InvitationsController_reminderSettings"];
        /** Set the scheduled reminders of the round (audited). The worker mails institutions that have not submitted while the round is open. */
        put: operations["InvitationsController_updateReminderSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/respond/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Called when an institution opens its invitation link (header X-Invitation-Token): records the first opening and describes the round. */
        post: operations["RespondOpenController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/respond/context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Round, institution, questionnaire, saved answers and evidence of this invitation. */
        get: operations["RespondController_context"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/respond/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Autosave the working copy: every valid answer is kept, answers not valid yet are reported per question (types and unknown keys still refuse the whole draft). */
        put: operations["RespondController_saveDraft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/respond/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit (or amend) the self-report. The same idempotencyKey again answers 200 with the same version. */
        post: operations["RespondController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/respond/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A submitted version (latest unless `version` is given) for the printable copy: folio, answers, questionnaire, evidence. */
        get: operations["RespondController_copy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/respond/previous": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This institution's answers to the previous round of the same guarantor, limited to this questionnaire's questions (a starting point; nothing is saved). */
        get: operations["RespondController_previous"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/respond/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Submitted versions of this self-report, oldest first. */
        get: operations["RespondController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Institutions of the round with the state of their self-report (paginated; filters status, cveEnt). */
        get: operations["StaffResponsesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/responses/{institutionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An institution's current submitted answers, its versions and evidence. */
        get: operations["StaffResponsesController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/responses/{institutionId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One submitted version as it was stored, with the evidence it was submitted with. */
        get: operations["StaffResponsesController_version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an evidence file of the round (as an attachment, with its detected type). */
        get: operations["StaffResponsesController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register as a citizen validator; sends a verification e-mail.
         * @description Always 202 `{ accepted: true }`, whether or not the address already has an account (no enumeration): a new address gets the verification mail, an existing one a notice to its owner (with the password-reset route). See docs/citizen-api.md.
         */
        post: operations["RegistrationController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the e-mail address with the token of the verification link (single use, 48 h); the validator lands signed in.
         * @description Answers with a session like /api/auth/login (and the session cookie to our own pages): following the link proves control of the address.
         */
        post: operations["RegistrationController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/resend-verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a new verification e-mail. Always 202: never reveals whether the address is registered. */
        post: operations["RegistrationController_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Own validator profile (with e-mail and declared conflicts of interest). Works before e-mail verification. */
        get: operations["ProfileController_me"];
        put?: never;
        post?: never;
        /**
         * Delete your validator account and personal data (confirm with your password).
         * @description E-mail, password, display name, municipality of residence, declared conflicts and verification tokens are erased; the pseudonym, verdicts and citizen reports stay (published results do not change). Active assignments expire. The account can no longer sign in.
         */
        delete: operations["PrivacyController_eraseSelf"];
        options?: never;
        head?: never;
        /** Change display name or municipality of residence (null clears). */
        patch: operations["ProfileController_update"];
        trace?: never;
    };
    "/api/citizens/me/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Declare conflicts of interest (institutions where you work), each with a reason; replaces the set.
         * @description Those institutions are never assigned to you; active assignments of them are expired. No open round may see more than its maxConflicts of them (400 TOO_MANY_CONFLICTS); a missing reason is 400 CONFLICT_REASON_REQUIRED.
         */
        put: operations["ProfileController_setConflicts"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/institutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search obliged subjects (public facts only), e.g. to declare conflicts of interest. */
        get: operations["ProfileController_institutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rounds whose citizen validation is open, with your assignment counts. */
        get: operations["AssignmentsController_rounds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/rounds/{roundId}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for work: the engine tops you up to `max` active assignments (default 3, each for 14 days).
         * @description Municipalities furthest from a conclusive result first, then institutions with fewest citizen reports; each pick is drawn at random (seeded per validator and round) among the 5 neediest eligible institutions, so no declaration picks a target; never an institution of conflict or one already assigned to you. More declared conflicts among the round’s institutions than its maximum → 400 TOO_MANY_CONFLICTS.
         */
        post: operations["AssignmentsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your assignments (default: active and completed), with claims, self-report, verdicts and report. */
        get: operations["AssignmentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your history: every assignment (newest first) with its verdicts, report and, for published rounds, the result before your work and now. */
        get: operations["AssignmentsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/assignments/{assignmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your assignments. */
        get: operations["AssignmentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/assignments/{assignmentId}/verdicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save all your verdicts on the assignment at once (one transaction).
         * @description All or nothing: any invalid item answers 400 VALIDATION_FAILED with details.errors = [{ index, questionName, field, messages }] (one entry per claim and field) and nothing is stored.
         */
        put: operations["WorkController_saveVerdicts"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/assignments/{assignmentId}/verdicts/{questionName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save your verdict on a verifiable claim (saving again updates it); editable until the round closes. */
        put: operations["WorkController_saveVerdict"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/assignments/{assignmentId}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save your citizen report (citizen questionnaire) on the institution; validated like institution submissions. */
        put: operations["WorkController_saveReport"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/assignments/{assignmentId}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload an evidence file for your verdicts (≤ 10 MB; type detected from the content). */
        post: operations["WorkController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/assignments/{assignmentId}/evidence/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an evidence file of the assigned institution's self-report, or one you uploaded. */
        get: operations["WorkController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/validation/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open citizen validation of the round (validators can ask for assignments); audited. */
        post: operations["ValidationAdminController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/validation/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close citizen validation of the round (no new assignments, verdicts or reports); audited. */
        post: operations["ValidationAdminController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/validators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Validators who worked on the round, with personal data (admins only; every read is audited). */
        get: operations["ValidationAdminController_validators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/recruitment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recruitment planner: per municipality or state, validators, reports and how many more reports are needed (no personal data). */
        get: operations["ValidationAdminController_recruitment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/assignments/expire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Expire overdue assignments of the round now (their institutions return to the pool); audited. */
        post: operations["ValidationAdminController_expire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/rounds/{roundId}/export/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the results of a published round (CSV or JSON) or its data dictionary.
         * @description Long format: one row per entity × aggregation × indicator, with estimate, se, lo, hi, cv, n, N_universe, status, needed and the method id/version and input watermark. Streamed from the database (no row limit). JSON: {"meta": …, "rows": [ … ]}. Columns, units and the status vocabulary: dictionary.json and docs/open-data.md. Never contains data about validators.
         */
        get: operations["PublicExportsController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/export/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a round's results (any status) or its data dictionary: staff of the round's guarantor.
         * @description Long format: one row per entity × aggregation × indicator, with estimate, se, lo, hi, cv, n, N_universe, status, needed and the method id/version and input watermark. Streamed from the database (no row limit). JSON: {"meta": …, "rows": [ … ]}. Columns, units and the status vocabulary: dictionary.json and docs/open-data.md. Never contains data about validators.
         */
        get: operations["StaffExportsController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/microdata/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a round's microdata (answers, verdicts, citizen reports) as CSV or XLSX, or its codebook.
         * @description answers: one row per submitted self-report (current version), one column per questionnaire item plus institution keys. verdicts: one row per claim verdict. citizen_reports: one row per citizen report. Validators appear only as a per-round pseudonym (V-xxxxxxxxxx); no personal data of citizens. codebook.csv: every column, with question titles (es/en), types, choices with values and scores, and the questionnaire versions where each item exists. microdata.xlsx: one workbook with a sheet per dataset and the codebook. CSV text cells that start like a formula are neutralised; ?bom=1 adds a UTF-8 BOM. Streamed; every download is recorded in the audit log (microdata.download). See docs/microdata.md.
         */
        get: operations["MicrodataController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/results/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** National value of every indicator (three aggregations) with uncertainty, status, coverage, method and watermark. */
        get: operations["ResultsController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/results/institutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One row per institution of the universe with its headline (or the requested) indicator; filtered, sorted, paginated. */
        get: operations["ResultsController_institutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/results/distribution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Headline, T and P of every institution of the round, as columns (one array per field, ordered by name): what the overview charts draw. */
        get: operations["ResultsController_distribution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/results/institutions/{institutionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every indicator of an institution, its components, the inputs that produced them (s and s′ per item, verification counts, citizen report counts, evidence) and their provenance. */
        get: operations["ResultsController_institution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/results/areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Values by municipality, state, national, level of government or institution type, with uncertainty, status and coverage. */
        get: operations["ResultsController_areas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rebuild all of the round's results from its inputs (asynchronous); follow it with GET recompute/{runId}. */
        post: operations["ResultsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/recompute/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of a rebuild: queued → running (0–100) → done (with its watermark) or failed. */
        get: operations["ResultsController_run"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published rounds of every guarantor (or of one: `?guarantor=<slug>`), newest first; each says whether it is synthetic. */
        get: operations["PublicResultsController_rounds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/comparison": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether two published rounds may be compared; `SYNTHETIC_MIXED` when one is the synthetic demo and the other real. */
        get: operations["PublicResultsController_comparison"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/rounds/{roundId}/results/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** National values of a published round (see the staff route). */
        get: operations["PublicResultsController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/rounds/{roundId}/results/institutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Institutions of a published round with their headline (or requested) indicator. */
        get: operations["PublicResultsController_institutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/rounds/{roundId}/results/distribution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Headline, T and P of every institution of a published round, as columns (the overview charts). */
        get: operations["PublicResultsController_distribution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/rounds/{roundId}/results/institutions/{institutionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One institution of a published round: indicators, components, inputs and provenance. */
        get: operations["PublicResultsController_institution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/rounds/{roundId}/results/areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Area values of a published round. */
        get: operations["PublicResultsController_areas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/results/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events: `results` whenever the round’s stored results change (id = the round’s change version; data: roundId, version, watermark, scope institution|areas|all, institutionId), `ready` on connection. Reconnect with Last-Event-ID to get one catch-up event for changes missed meanwhile. Published rounds for anyone, any round of the caller’s guarantor for staff. */
        get: operations["ResultsEventsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/trends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One unit (institution, municipality, state or national) and indicator over every published round of a guarantor, oldest window first: estimate, interval, status, reasons and method per round. Points of another method version than the newest are flagged and never joined by a line; synthetic and real rounds are never mixed. */
        get: operations["PublicTrendsController_trend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit log of the caller's guarantor (append-only), newest first.
         * @description Round transitions, universe imports, questionnaire versions, submissions and amendments, verdict edits, role changes, invitation reissues, reads of validators’ personal data and erasures. Filter by exact `action` (or prefix `round.*`), `entityType`, `entityId`, the acting account `actorUserId`, the round `roundId` and the window `from` ≤ at < `to`.
         */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/validators/{userId}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase a validator's personal data on their request (validators who worked on the caller's rounds; audited; idempotent).
         * @description E-mail, password, display name, municipality of residence, declared conflicts and verification tokens are erased; the pseudonym, verdicts and citizen reports stay (published results do not change). Active assignments expire. The account can no longer sign in.
         */
        post: operations["PrivacyController_erase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/respond/refutations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notified refutations of this institution's claims, with the validator's evidence (never the validator's identity) and their standing. */
        get: operations["ReplyController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/respond/refutations/{verdictId}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The validator's evidence file of a refutation (neutral file name). */
        get: operations["ReplyController_evidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/respond/refutations/{verdictId}/dispute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dispute a refutation within the reply window, with text and evidence; the guarantor decides. Audited. */
        post: operations["ReplyController_dispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Queue of disputed refutations (open by default, or decided) with a summary of every refutation’s standing. */
        get: operations["DisputesController_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/disputes/{disputeId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Uphold (the refutation counts) or overturn (it is dropped) a dispute, with a reason; audited; recomputes the institution. */
        post: operations["DisputesController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/due-process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reply window (days) and maximum conflicts of interest of the round. */
        get: operations["DisputesController_settings"];
        /** Set the reply window and the conflict limit (draft rounds only); audited. */
        put: operations["DisputesController_updateSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/validators/outliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Validators whose refutation rate is an outlier for their municipality (exact binomial test); a prompt to review, changes nothing. */
        get: operations["DisputesController_outliers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mail/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where each of the guarantor's mails stands (queued, sent, skipped, failed with the server's reason, given up), trouble first; counts per state. */
        get: operations["MailController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mail/deliveries/{eventId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-send a mail that failed or was given up: a copy of its outbox event is queued (a new delivery row, same content and link) and the old row ends resent (audited). 409 MAIL_ALREADY_SENT when it left; 409 MAIL_NOT_RESENDABLE when queued, skipped or already re-sent. */
        post: operations["MailController_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mail/captured": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Development only (404 in production): messages caught by the embedded mail catcher, newest first, with their links. Your guarantor's mail, and mail of no guarantor (password resets, verification) only when addressed to your own account. */
        get: operations["MailController_captured"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mail/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a test mail (to the admin's own address unless `to` is given); its delivery row shows whether it left (audited). */
        post: operations["MailController_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mail/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The guarantor's invitation and reminder texts (es, en), the built-in ones where none is saved, and the allowed variables. */
        get: operations["MailController_listTemplates"];
        /** Save an invitation or reminder text in one language: plain text with whitelisted {{variables}}; {{link}} required in the body (audited). */
        put: operations["MailController_saveTemplate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mail/templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a template with sample data exactly as the worker would send it (nothing saved). Same validation as saving. */
        post: operations["MailController_previewTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mail/templates/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Go back to the built-in text of one kind and language (audited). */
        post: operations["MailController_resetTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/setup/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the installation still needs its first guarantor (the first-run page is offered). */
        get: operations["SetupController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the first guarantor and its admin with the one-time setup code printed in the API log at start.
         * @description Works once: afterwards (or when a guarantor was created with the CLI) 409 `SETUP_ALREADY_DONE`. A wrong or used code is 403 `SETUP_CODE_INVALID`, an expired one 410 `SETUP_CODE_EXPIRED` (restart the API for a new one). Rate-limited like sign-in; audited.
         */
        post: operations["SetupController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/me/demographics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your own optional demographics (null answers when not given).
         * @description Optional. Used only for aggregate statistics of who validates (with small-cell suppression); never shown or exported per person.
         */
        get: operations["DemographicsController_mine"];
        /**
         * Give or change your demographics, with explicit consent (every question has prefer_not_to_say).
         * @description Optional. Used only for aggregate statistics of who validates (with small-cell suppression); never shown or exported per person.
         */
        put: operations["DemographicsController_save"];
        post?: never;
        /** Withdraw consent: your demographics are deleted at once (idempotent). */
        delete: operations["DemographicsController_withdraw"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/rounds/{roundId}/validators-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Published round: the validators' aggregate profile.
         * @description Counts and shares per category of the optional demographics of the people who validated in the round, with small-cell suppression (cells under k, and complementary cells, are null), beside the census population by municipality type; and, as a sensitivity check beside (never instead of) the published values, the round I, TC and PC re-weighted to the population by municipality type (withheld while the round is open or when strata are too small).
         */
        get: operations["ValidatorsProfileController_publicProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/validators-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A round of the caller's guarantor (any status): the validators' aggregate profile.
         * @description Counts and shares per category of the optional demographics of the people who validated in the round, with small-cell suppression (cells under k, and complementary cells, are null), beside the census population by municipality type; and, as a sensitivity check beside (never instead of) the published values, the round I, TC and PC re-weighted to the population by municipality type (withheld while the round is open or when strata are too small).
         */
        get: operations["ValidatorsProfileController_profile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/rounds/{roundId}/commitments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Commitments after a published round: milestones, declared vs verified progress (interval, status, reasons), and whether the addressed components moved in the next published round. */
        get: operations["PublicCommitmentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/commitments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Commitments of one of your guarantor's rounds (staff view, same figures as public). */
        get: operations["StaffCommitmentsController_list"];
        put?: never;
        /** Record a commitment of an institution of the (published) round. Audited. */
        post: operations["StaffCommitmentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/commitments/{commitmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a commitment (its milestones by position; a milestone with citizen verdicts cannot be removed). Audited with before/after. */
        put: operations["StaffCommitmentsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/commitments/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create or update commitments from CSV (one row per milestone; rows name institutions by universe key). All or nothing: 422 COMMITMENTS_CSV_INVALID lists every row problem. Audited. */
        post: operations["StaffCommitmentsController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/respond/commitments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This institution's commitments in the invitation's round, with their progress. */
        get: operations["InstitutionCommitmentsController_list"];
        put?: never;
        /** Record a commitment after the published round. Audited. */
        post: operations["InstitutionCommitmentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/respond/commitments/{commitmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Update one of your commitments (e.g. declare a milestone met). Audited. */
        put: operations["InstitutionCommitmentsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/respond/commitments/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create or update your commitments from CSV (no institution_key column needed). */
        post: operations["InstitutionCommitmentsController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/citizens/assignments/{assignmentId}/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Commitment milestones of the assigned institution to verify (claim kind 'milestone'): save verdicts with PUT /api/citizens/assignments/:id/verdicts using claimName. */
        get: operations["MilestoneWorkController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/cosign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Co-signing of a round: quorum, co-signers (with their contact), every decision, the current fingerprint and whether it is met. */
        get: operations["StaffCosignController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/cosign/quorum": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set coSignQuorum (0 = no co-signing). Raised until publication; lowered only while draft (audited). */
        put: operations["StaffCosignController_setQuorum"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/cosigners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite a co-signing organisation by e-mail (audited). A new address gets a co-signer account and a single-use activation link (7 days); an existing co-signer account of this operator gets a sign-in link. Addresses of other accounts are refused (409 EMAIL_TAKEN). */
        post: operations["StaffCosignController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rounds/{roundId}/cosigners/{cosignerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a co-signer that has not decided yet (audited). One that approved or objected stays: 409 COSIGNER_HAS_DECIDED. */
        delete: operations["StaffCosignController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cosign/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rounds the signed-in co-signer is invited to, with its current state in each. */
        get: operations["CosignerController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cosign/rounds/{roundId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the co-signer reviews: method settings and design, the questionnaires (with checksums), the results as computed now, every decision, and the fingerprint to approve. */
        get: operations["CosignerController_review"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cosign/rounds/{roundId}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or object (with reasons) to the round as reviewed: the fingerprint must be the current one (409 COSIGN_FINGERPRINT_CHANGED). Only while the round is closed and not published. Public with the results; audited. */
        post: operations["CosignerController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cosign/rounds/{roundId}/export/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The round's results as open data (same files as the public export), before publication, for the co-signers to review. Never validator data. */
        get: operations["CosignerController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/rounds/{roundId}/co-signatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The operator (name and kind), the quorum, each co-signing organisation and every approval and objection with its reasons, of a published round. */
        get: operations["PublicCosignController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/rounds/{roundId}/co-signatures.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same record as CSV: one row per decision (open data). */
        get: operations["PublicCosignController_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's operator: public name and kind. */
        get: operations["OperatorController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the public name and kind (guarantor body, transparency authority, comptroller, civil society, academia) shown on public pages (audited). */
        patch: operations["OperatorController_update"];
        trace?: never;
    };
    "/api/public/operators/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An operator by its slug: public name and kind. */
        get: operations["PublicOperatorController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/rounds/{roundId}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reports on a published round with their status and public reply (newest 500; no reporter data). */
        get: operations["PublicFeedbackController_list"];
        put?: never;
        /** Report an error in a published value or evidence link (no account). 5 per hour per connection, 200 per hour per round; the optional contact address is private and never mailed automatically. Answers with the public status page. */
        post: operations["PublicFeedbackController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public status of one report: what was reported, its status and the public reply. */
        get: operations["PublicFeedbackController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The operator's queue of public reports (open first), with the private contact address. */
        get: operations["StaffFeedbackController_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Triage a report: open → acknowledged → fixed | rejected (409 REPORT_TRANSITION_INVALID otherwise). Closing needs a public reply (audited). */
        patch: operations["StaffFeedbackController_triage"];
        trace?: never;
    };
    "/api/respond/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload an evidence file for a question (type detected from the content; ≤ 10 MB). */
        post: operations["EvidenceController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/respond/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one of your evidence files (as an attachment, with its detected type). */
        get: operations["EvidenceController_download"];
        put?: never;
        post?: never;
        /** Remove an evidence file while the round is open (versions that cite it keep it). */
        delete: operations["EvidenceController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorMessagesDto: {
            es: string;
            en: string;
        };
        ErrorDto: {
            /**
             * @description Stable machine-readable code.
             * @enum {string}
             */
            code: "VALIDATION_FAILED" | "MALFORMED_JSON" | "CONTROL_CHARACTER" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "UNAUTHENTICATED" | "INVALID_CREDENTIALS" | "ACCOUNT_LOCKED" | "EMAIL_NOT_VERIFIED" | "FORBIDDEN" | "INVALID_TOKEN" | "NOT_FOUND" | "ROUTE_NOT_FOUND" | "CONFLICT" | "EMAIL_TAKEN" | "ROUND_NOT_DRAFT" | "ROUND_NOT_OPEN" | "ROUND_CLOSED" | "INVALID_TRANSITION" | "QUESTIONNAIRE_INVALID" | "QUESTIONNAIRE_KIND_MISMATCH" | "QUESTIONNAIRE_SHEET_INVALID" | "UNIVERSE_INVALID" | "UNIVERSE_EMPTY" | "SUBMISSION_INVALID" | "SETTINGS_INVALID" | "DESIGN_INVALID" | "NOT_ASSIGNED" | "CONFLICT_OF_INTEREST" | "ASSIGNMENT_EXPIRED" | "VALIDATION_CLOSED" | "IDEMPOTENCY_MISMATCH" | "CONFLICT_REASON_REQUIRED" | "TOO_MANY_CONFLICTS" | "REPLY_WINDOW_CLOSED" | "DISPUTE_EXISTS" | "DISPUTE_DECIDED" | "VERSION_LIMIT_REACHED" | "INVITATION_REVOKED" | "TEMPLATE_UNKNOWN_VARIABLE" | "TEMPLATE_UNSAFE" | "TEMPLATE_LINK_REQUIRED" | "PUBLISH_ACKNOWLEDGEMENT_REQUIRED" | "ACCOUNT_DEACTIVATED" | "LAST_ADMIN" | "CSRF_REJECTED" | "SETUP_CODE_INVALID" | "SETUP_CODE_EXPIRED" | "SETUP_ALREADY_DONE" | "MAIL_ALREADY_SENT" | "MAIL_NOT_RESENDABLE" | "ROUND_NOT_PUBLISHED" | "COMMITMENT_COMPONENT_UNKNOWN" | "COMMITMENTS_CSV_INVALID" | "MILESTONE_HAS_VERDICTS" | "COSIGN_QUORUM_NOT_MET" | "COSIGN_FINGERPRINT_CHANGED" | "COSIGN_DECISIONS_CLOSED" | "COSIGN_QUORUM_LOCKED" | "COSIGNER_HAS_DECIDED" | "COSIGN_REASON_REQUIRED" | "REPORT_TRANSITION_INVALID" | "REPORT_REPLY_REQUIRED" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "INTERNAL";
            /** @description Human message (English). */
            message: string;
            messages: components["schemas"]["ErrorMessagesDto"];
            /** @description The offending input field, when one is to blame. */
            field?: string;
            /** @description Data of the code, when it has any (e.g. `details.errors` of VALIDATION_FAILED, UNIVERSE_INVALID). */
            details?: string | number | boolean | unknown[] | {
                [key: string]: unknown;
            };
        };
        LoginDto: {
            /** @example admin@infoem.example */
            email: string;
            /** @example a long passphrase */
            password: string;
        };
        MeDto: {
            id: string;
            email: string | null;
            displayName: string | null;
            /** @enum {string} */
            role: "guarantor_admin" | "analyst" | "institution_respondent" | "citizen_validator" | "cosigner";
            guarantorId: string | null;
            emailVerified: boolean;
        };
        SessionDto: {
            accessToken: string;
            expiresIn: number;
            user: components["schemas"]["MeDto"];
        };
        PasswordResetRequestDto: {
            /** @example ana@example.org */
            email: string;
        };
        AcceptedDto: {
            /** @example true */
            accepted: boolean;
        };
        PasswordResetConfirmDto: {
            /** @description The token from the reset link. */
            token: string;
            password: string;
        };
        PasswordResetDoneDto: {
            /** @example true */
            reset: boolean;
        };
        CreateUserDto: {
            email: string;
            password: string;
            displayName?: string;
            /** @enum {string} */
            role: "guarantor_admin" | "analyst";
        };
        UserDto: {
            id: string;
            email: string | null;
            displayName: string | null;
            /** @enum {string} */
            role: "guarantor_admin" | "analyst";
            createdAt: string;
            /**
             * @description invited: the account has no password yet (the invitation is open or expired).
             * @enum {string}
             */
            status: "active" | "invited" | "deactivated";
            /** Format: date-time */
            deactivatedAt: string | null;
            /**
             * Format: date-time
             * @description Expiry of the latest invitation link, while the account has no password.
             */
            invitationExpiresAt: string | null;
        };
        InviteUserDto: {
            /** @example analista@infoem.example */
            email: string;
            displayName?: string;
            /** @enum {string} */
            role: "guarantor_admin" | "analyst";
        };
        UpdateRoleDto: {
            /** @enum {string} */
            role: "guarantor_admin" | "analyst";
        };
        StaffInviteTokenDto: {
            /** @description The token from the invitation link. */
            token: string;
        };
        StaffInviteInfoDto: {
            email: string;
            /**
             * @description cosigner: a co-signing organisation invited to rounds (issue #18), same activation link.
             * @enum {string}
             */
            role: "guarantor_admin" | "analyst" | "cosigner";
            guarantorName: string;
            displayName: string | null;
            /** Format: date-time */
            expiresAt: string;
        };
        AcceptStaffInviteDto: {
            /** @description The token from the invitation link. */
            token: string;
            password: string;
            displayName?: string;
        };
        ImportUniverseJsonDto: {
            /**
             * @description CSV text with header `name,type,level,cve_ent,cvegeo,email[,key]`.
             * @example name,type,level,cve_ent,cvegeo,email
             *     Ayuntamiento de Toluca,ayuntamiento,municipal,15,15106,transparencia@toluca.gob.mx
             */
            csv: string;
        };
        UniverseIssueDto: {
            /**
             * @description 1-based line of the file (header = 1).
             * @example 3
             */
            line: number;
            /**
             * @description Column at fault, or null for the whole row/file.
             * @example cvegeo
             */
            column: string | null;
            /**
             * @example UNKNOWN_CVEGEO
             * @enum {string}
             */
            code: "EMPTY_FILE" | "INVALID_ENCODING" | "MALFORMED_CSV" | "MISSING_COLUMN" | "UNKNOWN_COLUMN" | "DUPLICATE_COLUMN" | "NO_ROWS" | "TOO_MANY_ROWS" | "FIELD_COUNT" | "REQUIRED" | "TOO_LONG" | "INVALID_LEVEL" | "INVALID_CVE_ENT" | "UNKNOWN_CVE_ENT" | "INVALID_CVEGEO" | "UNKNOWN_CVEGEO" | "CVEGEO_NOT_IN_STATE" | "INVALID_EMAIL" | "INVALID_KEY" | "DUPLICATE_KEY" | "BIDI_CONTROL";
            message: components["schemas"]["ErrorMessagesDto"];
        };
        UniverseInvalidDetailsDto: {
            /** @description At most 1,000 problems, in file order. */
            errors: components["schemas"]["UniverseIssueDto"][];
            /** @description Total number of problems found. */
            errorCount: number;
            /** @description Data rows read. */
            rowsRead: number;
        };
        UniverseImportResultDto: {
            /** @description True when nothing was written (`?dryRun=true`). */
            dryRun: boolean;
            /** @description New institutions. */
            inserted: number;
            /** @description Existing institutions (same key) whose data changed. */
            updated: number;
            /** @description Existing institutions with identical data. */
            unchanged: number;
            /** @description Rows in the file. */
            total: number;
            /** @description Institutions of the guarantor's universe absent from this file (kept: rounds may refer to them). */
            notInFile: number;
        };
        ImportProgressDto: {
            /** @description Bytes of the file read by the import so far. */
            bytesProcessed: number;
            /** @description Size of the file in bytes. */
            totalBytes: number;
            /** @description Data rows read so far. */
            rowsProcessed: number;
            /** @description Problems found so far. */
            errorCount: number;
            /** @description Whole percent done (100 when finished). */
            percent: number;
        };
        ImportErrorDto: {
            /** @example UNIVERSE_INVALID */
            code: string;
            message: string;
            messages: components["schemas"]["ErrorMessagesDto"];
            /** @description Column of the first problem. */
            field?: string;
            details?: components["schemas"]["UniverseInvalidDetailsDto"];
        };
        UniverseImportJobDto: {
            id: string;
            /**
             * @description receiving (the upload is being stored) → queued → parsing → validating → importing → done | failed. A file with any bad row fails and imports nothing.
             * @enum {string}
             */
            state: "receiving" | "queued" | "parsing" | "validating" | "importing" | "done" | "failed";
            dryRun: boolean;
            progress: components["schemas"]["ImportProgressDto"];
            /** @description When done: the same report as the synchronous route. */
            result?: components["schemas"]["UniverseImportResultDto"];
            /** @description When failed. */
            error?: components["schemas"]["ImportErrorDto"];
            createdAt: string;
            updatedAt: string;
            finishedAt: string | null;
        };
        UniverseImportPageDto: {
            items: components["schemas"]["UniverseImportJobDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        InstitutionDto: {
            id: string;
            /** @description Stable key used for idempotent re-import. */
            key: string;
            name: string;
            type: string;
            /** @enum {string} */
            level: "federal" | "estatal" | "municipal" | "autonomo";
            /** @example 15 */
            cveEnt: string;
            /** @example México */
            stateName: string;
            /** @example 15106 */
            cvegeo: string;
            /** @example Toluca */
            municipalityName: string;
            email: string;
            createdAt: string;
            updatedAt: string;
            /** @description When it was retired from the padrón (null: active). */
            retiredAt: string | null;
        };
        InstitutionPageDto: {
            items: components["schemas"]["InstitutionDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        StateCountDto: {
            /** @example 15 */
            cveEnt: string;
            /** @example México */
            name: string;
            count: number;
        };
        LevelCountDto: {
            /** @enum {string} */
            level: "federal" | "estatal" | "municipal" | "autonomo";
            count: number;
        };
        TypeCountDto: {
            type: string;
            count: number;
        };
        UniverseSummaryDto: {
            /** @description Active institutions in the universe (retired ones are counted apart). */
            total: number;
            /** @description Institutions retired from the padrón (kept for the rounds that included them). */
            retired: number;
            /** @description Distinct municipalities with at least one institution. */
            municipalities: number;
            byState: components["schemas"]["StateCountDto"][];
            byLevel: components["schemas"]["LevelCountDto"][];
            byType: components["schemas"]["TypeCountDto"][];
        };
        InstitutionActionDto: {
            /** @description Why (kept in the audit log). */
            reason?: string;
        };
        StateDto: {
            /** @example 15 */
            cveEnt: string;
            /** @example México */
            name: string;
            /** @description Municipalities in the state. */
            municipalities: number;
            /** @description Population (INEGI 2020 census). */
            population: number;
        };
        StatesDto: {
            /** @description Source of the catalogue. */
            source: string;
            items: components["schemas"]["StateDto"][];
        };
        MunicipalityDto: {
            /** @example 15106 */
            cvegeo: string;
            /** @example 15 */
            cveEnt: string;
            /** @example Toluca */
            name: string;
            /** @example México */
            stateName: string;
            /** @description Population (INEGI 2020 census). */
            population: number;
            /**
             * @description CONAPO 2020 marginalisation degree.
             * @example Muy bajo
             */
            marginalisation: string;
        };
        MunicipalitiesDto: {
            /** @description Source of the catalogue. */
            source: string;
            items: components["schemas"]["MunicipalityDto"][];
        };
        LintIssueDto: {
            /**
             * @example Q_UNKNOWN_TYPE
             * @enum {string}
             */
            code: "Q_MALFORMED_JSON" | "Q_TOO_LARGE" | "Q_TOO_DEEP" | "Q_TOO_MANY_QUESTIONS" | "Q_NOT_OBJECT" | "Q_NO_PAGES" | "Q_NO_QUESTIONS" | "Q_INVALID_ELEMENT" | "Q_UNKNOWN_TYPE" | "Q_UNSUPPORTED_TYPE" | "Q_UNSUPPORTED_PROPERTY" | "Q_UNKNOWN_PROPERTY" | "Q_SURVEYJS_ERROR" | "Q_MISSING_NAME" | "Q_FORBIDDEN_NAME" | "Q_DUPLICATE_NAME" | "Q_INVALID_CHOICE" | "Q_DUPLICATE_CHOICE" | "Q_MISSING_COMPONENT" | "Q_INVALID_COMPONENT" | "Q_UNSCORABLE_TYPE" | "Q_MISSING_SCORE" | "Q_BAD_SCORE" | "Q_BAD_SCORE_RANGE" | "Q_BAD_WEIGHT" | "Q_BAD_PROPERTY" | "Q_SPECIAL_ITEM_ON_SCORED" | "Q_VERIFIABLE_NOT_ALLOWED" | "Q_BAD_EXPRESSION" | "Q_UNKNOWN_REFERENCE" | "Q_UNKNOWN_FUNCTION" | "Q_BAD_EVIDENCE_FOR" | "Q_BAD_SCORE_IF_HIDDEN" | "Q_SCORE_IF_HIDDEN_WITHOUT_GATE";
            /**
             * @description JSONPath-like location.
             * @example $.pages[0].elements[2]
             */
            path: string;
            /** @description Question the issue belongs to. */
            question?: string;
            message: components["schemas"]["ErrorMessagesDto"];
            /** @description For Q_MALFORMED_JSON: { offset, line, column } where parsing stopped. */
            at?: Record<string, never>;
        };
        SheetIssueDto: {
            /**
             * @description SHEET_* (the sheet itself) or Q_* (lint of the resulting definition).
             * @example Q_MISSING_SCORE
             */
            code: string;
            /** @description 0-based row index (header excluded). */
            row?: number;
            /** @description Spreadsheet line: row + 2 (line 1 is the header). */
            line?: number;
            column?: string;
            /** @description Question, page or panel name of the row. */
            question?: string;
            message: components["schemas"]["ErrorMessagesDto"];
            /** @description JSON path in the definition, for lint issues. */
            path?: string;
        };
        CreateQuestionnaireDto: {
            /**
             * @description institution = self-report; citizen = citizen report.
             * @enum {string}
             */
            kind: "institution" | "citizen";
            /**
             * @description Stable name of the instrument; each upload with the same slug is a new version.
             * @example autodiagnostico-2025
             */
            slug: string;
            /** @description Defaults to the definition's title (Spanish) or the slug. */
            title?: string;
            /** @description SurveyJS JSON, as an object or as a JSON string (then syntax errors are reported with line and column). */
            definition: {
                [key: string]: unknown;
            } | string;
        };
        QuestionnaireDto: {
            id: string;
            /** @enum {string} */
            kind: "institution" | "citizen";
            slug: string;
            /** @description 1 for the first upload of a slug, then +1 per changed definition. */
            version: number;
            title: string;
            /** @description sha256 of the canonical JSON (sorted keys) of the definition. */
            checksum: string;
            /** @description Versions of this slug. */
            versions: number;
            /** @description True when this is the newest version of its slug. */
            latest: boolean;
            createdAt: string;
            /** @description SurveyJS JSON. */
            definition: {
                [key: string]: unknown;
            };
        };
        InstalledQuestionnaireDto: {
            id: string;
            /** @enum {string} */
            kind: "institution" | "citizen";
            slug: string;
            /** @description 1 for the first upload of a slug, then +1 per changed definition. */
            version: number;
            title: string;
            /** @description sha256 of the canonical JSON (sorted keys) of the definition. */
            checksum: string;
            /** @description Versions of this slug. */
            versions: number;
            /** @description True when this is the newest version of its slug. */
            latest: boolean;
            createdAt: string;
            /** @description False when the guarantor already had this exact definition as its latest version. */
            created: boolean;
            /**
             * @description Bundled instrument version.
             * @example institution.v1
             */
            instrument: string;
        };
        InstalledDefaultsDto: {
            items: components["schemas"]["InstalledQuestionnaireDto"][];
        };
        ImportSheetDto: {
            /** @enum {string} */
            kind: "institution" | "citizen";
            /** @description The new version goes to this slug (version = latest + 1). */
            slug: string;
            title?: string;
            /** @enum {string} */
            format: "csv" | "xlsx" | "json";
            /** @description csv: the CSV text; xlsx: the file in base64; json: an array of row objects keyed by column. */
            content: string | {
                [key: string]: unknown;
            }[];
        };
        CopyFromRoundDto: {
            /**
             * Format: uuid
             * @description Round whose instrument is copied (a round of your guarantor).
             */
            roundId: string;
            /**
             * @description Which of the round's instruments.
             * @enum {string}
             */
            kind: "institution" | "citizen";
            /** @description Slug of the new version (another slug, or the same one: a new version is created only if the definition differs). */
            slug: string;
            title?: string;
        };
        QuestionnaireSummaryDto: {
            id: string;
            /** @enum {string} */
            kind: "institution" | "citizen";
            slug: string;
            /** @description 1 for the first upload of a slug, then +1 per changed definition. */
            version: number;
            title: string;
            /** @description sha256 of the canonical JSON (sorted keys) of the definition. */
            checksum: string;
            /** @description Versions of this slug. */
            versions: number;
            /** @description True when this is the newest version of its slug. */
            latest: boolean;
            createdAt: string;
        };
        QuestionnairePageDto: {
            items: components["schemas"]["QuestionnaireSummaryDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        UniverseSelectionDto: {
            /**
             * @description States (2-digit INEGI codes).
             * @example [
             *       "15"
             *     ]
             */
            cveEnt?: string[];
            /**
             * @description Municipalities (5-digit INEGI codes), added to the states.
             * @example [
             *       "15106"
             *     ]
             */
            cvegeo?: string[];
            levels?: ("federal" | "estatal" | "municipal" | "autonomo")[];
            /**
             * @description Institution types (case-insensitive).
             * @example [
             *       "ayuntamiento"
             *     ]
             */
            types?: string[];
            /** @description Only these institutions of the guarantor's universe. */
            institutionIds?: string[];
        };
        DesignStateDto: {
            /**
             * @description State (2-digit INEGI code) of the round universe.
             * @example 15
             */
            cveEnt: string;
            /**
             * @description N_pop: obliged subjects of the stratum in the population (integer ≥ 1, and ≥ the institutions the round has in the stratum).
             * @example 300
             */
            population: number;
        };
        DesignMunicipalityDto: {
            /**
             * @description Municipality (5-digit INEGI code) with institutions in the round universe.
             * @example 15106
             */
            cvegeo: string;
            /**
             * @description N_pop: obliged subjects of the stratum in the population (integer ≥ 1, and ≥ the institutions the round has in the stratum).
             * @example 12
             */
            population: number;
        };
        RoundDesignDto: {
            /**
             * @example sample
             * @enum {string}
             */
            kind: "census" | "sample";
            /** @description Required for `sample`; absent for `census`. */
            states?: components["schemas"]["DesignStateDto"][];
            /** @description Optional, `sample` only. */
            municipalities?: components["schemas"]["DesignMunicipalityDto"][];
        };
        CreateRoundDto: {
            /** @example Diagnóstico 2025 — Estado de México */
            name: string;
            /**
             * Format: date-time
             * @description Submissions are accepted from this instant (once the round is open).
             */
            opensAt: string;
            /**
             * Format: date-time
             * @description Submissions are refused from this instant; must be after opensAt.
             */
            closesAt: string;
            /**
             * Format: uuid
             * @description A questionnaire version of kind `institution`.
             */
            institutionQuestionnaireId: string;
            /**
             * Format: uuid
             * @description A questionnaire version of kind `citizen`.
             */
            citizenQuestionnaireId: string;
            /** @description Which institutions of the universe the round covers. Empty or absent lists do not restrict. States and municipalities are a union (all of the states plus the municipalities); levels, types and institutionIds narrow that. Frozen into the round when it opens. */
            universeSelection?: components["schemas"]["UniverseSelectionDto"];
            /**
             * @description Most versions one institution may submit in this round (every version is kept and audited); beyond it 409 VERSION_LIMIT_REACHED.
             * @default 50
             */
            maxVersionsPerResponse?: number;
            /** @description Method settings (docs/method.md): any subset of `{ weights: { TG|TC|PG|PC: { component: weight } }, thresholds: {…}, bootstrapReplicates, confidence }`, merged over the method defaults (docs/method.md) and stored complete. A given sub-index weight map replaces the default one. Invalid → 422 SETTINGS_INVALID with `details.problems: [{ path, message }]`. */
            settings?: {
                [key: string]: unknown;
            };
            /** @description docs/method.md §5. `census` (default): the universe is every obliged subject of the covered area. `sample`: the universe is a sample; `states` lists every state of the round universe once with its population N_pop (≥ the institutions the round has there); `municipalities` optionally declares N_pop of municipalities of the universe (same rule; together not above their state). Editable only while the round is a draft; checked again against the frozen universe when the round opens (422 DESIGN_INVALID). Absent on creation: census. */
            design?: components["schemas"]["RoundDesignDto"];
        };
        CensusDesignDto: {
            /** @enum {string} */
            kind: "census";
        };
        SampleDesignDto: {
            /** @enum {string} */
            kind: "sample";
            states: components["schemas"]["DesignStateDto"][];
            municipalities?: components["schemas"]["DesignMunicipalityDto"][];
        };
        UniverseSelectionViewDto: {
            cveEnt?: string[];
            cvegeo?: string[];
            levels?: string[];
            types?: string[];
            institutionIds?: string[];
        };
        PublicationDto: {
            /**
             * Format: uuid
             * @description Recompute run (GET /api/rounds/{id}/recompute/{runId}).
             */
            runId: string;
            /**
             * @description failed: the round stays closed; publish again to retry.
             * @enum {string}
             */
            status: "queued" | "running" | "done" | "failed";
            progress: number;
            /** Format: date-time */
            finishedAt: string | null;
        };
        QuestionnaireRefDto: {
            id: string;
            kind: string;
            slug: string;
            version: number;
            title: string;
        };
        RoundCountsDto: {
            /** @description Active invitations. */
            invitations: number;
            /** @description Responses saved as drafts. */
            drafts: number;
            /** @description Responses submitted. */
            submitted: number;
        };
        UniverseStateDto: {
            /** @example 15 */
            cveEnt: string;
            /** @example México */
            name: string;
            /** @description Institutions of the round universe in the state (the least population a sample may declare). */
            institutions: number;
        };
        DesignProblemDto: {
            /** @example design.states[0].population */
            path: string;
            es: string;
            en: string;
        };
        RoundDetailDto: {
            id: string;
            name: string;
            /** @enum {string} */
            status: "draft" | "open" | "closed" | "published";
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            closesAt: string;
            /** Format: uuid */
            institutionQuestionnaireId: string;
            /** Format: uuid */
            citizenQuestionnaireId: string;
            universeSelection: components["schemas"]["UniverseSelectionViewDto"];
            /** @description Complete method settings (defaults merged). */
            settings: {
                [key: string]: unknown;
            };
            /** @description docs/method.md §5. `census` (default): the universe is every obliged subject of the covered area. `sample`: the universe is a sample; `states` lists every state of the round universe once with its population N_pop (≥ the institutions the round has there); `municipalities` optionally declares N_pop of municipalities of the universe (same rule; together not above their state). Editable only while the round is a draft; checked again against the frozen universe when the round opens (422 DESIGN_INVALID). */
            design: components["schemas"]["CensusDesignDto"] | components["schemas"]["SampleDesignDto"];
            /** @description Citizens can be assigned institutions of this round. */
            validationOpen: boolean;
            /** @description Generated demo data. */
            synthetic: boolean;
            /** @description Most versions one institution may submit in this round. */
            maxVersionsPerResponse: number;
            /** Format: date-time */
            openedAt: string | null;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            publishedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Set once publication was requested: publishing rebuilds every result first and the round stays closed until that rebuild is done. */
            publication: components["schemas"]["PublicationDto"] | null;
            /** @description Institutions in the round: frozen at opening; before that, what the selection matches now. */
            universeSize: number;
            /** @description True once the universe is frozen (the round has opened). */
            universeFrozen: boolean;
            institutionQuestionnaire: components["schemas"]["QuestionnaireRefDto"];
            citizenQuestionnaire: components["schemas"]["QuestionnaireRefDto"];
            counts: components["schemas"]["RoundCountsDto"];
            /** @description States of the round universe (frozen or, for a draft, as the selection matches now), by code. */
            universeStates: components["schemas"]["UniverseStateDto"][];
            /** @description Problems of the design against the universe as it is now (a draft universe can change with imports); opening is refused while any remain. Empty for a census. */
            designProblems: components["schemas"]["DesignProblemDto"][];
        };
        RoundDto: {
            id: string;
            name: string;
            /** @enum {string} */
            status: "draft" | "open" | "closed" | "published";
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            closesAt: string;
            /** Format: uuid */
            institutionQuestionnaireId: string;
            /** Format: uuid */
            citizenQuestionnaireId: string;
            universeSelection: components["schemas"]["UniverseSelectionViewDto"];
            /** @description Complete method settings (defaults merged). */
            settings: {
                [key: string]: unknown;
            };
            /** @description docs/method.md §5. `census` (default): the universe is every obliged subject of the covered area. `sample`: the universe is a sample; `states` lists every state of the round universe once with its population N_pop (≥ the institutions the round has there); `municipalities` optionally declares N_pop of municipalities of the universe (same rule; together not above their state). Editable only while the round is a draft; checked again against the frozen universe when the round opens (422 DESIGN_INVALID). */
            design: components["schemas"]["CensusDesignDto"] | components["schemas"]["SampleDesignDto"];
            /** @description Citizens can be assigned institutions of this round. */
            validationOpen: boolean;
            /** @description Generated demo data. */
            synthetic: boolean;
            /** @description Most versions one institution may submit in this round. */
            maxVersionsPerResponse: number;
            /** Format: date-time */
            openedAt: string | null;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            publishedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        RoundPageDto: {
            items: components["schemas"]["RoundDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        UpdateRoundDto: {
            /** @example Diagnóstico 2025 — Estado de México */
            name?: string;
            /**
             * Format: date-time
             * @description Submissions are accepted from this instant (once the round is open).
             */
            opensAt?: string;
            /**
             * Format: date-time
             * @description Submissions are refused from this instant; must be after opensAt.
             */
            closesAt?: string;
            /**
             * Format: uuid
             * @description A questionnaire version of kind `institution`.
             */
            institutionQuestionnaireId?: string;
            /**
             * Format: uuid
             * @description A questionnaire version of kind `citizen`.
             */
            citizenQuestionnaireId?: string;
            /** @description Which institutions of the universe the round covers. Empty or absent lists do not restrict. States and municipalities are a union (all of the states plus the municipalities); levels, types and institutionIds narrow that. Frozen into the round when it opens. */
            universeSelection?: components["schemas"]["UniverseSelectionDto"];
            /**
             * @description Most versions one institution may submit in this round (every version is kept and audited); beyond it 409 VERSION_LIMIT_REACHED.
             * @default 50
             */
            maxVersionsPerResponse?: number;
            /** @description Method settings (docs/method.md): any subset of `{ weights: { TG|TC|PG|PC: { component: weight } }, thresholds: {…}, bootstrapReplicates, confidence }`, merged over the method defaults (docs/method.md) and stored complete. A given sub-index weight map replaces the default one. Invalid → 422 SETTINGS_INVALID with `details.problems: [{ path, message }]`. */
            settings?: {
                [key: string]: unknown;
            };
            /** @description docs/method.md §5. `census` (default): the universe is every obliged subject of the covered area. `sample`: the universe is a sample; `states` lists every state of the round universe once with its population N_pop (≥ the institutions the round has there); `municipalities` optionally declares N_pop of municipalities of the universe (same rule; together not above their state). Editable only while the round is a draft; checked again against the frozen universe when the round opens (422 DESIGN_INVALID). Absent: the design is kept. */
            design?: components["schemas"]["RoundDesignDto"];
        };
        InstitutionStatusCountsDto: {
            conclusive: number;
            caution: number;
            inconclusive: number;
            /** @description Includes institutions that submitted but have no citizen data (their I is not computed). */
            not_validated: number;
        };
        PublishPreviewDto: {
            /** Format: uuid */
            roundId: string;
            /** @description Institutions in the round universe (frozen at opening). */
            universe: number;
            /** @description Institutions with a submitted self-assessment. */
            submitted: number;
            /** @description Institutions with at least one citizen report (validated by citizens). */
            validated: number;
            /** @description Institutions that never submitted. */
            neverAnswered: number;
            /** @description Status of each institution-level I value (one per institution with a value or a submission). */
            statuses: components["schemas"]["InstitutionStatusCountsDto"];
            /** @description Sum of `statuses`. */
            values: number;
            /** @description Why publishing needs `acknowledgeInconclusive: true` (empty when it does not). */
            reasons: ("most_not_conclusive" | "most_never_answered")[];
            needsAcknowledgement: boolean;
            /**
             * Format: date-time
             * @description When the values shown were last computed (null: never). Publishing recomputes them first, so final numbers can differ.
             */
            computedAt: string | null;
        };
        PublishRoundDto: {
            /** @description Required (true) when most institution values are not conclusive or most institutions never answered (see GET …/publish-preview, `needsAcknowledgement`); otherwise 409 PUBLISH_ACKNOWLEDGEMENT_REQUIRED. Recorded in the audit log. */
            acknowledgeInconclusive?: boolean;
        };
        RemindersDto: {
            /** @description Remind only these institutions (still only those that have not submitted). */
            institutionIds?: string[];
        };
        RemindersResultDto: {
            /** @description Reminder e-mails queued. */
            count: number;
        };
        ProgressCountsDto: {
            /** @description Institutions with an active invitation. */
            invited: number;
            /** @description Invitation e-mail delivered to the SMTP server. */
            mailed: number;
            /** @description Link opened at least once. */
            opened: number;
            /** @description Response saved as a draft, not submitted. */
            draft: number;
            /** @description Response submitted. */
            submitted: number;
        };
        StateProgressDto: {
            /** @description Institutions with an active invitation. */
            invited: number;
            /** @description Invitation e-mail delivered to the SMTP server. */
            mailed: number;
            /** @description Link opened at least once. */
            opened: number;
            /** @description Response saved as a draft, not submitted. */
            draft: number;
            /** @description Response submitted. */
            submitted: number;
            /** @example 15 */
            cveEnt: string;
            /** @example México */
            name: string | null;
        };
        MunicipalityProgressDto: {
            /** @description Institutions with an active invitation. */
            invited: number;
            /** @description Invitation e-mail delivered to the SMTP server. */
            mailed: number;
            /** @description Link opened at least once. */
            opened: number;
            /** @description Response saved as a draft, not submitted. */
            draft: number;
            /** @description Response submitted. */
            submitted: number;
            /** @example 15106 */
            cvegeo: string;
            /** @example 15 */
            cveEnt: string;
            /** @example Toluca */
            name: string | null;
        };
        MunicipalityProgressPageDto: {
            items: components["schemas"]["MunicipalityProgressDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        InvitationProgressDto: {
            roundId: string;
            totals: components["schemas"]["ProgressCountsDto"];
            states: components["schemas"]["StateProgressDto"][];
            municipalities: components["schemas"]["MunicipalityProgressPageDto"];
        };
        InvitationItemDto: {
            invitationId: string;
            institutionId: string;
            institutionKey: string;
            institutionName: string;
            email: string;
            cveEnt: string;
            cvegeo: string;
            /** @enum {string} */
            status: "pending" | "mailed" | "opened" | "draft" | "submitted" | "revoked";
            sentAt: string | null;
            openedAt: string | null;
            lastRemindedAt: string | null;
            /** @description Reminders sent. */
            reminderCount: number;
            /** @description Reminders queued (manual or scheduled), sent or not yet; the scheduled ones stop at the round's maximum. */
            remindersQueued: number;
            createdAt: string;
            /** @description When the link was revoked (status revoked). */
            revokedAt: string | null;
            /** @description True when staff corrected the address for this round (the universe keeps the institution's own). */
            emailOverridden: boolean;
            /**
             * @description State of the last invitation or reminder mail in the mail ledger.
             * @enum {string|null}
             */
            mailOutcome: "queued" | "sent" | "skipped" | "failed" | "given_up" | "resent" | null;
            /** @description The SMTP server's reason when that mail failed. */
            mailError: string | null;
            mailUpdatedAt: string | null;
        };
        InvitationPageDto: {
            items: components["schemas"]["InvitationItemDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        ResendResultDto: {
            /** @description Outbox event id of the mail: its delivery row shows the outcome. */
            eventId: string;
            email: string;
        };
        ReissueLinkDto: {
            /**
             * @description Also mail the new link to the institution.
             * @default false
             */
            sendMail?: boolean;
        };
        ReissuedLinkDto: {
            /** @description The new link, shown this once: it is not stored in clear and cannot be listed again. */
            link: string;
            invitation: components["schemas"]["InvitationItemDto"];
        };
        UpdateInvitationEmailDto: {
            /**
             * @description The institution's address for this round.
             * @example transparencia@toluca.gob.mx
             */
            email: string;
        };
        ReminderSettingsResultDto: {
            /** @description Send scheduled reminders while the round is open. */
            enabled: boolean;
            /** @description Days at least between the invitation (or the last reminder) and the next reminder. */
            minDays: number;
            /** @description Most reminders per institution in the round (manual ones count too). */
            maxCount: number;
            roundId: string;
        };
        ReminderSettingsDto: {
            /** @description Send scheduled reminders while the round is open. */
            enabled: boolean;
            /** @description Days at least between the invitation (or the last reminder) and the next reminder. */
            minDays: number;
            /** @description Most reminders per institution in the round (manual ones count too). */
            maxCount: number;
        };
        OpenedInvitationDto: {
            invitationId: string;
            roundId: string;
            roundName: string;
            /** @enum {string} */
            roundStatus: "draft" | "open" | "closed" | "published";
            opensAt: string;
            closesAt: string;
            institutionId: string;
            institutionName: string;
            /** @description When the link was first opened. */
            openedAt: string;
        };
        ContextRoundDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            status: "draft" | "open" | "closed" | "published";
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            closesAt: string;
            /** @description Generated demo data: label it as synthetic. */
            synthetic: boolean;
        };
        ContextInstitutionDto: {
            /** Format: uuid */
            id: string;
            name: string;
            type: string;
            level: string;
            /** @example 15106 */
            cvegeo: string;
            /** @description Municipality name (INEGI). */
            municipality: string;
            /** @description State name (INEGI). */
            state: string;
        };
        ContextQuestionnaireDto: {
            /** Format: uuid */
            id: string;
            version: number;
            /** @description SurveyJS JSON. */
            definition: {
                [key: string]: unknown;
            };
        };
        ContextResponseDto: {
            /** @enum {string} */
            status: "none" | "draft" | "submitted";
            /** @description Working copy (last draft, or the last submission). */
            draft: {
                [key: string]: unknown;
            };
            currentPage: number;
            /** @description Number of submitted versions (0 = never submitted). */
            version: number;
            /** Format: date-time */
            submittedAt: string | null;
            /** @description Last submitted answers. */
            submitted: {
                [key: string]: unknown;
            } | null;
        };
        EvidenceDto: {
            /** Format: uuid */
            id: string;
            questionName: string | null;
            filename: string;
            /** @description Content type detected from the bytes (not the one the client declared). */
            mimeType: string;
            /** @description Bytes. */
            size: number;
            /** @description sha256 of the content, hex. */
            sha256: string;
        };
        RespondContextDto: {
            round: components["schemas"]["ContextRoundDto"];
            institution: components["schemas"]["ContextInstitutionDto"];
            questionnaire: components["schemas"]["ContextQuestionnaireDto"];
            response: components["schemas"]["ContextResponseDto"];
            /** @description True when the round does not take answers (not open yet, closed, or past its window). */
            readOnly: boolean;
            evidence: components["schemas"]["EvidenceDto"][];
        };
        SaveDraftDto: {
            /** @description SurveyJS answers `{ questionName: value }`, validated on the server against the round questionnaire. */
            data: {
                [key: string]: unknown;
            };
            /** @description Page the respondent is on (0-based), to resume there. */
            currentPage: number;
        };
        RespondLocalizedTextDto: {
            es: string;
            en: string;
        };
        DraftIssueDto: {
            /** @description Question name (a technical detail; show `title`). */
            question: string;
            /** @description Title of the question as the respondent sees it. */
            title: components["schemas"]["RespondLocalizedTextDto"];
            /** @description Issue code of libs/questionnaire (S_VALIDATOR, S_INVALID_CHOICE, S_TOO_LONG…). */
            code: string;
            /** @description What is wrong, naming the question by its title. */
            message: components["schemas"]["RespondLocalizedTextDto"];
        };
        DraftSavedDto: {
            /** Format: date-time */
            savedAt: string;
            currentPage: number;
            /** @description Answers not saved because they are not valid yet; every other answer was saved. */
            issues: components["schemas"]["DraftIssueDto"][];
            /** @description Web addresses completed with https://, by question. */
            normalized: {
                [key: string]: string;
            };
        };
        SubmitDto: {
            /** @description SurveyJS answers `{ questionName: value }`, validated on the server against the round questionnaire. */
            data: {
                [key: string]: unknown;
            };
            /** @description Chosen by the client once per intended submission (e.g. a UUID). Sending it again returns the same version. */
            idempotencyKey: string;
        };
        SubmitResultDto: {
            /** Format: uuid */
            responseId: string;
            /** @description Version number of this submission (1 = first, > 1 = amendment). */
            version: number;
            /** Format: date-time */
            submittedAt: string;
            /** @description Answers of questions hidden by the questionnaire logic, removed before storing. */
            cleared: string[];
        };
        CopyEvidenceDto: {
            questionName: string | null;
            filename: string;
            size: number;
            sha256: string;
        };
        SubmittedCopyDto: {
            /** @description Short folio: first 8 characters of the response id, then the version (A1B2C3D4-v2). */
            folio: string;
            /** Format: uuid */
            responseId: string;
            version: number;
            /** Format: date-time */
            submittedAt: string;
            roundName: string;
            institutionName: string;
            /** @description SurveyJS JSON of the questionnaire answered. */
            definition: {
                [key: string]: unknown;
            };
            /** @description The answers of this version. */
            data: {
                [key: string]: unknown;
            };
            /** @description Files as they were when this version was submitted. */
            evidence: components["schemas"]["CopyEvidenceDto"][];
        };
        PreviousAnswersDto: {
            /** Format: uuid */
            roundId: string;
            roundName: string;
            /** Format: date-time */
            submittedAt: string;
            /** @description Answers of questions that exist in this round, valid as a draft. */
            data: {
                [key: string]: unknown;
            };
        };
        PreviousRoundDto: {
            /** @description Null when no earlier round of this guarantor has compatible answers. */
            previous: components["schemas"]["PreviousAnswersDto"] | null;
        };
        VersionSummaryDto: {
            version: number;
            /** Format: date-time */
            submittedAt: string;
            cleared: string[];
        };
        ResponseInstitutionDto: {
            /** Format: uuid */
            id: string;
            name: string;
            type: string;
            level: string;
            /** @example 15 */
            cveEnt: string;
            /** @example 15106 */
            cvegeo: string;
        };
        ResponseListItemDto: {
            institution: components["schemas"]["ResponseInstitutionDto"];
            /** @enum {string} */
            status: "none" | "draft" | "submitted";
            /** @description Submitted versions (0 = none). */
            version: number;
            /** Format: date-time */
            submittedAt: string | null;
        };
        ResponsePageDto: {
            items: components["schemas"]["ResponseListItemDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        StaffTitleDto: {
            es: string;
            en: string;
        };
        AnswerChangeDto: {
            name: string;
            title: components["schemas"]["StaffTitleDto"];
            /** @enum {string} */
            change: "added" | "removed" | "changed";
            /** @description Absent when added. */
            before?: string | number | boolean | unknown[] | {
                [key: string]: unknown;
            };
            /** @description Absent when removed. */
            after?: string | number | boolean | unknown[] | {
                [key: string]: unknown;
            };
        };
        VersionHistoryDto: {
            version: number;
            /** Format: date-time */
            submittedAt: string;
            cleared: string[];
            /** @description What changed from the previous version (from nothing, for version 1). */
            changes: components["schemas"]["AnswerChangeDto"][];
            /** @description Evidence files attached when this version was submitted. */
            evidenceCount: number;
            /** @description The version as stored: GET …/responses/:institutionId/versions/:version. */
            href: string;
        };
        StaffEvidenceDto: {
            /** Format: uuid */
            id: string;
            questionName: string | null;
            filename: string;
            /** @description Content type detected from the bytes (not the one the client declared). */
            mimeType: string;
            /** @description Bytes. */
            size: number;
            /** @description sha256 of the content, hex. */
            sha256: string;
            /** @description Download (staff): GET /api/rounds/:roundId/evidence/:id. */
            href: string;
        };
        LabelledAnswerDto: {
            name: string;
            title: components["schemas"]["StaffTitleDto"];
            /** @description SurveyJS type. */
            type: string;
            /** @description The answer as submitted (string, number, boolean, list…). */
            value: (string | number | boolean | unknown[] | {
                [key: string]: unknown;
            }) | null;
            /** @description Label of the chosen value(s) in es/en, for choice questions. */
            label: components["schemas"]["StaffTitleDto"] | null;
        };
        ClaimVerdictDto: {
            /** @description The validator's pseudonym in this round (V-…); never a name or e-mail. */
            validator: string;
            /** @enum {string} */
            verdict: "confirmed" | "refuted" | "unverifiable";
            /** @enum {string} */
            standing: "counted" | "pending" | "disputed" | "overturned" | "ignored";
            evidenceUrl: string | null;
            /** @description Download of the validator's file (staff evidence route). */
            evidenceHref: string | null;
            comment: string | null;
            /** Format: date-time */
            recordedAt: string;
        };
        StaffClaimDto: {
            questionName: string;
            title: components["schemas"]["StaffTitleDto"];
            /** @description What the institution answered (current version). */
            claimed: (string | number | boolean | unknown[] | {
                [key: string]: unknown;
            }) | null;
            verdicts: components["schemas"]["ClaimVerdictDto"][];
        };
        StaffResponseDto: {
            institution: components["schemas"]["ResponseInstitutionDto"];
            /** @enum {string} */
            status: "none" | "draft" | "submitted";
            /** Format: uuid */
            responseId: string | null;
            version: number;
            /** Format: date-time */
            submittedAt: string | null;
            /** @description Current submitted answers (drafts are not shown). */
            submitted: {
                [key: string]: unknown;
            } | null;
            /** @description Every submitted version, oldest first, with what changed. */
            versions: components["schemas"]["VersionHistoryDto"][];
            /** @description Evidence files currently attached. */
            evidence: components["schemas"]["StaffEvidenceDto"][];
            /** @description Version of the questionnaire answered. */
            questionnaireVersion: number | null;
            /** @description Current submitted answers labelled with the question titles of the version answered, in questionnaire order. */
            answers: components["schemas"]["LabelledAnswerDto"][];
            /** @description Verifiable claims with the verdicts of citizen validators (pseudonymised per round). */
            claims: components["schemas"]["StaffClaimDto"][];
        };
        StaffVersionDto: {
            /** Format: uuid */
            responseId: string;
            version: number;
            /** Format: date-time */
            submittedAt: string;
            cleared: string[];
            data: {
                [key: string]: unknown;
            };
            /** @description Evidence files attached when this version was submitted. */
            evidence: components["schemas"]["EvidenceDto"][];
        };
        RegisterValidatorDto: {
            /** @example ana@example.org */
            email: string;
            password: string;
            /** @description Only guarantor admins ever see it. */
            displayName?: string;
            /**
             * @description INEGI municipality of residence (optional).
             * @example 15106
             */
            cvegeo?: string;
            /**
             * @description Consent to the privacy notice: must be literally true.
             * @enum {boolean}
             */
            consent: true;
            /**
             * @description Version of the privacy notice that was shown.
             * @example 2025-01
             */
            privacyNoticeVersion: string;
        };
        VerifyEmailDto: {
            /** @description The token from the verification link. */
            token: string;
        };
        VerifiedDto: {
            /** @example true */
            verified: boolean;
            session: components["schemas"]["SessionDto"];
        };
        ResendVerificationDto: {
            /** @example ana@example.org */
            email: string;
        };
        ResidenceDto: {
            /** @example 15106 */
            cvegeo: string;
            /** @example Toluca */
            name: string;
            /** @example 15 */
            cveEnt: string;
            /** @example México */
            stateName: string;
        };
        MunicipalityRefDto: {
            /** @example 15106 */
            cvegeo: string;
            /** @example Toluca */
            name: string;
        };
        StateRefDto: {
            /** @example 15 */
            cveEnt: string;
            /** @example México */
            name: string;
        };
        InstitutionRefDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @example ayuntamiento */
            type: string;
            /** @example municipal */
            level: string;
            municipality: components["schemas"]["MunicipalityRefDto"];
            state: components["schemas"]["StateRefDto"];
        };
        ValidatorProfileDto: {
            /** Format: uuid */
            id: string;
            email: string | null;
            displayName: string | null;
            /** @example V-7F3K9Q */
            pseudonym: string;
            emailVerified: boolean;
            cvegeo: string | null;
            municipality: components["schemas"]["ResidenceDto"] | null;
            consentAt: string;
            privacyNoticeVersion: string;
            registeredAt: string;
            /** @description True: no optional mails (new assignments, expiry reminders, digests of result changes). */
            mailOptOut: boolean;
            /** @description Declared conflicts of interest. */
            conflicts: components["schemas"]["InstitutionRefDto"][];
            /** @description Reason of each declared conflict, by institution id (null: declared before reasons were required). */
            conflictReasons: {
                [key: string]: string | null;
            };
        };
        UpdateProfileDto: {
            /** @description Stop (true) or resume (false) the optional mails: new assignments, expiry reminders, digests. */
            mailOptOut?: boolean;
            displayName?: string | null;
            /** @example 15106 */
            cvegeo?: string | null;
        };
        ConflictDeclarationDto: {
            /** Format: uuid */
            institutionId: string;
            /**
             * @description Required: why you cannot validate it (400 CONFLICT_REASON_REQUIRED otherwise).
             * @example Trabajo en esta institución.
             */
            reason: string;
        };
        ConflictsDto: {
            conflicts?: components["schemas"]["ConflictDeclarationDto"][];
            /**
             * @deprecated
             * @description Without reasons: only [] (clears).
             */
            institutionIds?: string[];
        };
        InstitutionSearchPageDto: {
            items: components["schemas"]["InstitutionRefDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        MyAssignmentCountsDto: {
            active: number;
            completed: number;
            expired: number;
        };
        CitizenRoundDto: {
            /** Format: uuid */
            id: string;
            name: string;
            guarantorName: string;
            status: string;
            opensAt: string;
            closesAt: string;
            acceptingSubmissions: boolean;
            myAssignments: components["schemas"]["MyAssignmentCountsDto"];
        };
        CitizenRoundPageDto: {
            items: components["schemas"]["CitizenRoundDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        RequestAssignmentsDto: {
            /**
             * @description Active assignments to hold in this round (the engine tops up to it).
             * @default 3
             */
            max?: number;
        };
        LocalizedTextDto: {
            es: string;
            en: string;
        };
        EvidenceFileRefDto: {
            /** Format: uuid */
            id: string;
            filename: string;
            mimeType: string;
            size: number;
        };
        VerdictDto: {
            /** Format: uuid */
            id: string;
            questionName: string;
            /** @enum {string} */
            verdict: "confirmed" | "refuted" | "unverifiable";
            evidenceUrl: string | null;
            /** Format: uuid */
            evidenceFileId: string | null;
            comment: string | null;
            updatedAt: string;
        };
        ClaimDto: {
            questionName: string;
            title: components["schemas"]["LocalizedTextDto"];
            /** @example TG.AI */
            component: string;
            /** @description The institution's submitted answer (any JSON value); null when not answered. */
            selfReported: (string | number | boolean | unknown[] | {
                [key: string]: unknown;
            }) | null;
            /** @description The institution answered it: a verdict is expected. */
            answered: boolean;
            evidenceUrls: string[];
            evidenceFiles: components["schemas"]["EvidenceFileRefDto"][];
            verdict: components["schemas"]["VerdictDto"] | null;
        };
        CitizenQuestionnaireDto: {
            /** Format: uuid */
            id: string;
            title: string;
            /** @description SurveyJS JSON. */
            definition: {
                [key: string]: unknown;
            };
        };
        CitizenReportDto: {
            /** Format: uuid */
            id: string;
            data: {
                [key: string]: unknown;
            };
            updatedAt: string;
        };
        AssignmentProgressDto: {
            /** @description Claims the institution answered (each needs a verdict). */
            claimsToCheck: number;
            /** @description Verdicts given on those claims. */
            verdicts: number;
            reportSubmitted: boolean;
        };
        AssignmentDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            roundId: string;
            roundName: string;
            /** @enum {string} */
            status: "active" | "completed" | "expired";
            expiresAt: string;
            createdAt: string;
            /** @description The round takes verdicts and reports now. */
            acceptingSubmissions: boolean;
            institution: components["schemas"]["InstitutionRefDto"];
            selfReportSubmitted: boolean;
            /**
             * @description 'claims': the institution's submitted self-report has claims to verify; 'citizen_report_only': no submitted self-report (or no answered claim), only the citizen report is asked for.
             * @enum {string}
             */
            kind: "claims" | "citizen_report_only";
            claims: components["schemas"]["ClaimDto"][];
            citizenQuestionnaire: components["schemas"]["CitizenQuestionnaireDto"];
            report: components["schemas"]["CitizenReportDto"] | null;
            progress: components["schemas"]["AssignmentProgressDto"];
        };
        RequestAssignmentsResultDto: {
            /** @description New assignments made by this request (0 when none is left or you already hold enough). */
            created: number;
            /** @description Your active assignments in this round. */
            items: components["schemas"]["AssignmentDto"][];
        };
        AssignmentPageDto: {
            items: components["schemas"]["AssignmentDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        VerdictCountsDto: {
            confirmed: number;
            refuted: number;
            unverifiable: number;
        };
        ResultPointDto: {
            /** @description Index I of the institution. */
            estimate: number | null;
            /** @enum {string|null} */
            status: "not_validated" | "inconclusive" | "caution" | "conclusive" | null;
        };
        HistoryResultDto: {
            /** @description When you first saved work on it (null: no result computed then). */
            before: components["schemas"]["ResultPointDto"] | null;
            /** @description The published result now. */
            after: components["schemas"]["ResultPointDto"] | null;
        };
        HistoryItemDto: {
            /** Format: uuid */
            assignmentId: string;
            /** Format: uuid */
            roundId: string;
            roundName: string;
            roundStatus: string;
            institution: components["schemas"]["InstitutionRefDto"];
            /** @enum {string} */
            kind: "claims" | "citizen_report_only";
            /** @enum {string} */
            status: "active" | "completed" | "expired";
            assignedAt: string;
            expiresAt: string;
            claimsToCheck: number;
            verdicts: components["schemas"]["VerdictCountsDto"];
            reportUpdatedAt: string | null;
            /** @description Only for published rounds: the result before your work and now. */
            result: components["schemas"]["HistoryResultDto"] | null;
        };
        HistoryPageDto: {
            items: components["schemas"]["HistoryItemDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        BatchVerdictItemDto: {
            questionName: string;
            /** @enum {string} */
            verdict: "confirmed" | "refuted" | "unverifiable";
            evidenceUrl?: string;
            /** Format: uuid */
            evidenceFileId?: string;
            comment?: string;
        };
        SaveVerdictsDto: {
            /** @description Every verdict to save; all or nothing. */
            verdicts: components["schemas"]["BatchVerdictItemDto"][];
        };
        SaveVerdictsResultDto: {
            verdicts: components["schemas"]["VerdictDto"][];
            /** @enum {string} */
            assignmentStatus: "active" | "completed" | "expired";
        };
        SaveVerdictDto: {
            /** @enum {string} */
            verdict: "confirmed" | "refuted" | "unverifiable";
            /** @example https://transparencia.example.gob.mx/actas/2025.pdf */
            evidenceUrl?: string;
            /**
             * Format: uuid
             * @description A file you uploaded with POST …/evidence.
             */
            evidenceFileId?: string;
            comment?: string;
        };
        SaveVerdictResultDto: {
            verdict: components["schemas"]["VerdictDto"];
            /** @enum {string} */
            assignmentStatus: "active" | "completed" | "expired";
        };
        SaveReportDto: {
            /** @description Answers of the citizen questionnaire (SurveyJS data). */
            data: {
                [key: string]: unknown;
            };
        };
        SaveReportResultDto: {
            report: components["schemas"]["CitizenReportDto"];
            /** @description Answers dropped because their question is hidden by the questionnaire logic. */
            cleared: string[];
            /** @enum {string} */
            assignmentStatus: "active" | "completed" | "expired";
        };
        EvidenceUploadFormDto: {
            /** @description The claim the file supports. */
            questionName?: string;
            /**
             * Format: binary
             * @description ≤ 10 MB; type detected from the content.
             */
            file: string;
        };
        EvidenceFileDto: {
            /** Format: uuid */
            id: string;
            filename: string;
            mimeType: string;
            size: number;
            sha256: string;
        };
        MunicipalityRecruitmentDto: {
            /** @description Obliged subjects of the round. */
            subjects: number;
            /** @description Subjects with at least one citizen report. */
            subjectsWithCitizenData: number;
            /** @description Verified validators who declared residence there. */
            validatorsRegistered: number;
            activeAssignments: number;
            reportsReceived: number;
            /** @description More citizen reports needed for a conclusive result. */
            needed: number;
            /** @example 15106 */
            cvegeo: string;
            name: string;
            /** @example 15 */
            cveEnt: string;
            stateName: string;
            /** @description More subjects with citizen data needed (docs/method.md §8, needed sample). */
            neededSubjects: number;
            /** @description True when no number of citizen reports can make it conclusive: too few of its subjects submitted a self-report (reason not_reachable_by_sampling). Its needed counts are then 0. */
            unreachable: boolean;
            /** @description Σ over its subjects of the reports each still lacks for the institution minimum. */
            neededForInstitutions: number;
        };
        StateRecruitmentDto: {
            /** @description Obliged subjects of the round. */
            subjects: number;
            /** @description Subjects with at least one citizen report. */
            subjectsWithCitizenData: number;
            /** @description Verified validators who declared residence there. */
            validatorsRegistered: number;
            activeAssignments: number;
            reportsReceived: number;
            /** @description More citizen reports needed for a conclusive result. */
            needed: number;
            /** @example 15 */
            cveEnt: string;
            name: string;
            /** @description Municipalities of the state in the round. */
            municipalities: number;
            municipalitiesWithCitizenData: number;
            /** @description More municipalities with citizen data needed (≥ 30 or ≥ 50 %). */
            neededMunicipalities: number;
        };
        ValidationStateDto: {
            /** Format: uuid */
            roundId: string;
            validationOpen: boolean;
        };
        ValidatorAssignmentCountsDto: {
            active: number;
            completed: number;
            expired: number;
        };
        RoundValidatorDto: {
            /** Format: uuid */
            id: string;
            pseudonym: string;
            email: string | null;
            displayName: string | null;
            cvegeo: string | null;
            emailVerified: boolean;
            registeredAt: string;
            consentAt: string;
            privacyNoticeVersion: string;
            assignments: components["schemas"]["ValidatorAssignmentCountsDto"];
            verdicts: number;
            reports: number;
        };
        RoundValidatorPageDto: {
            items: components["schemas"]["RoundValidatorDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        RecruitmentThresholdsDto: {
            institutionMinReports: number;
            municipalityMinReports: number;
            municipalityMinSubjects: number;
            areaMinMunicipalities: number;
            areaMinMunicipalityShare: number;
        };
        RecruitmentCountsDto: {
            /** @description Obliged subjects of the round. */
            subjects: number;
            /** @description Subjects with at least one citizen report. */
            subjectsWithCitizenData: number;
            /** @description Verified validators who declared residence there. */
            validatorsRegistered: number;
            activeAssignments: number;
            reportsReceived: number;
            /** @description More citizen reports needed for a conclusive result. */
            needed: number;
        };
        RecruitmentDto: {
            /** @enum {string} */
            level: "municipality" | "state";
            /** @description Municipality or state rows, by `level`. */
            items: (components["schemas"]["MunicipalityRecruitmentDto"] | components["schemas"]["StateRecruitmentDto"])[];
            total: number;
            page: number;
            pageSize: number;
            /**
             * @description `metric` when computed results provided the needed sample.
             * @enum {string}
             */
            source: "metric" | "threshold";
            thresholds: components["schemas"]["RecruitmentThresholdsDto"];
            /** @description Whole round (or the selected state). */
            totals: components["schemas"]["RecruitmentCountsDto"];
            notice: components["schemas"]["LocalizedTextDto"];
        };
        ExpireResultDto: {
            /** @description Assignments marked expired now. */
            expired: number;
        };
        ResultStateRefDto: {
            /** @example 15 */
            cveEnt: string;
            /** @example México */
            name: string;
        };
        ResultRoundDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            status: "draft" | "open" | "closed" | "published";
            /** @description Generated demo data: label every figure as synthetic. */
            synthetic: boolean;
            /** Format: date-time */
            publishedAt: string | null;
            /** @description docs/method.md §5 design: { kind: 'census' } or { kind: 'sample', states: [{ cveEnt, population }], municipalities?: [...] }. */
            design: components["schemas"]["CensusDesignDto"] | components["schemas"]["SampleDesignDto"];
            /**
             * @description Method of the stored results (null: not computed yet).
             * @example mga-2017/apertura-2
             */
            methodId: string | null;
            /** @example 2.0.0 */
            methodVersion: string | null;
            /** @description States of the round's universe, by code (one state: titles name it, never 'national'). */
            states: components["schemas"]["ResultStateRefDto"][];
        };
        ProvenanceDto: {
            /** @example mga-2017/apertura-1 */
            methodId: string | null;
            /** @example 1.0.0 */
            methodVersion: string | null;
            /** @description Highest outbox event id included in the inputs (null: not computed yet). */
            watermark: string | null;
            /** Format: date-time */
            computedAt: string | null;
        };
        NoticeDto: {
            es: string;
            en: string;
        };
        SummaryCoverageDto: {
            /** @description Obliged subjects in the round's universe. */
            institutions: number;
            /** @description Subjects with a government-perspective value (a scored self-report). */
            withSelfReport: number;
            /** @description Subjects with both citizen sub-indices (I computable). */
            withCitizenData: number;
            municipalities: number | null;
            municipalitiesWithCitizenData: number;
            /** @description Subjects with a validated I (reports on both TC and PC): the same count as withCitizenData. */
            validatedInstitutions: number;
            /** @description Subjects with ≥ 1 counted verdict on a verifiable claim (ΔG exists). */
            verifiedInstitutions: number;
            /** @description Subjects with at least one citizen report, validated or not yet. */
            withAnyCitizenReport: number;
            /** @description Refutations still pending (§3.1) across the round. */
            pendingRefutations: number;
        };
        CoverageDto: {
            responding: number;
            universe: number;
            citizenReports: number;
            subjectsWithCitizenData: number;
            municipalitiesWithData: number;
            municipalitiesInUniverse: number | null;
            meetsMinimum: boolean;
            neededReports: number | null;
            neededMunicipalities: number | null;
            imputedSE: number;
        };
        AreaValueDto: {
            /** @description I, T, P, TG, TC, PG, PC, I_G, TG_raw, PG_raw, I_G_raw, DELTA_G or a component code (TG.AI …). */
            indicator: string;
            /** @enum {string} */
            aggregation: "unweighted" | "mean_of_municipalities" | "population_weighted" | "stratified";
            /** @description In [0,1] (ΔG in [−1,1]); null when it cannot be computed (see `missing`). */
            estimate: number | null;
            /** @description Standard error (null: not estimable). */
            se: number | null;
            /** @description Lower bound of the 95% interval, clipped to [0,1]. */
            lo: number | null;
            hi: number | null;
            /** @description SE / estimate. */
            cv: number | null;
            halfWidth: number | null;
            /** @description Observations: validators (institution) or responding subjects / municipalities (areas); null for census values. */
            n: number | null;
            /** @description Finite universe N (areas). */
            N: number | null;
            df: number | null;
            /** @enum {string} */
            interval: "t" | "wilson" | "exact" | "none";
            /**
             * @description Conclusiveness (docs/method.md §7): not_validated (needs citizen data and has none), inconclusive ("no es estadísticamente concluyente"), caution, conclusive.
             * @enum {string}
             */
            status: "not_validated" | "inconclusive" | "caution" | "conclusive";
            /** @description Every status rule that fired. */
            reasons: string[];
            /** @description docs/method.md §8 needed sample: additional citizen reports in all (those the new subjects bring plus neededReports). 0 only when conclusive; null when no citizen addition can help (reason not_reachable_by_sampling). */
            needed: number | null;
            /** @description Areas: additional subjects with citizen data needed first (null for institutions or when unreachable). */
            neededSubjects: number | null;
            /** @description Additional reports beyond those the new subjects bring (null when unreachable). */
            neededReports: number | null;
            /** @description Aggregates: members with a validated I / members with a value (§6). */
            validatedShare: number | null;
            /** @description Refutations not yet final behind the value (§3.1). */
            pendingRefutations: number;
            /** @example mga-2017/apertura-2 */
            methodId: string;
            /** @example 2.0.0 */
            methodVersion: string;
            /** @description Formula that produced the value. */
            formula: string | null;
            /** @description Why the value is missing. */
            missing?: ("no_self_report" | "no_citizen_data" | "missing_components")[];
            coverage: components["schemas"]["CoverageDto"] | null;
        };
        ResultsSummaryDto: {
            round: components["schemas"]["ResultRoundDto"];
            /** @description False until the worker has computed the round. */
            computed: boolean;
            /** @description Generated demo data. */
            synthetic: boolean;
            provenance: components["schemas"]["ProvenanceDto"];
            /** @description Validators are volunteers: state it beside every figure. */
            notice: components["schemas"]["NoticeDto"];
            coverage: components["schemas"]["SummaryCoverageDto"];
            /** @description National values of every indicator, each aggregation. */
            national: components["schemas"]["AreaValueDto"][];
        };
        ResultInstitutionRefDto: {
            /** Format: uuid */
            id: string;
            name: string;
            type: string;
            /** @enum {string} */
            level: "federal" | "estatal" | "municipal" | "autonomo";
            cvegeo: string;
            municipality: string;
            cveEnt: string;
            state: string;
        };
        ResultValueDto: {
            /** @description I, T, P, TG, TC, PG, PC, I_G, TG_raw, PG_raw, I_G_raw, DELTA_G or a component code (TG.AI …). */
            indicator: string;
            /** @enum {string} */
            aggregation: "unweighted" | "mean_of_municipalities" | "population_weighted" | "stratified";
            /** @description In [0,1] (ΔG in [−1,1]); null when it cannot be computed (see `missing`). */
            estimate: number | null;
            /** @description Standard error (null: not estimable). */
            se: number | null;
            /** @description Lower bound of the 95% interval, clipped to [0,1]. */
            lo: number | null;
            hi: number | null;
            /** @description SE / estimate. */
            cv: number | null;
            halfWidth: number | null;
            /** @description Observations: validators (institution) or responding subjects / municipalities (areas); null for census values. */
            n: number | null;
            /** @description Finite universe N (areas). */
            N: number | null;
            df: number | null;
            /** @enum {string} */
            interval: "t" | "wilson" | "exact" | "none";
            /**
             * @description Conclusiveness (docs/method.md §7): not_validated (needs citizen data and has none), inconclusive ("no es estadísticamente concluyente"), caution, conclusive.
             * @enum {string}
             */
            status: "not_validated" | "inconclusive" | "caution" | "conclusive";
            /** @description Every status rule that fired. */
            reasons: string[];
            /** @description docs/method.md §8 needed sample: additional citizen reports in all (those the new subjects bring plus neededReports). 0 only when conclusive; null when no citizen addition can help (reason not_reachable_by_sampling). */
            needed: number | null;
            /** @description Areas: additional subjects with citizen data needed first (null for institutions or when unreachable). */
            neededSubjects: number | null;
            /** @description Additional reports beyond those the new subjects bring (null when unreachable). */
            neededReports: number | null;
            /** @description Aggregates: members with a validated I / members with a value (§6). */
            validatedShare: number | null;
            /** @description Refutations not yet final behind the value (§3.1). */
            pendingRefutations: number;
            /** @example mga-2017/apertura-2 */
            methodId: string;
            /** @example 2.0.0 */
            methodVersion: string;
            /** @description Formula that produced the value. */
            formula: string | null;
            /** @description Why the value is missing. */
            missing?: ("no_self_report" | "no_citizen_data" | "missing_components")[];
        };
        RankDto: {
            /** @description Competition rank (1 = highest). */
            position: number;
            /** @description Lower end (best position) of the 95 % rank interval. */
            lo: number;
            /** @description Upper end (worst position) of the 95 % rank interval. */
            hi: number;
            /** @description Values ranked in the group. */
            of: number;
            /** @description 'MX' (national ranking) or the state code. */
            group: string;
        };
        InstitutionResultItemDto: {
            institution: components["schemas"]["ResultInstitutionRefDto"];
            /** @description The requested indicator, or the headline (I, else I_G); null when not computed yet. */
            value: components["schemas"]["ResultValueDto"] | null;
            /** @description Rank in the national ranking, or in the state's when cveEnt is given (§9). */
            rank: components["schemas"]["RankDto"] | null;
            /**
             * @description ranked: has a position; unverified_self_report: the value shown is a self-report no citizen validated (hollow mark, never a precise point); insufficient_data: everything else.
             * @enum {string}
             */
            group: "ranked" | "insufficient_data" | "unverified_self_report";
        };
        InstitutionResultPageDto: {
            items: components["schemas"]["InstitutionResultItemDto"][];
            total: number;
            page: number;
            pageSize: number;
            notice: components["schemas"]["NoticeDto"];
        };
        InstitutionDistributionDto: {
            total: number;
            id: string[];
            name: string[];
            /** @description Headline indicator: I where computable, else I_G; null without any result row. */
            headline: ("I" | "I_G" | null)[];
            /** @description Headline estimate (null: not computable). */
            estimate: (number | null)[];
            /** @description Status of the headline. */
            status: ("not_validated" | "inconclusive" | "caution" | "conclusive" | null)[];
            t: (number | null)[];
            tStatus: ("not_validated" | "inconclusive" | "caution" | "conclusive" | null)[];
            p: (number | null)[];
            pStatus: ("not_validated" | "inconclusive" | "caution" | "conclusive" | null)[];
            notice: components["schemas"]["NoticeDto"];
        };
        InstitutionSummaryDto: {
            selfReported: boolean;
            citizenReports: number;
            validators: number;
            /** @enum {string|null} */
            headline: "I" | "I_G" | null;
            /** @description More validators needed for a conclusive I (null: no citizen addition can give one: no self-report). */
            neededReports: number | null;
            /** @description ≥ 1 counted verdict on a verifiable claim. */
            verified: boolean;
            /** @description Citizen reports on both TC and PC: I exists. */
            validated: boolean;
            pendingRefutations: number;
            /** @description Bad input that was dropped, clipped or ignored. */
            warnings: string[];
        };
        SubIndexDto: {
            /** @enum {string} */
            code: "TG" | "TC" | "PG" | "PC";
            partial: boolean;
            missing: string[];
            /** @description Renormalised weights by component. */
            weights: {
                [key: string]: number;
            };
            formula: string;
        };
        ConfirmationRateDto: {
            p: number;
            lo: number;
            hi: number;
            n: number;
        };
        ItemResultDto: {
            /** @description Question name. */
            name: string;
            /** @description Question title (es/en) in the questionnaire version that was answered. */
            title: components["schemas"]["NoticeDto"] | null;
            weight: number;
            verifiable: boolean;
            /** @description Self-reported score s. */
            s: number;
            /** @description Validated score s' = s·c/(c + r) (docs/method.md §4). */
            sValidated: number;
            confirmed: number;
            refuted: number;
            /** @enum {string} */
            verification: "not_verifiable" | "unverified" | "confirmed" | "refuted" | "mixed";
            confirmationRate: components["schemas"]["ConfirmationRateDto"] | null;
        };
        ComponentResultDto: {
            /** @example TG.AI */
            code: string;
            /** @enum {string} */
            kind: "government" | "citizen";
            /** @description Government: validated C_k (census); citizen: mean over validators. */
            value: components["schemas"]["ResultValueDto"];
            /** @description Government: C_k with self-reported scores s. */
            raw: number | null;
            /** @description Government: the answered items with s, s′ and verification counts. */
            items: components["schemas"]["ItemResultDto"][];
            /** @description Citizen: reports that answered the component. */
            reports: number | null;
            /** @description Citizen: distinct validators (clusters). */
            validators: number | null;
        };
        SelfReportRefDto: {
            /** Format: uuid */
            responseId: string;
            version: number;
            /** Format: date-time */
            submittedAt: string | null;
        };
        EvidenceUrlDto: {
            /** @description Verifiable item. */
            item: string;
            /** @description Question holding the URL. */
            question: string;
            url: string;
        };
        ResultEvidenceFileDto: {
            /** Format: uuid */
            id: string;
            questionName: string | null;
            filename: string;
            mimeType: string;
            size: number;
            sha256: string;
        };
        ResultVerdictCountsDto: {
            confirmed: number;
            refuted: number;
            unverifiable: number;
        };
        ResultInputsDto: {
            selfReport: components["schemas"]["SelfReportRefDto"] | null;
            evidenceUrls: components["schemas"]["EvidenceUrlDto"][];
            evidenceFiles: components["schemas"]["ResultEvidenceFileDto"][];
            verdicts: components["schemas"]["ResultVerdictCountsDto"];
            citizenReports: number;
            /** @description Distinct (pseudonymous) validators with a verdict or a report; identities are never shown. */
            validators: number;
        };
        QuestionnaireVersionDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "institution" | "citizen";
            slug: string;
            version: number;
            checksum: string;
        };
        InstitutionProvenanceDto: {
            /** @example mga-2017/apertura-1 */
            methodId: string | null;
            /** @example 1.0.0 */
            methodVersion: string | null;
            /** @description Highest outbox event id included in the inputs (null: not computed yet). */
            watermark: string | null;
            /** Format: date-time */
            computedAt: string | null;
            questionnaires: components["schemas"]["QuestionnaireVersionDto"][];
        };
        InstitutionResultDetailDto: {
            round: components["schemas"]["ResultRoundDto"];
            institution: components["schemas"]["ResultInstitutionRefDto"];
            computed: boolean;
            summary: components["schemas"]["InstitutionSummaryDto"] | null;
            /** @description I, else I_G. */
            headline: components["schemas"]["ResultValueDto"] | null;
            /** @description Every indicator. */
            values: components["schemas"]["ResultValueDto"][];
            subIndices: components["schemas"]["SubIndexDto"][];
            components: components["schemas"]["ComponentResultDto"][];
            inputs: components["schemas"]["ResultInputsDto"] | null;
            provenance: components["schemas"]["InstitutionProvenanceDto"];
            notice: components["schemas"]["NoticeDto"];
        };
        AreaResultItemDto: {
            /** @enum {string} */
            scope: "municipality" | "state" | "national" | "level" | "type";
            /** @description cvegeo, cve_ent, 'national', level or type. */
            scopeKey: string;
            name: string;
            cveEnt: string | null;
            value: components["schemas"]["AreaValueDto"];
            rank: components["schemas"]["RankDto"] | null;
            /**
             * @description ranked: has a position; unverified_self_report: the value shown is a self-report no citizen validated (hollow mark, never a precise point); insufficient_data: everything else.
             * @enum {string}
             */
            group: "ranked" | "insufficient_data" | "unverified_self_report";
        };
        AreaResultPageDto: {
            items: components["schemas"]["AreaResultItemDto"][];
            total: number;
            page: number;
            pageSize: number;
            notice: components["schemas"]["NoticeDto"];
        };
        RecomputeAcceptedDto: {
            /** Format: uuid */
            runId: string;
        };
        RecomputeRunDto: {
            /** Format: uuid */
            runId: string;
            /** Format: uuid */
            roundId: string;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
            /** @description 0–100. */
            progress: number;
            watermark: string | null;
            error: string | null;
            /** Format: date-time */
            requestedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
        };
        PublicGuarantorDto: {
            slug: string;
            name: string;
        };
        PublicRoundDto: {
            /** Format: uuid */
            id: string;
            name: string;
            guarantor: components["schemas"]["PublicGuarantorDto"];
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            closesAt: string;
            /** Format: date-time */
            publishedAt: string | null;
            synthetic: boolean;
        };
        PublicRoundPageDto: {
            items: components["schemas"]["PublicRoundDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        ComparisonReasonDto: {
            /**
             * @description SYNTHETIC_MIXED: one round holds generated demo data and the other real data. SAME_ROUND: A and B are one round.
             * @enum {string}
             */
            code: "SYNTHETIC_MIXED" | "SAME_ROUND";
            /** @description The reason in words: { es, en }. */
            messages: components["schemas"]["NoticeDto"];
        };
        ComparabilityDto: {
            /** @description False when the two rounds must not be compared at all (before any per-value rule of §9). */
            comparable: boolean;
            reasons: components["schemas"]["ComparisonReasonDto"][];
            syntheticA: boolean;
            syntheticB: boolean;
        };
        TrendRoundDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            closesAt: string;
            /** Format: date-time */
            publishedAt: string | null;
            synthetic: boolean;
        };
        BilingualDto: {
            es: string;
            en: string;
        };
        TrendFlagDto: {
            /**
             * @description METHOD_VERSION_DIFFERS: computed with another method version than the newest point: shown, never joined by a line (METHOD.md §9). AREA_DIFFERS (scope national): the round covered other states than the newest one, so its whole-round value measures another area: shown, never joined. NOT_IN_ROUND: the unit has no stored result in that round. NO_VALUE: a row without an estimate (see the value's `missing`).
             * @enum {string}
             */
            code: "METHOD_VERSION_DIFFERS" | "AREA_DIFFERS" | "NOT_IN_ROUND" | "NO_VALUE";
            messages: components["schemas"]["BilingualDto"];
        };
        TrendChangeDto: {
            /**
             * @description METHOD.md §9 against the previous round with a value.
             * @enum {string}
             */
            verdict: "significant" | "within_uncertainty" | "not_comparable";
            /** @description This estimate minus the previous one. */
            delta: number | null;
            /** @description 1.96·√(SE₁² + SE₂²); null when not comparable. */
            threshold: number | null;
            reasons: ("missing_value" | "different_scope" | "different_method" | "status" | "missing_se")[];
            /** @description The verdict with its reasons, in words. */
            messages: components["schemas"]["BilingualDto"];
            /**
             * Format: uuid
             * @description The round compared with.
             */
            previousRoundId: string;
        };
        TrendPointDto: {
            round: components["schemas"]["TrendRoundDto"];
            /** @description Estimate, interval, status, reasons and method of the round; null when the unit is not in the round. */
            value: components["schemas"]["ResultValueDto"] | null;
            /** @description Same method id and version as the newest point with a value (the trend line). */
            currentMethod: boolean;
            /** @description Scope national: the round covered the same states as the newest point (always true for other scopes). */
            sameArea: boolean;
            /** @description A line joins this point to the previous one: both have a value, both use the current method (and, national, cover the same states). */
            joined: boolean;
            flags: components["schemas"]["TrendFlagDto"][];
            /** @description Change against the previous point with a value (null for the first). */
            change: components["schemas"]["TrendChangeDto"] | null;
        };
        TrendDto: {
            guarantor: components["schemas"]["PublicGuarantorDto"];
            /** @enum {string} */
            scope: "institution" | "municipality" | "state" | "national";
            key: string | null;
            /** @description Institution, municipality or state name; for national, the area of the newest round: its state when it covers one, "Nacional" for all 32, else "N estados". */
            name: string;
            /** @description State code of the unit (institution, municipality, state). */
            cveEnt: string | null;
            /** @enum {string} */
            indicator: "I" | "T" | "P" | "TG" | "TC" | "PG" | "PC" | "I_G";
            /** @enum {string} */
            aggregation: "unweighted" | "mean_of_municipalities" | "population_weighted";
            /** @description The rounds are generated demo data: never shown with real ones. */
            synthetic: boolean;
            /** @description Method of the newest point with a value (the line). */
            methodId: string | null;
            methodVersion: string | null;
            /** @description Every published round of the kind, oldest window first (closes_at, opens_at). */
            points: components["schemas"]["TrendPointDto"][];
            /** @description Published rounds of the other kind (synthetic vs real) left out. */
            excludedRounds: number;
            /** @description Why rounds were left out. */
            excludedReason: components["schemas"]["BilingualDto"] | null;
            notice: components["schemas"]["NoticeDto"];
        };
        AuditEntryDto: {
            /** @description Sequence number (increasing). */
            id: string;
            /** Format: date-time */
            at: string;
            /**
             * Format: uuid
             * @description Account that acted; null for institutions (invitation links) and the system.
             */
            actorUserId: string | null;
            /** @description Role of the actor, or 'institution' / 'system'. */
            actorRole: string;
            /** @example round.open */
            action: string;
            /** @example round */
            entityType: string;
            entityId: string | null;
            details: {
                [key: string]: unknown;
            };
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        EraseSelfDto: {
            /** @description Your current password, entered again to confirm the deletion. */
            password: string;
        };
        ErasureResultDto: {
            /** Format: uuid */
            userId: string;
            /** @description The pseudonym that stays on the kept verdicts and reports. */
            pseudonym: string;
            /** Format: date-time */
            erasedAt: string;
            /** @description False when the account had already been erased (nothing changed). */
            erased: boolean;
            /** @description Active assignments expired (their institutions go back to the pool). */
            expiredAssignments: number;
            /** @description Verdicts kept, pseudonymised. */
            verdictsKept: number;
            /** @description Citizen reports kept, pseudonymised. */
            reportsKept: number;
        };
        DisputeDto: {
            /** Format: uuid */
            id: string;
            text: string;
            evidenceUrl: string | null;
            /** Format: uuid */
            evidenceFileId: string | null;
            /** @enum {string} */
            status: "open" | "upheld" | "overturned";
            /** @description The guarantor's reason. */
            decisionReason: string | null;
            decidedAt: string | null;
            createdAt: string;
        };
        RefutationDto: {
            /** Format: uuid */
            verdictId: string;
            /** @description Question name of the refuted claim. */
            questionName: string;
            /** @description Issue #18: the title of the commitment milestone when the claim is one (claim kind milestone). */
            milestoneTitle: string | null;
            evidenceUrl: string | null;
            /** @description The validator attached a file (GET …/refutations/:verdictId/evidence). */
            hasEvidenceFile: boolean;
            /** @description The validator's explanation. */
            comment: string | null;
            notifiedAt: string;
            /** @description End of the reply window. */
            replyDeadline: string;
            /**
             * @description pending: inside the window; disputed: awaiting the guarantor; counted: final; overturned: dropped.
             * @enum {string}
             */
            standing: "pending" | "disputed" | "counted" | "overturned";
            canDispute: boolean;
            dispute: components["schemas"]["DisputeDto"] | null;
        };
        RefutationListDto: {
            items: components["schemas"]["RefutationDto"][];
            /** @description Days the round gives to dispute a refutation. */
            replyWindowDays: number;
        };
        CreateDisputeDto: {
            /** @description Why the refutation is wrong. */
            text: string;
            evidenceUrl?: string;
            /**
             * Format: uuid
             * @description An evidence file the institution uploaded in this round.
             */
            evidenceFileId?: string;
        };
        TitleDto: {
            es: string;
            en: string;
        };
        DisputeQueueItemDto: {
            dispute: components["schemas"]["DisputeDto"];
            /** Format: uuid */
            verdictId: string;
            /** Format: uuid */
            institutionId: string;
            institutionName: string;
            questionName: string;
            /** @description The claim's question title (es/en) in the round's institution questionnaire. */
            questionTitle: components["schemas"]["TitleDto"] | null;
            refutationEvidenceUrl: string | null;
            /** Format: uuid */
            refutationEvidenceFileId: string | null;
            refutationComment: string | null;
            /** @description The validator's public pseudonym (never the e-mail). */
            validatorPseudonym: string;
            notifiedAt: string;
        };
        RefutationSummaryDto: {
            /** @description Refuted, notice not sent yet. */
            notNotified: number;
            /** @description Inside the reply window. */
            pending: number;
            disputed: number;
            counted: number;
            overturned: number;
        };
        DisputePageDto: {
            items: components["schemas"]["DisputeQueueItemDto"][];
            total: number;
            page: number;
            pageSize: number;
            summary: components["schemas"]["RefutationSummaryDto"];
        };
        DecideDisputeDto: {
            /**
             * @description uphold: the refutation counts; overturn: it is dropped.
             * @enum {string}
             */
            decision: "uphold" | "overturn";
            reason: string;
        };
        DueProcessSettingsDto: {
            /**
             * @description Days to dispute a refutation, from its notification.
             * @example 10
             */
            replyWindowDays: number;
            /**
             * @description Conflicts of interest a validator may declare among the round’s institutions.
             * @example 5
             */
            maxConflicts: number;
        };
        OutlierValidatorDto: {
            /** Format: uuid */
            validatorId: string;
            pseudonym: string;
            /** @description Municipality of the institutions judged. */
            cvegeo: string;
            verdicts: number;
            refuted: number;
            rate: number;
            /** @description Refutation rate of the other validators (smoothed). */
            expectedRate: number;
            /** @description One-sided binomial tail probability. */
            pValue: number;
            /**
             * @description Compared with the municipality, or with the round when the municipality has too few other verdicts.
             * @enum {string}
             */
            basis: "municipality" | "round";
        };
        OutlierListDto: {
            items: components["schemas"]["OutlierValidatorDto"][];
            alpha: number;
            minVerdicts: number;
        };
        DeliveryCountsDto: {
            queued: number;
            sent: number;
            skipped: number;
            /** @description Failed at least once and will be retried. */
            failed: number;
            /** @description No retry left: the mail did not leave (see lastError). */
            given_up: number;
            /** @description Failed or given up, then re-sent by staff (a newer row holds the new attempt). */
            resent: number;
        };
        DeliveryDto: {
            /** @description Outbox event id of the mail. */
            eventId: string;
            /**
             * @description invitation, invitation-reminder, verify-email, refutation-notice, submission-receipt or test.
             * @example invitation
             */
            kind: string;
            /** @enum {string} */
            outcome: "queued" | "sent" | "skipped" | "failed" | "given_up" | "resent";
            recipient: string | null;
            /** Format: uuid */
            roundId: string | null;
            /** Format: uuid */
            institutionId: string | null;
            institutionName: string | null;
            attempts: number;
            /** @description The SMTP server's answer (or the connection error) of the last failed attempt. */
            lastError: string | null;
            /** @description When the mail was queued. */
            queuedAt: string;
            sentAt: string | null;
            updatedAt: string;
            /** @description Outcome resent: the event id of the re-sent message. */
            resentAs: string | null;
            /** @description This message re-sends that event id. */
            resentFrom: string | null;
        };
        DeliveryPageDto: {
            /** @description Mails per state for the same filter (round), whatever the outcome filter. */
            counts: components["schemas"]["DeliveryCountsDto"];
            /** @description Mails per state changed in the last 24 hours. */
            last24h: components["schemas"]["DeliveryCountsDto"];
            total: number;
            items: components["schemas"]["DeliveryDto"][];
        };
        MailResentDto: {
            /** @description Outbox event id of the new message: its delivery row shows the new attempt. */
            eventId: string;
            /** @description The event id of the failed message, now in state resent. */
            resentFrom: string;
            to: string | null;
        };
        CapturedMailDto: {
            id: string;
            receivedAt: string;
            to: string[];
            subject: string;
            text: string;
            /** @description Links in the message (invitation, verification …). */
            links: string[];
            eventId: string | null;
        };
        CapturedPageDto: {
            /** @description True when mail goes to the development catcher (no SMTP_URL); false when SMTP_URL delivers it. */
            catcher: boolean;
            total: number;
            items: components["schemas"]["CapturedMailDto"][];
        };
        TestMailDto: {
            /** @description Recipient; the signed-in admin's own address when omitted. */
            to?: string;
        };
        TestMailQueuedDto: {
            /** @description Outbox event id: its delivery row shows the outcome. */
            eventId: string;
            to: string;
        };
        MailTemplateDto: {
            /** @enum {string} */
            kind: "invitation" | "reminder";
            /** @enum {string} */
            locale: "es" | "en";
            subject: string;
            body: string;
            /** @description False: the built-in text (the guarantor has not saved one). */
            custom: boolean;
            updatedAt: string | null;
        };
        MailTemplateListDto: {
            items: components["schemas"]["MailTemplateDto"][];
            /** @description The only variables a template may use, as {{name}}. */
            variables: string[];
        };
        SaveMailTemplateDto: {
            /** @enum {string} */
            kind: "invitation" | "reminder";
            /** @enum {string} */
            locale: "es" | "en";
            /** @example Invitación: {{round}} — {{institution}} */
            subject: string;
            /** @description Plain text; blank lines separate paragraphs; {{link}} is required. */
            body: string;
        };
        MailPreviewDto: {
            /** @description Subject of the message (from the Spanish template). */
            subject: string;
            text: string;
            /** @description The HTML part, every value escaped. */
            html: string;
        };
        MailTemplateKeyDto: {
            /** @enum {string} */
            kind: "invitation" | "reminder";
            /** @enum {string} */
            locale: "es" | "en";
        };
        SetupStatusDto: {
            /** @description True while no guarantor (other than the demo) exists: the first-run page is offered. */
            needed: boolean;
        };
        FirstRunSetupDto: {
            /**
             * @description The one-time setup code printed in the API log at start.
             * @example K7QM-2XRT-9HVD-4PLA-W3NE
             */
            code: string;
            /**
             * @description Lower case letters, digits and hyphens (2–64).
             * @example infoem
             */
            slug: string;
            /** @example Instituto de Transparencia del Estado de México */
            name: string;
            /**
             * @description State code (INEGI) of a state body; omit for a national body.
             * @example 15
             */
            cveEnt?: string | null;
            /** @example admin@infoem.example */
            adminEmail: string;
            adminPassword: string;
        };
        FirstRunSetupResultDto: {
            guarantorId: string;
            slug: string;
            adminEmail: string;
        };
        DemographicAnswersDto: {
            /** @enum {string} */
            ageBand: "18_29" | "30_44" | "45_59" | "60_plus" | "prefer_not_to_say";
            /** @enum {string} */
            gender: "woman" | "man" | "non_binary" | "other" | "prefer_not_to_say";
            /**
             * @description Population-size band of the municipality of residence (Census 2020): rural < 15,000; small_city 15,000–99,999; city 100,000–499,999; metropolis ≥ 500,000.
             * @enum {string}
             */
            municipalityType: "rural" | "small_city" | "city" | "metropolis" | "prefer_not_to_say";
            /**
             * @description Speaks an indigenous language.
             * @enum {string}
             */
            indigenousLanguage: "yes" | "no" | "prefer_not_to_say";
            /**
             * @description Lives with a disability.
             * @enum {string}
             */
            disability: "yes" | "no" | "prefer_not_to_say";
        };
        MyDemographicsDto: {
            consented: boolean;
            purposeVersion: string | null;
            consentAt: string | null;
            answers: components["schemas"]["DemographicAnswersDto"] | null;
        };
        SaveDemographicsDto: {
            /** @enum {string} */
            ageBand: "18_29" | "30_44" | "45_59" | "60_plus" | "prefer_not_to_say";
            /** @enum {string} */
            gender: "woman" | "man" | "non_binary" | "other" | "prefer_not_to_say";
            /**
             * @description Population-size band of the municipality of residence (Census 2020): rural < 15,000; small_city 15,000–99,999; city 100,000–499,999; metropolis ≥ 500,000.
             * @enum {string}
             */
            municipalityType: "rural" | "small_city" | "city" | "metropolis" | "prefer_not_to_say";
            /**
             * @description Speaks an indigenous language.
             * @enum {string}
             */
            indigenousLanguage: "yes" | "no" | "prefer_not_to_say";
            /**
             * @description Lives with a disability.
             * @enum {string}
             */
            disability: "yes" | "no" | "prefer_not_to_say";
            /**
             * @description Explicit consent to the stated purpose (aggregate statistics only): must be literally true.
             * @enum {boolean}
             */
            consent: true;
            /**
             * @description Version of the purpose statement that was shown.
             * @example 2026-12
             */
            purposeVersion: string;
        };
        ProfileCellDto: {
            /** @example woman */
            category: string;
            /** @description null when suppressed (shown as "<k"). */
            count: number | null;
            /** @description Share of those who answered the questions (0–1). */
            share: number | null;
            suppressed: boolean;
        };
        ProfileQuestionDto: {
            /** @enum {string} */
            question: "ageBand" | "gender" | "municipalityType" | "indigenousLanguage" | "disability";
            cells: components["schemas"]["ProfileCellDto"][];
        };
        PopulationShareDto: {
            /** @enum {string} */
            category: "rural" | "small_city" | "city" | "metropolis";
            population: number;
            share: number;
        };
        PopulationReferenceDto: {
            /** @description Where the population shares come from. */
            source: string;
            /** @description How the municipality type is defined. */
            definition: string;
            municipalityTypes: components["schemas"]["PopulationShareDto"][];
        };
        ReweightStratumDto: {
            /**
             * @description Municipality types of the stratum: one, or a neighbouring pair merged because one had fewer than k.
             * @example [
             *       "rural",
             *       "small_city"
             *     ]
             */
            cells: string[];
            /** @description The stratum's share of the population (census reference, 0–1). */
            populationShare: number;
        };
        ReweightedValueDto: {
            /** @enum {string} */
            indicator: "I" | "TC" | "PC";
            /** @description The published value (national, unweighted mean over institutions): the headline. */
            main: number;
            /** @description Lower end of its 95% interval. */
            lo: number | null;
            /** @description Upper end of its 95% interval. */
            hi: number | null;
            /** @description Half-width of its 95% interval (its uncertainty). */
            halfWidth: number | null;
            /** @description Status of the published value. */
            status: string;
            /** @description The same value with validators re-weighted to the population (sensitivity check only). */
            reweighted: number;
            /** @description reweighted − main. */
            difference: number;
            /** @description |difference| ≤ halfWidth: the re-weighting moves the value less than its own uncertainty. Null without an interval. */
            withinUncertainty: boolean | null;
        };
        ReweightedIndicesDto: {
            /**
             * @description The demographic with a census reference that weights.
             * @enum {string}
             */
            variable: "municipalityType";
            /**
             * @description Minimum declared validators per stratum.
             * @example 5
             */
            k: number;
            /**
             * @description Why no re-weighted values: round_open (validators can still join), no_results (no citizen values yet), results_updating (the stored per-validator values do not reproduce the published value: recomputation pending), too_few_declared (fewer than k declared a municipality type), cell_too_small (a populated stratum has fewer than k even after merging neighbours), cell_without_population (respondents in a type without population).
             * @enum {string|null}
             */
            withheld: "round_open" | "no_results" | "results_updating" | "too_few_declared" | "cell_too_small" | "cell_without_population" | null;
            strata: components["schemas"]["ReweightStratumDto"][];
            methodVersion: string | null;
            /** @description Input watermark of the published values. */
            watermark: string | null;
            /** @description Empty when withheld. */
            values: components["schemas"]["ReweightedValueDto"][];
        };
        ValidatorsProfileDto: {
            /** Format: uuid */
            roundId: string;
            /**
             * @description Suppression threshold: non-zero cells under k are not published.
             * @example 5
             */
            k: number;
            /** @description People who validated in the round (a verdict or a citizen report). */
            validators: number;
            /** @description Of them, those who consented to give demographics. */
            respondents: number;
            /** @description False when the breakdown is withheld (see `withheld`): every cell is then null. */
            published: boolean;
            /**
             * @description Why no breakdown: round_open (validators can still join, so readings could be differenced), too_few (fewer than k answered).
             * @enum {string|null}
             */
            withheld: "round_open" | "too_few" | null;
            questions: components["schemas"]["ProfileQuestionDto"][];
            population: components["schemas"]["PopulationReferenceDto"];
            /** @description Sensitivity check: the round values re-weighted to the population (beside, never instead of, the published values). */
            reweighted: components["schemas"]["ReweightedIndicesDto"];
        };
        NextRoundDto: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        MilestoneVerificationDto: {
            confirmed: number;
            /** @description Counted refutations (final, METHOD.md §3.1). */
            refuted: number;
            /** @description Refutations not yet final: shown, not counted. */
            pending: number;
            /** @enum {string} */
            state: "unverified" | "confirmed" | "refuted" | "mixed";
        };
        MilestoneDto: {
            /** Format: uuid */
            id: string;
            /** @description Verdict name of the milestone (claim kind "milestone"). */
            claimName: string;
            position: number;
            title: string;
            dueDate: string;
            declaredDone: boolean;
            verification: components["schemas"]["MilestoneVerificationDto"];
        };
        ProgressDto: {
            /** @description Share of milestones the owner declares met. */
            declared: number | null;
            /** @description Verified progress (citizen verdicts). */
            estimate: number | null;
            se: number | null;
            lo: number | null;
            hi: number | null;
            halfWidth: number | null;
            milestones: number;
            verifiedMilestones: number;
            verdicts: number;
            pendingRefutations: number;
            /** @enum {string} */
            status: "not_validated" | "inconclusive" | "caution" | "conclusive";
            reasons: string[];
            /** @description Each reason in words. */
            reasonTexts: components["schemas"]["BilingualDto"][];
        };
        CommitmentDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            roundId: string;
            /** Format: uuid */
            institutionId: string;
            institutionName: string;
            key: string;
            title: string;
            owner: string;
            outcomeIndicator: string;
            components: string[];
            /** @enum {string} */
            createdBy: "institution" | "operator";
            updatedAt: string;
            milestones: components["schemas"]["MilestoneDto"][];
            progress: components["schemas"]["ProgressDto"];
        };
        ComponentMovementDto: {
            component: string;
            label: components["schemas"]["BilingualDto"];
            /** @description Value in the commitment's round. */
            before: number | null;
            /** @description Value in the next published round. */
            after: number | null;
            /** @enum {string} */
            verdict: "improved" | "worsened" | "within_uncertainty" | "not_comparable";
            delta: number | null;
            threshold: number | null;
            reasons: string[];
        };
        InstitutionMovementDto: {
            /** Format: uuid */
            institutionId: string;
            institutionName: string;
            components: components["schemas"]["ComponentMovementDto"][];
        };
        RoundInstitutionDto: {
            /** Format: uuid */
            id: string;
            /** @description Universe key (the CSV names institutions by it). */
            key: string;
            name: string;
        };
        CommitmentListDto: {
            /** Format: uuid */
            roundId: string;
            roundName: string;
            /** @description Commitments can be recorded (the round is published). */
            published: boolean;
            /** @description The next published round of the operator, if any. */
            nextRound: components["schemas"]["NextRoundDto"] | null;
            items: components["schemas"]["CommitmentDto"][];
            /** @description Per institution: did the addressed components move? */
            movements: components["schemas"]["InstitutionMovementDto"][];
            /** @description Component codes of the round's instruments (for forms). */
            componentCodes: string[];
            notice: components["schemas"]["BilingualDto"];
            /** @description Staff view only: the round's institutions (to record a commitment for one of them). */
            institutions?: components["schemas"]["RoundInstitutionDto"][];
        };
        MilestoneInputDto: {
            title: string;
            /**
             * @description Due date (YYYY-MM-DD).
             * @example 2027-03-31
             */
            dueDate: string;
            /** @description The owner's declaration that it is met (not the public figure). */
            declaredDone?: boolean;
        };
        StaffCommitmentInputDto: {
            /** @description Stable key for CSV updates (default: derived from the title). */
            key?: string;
            title: string;
            /** @description Who answers for it (office or post). */
            owner: string;
            /** @description How the result will be known. */
            outcomeIndicator: string;
            /**
             * @description Component codes of the round's instruments.
             * @example [
             *       "TG.DA",
             *       "PG.Seg"
             *     ]
             */
            components: string[];
            milestones: components["schemas"]["MilestoneInputDto"][];
            /** Format: uuid */
            institutionId: string;
        };
        CommitmentInputDto: {
            /** @description Stable key for CSV updates (default: derived from the title). */
            key?: string;
            title: string;
            /** @description Who answers for it (office or post). */
            owner: string;
            /** @description How the result will be known. */
            outcomeIndicator: string;
            /**
             * @description Component codes of the round's instruments.
             * @example [
             *       "TG.DA",
             *       "PG.Seg"
             *     ]
             */
            components: string[];
            milestones: components["schemas"]["MilestoneInputDto"][];
        };
        CommitmentsCsvDto: {
            /** @description CSV (UTF-8; comma, semicolon or tab): institution_key (staff only), commitment_key, title, owner, outcome_indicator, components (separated by | or spaces), milestone_title, milestone_due (YYYY-MM-DD), milestone_done (optional: si/no). One row per milestone. */
            csv: string;
        };
        ImportResultDto: {
            created: number;
            updated: number;
            milestones: number;
        };
        MilestoneToVerifyDto: {
            /** @description Claim name to use with PUT …/verdicts (milestone:<id>). */
            claimName: string;
            /** Format: uuid */
            milestoneId: string;
            title: string;
            dueDate: string;
            declaredDone: boolean;
            commitmentTitle: string;
            outcomeIndicator: string;
            owner: string;
            commitmentRoundName: string;
            /** @enum {string|null} */
            myVerdict: "confirmed" | "refuted" | "unverifiable" | null;
            myComment: string | null;
            myEvidenceUrl: string | null;
        };
        MilestonesToVerifyDto: {
            items: components["schemas"]["MilestoneToVerifyDto"][];
        };
        OperatorDto: {
            name: string;
            /** @enum {string} */
            kind: "guarantor_body" | "transparency_authority" | "comptroller" | "civil_society" | "academia";
        };
        CosignPartsDto: {
            /** @description sha256 of the method settings and design. */
            settingsHash: string;
            /** @description sha256 of the checksums of the institution and citizen questionnaires. */
            instrumentHash: string;
            /** @description sha256 of every computed value of the round (estimates, intervals, statuses). */
            resultsHash: string;
            /** @description sha256 of the three: what an approval covers. */
            fingerprint: string;
        };
        StaffCosignerDto: {
            id: string;
            organisationName: string;
            /** @enum {string} */
            organisationKind: "civil_society" | "academia" | "other";
            /** @enum {string} */
            state: "pending" | "approved" | "approved_stale" | "objected";
            /** Format: date-time */
            invitedAt: string;
            /** Format: date-time */
            removedAt: string | null;
            email: string | null;
            displayName: string | null;
            /** @description The account chose its password. */
            activated: boolean;
        };
        CosignDecisionDto: {
            id: string;
            cosignerId: string;
            organisationName: string;
            /** @enum {string} */
            organisationKind: "civil_society" | "academia" | "other";
            /** @enum {string} */
            decision: "approve" | "object";
            reason: string;
            parts: components["schemas"]["CosignPartsDto"];
            /** @description What changed since (settings, instrument, results); empty when it is about the round as it is now. */
            changedSince: string[];
            /** @description The co-signer's latest decision (earlier ones are history). */
            current: boolean;
            /** Format: date-time */
            decidedAt: string;
        };
        StaffCosignSummaryDto: {
            roundId: string;
            roundName: string;
            status: string;
            operator: components["schemas"]["OperatorDto"];
            coSignQuorum: number;
            /** @description Co-signers whose latest decision approves the round as it is now. */
            approvals: number;
            quorumMet: boolean;
            current: components["schemas"]["CosignPartsDto"];
            cosigners: components["schemas"]["StaffCosignerDto"][];
            decisions: components["schemas"]["CosignDecisionDto"][];
            /** @description The publication's rebuild is done but the round stayed closed: the rebuilt results are not what the quorum approved (approvals are stale). */
            publicationHeld: boolean;
        };
        SetQuorumDto: {
            /** @description Co-signers whose current approval publishing needs (0 = no co-signing). Raised until publication; lowered only while draft. */
            coSignQuorum: number;
        };
        InviteCosignerDto: {
            /** @example revision@colectivo.example */
            email: string;
            /** @description Public name of the co-signing organisation. */
            organisationName: string;
            /** @enum {string} */
            organisationKind: "civil_society" | "academia" | "other";
            /** @description The contact person's name (private). */
            displayName?: string;
        };
        CosignRoundItemDto: {
            roundId: string;
            roundName: string;
            status: string;
            operator: components["schemas"]["OperatorDto"];
            organisationName: string;
            /** @enum {string} */
            state: "pending" | "approved" | "approved_stale" | "objected";
        };
        CosignerDto: {
            id: string;
            organisationName: string;
            /** @enum {string} */
            organisationKind: "civil_society" | "academia" | "other";
            /** @enum {string} */
            state: "pending" | "approved" | "approved_stale" | "objected";
            /** Format: date-time */
            invitedAt: string;
            /** Format: date-time */
            removedAt: string | null;
        };
        CosignQuestionnaireDto: {
            id: string;
            kind: string;
            title: string;
            version: number;
            checksum: string;
        };
        StatusCountDto: {
            status: string;
            n: number;
        };
        HeadlineValueDto: {
            indicator: string;
            aggregation: string;
            estimate: number | null;
            lo: number | null;
            hi: number | null;
            status: string;
        };
        CosignReviewDto: {
            roundId: string;
            roundName: string;
            status: string;
            operator: components["schemas"]["OperatorDto"];
            coSignQuorum: number;
            /** @description Co-signers whose latest decision approves the round as it is now. */
            approvals: number;
            quorumMet: boolean;
            current: components["schemas"]["CosignPartsDto"];
            cosigners: components["schemas"]["CosignerDto"][];
            decisions: components["schemas"]["CosignDecisionDto"][];
            myCosignerId: string;
            organisationName: string;
            /** @description Decisions are accepted now (round closed, not yet published). */
            decisionsOpen: boolean;
            /** @description Method settings (METHOD.md), as the round uses them. */
            settings: Record<string, never>;
            /** @description Design (census or sample). */
            design: Record<string, never>;
            questionnaires: components["schemas"]["CosignQuestionnaireDto"][];
            /** @description Institution values (I) by status. */
            institutionStatuses: components["schemas"]["StatusCountDto"][];
            /** @description National I, T and P as computed now. */
            headline: components["schemas"]["HeadlineValueDto"][];
        };
        DecideDto: {
            /** @enum {string} */
            decision: "approve" | "object";
            /** @description Reasons (required for an objection; published as written). */
            reason?: string;
            /** @description The fingerprint the co-signer reviewed (GET /api/cosign/rounds/{id}); 409 COSIGN_FINGERPRINT_CHANGED when the round changed since. */
            fingerprint: string;
        };
        CosignSummaryDto: {
            roundId: string;
            roundName: string;
            status: string;
            operator: components["schemas"]["OperatorDto"];
            coSignQuorum: number;
            /** @description Co-signers whose latest decision approves the round as it is now. */
            approvals: number;
            quorumMet: boolean;
            current: components["schemas"]["CosignPartsDto"];
            cosigners: components["schemas"]["CosignerDto"][];
            decisions: components["schemas"]["CosignDecisionDto"][];
        };
        UpdateOperatorDto: {
            /** @description Public name of the operator. */
            name?: string;
            /**
             * @description What kind of body operates the rounds.
             * @enum {string}
             */
            kind?: "guarantor_body" | "transparency_authority" | "comptroller" | "civil_society" | "academia";
        };
        CreateReportDto: {
            /**
             * @description A published value, an evidence link, or something else on the page.
             * @enum {string}
             */
            targetKind: "value" | "evidence" | "other";
            /** @description Which value (e.g. "I", "TG.AI") or which evidence link (its address). */
            targetRef?: string;
            /**
             * Format: uuid
             * @description The institution the value or link belongs to.
             */
            institutionId?: string;
            /** @description What is wrong (public: do not include personal data). */
            description: string;
            /** @description Optional address for questions; never public, never mailed automatically. */
            contactEmail?: string;
            /** @description Leave empty (a field people do not see; automated senders fill it). */
            website?: string;
        };
        ReportReceiptDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "open" | "acknowledged" | "fixed" | "rejected";
            /** @description Public status page of the report (path). */
            statusPath: string;
        };
        PublicReportDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            roundId: string;
            roundName: string;
            institutionId: string | null;
            institutionName: string | null;
            /** @enum {string} */
            targetKind: "value" | "evidence" | "other";
            targetRef: string;
            description: string;
            /** @enum {string} */
            status: "open" | "acknowledged" | "fixed" | "rejected";
            publicReply: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        StaffReportDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            roundId: string;
            roundName: string;
            institutionId: string | null;
            institutionName: string | null;
            /** @enum {string} */
            targetKind: "value" | "evidence" | "other";
            targetRef: string;
            description: string;
            /** @enum {string} */
            status: "open" | "acknowledged" | "fixed" | "rejected";
            publicReply: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            contactEmail: string | null;
        };
        TriageReportDto: {
            /** @enum {string} */
            status: "acknowledged" | "fixed" | "rejected";
            /** @description Public reply (required to close a report as fixed or rejected). */
            publicReply?: string;
        };
        UploadEvidenceFormDto: {
            /**
             * Format: binary
             * @description ≤ 10 MB; PDF, PNG, JPEG, GIF, WebP, DOCX/XLSX/PPTX, ODT/ODS/ODP, plain text or CSV (detected from the content).
             */
            file: string;
            questionName: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ACCOUNT_LOCKED */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Error codes: CSRF_REJECTED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_requestReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_confirmReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirmDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetDoneDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example error */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"][];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: EMAIL_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: EMAIL_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersController_resendInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersController_changeRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRoleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: LAST_ADMIN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: LAST_ADMIN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UsersController_reactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffInviteController_inspect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffInviteTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffInviteInfoDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffInviteController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptStaffInviteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UniverseController_import: {
        parameters: {
            query?: {
                /** @description Validate and count what would change, without writing anything. */
                dryRun?: unknown;
                /** @description Run as a background import (202 + Location) whatever the size. `text/csv` bodies above 256 KB (or without Content-Length) always do. */
                async?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string | components["schemas"]["ImportUniverseJsonDto"];
                "application/json": string | components["schemas"]["ImportUniverseJsonDto"];
            };
        };
        responses: {
            /** @description Small files: imported (or, with dryRun, previewed). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UniverseImportResultDto"];
                };
            };
            /** @description Large files or `?async=1`: queued; see the Location header. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UniverseImportJobDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED, CONTROL_CHARACTER */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNIVERSE_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UniverseController_listImports: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UniverseImportPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UniverseController_getImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UniverseImportJobDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UniverseController_list: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                /** @description State (2-digit INEGI code). */
                cveEnt?: string;
                /** @description Municipality (5-digit INEGI code). */
                cvegeo?: string;
                level?: "federal" | "estatal" | "municipal" | "autonomo";
                /** @description Institution type (case-insensitive). */
                type?: string;
                /** @description Text contained in the name (case-insensitive). */
                q?: string;
                /** @description Padrón status: `active` (default for the universe), `retired`, or `all`. A round that opened lists all of its own by default. */
                status?: "active" | "retired" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UniverseController_summary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UniverseSummaryDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UniverseController_retire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                institutionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstitutionActionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    UniverseController_reactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                institutionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstitutionActionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CatalogueController_states: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatesDto"];
                };
            };
        };
    };
    CatalogueController_municipalities: {
        parameters: {
            query?: {
                /** @description Only municipalities of this state (2-digit INEGI code); all 2,469 when absent. */
                cveEnt?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MunicipalitiesDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    QuestionnairesController_list: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                kind?: "institution" | "citizen";
                /** @description Every version of this slug (newest first) instead of the latest version of each slug. */
                slug?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnairePageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    QuestionnairesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateQuestionnaireDto"];
            };
        };
        responses: {
            /** @description Identical to the latest version of the slug, which is returned. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireDto"];
                };
            };
            /** @description A new version was stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: QUESTIONNAIRE_INVALID, QUESTIONNAIRE_KIND_MISMATCH */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    QuestionnairesController_installDefaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstalledDefaultsDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: QUESTIONNAIRE_KIND_MISMATCH */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    QuestionnairesController_importSheet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportSheetDto"];
            };
        };
        responses: {
            /** @description Identical to the latest version of the slug, which is returned. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireDto"];
                };
            };
            /** @description A new version was stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: QUESTIONNAIRE_SHEET_INVALID, QUESTIONNAIRE_INVALID, QUESTIONNAIRE_KIND_MISMATCH */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    QuestionnairesController_copyFromRound: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CopyFromRoundDto"];
            };
        };
        responses: {
            /** @description Identical to the latest version of the slug, which is returned. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireDto"];
                };
            };
            /** @description A new version was stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: QUESTIONNAIRE_INVALID, QUESTIONNAIRE_KIND_MISMATCH */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    QuestionnairesController_exportSheet: {
        parameters: {
            query: {
                /** @description csv (UTF-8 with BOM), xlsx, or json (the rows as an array of objects). */
                format: "csv" | "xlsx" | "json";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    QuestionnairesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoundsController_list: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                status?: "draft" | "open" | "closed" | "published";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoundsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRoundDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDetailDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: QUESTIONNAIRE_KIND_MISMATCH, SETTINGS_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoundsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDetailDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoundsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_DRAFT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoundsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRoundDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDetailDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_DRAFT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: QUESTIONNAIRE_KIND_MISMATCH, SETTINGS_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoundsController_publishPreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishPreviewDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoundsController_universe: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                /** @description State (2-digit INEGI code). */
                cveEnt?: string;
                /** @description Municipality (5-digit INEGI code). */
                cvegeo?: string;
                level?: "federal" | "estatal" | "municipal" | "autonomo";
                /** @description Institution type (case-insensitive). */
                type?: string;
                /** @description Text contained in the name (case-insensitive). */
                q?: string;
                /** @description Padrón status: `active` (default for the universe), `retired`, or `all`. A round that opened lists all of its own by default. */
                status?: "active" | "retired" | "all";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoundsController_open: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDetailDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNIVERSE_EMPTY, DESIGN_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoundsController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDetailDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RoundsController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishRoundDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDetailDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TRANSITION, PUBLISH_ACKNOWLEDGEMENT_REQUIRED, COSIGN_QUORUM_NOT_MET */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvitationsController_remind: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemindersDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemindersResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_OPEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvitationsController_progress: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                /** @description Only municipalities of this state (2-digit INEGI code). */
                cveEnt?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationProgressDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvitationsController_list: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                status?: "pending" | "mailed" | "opened" | "draft" | "submitted" | "revoked";
                /** @description State (2-digit INEGI code). */
                cveEnt?: string;
                /** @description Municipality (5-digit INEGI code). */
                cvegeo?: string;
                /** @description Part of the institution's name, key or e-mail address (case-insensitive). */
                search?: string;
                /** @description Only institutions whose last invitation or reminder mail is in this state (e.g. given_up: it did not leave). */
                mail?: "queued" | "sent" | "skipped" | "failed" | "given_up" | "resent";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvitationsController_reissue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                institutionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationItemDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_OPEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvitationsController_resend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                institutionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResendResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_OPEN, INVITATION_REVOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvitationsController_reissueLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                institutionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReissueLinkDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReissuedLinkDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_OPEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvitationsController_updateEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                institutionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateInvitationEmailDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationItemDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVITATION_REVOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvitationsController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                institutionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationItemDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVITATION_REVOKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvitationsController_reminderSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderSettingsResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InvitationsController_updateReminderSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReminderSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderSettingsResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RespondOpenController_open: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenedInvitationDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RespondController_context: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RespondContextDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RespondController_saveDraft: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveDraftDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftSavedDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_OPEN, ROUND_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: SUBMISSION_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RespondController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitDto"];
            };
        };
        responses: {
            /** @description Replay of an earlier submission with the same key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmitResultDto"];
                };
            };
            /** @description New version stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmitResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: IDEMPOTENCY_MISMATCH, VERSION_LIMIT_REACHED, ROUND_NOT_OPEN, ROUND_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: SUBMISSION_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RespondController_copy: {
        parameters: {
            query?: {
                /** @description Version number; the latest when absent. */
                version?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmittedCopyDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RespondController_previous: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreviousRoundDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RespondController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionSummaryDto"][];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffResponsesController_list: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                status?: "none" | "draft" | "submitted";
                /** @description State (2-digit INEGI code). */
                cveEnt?: string;
            };
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsePageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffResponsesController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
                institutionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffResponseDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffResponsesController_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
                institutionId: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffVersionDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffResponsesController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RegistrationController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterValidatorDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RegistrationController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyEmailDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifiedDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RegistrationController_resend: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResendVerificationDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfileController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidatorProfileDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PrivacyController_eraseSelf: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EraseSelfDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED, INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfileController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProfileDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidatorProfileDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfileController_setConflicts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConflictsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidatorProfileDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED, CONFLICT_REASON_REQUIRED, TOO_MANY_CONFLICTS */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProfileController_institutions: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                /** @description Part of the name (accent- and case-insensitive). */
                q?: string;
                cveEnt?: string;
                cvegeo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionSearchPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AssignmentsController_rounds: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenRoundPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN, EMAIL_NOT_VERIFIED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AssignmentsController_request: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestAssignmentsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestAssignmentsResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED, TOO_MANY_CONFLICTS */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN, EMAIL_NOT_VERIFIED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: VALIDATION_CLOSED, ROUND_NOT_OPEN, ROUND_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AssignmentsController_list: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                roundId?: string;
                /** @description Default: active and completed. */
                status?: "active" | "completed" | "expired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN, EMAIL_NOT_VERIFIED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AssignmentsController_history: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN, EMAIL_NOT_VERIFIED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AssignmentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assignmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN, EMAIL_NOT_VERIFIED, NOT_ASSIGNED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    WorkController_saveVerdicts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assignmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveVerdictsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SaveVerdictsResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN, EMAIL_NOT_VERIFIED, NOT_ASSIGNED, CONFLICT_OF_INTEREST */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ASSIGNMENT_EXPIRED, VALIDATION_CLOSED, ROUND_NOT_OPEN, ROUND_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    WorkController_saveVerdict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assignmentId: string;
                /** @description Name of a verifiable claim of the institution questionnaire. */
                questionName: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveVerdictDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SaveVerdictResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN, EMAIL_NOT_VERIFIED, NOT_ASSIGNED, CONFLICT_OF_INTEREST */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ASSIGNMENT_EXPIRED, VALIDATION_CLOSED, ROUND_NOT_OPEN, ROUND_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: SUBMISSION_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    WorkController_saveReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assignmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SaveReportResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN, EMAIL_NOT_VERIFIED, NOT_ASSIGNED, CONFLICT_OF_INTEREST */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ASSIGNMENT_EXPIRED, VALIDATION_CLOSED, ROUND_NOT_OPEN, ROUND_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: SUBMISSION_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    WorkController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assignmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["EvidenceUploadFormDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceFileDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN, EMAIL_NOT_VERIFIED, NOT_ASSIGNED, CONFLICT_OF_INTEREST */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ASSIGNMENT_EXPIRED, VALIDATION_CLOSED, ROUND_NOT_OPEN, ROUND_CLOSED, CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    WorkController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assignmentId: string;
                fileId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN, EMAIL_NOT_VERIFIED, NOT_ASSIGNED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ValidationAdminController_open: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationStateDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ValidationAdminController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationStateDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ValidationAdminController_validators: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
            };
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundValidatorPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ValidationAdminController_recruitment: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                level?: "municipality" | "state";
                /** @description Only this state. */
                cveEnt?: string;
                /** @description `needed` = most needed first; `key` = by INEGI code. */
                sort?: "needed" | "key";
            };
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecruitmentDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ValidationAdminController_expire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpireResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicExportsController_download: {
        parameters: {
            query?: {
                /** @description CSV only: prepend a UTF-8 BOM so Excel reads accents correctly, and neutralise text cells that start like a formula. */
                bom?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                roundId: string;
                /** @description institutions.csv | institutions.json | municipalities.csv | municipalities.json | states.csv | states.json | dictionary.json */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffExportsController_download: {
        parameters: {
            query?: {
                /** @description CSV only: prepend a UTF-8 BOM so Excel reads accents correctly, and neutralise text cells that start like a formula. */
                bom?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                roundId: string;
                /** @description institutions.csv | institutions.json | municipalities.csv | municipalities.json | states.csv | states.json | dictionary.json */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MicrodataController_download: {
        parameters: {
            query?: {
                /** @description CSV only: prepend a UTF-8 BOM so Excel reads accents correctly, and neutralise text cells that start like a formula. */
                bom?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                roundId: string;
                /** @description answers.csv | verdicts.csv | citizen_reports.csv | codebook.csv | microdata.xlsx */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ResultsController_summary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultsSummaryDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ResultsController_institutions: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                /** @description Indicator to show and sort by (default: each institution's headline, I or else I_G). */
                indicator?: "I" | "T" | "P" | "TG" | "TC" | "PG" | "PC" | "I_G" | "TG_raw" | "PG_raw" | "I_G_raw" | "DELTA_G";
                level?: "federal" | "estatal" | "municipal" | "autonomo";
                type?: string;
                /** @description State (2-digit INEGI code). */
                cveEnt?: string;
                /** @description Municipality (5-digit INEGI cvegeo). */
                cvegeo?: string;
                /** @description Conclusiveness (docs/method.md §7): not_validated (needs citizen data and has none), inconclusive ("no es estadísticamente concluyente"), caution, conclusive. */
                status?: "not_validated" | "inconclusive" | "caution" | "conclusive";
                /** @description docs/method.md §9: `ranked` = only validated values (conclusive or caution, with an SE) in rank order, each with its 95 % rank interval; `unranked` = everything else (insufficient data, unverified self-reports), by name. Indicator must be I, T, P, TC or PC. */
                ranking?: "ranked" | "unranked";
                /** @description Institutions without a value sort last. */
                sort?: "name" | "estimate" | "-estimate";
            };
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionResultPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ResultsController_distribution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionDistributionDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ResultsController_institution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
                institutionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionResultDetailDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ResultsController_areas: {
        parameters: {
            query: {
                page?: unknown;
                pageSize?: unknown;
                scope: "municipality" | "state" | "national" | "level" | "type";
                /** @description unweighted = mean over obliged subjects (the Métrica); state and national also have the mean of municipal values and a population-weighted mean. */
                aggregation?: "unweighted" | "mean_of_municipalities" | "population_weighted" | "stratified";
                indicator?: "I" | "T" | "P" | "TG" | "TC" | "PG" | "PC" | "I_G" | "TG_raw" | "PG_raw" | "I_G_raw" | "DELTA_G";
                /** @description Only municipalities / the state with this 2-digit code (scopes municipality and state). */
                cveEnt?: string;
                /** @description Conclusiveness (docs/method.md §7): not_validated (needs citizen data and has none), inconclusive ("no es estadísticamente concluyente"), caution, conclusive. */
                status?: "not_validated" | "inconclusive" | "caution" | "conclusive";
                /** @description docs/method.md §9: `ranked` = only validated values (conclusive or caution, with an SE) in rank order, each with its 95 % rank interval; `unranked` = everything else (insufficient data, unverified self-reports), by name. Indicator must be I, T, P, TC or PC. Scopes municipality (national, or within cveEnt) and state; aggregation unweighted. */
                ranking?: "ranked" | "unranked";
                /** @description key = cvegeo / cve_ent / level / type. Areas without a value sort last. */
                sort?: "key" | "name" | "estimate" | "-estimate";
            };
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AreaResultPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ResultsController_request: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecomputeAcceptedDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ResultsController_run: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecomputeRunDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicResultsController_rounds: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                /** @description Only this guarantor's published rounds (its slug). The demo's synthetic rounds belong to the demo guarantor only. */
                guarantor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicRoundPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicResultsController_comparison: {
        parameters: {
            query: {
                /** @description Round A (published). */
                a: string;
                /** @description Round B (published). */
                b: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComparabilityDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicResultsController_summary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultsSummaryDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicResultsController_institutions: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                /** @description Indicator to show and sort by (default: each institution's headline, I or else I_G). */
                indicator?: "I" | "T" | "P" | "TG" | "TC" | "PG" | "PC" | "I_G" | "TG_raw" | "PG_raw" | "I_G_raw" | "DELTA_G";
                level?: "federal" | "estatal" | "municipal" | "autonomo";
                type?: string;
                /** @description State (2-digit INEGI code). */
                cveEnt?: string;
                /** @description Municipality (5-digit INEGI cvegeo). */
                cvegeo?: string;
                /** @description Conclusiveness (docs/method.md §7): not_validated (needs citizen data and has none), inconclusive ("no es estadísticamente concluyente"), caution, conclusive. */
                status?: "not_validated" | "inconclusive" | "caution" | "conclusive";
                /** @description docs/method.md §9: `ranked` = only validated values (conclusive or caution, with an SE) in rank order, each with its 95 % rank interval; `unranked` = everything else (insufficient data, unverified self-reports), by name. Indicator must be I, T, P, TC or PC. */
                ranking?: "ranked" | "unranked";
                /** @description Institutions without a value sort last. */
                sort?: "name" | "estimate" | "-estimate";
            };
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionResultPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicResultsController_distribution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionDistributionDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicResultsController_institution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
                institutionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionResultDetailDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicResultsController_areas: {
        parameters: {
            query: {
                page?: unknown;
                pageSize?: unknown;
                scope: "municipality" | "state" | "national" | "level" | "type";
                /** @description unweighted = mean over obliged subjects (the Métrica); state and national also have the mean of municipal values and a population-weighted mean. */
                aggregation?: "unweighted" | "mean_of_municipalities" | "population_weighted" | "stratified";
                indicator?: "I" | "T" | "P" | "TG" | "TC" | "PG" | "PC" | "I_G" | "TG_raw" | "PG_raw" | "I_G_raw" | "DELTA_G";
                /** @description Only municipalities / the state with this 2-digit code (scopes municipality and state). */
                cveEnt?: string;
                /** @description Conclusiveness (docs/method.md §7): not_validated (needs citizen data and has none), inconclusive ("no es estadísticamente concluyente"), caution, conclusive. */
                status?: "not_validated" | "inconclusive" | "caution" | "conclusive";
                /** @description docs/method.md §9: `ranked` = only validated values (conclusive or caution, with an SE) in rank order, each with its 95 % rank interval; `unranked` = everything else (insufficient data, unverified self-reports), by name. Indicator must be I, T, P, TC or PC. Scopes municipality (national, or within cveEnt) and state; aggregation unweighted. */
                ranking?: "ranked" | "unranked";
                /** @description key = cvegeo / cve_ent / level / type. Areas without a value sort last. */
                sort?: "key" | "name" | "estimate" | "-estimate";
            };
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AreaResultPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ResultsEventsController_stream: {
        parameters: {
            query?: {
                /** @description Same as Last-Event-ID, for clients that cannot set headers. */
                lastEventId?: unknown;
            };
            header?: {
                /** @description The last event id received (sent by EventSource on reconnect). */
                "Last-Event-ID"?: string;
            };
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/event-stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicTrendsController_trend: {
        parameters: {
            query: {
                /** @description The guarantor, by slug: its real rounds, or its synthetic ones when it has no real round. Give `guarantor` or `round`. */
                guarantor?: string;
                /** @description Any published round: the trend of its guarantor, over rounds of the same kind (real or synthetic) as this one. */
                round?: string;
                scope: "institution" | "municipality" | "state" | "national";
                /** @description institution: its id; municipality: 5-digit cvegeo; state: 2-digit cve_ent; national: omitted. */
                key?: string;
                indicator?: "I" | "T" | "P" | "TG" | "TC" | "PG" | "PC" | "I_G";
                /** @description Areas only (institutions have one value). */
                aggregation?: "unweighted" | "mean_of_municipalities" | "population_weighted";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrendDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                /** @description Exact action, or a prefix ending in `.*` (e.g. `round.*`). */
                action?: string;
                entityType?: string;
                /** @description Id of the entity (a UUID for most entities). */
                entityId?: string;
                /** @description Records of this account (see GET /api/users for the staff). */
                actorUserId?: string;
                /** @description Records about this round: the round itself, or an entity of it (details.roundId). */
                roundId?: string;
                /** @description Records at or after this instant. */
                from?: string;
                /** @description Records strictly before this instant. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PrivacyController_erase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ReplyController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefutationListDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ReplyController_evidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                verdictId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ReplyController_dispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                verdictId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDisputeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefutationDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: REPLY_WINDOW_CLOSED, DISPUTE_EXISTS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    DisputesController_queue: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                /** @description Default: open. */
                status?: "open" | "decided";
            };
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisputePageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    DisputesController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
                disputeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideDisputeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisputeDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: DISPUTE_DECIDED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    DisputesController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DueProcessSettingsDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    DisputesController_updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DueProcessSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DueProcessSettingsDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_DRAFT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    DisputesController_outliers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutlierListDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MailController_deliveries: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
                /** @description Only mails in this state. */
                outcome?: "queued" | "sent" | "skipped" | "failed" | "given_up" | "resent";
                /** @description Only mails of this round (invitations, reminders, notices). */
                roundId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MailController_resend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Outbox event id of the mail (DeliveryDto.eventId). */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailResentDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: MAIL_ALREADY_SENT, MAIL_NOT_RESENDABLE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MailController_captured: {
        parameters: {
            query?: {
                page?: unknown;
                pageSize?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CapturedPageDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MailController_test: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestMailDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestMailQueuedDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MailController_listTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailTemplateListDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MailController_saveTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveMailTemplateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailTemplateDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED, TEMPLATE_UNKNOWN_VARIABLE, TEMPLATE_UNSAFE, TEMPLATE_LINK_REQUIRED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MailController_previewTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveMailTemplateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailPreviewDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED, TEMPLATE_UNKNOWN_VARIABLE, TEMPLATE_UNSAFE, TEMPLATE_LINK_REQUIRED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MailController_resetTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MailTemplateKeyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailTemplateDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    SetupController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetupStatusDto"];
                };
            };
        };
    };
    SetupController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FirstRunSetupDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FirstRunSetupResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: SETUP_CODE_INVALID */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: SETUP_ALREADY_DONE, EMAIL_TAKEN, CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: SETUP_CODE_EXPIRED */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    DemographicsController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyDemographicsDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    DemographicsController_save: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveDemographicsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyDemographicsDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    DemographicsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyDemographicsDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ValidatorsProfileController_publicProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidatorsProfileDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ValidatorsProfileController_profile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidatorsProfileDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicCommitmentsController_list: {
        parameters: {
            query?: {
                /** @description Only this institution (its results page). */
                institutionId?: string;
            };
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentListDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffCommitmentsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentListDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffCommitmentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffCommitmentInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_PUBLISHED, MILESTONE_HAS_VERDICTS, CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: COMMITMENT_COMPONENT_UNKNOWN */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffCommitmentsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                commitmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommitmentInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_PUBLISHED, MILESTONE_HAS_VERDICTS, CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: COMMITMENT_COMPONENT_UNKNOWN */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffCommitmentsController_import: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommitmentsCsvDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_PUBLISHED, MILESTONE_HAS_VERDICTS, CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: COMMITMENT_COMPONENT_UNKNOWN, COMMITMENTS_CSV_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InstitutionCommitmentsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentListDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InstitutionCommitmentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommitmentInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_PUBLISHED, MILESTONE_HAS_VERDICTS, CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: COMMITMENT_COMPONENT_UNKNOWN */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InstitutionCommitmentsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                commitmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommitmentInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_PUBLISHED, MILESTONE_HAS_VERDICTS, CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: COMMITMENT_COMPONENT_UNKNOWN */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    InstitutionCommitmentsController_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommitmentsCsvDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResultDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_PUBLISHED, MILESTONE_HAS_VERDICTS, CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: COMMITMENT_COMPONENT_UNKNOWN, COMMITMENTS_CSV_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    MilestoneWorkController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assignmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestonesToVerifyDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN, EMAIL_NOT_VERIFIED, NOT_ASSIGNED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffCosignController_summary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCosignSummaryDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffCosignController_setQuorum: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetQuorumDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCosignSummaryDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: COSIGN_QUORUM_LOCKED, COSIGN_DECISIONS_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffCosignController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteCosignerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCosignSummaryDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: EMAIL_TAKEN, CONFLICT, COSIGN_DECISIONS_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffCosignController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
                cosignerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCosignSummaryDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: COSIGNER_HAS_DECIDED, COSIGN_DECISIONS_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CosignerController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CosignRoundItemDto"][];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CosignerController_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CosignReviewDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CosignerController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CosignReviewDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED, COSIGN_REASON_REQUIRED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: COSIGN_FINGERPRINT_CHANGED, COSIGN_DECISIONS_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CosignerController_download: {
        parameters: {
            query?: {
                /** @description CSV only: prepend a UTF-8 BOM so Excel reads accents correctly, and neutralise text cells that start like a formula. */
                bom?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                roundId: string;
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicCosignController_summary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CosignSummaryDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicCosignController_csv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OperatorController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    OperatorController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOperatorDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicOperatorController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicFeedbackController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicReportDto"][];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicFeedbackController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReportDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportReceiptDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicFeedbackController_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicReportDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffFeedbackController_queue: {
        parameters: {
            query?: {
                status?: "open" | "acknowledged" | "fixed" | "rejected";
                roundId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffReportDto"][];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    StaffFeedbackController_triage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TriageReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffReportDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED, REPORT_REPLY_REQUIRED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: REPORT_TRANSITION_INVALID */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    EvidenceController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadEvidenceFormDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceDto"];
                };
            };
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_OPEN, ROUND_CLOSED, CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: SUBMISSION_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    EvidenceController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    EvidenceController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Error codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: INVALID_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error codes: ROUND_NOT_OPEN, ROUND_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
}
