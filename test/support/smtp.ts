import { AddressInfo } from 'net';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** An SMTP refusal the test server answers every RCPT TO with (e.g. 550 mailbox unavailable, 451 try later). */
export interface Refusal {
  code: number;
  message: string;
}

export interface TestSmtp {
  url: string;
  /** While set, every recipient is refused with this answer (can be changed while the server runs). */
  refuse: Refusal | null;
  messages: ReceivedMail[];
  /** Resolves once at least `count` messages arrived (polls; rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** A real SMTP server in-process (smtp-server), collecting parsed messages. */
export async function startSmtp(refuse: Refusal | null = null): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const state = { refuse };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!state.refuse) return callback();
      callback(Object.assign(new Error(state.refuse.message), { responseCode: state.refuse.code }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail: ParsedMail) => {
          const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
            a.value.map((v) => v.address ?? ''),
          );
          messages.push({
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get refuse() {
      return state.refuse;
    },
    set refuse(r: Refusal | null) {
      state.refuse = r;
    },
    messages,
    async waitFor(count, timeoutMs = 20000) {
      const start = Date.now();
      while (messages.length < count) {
        if (Date.now() - start > timeoutMs) throw new Error(`expected ${count} mails, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Mails to one address, waiting until at least `count` arrived (rejects after 20 s). */
export function mailsTo(smtp: TestSmtp) {
  const to = (email: string): ReceivedMail[] => smtp.messages.filter((m) => m.to.includes(email));
  async function waitForMails(email: string, count: number): Promise<ReceivedMail[]> {
    const start = Date.now();
    while (to(email).length < count) {
      if (Date.now() - start > 20000) throw new Error(`expected ${count} mails to ${email}, got ${to(email).length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return to(email);
  }
  return { to, waitForMails };
}
