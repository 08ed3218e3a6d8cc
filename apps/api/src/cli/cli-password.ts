import { createInterface } from 'readline';
import { Readable, Writable } from 'stream';

/**
 * Reads a password for an operator command without ever taking it from argv (visible to every user in
 * `ps` and kept in shell history): from a terminal, a prompt that does not echo; from a pipe, the first
 * line of stdin (`printf '%s\n' "$PASSWORD" | cli.js create-guarantor …`).
 */
export async function readPassword(
  prompt: string,
  input: Readable & { isTTY?: boolean } = process.stdin,
  output: Writable = process.stderr,
): Promise<string> {
  if (input.isTTY) return promptHidden(prompt, input, output);
  return firstLine(input);
}

async function firstLine(input: Readable): Promise<string> {
  const rl = createInterface({ input, terminal: false });
  try {
    for await (const line of rl) return line.replace(/\r$/, '');
    return '';
  } finally {
    rl.close();
  }
}

function promptHidden(prompt: string, input: Readable, output: Writable): Promise<string> {
  let muted = false;
  // Echo the prompt, then swallow what readline would echo of the typed characters.
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) output.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input, output: sink, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      output.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
